"""The relay: turns due outbox rows into Django-Q2 tasks (at-least-once, in order per stream).

Claiming is safe with several relays at once: on PostgreSQL rows are locked with
`SELECT … FOR UPDATE SKIP LOCKED`; on SQLite every write transaction is IMMEDIATE, so claims are
serialised by the database's single writer lock. Only the head of each (stream, handler) queue is
claimable, so a stream's events reach a handler in order. A claimed row holds a lease; if it is not
done when the lease ends (relay, broker or worker died) it is dispatched again.

On PostgreSQL the writing transaction also NOTIFYs the relays, which LISTEN on their own connection
and sweep as soon as a commit lands; the periodic sweep stays as the fallback (SQLite, RELAY_LISTEN
off, a broken LISTEN connection, retries and expired leases).
"""

import functools
import logging
import random
import signal
import threading
import time
from collections.abc import Callable
from contextlib import suppress
from datetime import datetime, timedelta

import psycopg
from django.conf import settings
from django.db import close_old_connections, connection, router, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Case, Count, Exists, F, Min, OuterRef, Q, QuerySet, Value, When
from django.utils import timezone
from django_q.brokers import Broker, get_broker
from django_q.brokers.orm import ORM
from django_q.brokers.redis_broker import Redis
from django_q.conf import Conf
from django_q.models import OrmQ
from django_q.tasks import async_task

from core import handlers
from core.models import OutboxMessage, OutboxStatus

logger = logging.getLogger(__name__)

OPEN_STATUSES = (OutboxStatus.PENDING, OutboxStatus.DISPATCHED)

# Writers NOTIFY this channel inside their transaction; PostgreSQL delivers it at commit (never for a
# transaction that rolls back) to every relay LISTENing, on any machine.
NOTIFY_CHANNEL = "pagina_madre_outbox"
# A relay whose LISTEN connection broke (or could not be opened) polls, and tries again after this long.
LISTEN_RETRY_SECONDS = 5.0
# The longest one wait for a notification runs without looking at the stop flag: the SIGTERM handler
# only sets the flag, it cannot interrupt psycopg's wait.
STOP_CHECK_SECONDS = 0.5
# How the relay's LISTEN connection shows in pg_stat_activity (unless OPTIONS set application_name).
LISTEN_APPLICATION_NAME = "pagina-madre-relay"
# PostgreSQL plans the claim from the outbox's statistics. On a table never analysed, or changed a lot
# since (the first wave of registrations after a quiet spell), it picked a plan that compares every
# open row with every other: 300 ms per batch of 100 on 1,000 fresh rows, against 0.9 ms on 20,000
# once analysed. Autovacuum catches up within its naptime (a minute by default); the relay does not
# wait for it: it looks every STATISTICS_CHECK_SECONDS and analyses the table itself when the rows
# changed since the last analysis pass both figures below.
STATISTICS_CHECK_SECONDS = 10.0
STATISTICS_STALE_ROWS = 500
STATISTICS_STALE_FRACTION = 0.2


def _due_queryset(now: datetime) -> QuerySet[OutboxMessage]:
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


def outbox_claim_batch(*, limit: int, now: datetime | None = None) -> list[int]:
    """Mark up to `limit` due rows dispatched (with a lease) and return their ids. Commits."""
    return [message_id for message_id, _ in _claim(limit=limit, now=now)]


def _claim(*, limit: int, now: datetime | None = None) -> list[tuple[int, str]]:
    """`outbox_claim_batch`, with each row's handler (which names its lane) read in the same query."""
    with transaction.atomic():
        return _claim_in_transaction(limit=limit, now=now)


def _claim_in_transaction(*, limit: int, now: datetime | None = None) -> list[tuple[int, str]]:
    now = now or timezone.now()
    lease = timedelta(seconds=settings.OUTBOX_LEASE_SECONDS)
    qs = _due_queryset(now)
    if connection.features.has_select_for_update_skip_locked:
        qs = qs.select_for_update(skip_locked=True, of=("self",))
    claimed = list(qs.values_list("id", "handler")[:limit])
    ids = [message_id for message_id, _ in claimed]
    if ids:
        OutboxMessage.objects.filter(id__in=ids).update(
            status=OutboxStatus.DISPATCHED,
            lease_until=now + lease,
            dispatched_at=now,
            dispatch_count=F("dispatch_count") + 1,
        )
    return claimed


