"""The relay and the consumers, in process: claiming, ordering, leases, backoff, dead letters, lag."""

import json
import threading
from datetime import timedelta
from io import StringIO
from typing import cast

import pytest
import time_machine
from django.core.management import call_command
from django.db import connections
from django.utils import timezone
from django_q.models import OrmQ

from core.consumers import outbox_deliver, outbox_requeue
from core.event_store import load_stream
from core.events import OutboxRequeued
from core.models import OutboxMessage, OutboxStatus, ProcessedMessage
from core.relay import outbox_claim_batch, outbox_lag_seconds, relay_dispatch_due, retry_delay_seconds
from tests.core import kernel_events
from tests.core.kernel_events import ping

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_wake(settings):
    settings.RELAY_WAKE_ON_COMMIT = False
    kernel_events.CALLS.clear()
    kernel_events.FAILING.clear()
    kernel_events.BREAK_AT_COMMIT.clear()


def _message(event) -> OutboxMessage:
    return OutboxMessage.objects.get(event=event, handler="tests.on_ping")


def test_only_the_head_of_each_stream_is_claimable_until_it_is_done():
    first, second = ping("a"), ping("a")
    other = ping("b")
    assert sorted(outbox_claim_batch(limit=10)) == sorted([_message(first).pk, _message(other).pk])
    assert outbox_claim_batch(limit=10) == []  # "a" waits for its first event
    assert outbox_deliver(message_id=_message(first).pk) == "done"
    assert outbox_claim_batch(limit=10) == [_message(second).pk]


def test_delivery_twice_has_one_effect():
    message = _message(ping("a"))
    assert outbox_deliver(message_id=message.pk) == "done"
    assert outbox_deliver(message_id=message.pk) == "duplicate"
    assert kernel_events.CALLS == [("a", "tests.Pinged", 1)]
    assert ProcessedMessage.objects.filter(message=message).count() == 1


def test_expired_lease_is_dispatched_again():
    message = _message(ping("a"))
    assert outbox_claim_batch(limit=10) == [message.pk]
    assert outbox_claim_batch(limit=10) == []  # lease running
    later = timezone.now() + timedelta(seconds=3600)
    assert outbox_claim_batch(limit=10, now=later) == [message.pk]
    message.refresh_from_db()
    assert message.dispatch_count == 2


def test_failures_back_off_then_become_a_dead_letter_that_staff_can_requeue(settings):
    settings.OUTBOX_MAX_FAILURES = 3
    kernel_events.FAILING.add("a")
    first, second = _message(ping("a")), _message(ping("a"))
    for attempt in (1, 2):
        before = timezone.now()
        with time_machine.travel(before, tick=False):  # the service's "now" is `before`, exactly
            assert outbox_deliver(message_id=first.pk) == "failed"
        first.refresh_from_db()
        assert (first.status, first.failure_count) == (OutboxStatus.PENDING, attempt)
        assert "RuntimeError: the consumer is down" in first.last_error
        delay = (first.available_at - before).total_seconds()
        assert settings.OUTBOX_BACKOFF_BASE_SECONDS * 2 ** (attempt - 1) / 2 <= delay
        assert delay <= settings.OUTBOX_BACKOFF_BASE_SECONDS * 2 ** (attempt - 1)
        assert outbox_claim_batch(limit=10) == []  # backing off, and it still blocks its stream
    assert outbox_deliver(message_id=first.pk) == "dead"
    first.refresh_from_db()
    assert first.status == OutboxStatus.DEAD
    # A dead letter no longer holds up the rest of its stream (it waits for staff instead).
    assert outbox_claim_batch(limit=10, now=timezone.now() + timedelta(hours=1)) == [second.pk]

    kernel_events.FAILING.clear()
    assert outbox_requeue(message_ids=[first.pk, second.pk], actor="staff:7") == 1  # `second` is in flight
    first.refresh_from_db()
    assert (first.status, first.failure_count) == (OutboxStatus.PENDING, 0)
    audit = load_stream("outbox", "requeues")
    assert [(cast(OutboxRequeued, e.event).message_ids, e.actor) for e in audit] == [([first.pk], "staff:7")]
    assert outbox_deliver(message_id=first.pk) == "done"


@pytest.mark.django_db(transaction=True)
def test_a_failure_at_commit_is_counted_and_ends_as_a_dead_letter(settings):
    """The consumer's effects pass, the commit refuses them: a failure like any other, never a task
    that crashes and comes back forever with its failure count at 0."""
    settings.OUTBOX_MAX_FAILURES = 2
    kernel_events.BREAK_AT_COMMIT.add("a")
    message = _message(ping("a"))
    assert outbox_deliver(message_id=message.pk) == "failed"
    message.refresh_from_db()
    assert (message.status, message.failure_count) == ("pending", 1)
    assert message.last_error.startswith("IntegrityError")
    assert not ProcessedMessage.objects.exists()
    OutboxMessage.objects.filter(pk=message.pk).update(available_at=timezone.now())
    assert outbox_deliver(message_id=message.pk) == "dead"
    kernel_events.BREAK_AT_COMMIT.clear()
    assert outbox_requeue(message_ids=[message.pk]) == 1
    assert outbox_deliver(message_id=message.pk) == "done"


