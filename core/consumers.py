"""Running one outbox delivery: the handler's effects happen once, however often it is delivered."""

import contextvars
import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from core import handlers
from core.event_store import ConcurrencyError, Metadata, append, to_envelope
from core.events import EventEnvelope, OutboxRequeued
from core.logging import bind_correlation
from core.models import OutboxMessage, OutboxStatus, ProcessedMessage
from core.relay import relay_wake_on_commit, retry_delay_seconds

logger = logging.getLogger(__name__)

REQUEUE_STREAM_ID = "requeues"

_current_task_id: contextvars.ContextVar[str] = contextvars.ContextVar("current_task_id", default="")


class Defer(Exception):
    """Raised by a handler: not now (another delivery of the same work is running). This copy ends
    without effect and without counting as a failure; the message stays open and is delivered again
    at `until` (by then the other copy has finished it, or died and left it to this one)."""

    def __init__(self, until: datetime):
        super().__init__(f"deferred until {until.isoformat()}")
        self.until = until


def current_task_id() -> str:
    """The Django-Q2 task id of the delivery being handled ("" outside a delivery)."""
    return _current_task_id.get()


def _mark_processed(message: OutboxMessage, envelope: EventEnvelope) -> None:
    ProcessedMessage.objects.create(message=message, handler=message.handler, event_id=envelope.event_id)
    OutboxMessage.objects.filter(pk=message.pk).update(
        status=OutboxStatus.DONE, done_at=timezone.now(), lease_until=None
    )


def outbox_deliver(*, message_id: int, task_id: str = "") -> str:
    """Run the handler of one outbox row. Returns "done", "duplicate", "deferred", "failed" or "dead".

    The row is locked (PostgreSQL) or the write lock taken (SQLite, IMMEDIATE) before the inbox check,
    so two concurrent deliveries of one message are serialised and the second sees it processed.
    Every exception is a counted failure, also one raised by the commit itself (a deferred foreign key
    to a row deleted meanwhile, a serialisation failure): a delivery that keeps failing ends as a dead
    letter instead of being redelivered forever.
    """
    try:
        outcome, error, run_outside = _deliver_in_transaction(message_id=message_id, task_id=task_id)
    except Exception as exc:  # the commit failed: nothing of the handler's effects was kept
        return _record_failure(message_id=message_id, error=exc)
    if outcome is not None:
        return outcome
    if run_outside is not None:
        spec, envelope = run_outside
        try:
            spec.func(envelope)
        except Defer as defer:
            return _defer(message_id=message_id, until=defer.until)
        except Exception as exc:
            error = exc
        else:
            with transaction.atomic():
                message = OutboxMessage.objects.select_for_update().get(pk=message_id)
                if message.status == OutboxStatus.DONE:
                    return "duplicate"
                _mark_processed(message, envelope)
            return "done"
    assert error is not None
    return _record_failure(message_id=message_id, error=error)


def _deliver_in_transaction(
    *, message_id: int, task_id: str
) -> tuple[str | None, BaseException | None, tuple[handlers.Handler, EventEnvelope] | None]:
    """(outcome, error, handler to run outside a transaction): exactly one of them is set."""
    with transaction.atomic():
        message = OutboxMessage.objects.select_for_update().select_related("event").get(pk=message_id)
        if message.status == OutboxStatus.DONE or ProcessedMessage.objects.filter(message_id=message_id).exists():
            return "duplicate", None, None
        try:
            # A handler renamed away or an event without its upcaster must not make the task crash
            # (it would be redelivered forever): it is a failure like any other, ending as a dead letter.
            spec = handlers.get_handler(message.handler)
            envelope = to_envelope(message.event)
        except Exception as exc:
            return None, exc, None
        _current_task_id.set(task_id or message.task_id)
        bind_correlation(envelope.correlation_id)
        if not spec.transactional:
            return None, None, (spec, envelope)
        try:
            with transaction.atomic():
                spec.func(envelope)
                _mark_processed(message, envelope)
        except Defer as defer:
            return _defer(message_id=message_id, until=defer.until), None, None
        except Exception as exc:
            return None, exc, None
        return "done", None, None


def _defer(*, message_id: int, until: datetime) -> str:
    with transaction.atomic():
        updated = (
            OutboxMessage.objects.filter(pk=message_id)
            .exclude(status=OutboxStatus.DONE)
            .update(status=OutboxStatus.PENDING, available_at=until, lease_until=None)
        )
    logger.info("outbox delivery %s deferred until %s", message_id, until.isoformat())
    return "deferred" if updated else "duplicate"


def _record_failure(*, message_id: int, error: BaseException) -> str:
    # Only the exception's type and message are kept; handlers never put personal data in messages.
    summary = f"{type(error).__name__}: {error}"[:500]
    logger.warning("outbox delivery %s failed: %s", message_id, summary)
    with transaction.atomic():
        message = OutboxMessage.objects.select_for_update().get(pk=message_id)
        if message.status == OutboxStatus.DONE:
            return "duplicate"
        failures = message.failure_count + 1
        dead = failures >= settings.OUTBOX_MAX_FAILURES
        OutboxMessage.objects.filter(pk=message_id).update(
            failure_count=failures,
            last_error=summary,
            status=OutboxStatus.DEAD if dead else OutboxStatus.PENDING,
            available_at=timezone.now() + timedelta(seconds=retry_delay_seconds(failures)),
            lease_until=None,
        )
    return "dead" if dead else "failed"


REQUEUEABLE_STATUSES = (OutboxStatus.DEAD, OutboxStatus.PENDING)


def outbox_requeue(*, message_ids: list[int], actor: str = "system") -> int:
    """Put dead (or backing-off) deliveries back in the queue, due now. Returns how many were requeued.

    Deliveries in flight (dispatched, lease running) and done ones are left alone: requeueing them
    would only run a handler twice at once. The action is recorded as a `core.OutboxRequeued` event
    (who, which rows) in the same transaction.
    """
    with transaction.atomic():
        ids = sorted(
            OutboxMessage.objects.select_for_update()
            .filter(id__in=message_ids, status__in=REQUEUEABLE_STATUSES)
            .values_list("id", flat=True)
        )
        if not ids:
            return 0
        OutboxMessage.objects.filter(id__in=ids).update(
            status=OutboxStatus.PENDING, available_at=timezone.now(), lease_until=None, failure_count=0
        )
        for attempt in range(3):
            try:
                append(
                    stream_id=REQUEUE_STREAM_ID,
                    events=[OutboxRequeued(message_ids=ids)],
                    metadata=Metadata.new(actor=actor),
                )
                break
            except ConcurrencyError:
                if attempt == 2:
                    raise
        relay_wake_on_commit()
    return len(ids)
