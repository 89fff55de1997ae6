"""Append events to streams and read them back. No business rules live here."""

import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Max

from core import handlers, personal_data
from core.events import DomainEvent, EventEnvelope, upcast
from core.logging import bind_correlation
from core.models import OutboxMessage, StoredEvent


class ConcurrencyError(Exception):
    """Another writer appended to the stream first (optimistic concurrency)."""


@dataclass(frozen=True)
class Metadata:
    """Who did it and why: actor ("system", "user:<id>", "staff:<id>"), correlation and causation."""

    actor: str
    correlation_id: uuid.UUID
    causation_id: uuid.UUID | None = None

    @classmethod
    def new(cls, actor: str) -> "Metadata":
        return cls(actor=actor, correlation_id=uuid.uuid4())

    @classmethod
    def caused_by(cls, envelope: EventEnvelope, actor: str = "system") -> "Metadata":
        return cls(actor=actor, correlation_id=envelope.correlation_id, causation_id=envelope.event_id)


def stream_version(stream_type: str, stream_id: str) -> int:
    current = StoredEvent.objects.filter(stream_type=stream_type, stream_id=stream_id).aggregate(v=Max("version"))
    return current["v"] or 0


def append(
    *,
    stream_id: str | int,
    events: Sequence[DomainEvent],
    metadata: Metadata,
    expected_version: int | None = None,
) -> list[StoredEvent]:
    """Append `events` to one stream, with their outbox deliveries, in the caller's transaction.

    `expected_version` is the stream version the caller decided on (None: whatever it is now). A
    concurrent append to the same stream raises ConcurrencyError.
    """
    if not events:
        return []
    stream_type = events[0].STREAM_TYPE
    if any(stream_type != e.STREAM_TYPE for e in events):
        raise ValueError("all events appended together must belong to one stream type")
    stream_id = str(stream_id)
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("append() must run inside the caller's transaction (transaction.atomic)")
    version = stream_version(stream_type, stream_id)
    if expected_version is not None and version != expected_version:
        raise ConcurrencyError(f"{stream_type}:{stream_id} is at version {version}, expected {expected_version}")
    rows = []
    for offset, event in enumerate(events, start=1):
        rows.append(
            StoredEvent(
                stream_type=stream_type,
                stream_id=stream_id,
                version=version + offset,
                event_type=event.TYPE,
                schema_version=event.VERSION,
                payload=_stored_payload(event),
                actor=metadata.actor,
                correlation_id=metadata.correlation_id,
                causation_id=metadata.causation_id,
            )
        )
    try:
        with transaction.atomic():
            for row in rows:
                row.save()
            OutboxMessage.objects.bulk_create(
                OutboxMessage(event=row, handler=name, stream=row.stream, created_at=row.occurred_at)
                for row in rows
                for name in handlers.handler_names_for(row.event_type)
            )
    except IntegrityError as exc:
        raise ConcurrencyError(f"{stream_type}:{stream_id} was appended to concurrently") from exc
    bind_correlation(metadata.correlation_id)
    if any(handlers.handler_names_for(r.event_type) for r in rows):
        from core.relay import relay_wake_on_commit

        relay_wake_on_commit()
    return rows


def _stored_payload(event: DomainEvent) -> dict[str, Any]:
    """The payload as stored: its personal fields sealed under the subject's key, when it has any."""
    subject = event.subject()
    if subject is None:  # no PERSONAL_FIELDS
        return event.payload()
    return personal_data.seal(event.payload(), fields=event.PERSONAL_FIELDS, subject=subject)


def to_envelope(row: StoredEvent, *, keys: dict[str, bytes] | None = None) -> EventEnvelope:
    payload, erased = personal_data.unseal(row.payload, keys=keys)
    return EventEnvelope(
        position=row.position,
        event_id=row.event_id,
        stream_type=row.stream_type,
        stream_id=row.stream_id,
        version=row.version,
        event=upcast(row.event_type, row.schema_version, payload),
        occurred_at=row.occurred_at,
        actor=row.actor,
        correlation_id=row.correlation_id,
        causation_id=row.causation_id,
        erased=erased,
    )


def load_stream(stream_type: str, stream_id: str | int) -> list[EventEnvelope]:
    rows = StoredEvent.objects.filter(stream_type=stream_type, stream_id=str(stream_id)).order_by("version")
    return [to_envelope(r) for r in rows]


def read_all(
    *,
    since: int = 0,
    stream_types: Iterable[str] | None = None,
    stream: str | None = None,
    stream_ids: Iterable[str] | None = None,
    batch_size: int = 1000,
) -> Iterator[EventEnvelope]:
    """Every event after global position `since`, in order, read in batches (optionally only the
    streams `stream_ids` of `stream_types`)."""
    qs = StoredEvent.objects.order_by("position")
    if stream_types is not None:
        qs = qs.filter(stream_type__in=list(stream_types))
    if stream_ids is not None:
        qs = qs.filter(stream_id__in=list(stream_ids))
    if stream is not None:
        stream_type, _, stream_id = stream.partition(":")
        qs = qs.filter(stream_type=stream_type, stream_id=stream_id)
    position = since
    while True:
        batch = list(qs.filter(position__gt=position)[:batch_size])
        if not batch:
            return
        # One query for the batch's keys, not one per sealed event.
        subjects = {s for s in (personal_data.sealed_subject(row.payload) for row in batch) if s is not None}
        keys = personal_data.keys_for(subjects) if subjects else {}
        for row in batch:
            yield to_envelope(row, keys=keys)
        position = batch[-1].position
