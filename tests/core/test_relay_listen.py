"""The relay wakes through PostgreSQL LISTEN/NOTIFY, with polling as the fallback.

A commit in another process is dispatched within WAKE_LIMIT seconds by a relay whose sweep interval
is five times longer (so only the notification can have woken it, however loaded the machine), several
times in a row; with RELAY_LISTEN off
the relay still dispatches by polling; a LISTEN connection killed on the server is replaced; and
only a committed transaction notifies, once however many appends it made.

Every test runs on its own throw-away PostgreSQL database (tests/core/kernel_stack.py, dropped at
teardown), whichever database the rest of the suite uses, with real `manage.py relay` and writer
processes (`kernel_seed`, one transaction per event, RELAY_WAKE_ON_COMMIT off so the writer never
dispatches its own rows). No qcluster runs: a dispatched row stays "dispatched", with its time.
"""

import json
import signal
import time

import psycopg
import pytest

from core.relay import LISTEN_APPLICATION_NAME, LISTEN_RETRY_SECONDS, NOTIFY_CHANNEL

pytestmark = [pytest.mark.e2e, pytest.mark.postgres, pytest.mark.one_pass]  # its own database

SWEEP_SECONDS = "300"  # far longer than each test's waits: a dispatch within WAKE_LIMIT is the notification
WAKE_LIMIT = 60.0

# The relay's LISTEN sessions as PostgreSQL shows them: idle after their LISTEN (so registered).
LISTENERS = """
    SELECT pid FROM pg_stat_activity
    WHERE datname = current_database() AND application_name = %s AND state = 'idle' AND query ILIKE 'LISTEN%%'
"""


@pytest.fixture
def stack(stack_factory):
    return stack_factory("postgres")  # require_postgres(), then a database copied from the template


def _rows(stack, sql: str, params=()) -> list[tuple]:
    with psycopg.connect(stack.db_url) as conn:
        return conn.execute(sql, params).fetchall()


def _listeners(stack) -> list[int]:
    return [pid for (pid,) in _rows(stack, LISTENERS, (LISTEN_APPLICATION_NAME,))]