class _Collector:
    """Stands in for a Django-Q2 broker inside `async_task`: keeps the signed package instead of pushing
    it, so that a whole batch goes to the real broker in one round trip (see `_push`)."""

    def __init__(self, cluster: str) -> None:
        self.list_key = cluster
        self.packs: list[str] = []

    def enqueue(self, pack: str) -> int:
        self.packs.append(pack)
        return len(self.packs)


def _enqueue(message_id: int, cluster: str, collector: _Collector) -> str:
    """Build one delivery's task for `cluster`'s queue (signed by Django-Q2 itself, with its overrides
    and its pre_enqueue signal) into `collector`, and return its task id. Only the id travels: the
    task re-reads the row and the event (no personal data in the broker)."""
    task_id: str = async_task(
        "core.tasks.deliver",
        message_id,
        task_name=f"outbox-{message_id}",
        group="outbox",
        save=settings.RELAY_SAVE_TASK_RESULTS,
        cluster=cluster,
        broker=collector,
    )
    return task_id


@functools.cache
def _broker(cluster: str) -> Broker:
    """Django-Q2's broker for `cluster`'s queue, made once per process (a Redis broker holds a
    connection pool, which redis-py renews after a fork)."""
    return get_broker(cluster)


def _push(collectors: dict[str, _Collector]) -> None:
    """Hand every collected package to its queue: one INSERT for all the ORM broker's queues, one RPUSH
    per Redis queue; any other broker gets Django-Q2's own enqueue, one package at a time."""
    rows: list[OrmQ] = []
    now = timezone.now()
    for cluster, collector in collectors.items():
        if not collector.packs:
            continue  # Q_SYNC: async_task ran each task itself and pushed nothing
        broker = _broker(cluster)
        if isinstance(broker, ORM):
            rows.extend(OrmQ(key=broker.list_key, payload=pack, lock=now) for pack in collector.packs)
        elif isinstance(broker, Redis):
            broker.connection.rpush(broker.list_key, *collector.packs)
        else:
            for pack in collector.packs:
                broker.enqueue(pack)
    if rows:
        OrmQ.objects.using(Conf.ORM).bulk_create(rows)


def _record_task_ids(task_ids: dict[int, str]) -> None:
    """One UPDATE for the whole batch: the task id goes into the audit log of what a delivery caused."""
    if task_ids:
        OutboxMessage.objects.filter(pk__in=task_ids).update(
            task_id=Case(*(When(pk=pk, then=Value(task_id or "")) for pk, task_id in task_ids.items()))
        )


def _queue_shares_the_outbox_database() -> bool:
    """The ORM broker on the outbox's own database: claim, enqueue and mark can commit together."""
    if Conf.SYNC or not Conf.ORM:
        return False  # sync runs each task inside async_task: never inside the claim's transaction
    return bool(router.db_for_write(OutboxMessage) == Conf.ORM and isinstance(_broker(Conf.CLUSTER_NAME), ORM))


def _dispatch(claimed: list[tuple[int, str]]) -> None:
    collectors: dict[str, _Collector] = {}
    task_ids: dict[int, str] = {}
    for message_id, handler in claimed:
        cluster = handlers.cluster_for(handler)
        collector = collectors.setdefault(cluster, _Collector(cluster))
        task_ids[message_id] = _enqueue(message_id, cluster, collector)
    _push(collectors)
    _record_task_ids(task_ids)


def relay_dispatch_due(*, limit: int | None = None) -> int:
    """Claim due outbox rows and enqueue one Django-Q2 task each. Returns how many were dispatched.

    With the ORM broker on the outbox's database a batch is one transaction of four statements: the
    claim's SELECT and UPDATE, one INSERT of every task, one UPDATE that records every task id. It
    commits all of it or nothing, so a relay that dies mid-batch leaves no claimed row without its
    task. With Redis: the claim commits, then one RPUSH per queue, then the task-id UPDATE; a relay
    that dies in between leaves claimed rows whose lease redelivers them (consumers are idempotent)."""
    limit = limit or settings.RELAY_BATCH_SIZE
    if _queue_shares_the_outbox_database():
        with transaction.atomic():
            claimed = _claim_in_transaction(limit=limit)
            _dispatch(claimed)
    else:
        claimed = _claim(limit=limit)
        _dispatch(claimed)
    return len(claimed)