def test_backoff_is_capped(settings):
    settings.OUTBOX_BACKOFF_MAX_SECONDS = 10
    assert all(5 <= retry_delay_seconds(n) <= 10 for n in range(8, 40))


def test_an_unknown_handler_is_a_failure_not_a_crash():
    message = _message(ping("a"))
    OutboxMessage.objects.filter(pk=message.pk).update(handler="tests.renamed_away")
    assert outbox_deliver(message_id=message.pk) == "failed"
    message.refresh_from_db()
    assert message.last_error.startswith("KeyError")


def test_lag_is_the_age_of_the_oldest_open_delivery():
    assert outbox_lag_seconds() == 0
    message = _message(ping("a"))
    OutboxMessage.objects.filter(pk=message.pk).update(created_at=timezone.now() - timedelta(seconds=90))
    assert 90 <= outbox_lag_seconds() < 100
    outbox_deliver(message_id=message.pk)
    assert outbox_lag_seconds() == 0


def test_relay_once_dispatches_what_is_due_and_prints_count_and_lag():
    for stream in ("a", "b", "c"):
        ping(stream)
    ping("a")  # not due: behind the head of "a"
    out = StringIO()
    call_command("relay", "--once", "--batch-size", "2", stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0] == "dispatched 3"
    assert lines[1].startswith("outbox_lag_seconds ")
    assert OrmQ.objects.count() == 3

    status = StringIO()
    call_command("relay", "--status", stdout=status)
    state = json.loads(status.getvalue())
    assert (state["pending"], state["dispatched"], state["due"]) == (1, 3, 0)
    assert state["lag_seconds"] >= 0


def test_wake_on_commit_dispatches_once_per_transaction(settings, django_capture_on_commit_callbacks):
    settings.RELAY_WAKE_ON_COMMIT = True
    from django.db import transaction

    from core import event_store
    from core.event_store import Metadata
    from tests.core.kernel_events import Pinged

    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        for stream in ("a", "b"):
            event_store.append(stream_id=stream, events=[Pinged(count=1)], metadata=Metadata.new("system"))
    assert len(callbacks) == 1
    assert OrmQ.objects.count() == 2


@pytest.mark.django_db(transaction=True)
def test_concurrent_relays_never_claim_a_row_twice():
    for n in range(40):
        ping(f"s{n}")
    claimed: list[list[int]] = []
    errors: list[BaseException] = []
    barrier = threading.Barrier(4)

    def relay() -> None:
        try:
            barrier.wait()
            for _ in range(10):
                claimed.append(outbox_claim_batch(limit=3))
        except BaseException as exc:
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=relay) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert errors == []
    ids = [i for batch in claimed for i in batch]
    assert len(ids) == len(set(ids)) == 40


def test_relay_dispatch_enqueues_ids_only():
    message = _message(ping("a"))
    assert relay_dispatch_due() == 1
    from django_q.signing import SignedPackage

    task = SignedPackage.loads(OrmQ.objects.get().payload)
    assert (task["func"], task["args"], task["kwargs"]) == ("core.tasks.deliver", (message.pk,), {})


def _queued_ids(payloads) -> list[int]:
    from django_q.signing import SignedPackage

    return sorted(SignedPackage.loads(payload)["args"][0] for payload in payloads)


def _first_lookup_rows(count: int) -> list[int]:
    """Route `count` of the due rows to the lookups lane (as verification.run_lookup's deliveries are)."""
    ids = list(OutboxMessage.objects.order_by("id").values_list("id", flat=True)[:count])
    OutboxMessage.objects.filter(id__in=ids).update(handler="verification.run_lookup")
    return ids


def test_a_batch_is_claimed_enqueued_and_marked_in_four_statements(settings):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for n in range(20):
        ping(f"s{n}")
    lookups = _first_lookup_rows(5)
    with CaptureQueriesContext(connection) as queries:
        assert relay_dispatch_due() == 20
    statements = [q["sql"].split()[0].upper() for q in queries.captured_queries]
    statements = [s for s in statements if s not in ("SAVEPOINT", "RELEASE", "BEGIN", "COMMIT")]
    assert statements == ["SELECT", "UPDATE", "INSERT", "UPDATE"]

    lane = settings.Q_LANES["lookups"]
    assert _queued_ids(OrmQ.objects.filter(key=lane).values_list("payload", flat=True)) == lookups
    assert len(_queued_ids(OrmQ.objects.filter(key=settings.Q_CLUSTER["name"]).values_list("payload", flat=True))) == 15
    from django_q.signing import SignedPackage

    for row in OrmQ.objects.all():
        task = SignedPackage.loads(row.payload)
        message = OutboxMessage.objects.get(pk=task["args"][0])
        assert (message.status, message.task_id, task["name"]) == ("dispatched", task["id"], f"outbox-{message.pk}")


