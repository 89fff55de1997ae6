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
