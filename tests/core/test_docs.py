"""docs/events.md lists every registered event type and consumer, with the right version and fields."""

import dataclasses
import re
from pathlib import Path

from core.events import event_types
from core.handlers import all_handlers

CATALOGUE = Path(__file__).resolve().parents[2] / "docs" / "events.md"


def _is_product(obj) -> bool:
    return not obj.__module__.startswith("tests.")


def _sections() -> dict[str, tuple[int, str]]:
    text = CATALOGUE.read_text()
    parts = re.split(r"^## `([^`]+)` \(v(\d+)\)$", text, flags=re.MULTILINE)
    return {parts[i]: (int(parts[i + 1]), parts[i + 2]) for i in range(1, len(parts), 3)}


def _line(body: str, label: str) -> str:
    match = re.search(rf"^- {label}: (.*)$", body, flags=re.MULTILINE)
    assert match, f"no '- {label}:' line"
    return match.group(1)


def test_every_registered_event_is_documented_with_its_version_and_payload():
    sections = _sections()
    registered = {name: cls for name, cls in event_types().items() if _is_product(cls)}
    assert sorted(registered) == sorted(sections), "docs/events.md and the event registry disagree"
    for name, cls in registered.items():
        version, body = sections[name]
        assert version == cls.VERSION, f"{name}: documented v{version}, registered v{cls.VERSION}"
        payload = _line(body, "Payload")
        for field in dataclasses.fields(cls):
            assert f"`{field.name}`" in payload, f"{name}: payload field {field.name} is not documented"
        assert _line(body, "Stream").startswith(f"`{cls.STREAM_TYPE}:")
        assert _line(body, "Producer")


def test_every_consumer_is_documented_under_its_event():
    sections = _sections()
    for spec in all_handlers():
        if not _is_product(spec.func):
            continue
        assert spec.event_type in sections, f"{spec.name} consumes an undocumented event"
        assert f"`{spec.name}`" in _line(sections[spec.event_type][1], "Consumers"), f"{spec.name} is not documented"
