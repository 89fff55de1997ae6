"""The relay: turns due outbox rows into Django-Q2 tasks (at-least-once, in order per stream).

Claiming is safe with several relays at once: on PostgreSQL rows are locked with
`SELECT … FOR UPDATE SKIP LOCKED`; on SQLite every write transaction is IMMEDIATE, so claims are
serialised by the database's single writer lock. Only the head of each (stream, handler) queue is
claimable, so a stream's events reach a handler in order. A claimed row holds a lease; if it is not
done when the lease ends (relay, broker or worker died) it is dispatched again.
"""

import logging
import os
import random
import signal
import threading
from datetime import timedelta

from django.conf import settings
from django.db import close_old_connections, connection, transaction
from django.db.models import Count, Exists, F, Min, OuterRef, Q
from django.utils import timezone
from django_q.tasks import async_task

from core.models import OutboxMessage, OutboxStatus

logger = logging.getLogger(__name__)

OPEN_STATUSES = (OutboxStatus.PENDING, OutboxStatus.DISPATCHED)


def _due_queryset(now):
    earlier_open = OutboxMessage.objects.filter(
        stream=OuterRef("stream"), handler=OuterRef("handler"), id__lt=OuterRef("id"), status__in=OPEN_STATUSES
    )
    return (
        OutboxMessage.objects.filter(
            Q(status=OutboxStatus.PENDING, available_at__lte=now)
            | Q(status=OutboxStatus.DISPATCHED, lease_until__lt=now)
        )
        .filter(~Exists(earlier_open))
        .order_by("id")
    )


def outbox_claim_batch(*, limit: int, now=None) -> list[int]:
    """Mark up to `limit` due rows dispatched (with a lease) and return their ids. Commits."""
    now = now or timezone.now()
    lease = timedelta(seconds=settings.OUTBOX_LEASE_SECONDS)
    with transaction.atomic():
        qs = _due_queryset(now)
        if connection.features.has_select_for_update_skip_locked:
            qs = qs.select_for_update(skip_locked=True, of=("self",))
        ids = list(qs.values_list("id", flat=True)[:limit])
        if ids:
            OutboxMessage.objects.filter(id__in=ids).update(
                status=OutboxStatus.DISPATCHED,
                lease_until=now + lease,
                dispatched_at=now,
                dispatch_count=F("dispatch_count") + 1,
            )
    return ids


# --- Fault injection, for the no-loss tests only ---------------------------------------------
# `RELAY_TEST_FAULTS` is set by tests/settings_kernel.py from the environment; core/settings.py never
# defines it, so production processes cannot reach these branches. Each fault SIGKILLs the current
# process at a precise point that a real crash could hit but a test cannot otherwise reach on demand:
#   "kill-before-wake":       right after the writing transaction committed, before the on-commit wake-up;
#   "kill-after-dispatch:N":  after this process enqueued N tasks, in the middle of a claimed batch.
_dispatched_in_process = 0


def _test_fault(name: str) -> str | None:
    for fault in getattr(settings, "RELAY_TEST_FAULTS", ()):
        key, _, arg = fault.partition(":")
        if key == name:
            return arg
    return None


def _die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def relay_dispatch_due(*, limit: int | None = None) -> int:
    """Claim due outbox rows and enqueue one Django-Q2 task each. Returns how many were dispatched."""
    global _dispatched_in_process
    ids = outbox_claim_batch(limit=limit or settings.RELAY_BATCH_SIZE)
    kill_after = _test_fault("kill-after-dispatch")
    for message_id in ids:
        if kill_after is not None and _dispatched_in_process >= int(kill_after):
            _die()
        # Only the id travels: the task re-reads the row and the event (no personal data in the broker).
        task_id = async_task(
            "core.tasks.deliver",
            message_id,
            task_name=f"outbox-{message_id}",
            group="outbox",
            save=settings.RELAY_SAVE_TASK_RESULTS,
        )
        # The task id goes into the audit log of what the delivery caused.
        OutboxMessage.objects.filter(pk=message_id).update(task_id=task_id or "")
        _dispatched_in_process += 1
    return len(ids)


def relay_wake_on_commit() -> None:
    """After the current transaction commits, dispatch what it wrote without waiting for a sweep.

    If this process dies between the commit and the wake-up, the relay's periodic sweep finds the rows.
    One wake-up per transaction is enough, however many appends it made.
    """
    if not settings.RELAY_WAKE_ON_COMMIT:
        return
    conn = transaction.get_connection()
    if any(func is _wake for _sids, func, _robust in conn.run_on_commit):
        return
    transaction.on_commit(_wake, robust=True)


def _wake() -> None:
    if _test_fault("kill-before-wake") is not None:
        _die()
    relay_dispatch_due()


def outbox_lag_seconds(*, now=None) -> float:
    """Age of the oldest delivery not yet processed (0 when the outbox is drained)."""
    now = now or timezone.now()
    oldest = OutboxMessage.objects.filter(status__in=OPEN_STATUSES).aggregate(oldest=Min("created_at"))["oldest"]
    return max(0.0, (now - oldest).total_seconds()) if oldest else 0.0


def outbox_status(*, now=None) -> dict[str, float | int]:
    """Counts per status, the lag and how many deliveries are due now (for `relay --status`, the admin)."""
    now = now or timezone.now()
    counts = dict.fromkeys(OutboxStatus.values, 0)
    for row in OutboxMessage.objects.values("status").annotate(n=Count("id")):
        counts[row["status"]] = row["n"]
    due = _due_queryset(now).count()
    return {**counts, "due": due, "lag_seconds": round(outbox_lag_seconds(now=now), 3)}


def retry_delay_seconds(failure_count: int) -> float:
    """Exponential backoff with full jitter, capped."""
    cap = settings.OUTBOX_BACKOFF_MAX_SECONDS
    base = settings.OUTBOX_BACKOFF_BASE_SECONDS * (2 ** max(0, failure_count - 1))
    return random.uniform(min(cap, base) / 2, min(cap, base))  # noqa: S311 - jitter, not security


class Relay:
    """The long-running relay loop (`manage.py relay`): sweep, dispatch, sleep; stop on SIGTERM/SIGINT."""

    def __init__(self, *, interval: float, batch_size: int) -> None:
        self.interval = interval
        self.batch_size = batch_size
        self._stop = threading.Event()

    def install_signal_handlers(self) -> None:
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, lambda *_: self._stop.set())

    def stop(self) -> None:
        self._stop.set()

    def run(self) -> int:
        total = 0
        while not self._stop.is_set():
            # A long-lived loop outside the request cycle: drop a connection that broke or aged out.
            close_old_connections()
            try:
                dispatched = relay_dispatch_due(limit=self.batch_size)
            except Exception:
                logger.exception("relay sweep failed; retrying after %ss", self.interval)
                dispatched = 0
            total += dispatched
            if dispatched < self.batch_size:
                self._stop.wait(self.interval)
        return total


def relay_drain_once(*, batch_size: int) -> int:
    """Dispatch everything due now (the `--once` mode) and return the count."""
    total = 0
    while True:
        dispatched = relay_dispatch_due(limit=batch_size)
        total += dispatched
        if dispatched < batch_size:
            return total