def relay_wake_on_commit() -> None:
    """Wake the relays for what the current transaction wrote, as soon as it commits.

    On PostgreSQL (RELAY_LISTEN) a NOTIFY goes into the transaction itself: the server delivers it to
    every LISTENing relay at commit, so even a writer that dies right after its commit still wakes
    them. With RELAY_WAKE_ON_COMMIT this process also dispatches the rows itself after the commit. If
    both are lost, the relays' periodic sweep finds the rows. One of each per transaction is enough,
    however many appends it made.
    """
    conn = transaction.get_connection()
    notify = _notifies_relays(conn)
    # The one on-commit callback also marks this transaction as handled. Django drops it on a rollback
    # to a savepoint taken before it, exactly when PostgreSQL drops the NOTIFY, so a later append in
    # the same transaction then notifies again.
    marker = _wake if settings.RELAY_WAKE_ON_COMMIT else (_notify_sent if notify else None)
    if marker is None or _on_commit_registered(conn, marker):
        return
    if notify:
        with conn.cursor() as cursor:
            cursor.execute("SELECT pg_notify(%s, '')", [NOTIFY_CHANNEL])
    transaction.on_commit(marker, robust=True)


def _notifies_relays(conn: BaseDatabaseWrapper) -> bool:
    listen: bool = settings.RELAY_LISTEN
    return listen and conn.vendor == "postgresql"


def _on_commit_registered(conn: BaseDatabaseWrapper, func: Callable[[], None]) -> bool:
    # django-stubs types the entries as (savepoint ids, func) pairs; Django 4.2+ appends `robust` to each.
    entries: list[tuple[set[str], Callable[[], None], bool]] = conn.run_on_commit  # type: ignore[assignment]
    return any(registered is func for _sids, registered, _robust in entries)


def _notify_sent() -> None:
    """The marker when this process does not dispatch on commit itself (RELAY_WAKE_ON_COMMIT off)."""


def _wake() -> None:
    relay_dispatch_due()


def outbox_lag_seconds(*, now: datetime | None = None) -> float:
    """Age of the oldest delivery not yet processed (0 when the outbox is drained)."""
    now = now or timezone.now()
    oldest = OutboxMessage.objects.filter(status__in=OPEN_STATUSES).aggregate(oldest=Min("created_at"))["oldest"]
    return max(0.0, (now - oldest).total_seconds()) if oldest else 0.0


def outbox_status(*, now: datetime | None = None) -> dict[str, float | int]:
    """Counts per status, the lag and how many deliveries are due now (for `relay --status`, the admin)."""
    now = now or timezone.now()
    counts = dict.fromkeys(OutboxStatus.values, 0)
    for row in OutboxMessage.objects.values("status").annotate(n=Count("id")):
        counts[row["status"]] = row["n"]
    due = _due_queryset(now).count()
    return {**counts, "due": due, "lag_seconds": round(outbox_lag_seconds(now=now), 3)}


def outbox_refresh_statistics() -> bool:
    """On PostgreSQL, ANALYZE the outbox when its statistics are missing or far behind the table (see
    STATISTICS_CHECK_SECONDS); returns whether it did. One catalogue read when nothing is needed."""
    if connection.vendor != "postgresql":
        return False
    table = OutboxMessage._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT s.n_mod_since_analyze, c.reltuples FROM pg_stat_user_tables s"
            " JOIN pg_class c ON c.oid = s.relid WHERE s.relid = %s::regclass",
            [table],
        )
        row = cursor.fetchone()
        if row is None:
            return False
        modified, tuples = int(row[0]), max(0.0, float(row[1]))  # reltuples is -1 before any analysis
        if modified < max(STATISTICS_STALE_ROWS, STATISTICS_STALE_FRACTION * tuples):
            return False
        cursor.execute(f"ANALYZE {connection.ops.quote_name(table)}")
    logger.info("relay: analysed %s (%d rows changed since its statistics, about %d rows)", table, modified, tuples)
    return True


class _StatisticsCheck:
    """Runs `outbox_refresh_statistics` at most every STATISTICS_CHECK_SECONDS; never fails the caller."""

    def __init__(self) -> None:
        self._due_at = 0.0

    def __call__(self) -> None:
        if time.monotonic() < self._due_at:
            return
        self._due_at = time.monotonic() + STATISTICS_CHECK_SECONDS
        try:
            outbox_refresh_statistics()
        except Exception:
            logger.exception("relay: could not refresh the outbox's statistics")


def retry_delay_seconds(failure_count: int) -> float:
    """Exponential backoff with full jitter, capped."""
    cap = settings.OUTBOX_BACKOFF_MAX_SECONDS
    base = settings.OUTBOX_BACKOFF_BASE_SECONDS * (2 ** max(0, failure_count - 1))
    return random.uniform(min(cap, base) / 2, min(cap, base))  # noqa: S311 - jitter, not security


