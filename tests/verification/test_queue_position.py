"""Position and wait while pending: how many checks are ahead and about how long, cheap per poll."""

from datetime import timedelta

import pytest
from django.utils import timezone

from core import event_store
from core.event_store import Metadata
from tests.factories import UserFactory
from verification import selectors
from verification.events import CedulaVerificationCompleted
from verification.models import CedulaInfo
from verification.states import CedulaStatus as S
from verification.web import presentation as ui

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_snapshot(monkeypatch):
    monkeypatch.setattr(selectors, "_queue_snapshot", None)


def _pending(count: int, *, start=None) -> list[CedulaInfo]:
    start = start or timezone.now() - timedelta(minutes=30)
    return [
        CedulaInfo.objects.create(
            user=UserFactory.create(), status=S.PENDING, requested_at=start + timedelta(seconds=i)
        )
        for i in range(count)
    ]


def _position(record: CedulaInfo) -> selectors.QueuePosition:
    position = selectors.cedula_queue_position_for(record)
    assert position is not None
    return position


def _completed(duration_ms: int, count: int = 3) -> None:
    for i in range(count):
        event = CedulaVerificationCompleted(
            cedula_info_id=10_000 + i, user_id=1, request_id="r", transition="complete_active", outcome="active",
            site="wsp", attempt=1, checked_at=timezone.now().isoformat(), duration_ms=duration_ms,
        )  # fmt: skip
        event_store.append(stream_id=10_000 + i, events=[event], metadata=Metadata.new("system"))


def test_the_checks_ahead_and_the_wait_at_the_sites_limit(settings):
    settings.REGISTRADURIA_MIN_INTERVAL_SECONDS = 5
    settings.REGISTRADURIA_EGRESS = ["direct"]
    records = _pending(40)
    position = _position(records[37])
    assert (position.ahead, position.more, position.wait_seconds) == (37, False, 38 * 5)
    badge = ui.badge_for(records[37], now=timezone.now(), queue=position)
    assert badge.queue_text == "Hay 37 consultas antes que la suya; unos 4 minutos."
    first = ui.badge_for(records[0], now=timezone.now(), queue=selectors.cedula_queue_position_for(records[0]))
    assert first.queue_text == "No hay consultas antes que la suya; menos de un minuto."
    second = ui.badge_for(records[1], now=timezone.now(), queue=selectors.cedula_queue_position_for(records[1]))
    assert second.queue_text == "Hay 1 consulta antes que la suya; menos de un minuto."


def test_more_egresses_shorten_the_wait_and_slow_lookups_lengthen_it(settings):
    settings.REGISTRADURIA_MIN_INTERVAL_SECONDS = 5
    settings.REGISTRADURIA_EGRESS = ["direct", "http://127.0.0.1:3128"]
    records = _pending(10)
    assert _position(records[9]).wait_seconds == 10 * 2.5
    # Lookups that took 40 s each, shared by the lookup workers, are slower than the site's limit.
    _completed(40_000)
    selectors._queue_snapshot = None
    workers = settings.Q_CLUSTER["ALT_CLUSTERS"][settings.Q_LANES["lookups"]]["workers"]
    assert _position(records[9]).wait_seconds == pytest.approx(10 * 40 / workers)


def test_a_long_queue_is_read_only_to_its_head(settings, monkeypatch):
    monkeypatch.setattr(selectors, "QUEUE_HEAD", 5)
    records = _pending(8)
    position = _position(records[7])
    assert (position.ahead, position.more) == (5, True)
    badge = ui.badge_for(records[7], now=timezone.now(), queue=position)
    assert badge.queue_text.startswith("Hay más de 5 consultas antes que la suya; más de ")


def test_the_position_moves_as_checks_ahead_end_and_the_badge_changes_with_it():
    records = _pending(5)
    before = ui.badge_for(records[4], now=timezone.now(), queue=selectors.cedula_queue_position_for(records[4]))
    CedulaInfo.objects.filter(pk__in=[r.pk for r in records[:2]]).update(status=S.ACTIVE)
    same = _position(records[4])
    assert same.ahead == 4  # the snapshot is a few seconds old: a poll reads no table
    selectors._queue_snapshot = None  # QUEUE_SNAPSHOT_SECONDS later
    after = ui.badge_for(records[4], now=timezone.now(), queue=selectors.cedula_queue_position_for(records[4]))
    assert after.ahead == 2
    assert after.fingerprint != before.fingerprint  # the poll gets the new text, not a 204


def test_no_position_once_the_check_is_not_pending():
    (record,) = _pending(1)
    CedulaInfo.objects.filter(pk=record.pk).update(status=S.ACTIVE)
    record.refresh_from_db()
    assert selectors.cedula_queue_position_for(record) is None
    assert ui.badge_for(record, now=timezone.now(), queue=None).queue_text == ""