def _write(stack, prefix: str, *, events: int, pause: float) -> dict[str, float]:
    """Append `events` events (one stream each, one transaction each) from a separate process, and
    return {event_id: commit time} as the writer measured it."""
    result = stack.manage(
        "kernel_seed",
        *("--streams", str(events), "--per-stream", "1", "--prefix", prefix),
        *("--pause", str(pause), "--commit-times"),
        RELAY_WAKE_ON_COMMIT="false",
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def _dispatch_latencies(stack, commits: dict[str, float], *, timeout: float) -> list[float]:
    """Wait until every outbox row of these events is dispatched; return seconds from commit to claim
    (a few milliseconds below zero is possible: the writer stamps its commit just after it)."""
    sql = """
        SELECT e.event_id::text, extract(epoch FROM o.dispatched_at)::float8
        FROM core_outboxmessage o JOIN core_storedevent e ON e.position = o.event_id
        WHERE e.event_id::text = ANY(%s)
    """
    ids = list(commits)
    stack.wait_until(
        lambda: (rows := _rows(stack, sql, (ids,))) and all(at is not None for _id, at in rows),
        timeout=timeout,
        what=f"the outbox rows of {len(ids)} events to be dispatched",
    )
    rows = _rows(stack, sql, (ids,))
    assert len(rows) == 2 * len(ids)  # two kernel handlers consume kernel.Ticked
    return [at - commits[event_id] for event_id, at in rows]


def _stop_quickly(relay) -> None:
    """SIGTERM ends the relay well within its interval (the wait checks the stop flag; without that it
    would sleep the whole sweep interval)."""
    relay.send_signal(signal.SIGTERM)
    assert relay.wait(timeout=float(SWEEP_SECONDS) / 2) == 0


def test_a_commit_in_another_process_wakes_the_relay_at_once(stack):
    relay = stack.relay(RELAY_INTERVAL_SECONDS=SWEEP_SECONDS, LOG_LEVEL="INFO")
    stack.wait_until(lambda: len(_listeners(stack)) == 1, timeout=60, what="the relay to LISTEN")

    first = _write(stack, "one", events=1, pause=0)
    assert max(_dispatch_latencies(stack, first, timeout=WAKE_LIMIT + 2)) < WAKE_LIMIT
    # Several writes in a row, each its own commit: each wakes the relay again.
    more = _write(stack, "many", events=5, pause=0.3)
    latencies = _dispatch_latencies(stack, more, timeout=WAKE_LIMIT + 2)
    assert max(latencies) < WAKE_LIMIT, sorted(latencies)

    _stop_quickly(relay)
    log = stack.logs()
    assert f"woken by NOTIFY on {NOTIFY_CHANNEL}, sweep every {float(SWEEP_SECONDS)}s" in log
    assert "relay stopped after dispatching 12" in log


def test_without_listen_the_relay_dispatches_by_polling(stack):
    relay = stack.relay(RELAY_LISTEN="false", RELAY_INTERVAL_SECONDS="0.5")
    stack.wait_until(lambda: "relay running (sweep every 0.5s)" in stack.logs(), timeout=60, what="the relay")

    # The writer still notifies (its own RELAY_LISTEN is on), but nobody listens: the sweep finds the rows.
    commits = _write(stack, "poll", events=3, pause=0.3)
    latencies = _dispatch_latencies(stack, commits, timeout=10)
    assert max(latencies) < WAKE_LIMIT, sorted(latencies)
    assert _listeners(stack) == []
    relay.send_signal(signal.SIGTERM)
    assert relay.wait(timeout=15) == 0


def test_a_broken_listen_connection_is_replaced(stack):
    relay = stack.relay(RELAY_INTERVAL_SECONDS=SWEEP_SECONDS, LOG_LEVEL="INFO")
    stack.wait_until(lambda: len(_listeners(stack)) == 1, timeout=60, what="the relay to LISTEN")
    [old_pid] = _listeners(stack)

    assert _rows(stack, "SELECT pg_terminate_backend(%s)", (old_pid,)) == [(True,)]
    stack.wait_until(
        lambda: "the LISTEN connection broke" in stack.logs(), timeout=10, what="the relay to notice the break"
    )
    # It polls meanwhile and LISTENs again after LISTEN_RETRY_SECONDS, not after its 30 s interval.
    stack.wait_until(
        lambda: _listeners(stack) not in ([], [old_pid]),
        timeout=LISTEN_RETRY_SECONDS + 10,
        what="the relay to LISTEN again",
    )
    assert len(_listeners(stack)) == 1

    commits = _write(stack, "back", events=2, pause=0.3)
    assert max(_dispatch_latencies(stack, commits, timeout=WAKE_LIMIT + 2)) < WAKE_LIMIT
    _stop_quickly(relay)


# Runs in a writer process (`manage.py shell -c`); prints the pid of the backend that wrote.
WRITER = """
import json
from django.db import connection, transaction
from core import event_store
from core.event_store import Metadata
from tests.kernel_app.events import Ticked

class Rollback(Exception):
    pass

def tick(stream):
    event_store.append(stream_id=stream, events=[Ticked(seq=1)], metadata=Metadata.new("system"))

try:  # 1. appended, then rolled back: no notification
    with transaction.atomic():
        tick("rolled-back")
        raise Rollback
except Rollback:
    pass
with transaction.atomic():  # 2. its only append sat in a savepoint that rolled back: none either
    try:
        with transaction.atomic():
            tick("savepoint")
            raise Rollback
    except Rollback:
        pass
with transaction.atomic():  # 3. three appends, one commit: one notification
    tick("a")
    tick("b")
    tick("c")
with transaction.atomic():  # 4. the savepoint that notified rolled back, a later append notifies again
    try:
        with transaction.atomic():
            tick("d")
            raise Rollback
    except Rollback:
        pass
    tick("e")
with connection.cursor() as cursor:
    cursor.execute("SELECT pg_backend_pid()")
    print(json.dumps({"pid": cursor.fetchone()[0]}))
"""


def test_only_a_committed_transaction_notifies_once(stack):
    with psycopg.connect(stack.db_url, autocommit=True) as listener:
        listener.execute(f"LISTEN {NOTIFY_CHANNEL}")
        result = stack.manage("shell", "-c", WRITER, RELAY_WAKE_ON_COMMIT="false")
        writer_pid = json.loads(result.stdout.strip().splitlines()[-1])["pid"]

        received: list[psycopg.Notify] = []
        deadline = time.monotonic() + 10
        while len(received) < 2 and time.monotonic() < deadline:
            received += listener.notifies(timeout=deadline - time.monotonic(), stop_after=2 - len(received))
        # Whatever else was coming has arrived by now: the writer's process has exited.
        received += listener.notifies(timeout=0.5)

    assert [(n.channel, n.payload, n.pid) for n in received] == [(NOTIFY_CHANNEL, "", writer_pid)] * 2
    # Both notifying transactions committed their rows; the rolled-back ones left none.
    streams = _rows(stack, "SELECT stream_id FROM core_storedevent ORDER BY position")
    assert [s for (s,) in streams] == ["a", "b", "c", "e"]