def _listen_connection() -> psycopg.Connection:
    """A new autocommit connection to the default database, LISTENing on the outbox channel."""
    params = connection.get_connection_params()
    params.setdefault("application_name", LISTEN_APPLICATION_NAME)
    params.setdefault("connect_timeout", 5)
    # TCP keepalives: a network path that died silently would otherwise leave the relay waiting on a
    # socket that never speaks again (still sweeping every interval, but never woken).
    params.setdefault("keepalives", 1)
    params.setdefault("keepalives_idle", 30)
    params.setdefault("keepalives_interval", 10)
    params.setdefault("keepalives_count", 3)
    conn = psycopg.connect(**params, autocommit=True)
    try:
        conn.execute(f"LISTEN {NOTIFY_CHANNEL}")
    except BaseException:
        conn.close()
        raise
    return conn


class Relay:
    """The long-running relay loop (`manage.py relay`): sweep, dispatch, wait; stop on SIGTERM/SIGINT.

    On PostgreSQL with RELAY_LISTEN the wait ends early when a writer's NOTIFY arrives, so a commit is
    dispatched at once whatever the interval; the sweep every `interval` stays the safety net.
    """

    def __init__(self, *, interval: float, batch_size: int) -> None:
        self.interval = interval
        self.batch_size = batch_size
        self.listens = settings.RELAY_LISTEN and connection.vendor == "postgresql"
        self._stop = threading.Event()
        self._check_statistics = _StatisticsCheck()
        self._listener: psycopg.Connection | None = None
        # When LISTEN is down: the monotonic time to try it again (None while listening, or never).
        self._listen_retry_at: float | None = None

    def install_signal_handlers(self) -> None:
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, lambda *_: self._stop.set())

    def stop(self) -> None:
        self._stop.set()

    def run(self) -> int:
        total = 0
        try:
            while not self._stop.is_set():
                # A long-lived loop outside the request cycle: drop a connection that broke or aged out.
                close_old_connections()
                # LISTEN before the sweep: a commit landing after the sweep's read then still wakes us.
                self._ensure_listening()
                self._check_statistics()
                try:
                    dispatched = relay_dispatch_due(limit=self.batch_size)
                except Exception:
                    logger.exception("relay sweep failed; retrying after %ss", self.interval)
                    dispatched = 0
                total += dispatched
                if dispatched < self.batch_size:
                    self._wait()
        finally:
            self._drop_listener()
        return total

    def _ensure_listening(self) -> None:
        if not self.listens or self._listener is not None:
            return
        if self._listen_retry_at is not None and time.monotonic() < self._listen_retry_at:
            return
        try:
            self._listener = _listen_connection()
        except Exception as exc:
            self._listen_failed("LISTEN failed", exc)
            return
        self._listen_retry_at = None
        logger.info("relay listening on PostgreSQL channel %s (sweep every %ss)", NOTIFY_CHANNEL, self.interval)

    def _listen_failed(self, what: str, exc: Exception) -> None:
        self._drop_listener()
        self._listen_retry_at = time.monotonic() + LISTEN_RETRY_SECONDS
        reason = " ".join(str(exc).split()) or type(exc).__name__  # psycopg's messages span lines
        logger.warning("relay: %s (%s); polling, trying LISTEN again in %ss", what, reason, LISTEN_RETRY_SECONDS)

    def _drop_listener(self) -> None:
        if self._listener is not None:
            with suppress(Exception):
                self._listener.close()
            self._listener = None

    def _wait(self) -> None:
        """Return after `interval`, on a notification, or on stop; while LISTEN is down, by its retry."""
        deadline = time.monotonic() + self.interval
        while not self._stop.is_set():
            if self._listen_retry_at is not None:
                deadline = min(deadline, self._listen_retry_at)
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return
            if self._listener is None:
                self._stop.wait(remaining)
                return
            try:
                notified = list(self._listener.notifies(timeout=min(remaining, STOP_CHECK_SECONDS), stop_after=1))
            except Exception as exc:
                self._listen_failed("the LISTEN connection broke", exc)
                continue
            if notified:
                return


def relay_drain_once(*, batch_size: int) -> int:
    """Dispatch everything due now (the `--once` mode) and return the count."""
    total = 0
    check_statistics = _StatisticsCheck()
    while True:
        check_statistics()
        dispatched = relay_dispatch_due(limit=batch_size)
        total += dispatched
        if dispatched < batch_size:
            return total
