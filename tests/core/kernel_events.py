"""In-process test events and their consumers (module-level registrations, test-only stream types)."""

from dataclasses import dataclass

from django.db import transaction

from core import event_store
from core.event_store import Metadata
from core.events import DomainEvent, register_event, register_upcaster
from core.handlers import handler

CALLS: list[tuple[str, str, int]] = []
FAILING: set[str] = set()  # stream ids whose deliveries raise
BREAK_AT_COMMIT: set[str] = set()  # stream ids whose deliveries break a deferred constraint (fail at commit)


@register_event
@dataclass(frozen=True, kw_only=True)
class Pinged(DomainEvent):
    """Version 2 renamed `n` to `count` and added `source`; version-1 rows are upcast when read."""

    TYPE = "tests.Pinged"
    VERSION = 2
    STREAM_TYPE = "ping"

    count: int
    source: str = "unknown"


@register_upcaster("tests.Pinged", from_version=1)
def _pinged_v1_to_v2(payload: dict) -> dict:
    return {"count": payload["n"], "source": "v1"}


@handler("tests.Pinged", name="tests.on_ping")
def on_ping(envelope) -> None:
    if envelope.stream_id in FAILING:
        raise RuntimeError("the consumer is down (test)")
    if envelope.stream_id in BREAK_AT_COMMIT:
        import uuid

        from core.models import ProcessedMessage

        # A foreign key to a row that does not exist: checked when the transaction commits (as when
        # the row a consumer points at was deleted by a concurrent transaction).
        ProcessedMessage.objects.create(message_id=10**12, handler="tests.dangling", event_id=uuid.uuid4())
    CALLS.append((envelope.stream_id, envelope.event_type, envelope.version))


def ping(stream_id: str, count: int = 1, **metadata):
    with transaction.atomic():
        return event_store.append(
            stream_id=stream_id,
            events=[Pinged(count=count)],
            metadata=Metadata.new(metadata.get("actor", "system")),
        )[0]
