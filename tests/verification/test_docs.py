import io
import re
from pathlib import Path

from django.core.management import call_command

DOC = Path(__file__).resolve().parents[2] / "docs" / "verification-states.md"


def _edges(dot: str) -> set[str]:
    return {line.strip() for line in dot.splitlines() if "->" in line}


def test_state_diagram_in_docs_matches_the_model():
    out = io.StringIO()
    call_command("graph_transitions", "verification.CedulaInfo", stdout=out)
    match = re.search(r"```dot\n(.*?)```", DOC.read_text(), re.S)
    assert match is not None
    documented = match.group(1)
    assert _edges(out.getvalue())
    assert _edges(documented) == _edges(out.getvalue())
