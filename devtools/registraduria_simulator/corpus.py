"""The corpus of real answer shapes (tests/verification/registraduria/corpus/<front>/manifest.json,
built from public evidence) served as scenarios: each saved answer gets a cédula of its own, and its
front replies with the saved body and status once the lookup has passed the page flow and the
captcha, exactly as the real front would have. The other fronts answer that cédula with a 500, so a
lookup with several fronts fails over to the one the answer belongs to.

Cédulas: `2` + the front's digit (wsp 1, consultacenso 2, infovotantes 3) + the answer's position in
its manifest (8 digits, from 1): 2100000001 is the first wsp answer. `corpus_table()` lists them.
"""

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

CORPUS_DIR = Path(__file__).resolve().parents[2] / "tests" / "verification" / "registraduria" / "corpus"
FRONT_DIGITS = {"wsp": 1, "consultacenso": 2, "infovotantes": 3}
CONTENT_TYPES = {".json": "application/json; charset=utf-8", ".html": "text/html; charset=utf-8"}


@dataclass(frozen=True)
class CorpusAnswer:
    cedula: str
    front: str
    file: str
    status: int
    body: bytes
    content_type: str
    outcome: str
    reason: str
    fields: tuple[tuple[str, str], ...]  # the expected fields that have a value

    @property
    def expected_fields(self) -> dict[str, str]:
        return dict(self.fields)


def corpus_cedula(front: str, position: int) -> str:
    return f"2{FRONT_DIGITS[front]}{position:08d}"


@cache
def corpus_answers(corpus_dir: Path = CORPUS_DIR) -> dict[str, CorpusAnswer]:
    """Every saved answer by its cédula ({} when the corpus is not there, e.g. outside a checkout)."""
    answers: dict[str, CorpusAnswer] = {}
    for front in FRONT_DIGITS:
        manifest = corpus_dir / front / "manifest.json"
        if not manifest.exists():
            continue
        for position, entry in enumerate(json.loads(manifest.read_text(encoding="utf-8"))["answers"], start=1):
            path = manifest.parent / entry["file"]
            cedula = corpus_cedula(front, position)
            answers[cedula] = CorpusAnswer(
                cedula=cedula,
                front=front,
                file=entry["file"],
                status=int(entry["http_status"]),
                body=path.read_bytes(),
                content_type=CONTENT_TYPES.get(path.suffix, "text/plain; charset=utf-8"),
                outcome=entry["outcome"],
                reason=entry["reason"],
                fields=tuple(sorted((k, v) for k, v in entry["fields"].items() if v is not None)),
            )
    return answers


def corpus_table() -> str:
    """The corpus scenarios as a Markdown table (docs/registraduria.md lists them)."""
    rows = ["| cédula | front | answer | outcome (reason) |", "|---|---|---|---|"]
    for answer in corpus_answers().values():
        rows.append(f"| {answer.cedula} | {answer.front} | `{answer.file}` | {answer.outcome} ({answer.reason}) |")
    return "\n".join(rows)
