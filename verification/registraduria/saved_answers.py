"""Saved answers of the fronts and what they should classify as: the manifest format that
`manage.py parse_registraduria --expect` reads (support staff check saved answers after a site
change; the test corpus in tests/verification/registraduria/corpus/ uses the same format).

    {"front": "wsp", "answers": [{"file": "active.json", "http_status": 200, "outcome": "active",
      "reason": "ok", "fields": {"nuip": "…", …}, "source": {…}}, …]}

A field the entry leaves out is expected empty. `file` is relative to the manifest's folder.
"""

import json
from dataclasses import dataclass
from pathlib import Path

from verification.lookup import FIELD_NAMES, OUTCOMES, LookupResult


@dataclass(frozen=True)
class SavedAnswer:
    path: Path
    file: str
    front: str
    http_status: int | None
    outcome: str
    reason: str | None
    fields: dict[str, str | None]


def load_manifest(manifest: Path) -> list[SavedAnswer]:
    """The manifest's answers; ValueError (in Spanish) for a manifest that is not in the format."""
    document = json.loads(manifest.read_text(encoding="utf-8"))
    if not isinstance(document, dict) or not isinstance(document.get("answers"), list):
        raise ValueError("se esperaba un objeto con la lista «answers»")
    front = str(document.get("front") or "")
    answers = []
    for index, entry in enumerate(document["answers"], start=1):
        if not isinstance(entry, dict) or not isinstance(entry.get("file"), str):
            raise ValueError(f"la respuesta {index} no tiene «file»")
        outcome = entry.get("outcome")
        if outcome not in OUTCOMES:
            raise ValueError(f"la respuesta {index} tiene un «outcome» desconocido: {outcome!r}")
        fields = entry.get("fields") or {}
        unknown = set(fields) - set(FIELD_NAMES)
        if unknown:
            raise ValueError(f"la respuesta {index} tiene campos desconocidos: {', '.join(sorted(unknown))}")
        status = entry.get("http_status")
        answers.append(
            SavedAnswer(
                path=manifest.parent / entry["file"],
                file=entry["file"],
                front=str(entry.get("front") or front),
                http_status=int(status) if status is not None else None,
                outcome=outcome,
                reason=entry.get("reason"),
                fields={name: fields.get(name) for name in FIELD_NAMES},
            )
        )
    return answers


def mismatches(answer: SavedAnswer, result: LookupResult) -> list[str]:
    """One line per difference between what `answer` expects and `result` (empty: right)."""
    wrong = []
    if result.outcome != answer.outcome or (answer.reason is not None and result.reason != answer.reason):
        wrong.append(f"outcome {result.outcome}/{result.reason}, se esperaba {answer.outcome}/{answer.reason}")
    for name in FIELD_NAMES:
        got = result.fields.get(name)
        if got != answer.fields[name]:
            wrong.append(f"{name} = {got!r}, se esperaba {answer.fields[name]!r}")
    return wrong