def test_a_batch_that_fails_halfway_leaves_nothing_claimed_or_queued(monkeypatch):
    from core import relay

    for n in range(6):
        ping(f"s{n}")
    enqueue = relay._enqueue
    built: list[int] = []

    def failing(message_id, cluster, collector):
        if len(built) == 3:
            raise RuntimeError("the relay died here (test)")
        built.append(message_id)
        return enqueue(message_id, cluster, collector)

    monkeypatch.setattr(relay, "_enqueue", failing)
    with pytest.raises(RuntimeError):
        relay_dispatch_due()
    assert OrmQ.objects.count() == 0
    assert set(OutboxMessage.objects.values_list("status", "dispatch_count", "task_id")) == {("pending", 0, "")}
    monkeypatch.setattr(relay, "_enqueue", enqueue)
    assert relay_dispatch_due() == 6
    assert OrmQ.objects.count() == 6


@pytest.fixture
def redis_broker(monkeypatch):
    """Django-Q2 configured for the Redis broker on the local server, on queues of this test's own."""
    import uuid

    import redis
    from django_q.conf import Conf

    from core import relay
    from tests import services

    monkeypatch.setattr(Conf, "ORM", None)
    monkeypatch.setattr(Conf, "REDIS", services.REDIS_URL)
    relay._broker.cache_clear()
    prefix = f"relay-test-{uuid.uuid4().hex[:8]}"
    queues = {"default": f"{prefix}-default", "lookups": f"{prefix}-lookups"}
    monkeypatch.setattr(Conf, "CLUSTER_NAME", queues["default"])
    client = redis.from_url(services.REDIS_URL)
    yield client, queues
    client.delete(*(f"django_q:{q}:q" for q in queues.values()))
    relay._broker.cache_clear()


def test_with_redis_each_queue_gets_one_push_and_the_task_ids_are_recorded(redis_broker, settings, monkeypatch):
    client, queues = redis_broker
    settings.Q_CLUSTER = {**settings.Q_CLUSTER, "name": queues["default"]}
    settings.Q_LANES = {"lookups": queues["lookups"]}
    for n in range(8):
        ping(f"s{n}")
    lookups = _first_lookup_rows(3)
    pushes: list[tuple[str, int]] = []
    from redis.client import Redis as RedisClient

    rpush = RedisClient.rpush

    def counted(self, name, *values):
        pushes.append((name, len(values)))
        return rpush(self, name, *values)

    monkeypatch.setattr(RedisClient, "rpush", counted)
    assert relay_dispatch_due() == 8
    assert sorted(pushes) == sorted([(f"django_q:{queues['default']}:q", 5), (f"django_q:{queues['lookups']}:q", 3)])
    assert _queued_ids(client.lrange(f"django_q:{queues['lookups']}:q", 0, -1)) == lookups
    assert len(client.lrange(f"django_q:{queues['default']}:q", 0, -1)) == 5
    assert OrmQ.objects.count() == 0
    assert not OutboxMessage.objects.filter(task_id="").exists()


def test_with_redis_down_the_claimed_rows_wait_for_their_lease(redis_broker, monkeypatch):
    from django_q.conf import Conf

    from tests import services

    monkeypatch.setattr(Conf, "REDIS", services.REDIS_URL.replace("6379", "1"))  # nothing listens there
    message = _message(ping("a"))
    with pytest.raises(Exception, match=r"(?i)connect"):
        relay_dispatch_due()
    message.refresh_from_db()
    assert (message.status, message.dispatch_count, message.task_id) == ("dispatched", 1, "")
    later = timezone.now() + timedelta(seconds=3600)
    assert outbox_claim_batch(limit=10, now=later) == [message.pk]


def test_with_q_sync_the_relay_delivers_in_process(monkeypatch):
    from django_q.conf import Conf

    monkeypatch.setattr(Conf, "SYNC", True)
    message = _message(ping("a"))
    assert relay_dispatch_due() == 1
    message.refresh_from_db()
    assert message.status == "done"
    assert kernel_events.CALLS == [("a", "tests.Pinged", 1)]
    assert OrmQ.objects.count() == 0


@pytest.mark.django_db(transaction=True)
def test_on_postgresql_the_relay_analyses_an_outbox_whose_statistics_are_behind():
    from django.db import connection

    from core.relay import STATISTICS_STALE_ROWS, outbox_refresh_statistics

    if connection.vendor != "postgresql":
        pytest.skip("planner statistics are PostgreSQL's")

    def modified_since_analyze() -> int:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_stat_force_next_flush()")  # this backend's counts, at its next commit
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_stat_clear_snapshot()")
            cursor.execute("SELECT n_mod_since_analyze FROM pg_stat_user_tables WHERE relname = 'core_outboxmessage'")
            return cursor.fetchone()[0]

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE core_outboxmessage")
    assert not outbox_refresh_statistics()  # just analysed: one catalogue read, nothing more
    for n in range(STATISTICS_STALE_ROWS + 10):
        ping(f"s{n}")
    assert modified_since_analyze() >= STATISTICS_STALE_ROWS
    assert outbox_refresh_statistics()
    assert modified_since_analyze() == 0
    assert not outbox_refresh_statistics()
