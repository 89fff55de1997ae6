"""The badge's light read (`cedula_info_badge_state`) says exactly what the ORM's record says, on
SQLite and PostgreSQL alike (the suite runs on both), so a poll answered from it is never stale."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.verification.helpers import drain_outbox, register
from verification.models import CedulaInfo
from verification.selectors import BadgeState, _aware, cedula_info_badge_state
from verification.web.presentation import badge_for

pytestmark = pytest.mark.django_db


def _as_state(info: CedulaInfo) -> BadgeState:
    return BadgeState(
        status=info.status, version=info.version, requested_at=info.requested_at, next_retry_at=info.next_retry_at
    )


def test_no_record_yet_reads_none():
    user = register("1023456780")  # not drained: the record is not opened yet
    assert cedula_info_badge_state(user_id=user.pk) is None


@pytest.mark.parametrize("cedula", ["1023456780", "1023456784", "1023456785"])  # active, error, blocked
def test_the_light_read_equals_the_record_to_the_microsecond(cedula):
    user = register(cedula)
    drain_outbox()
    info = CedulaInfo.objects.get(user=user)
    # A retry planned at an odd microsecond, in a non-UTC zone: the read must give the same instant.
    planned = timezone.now().astimezone(timezone.get_fixed_timezone(-300)) + timedelta(microseconds=123_457)
    CedulaInfo.objects.filter(pk=info.pk).update(next_retry_at=planned)
    info.refresh_from_db()
    state = cedula_info_badge_state(user_id=user.pk)
    assert state == _as_state(info)
    assert state.requested_at.tzinfo is not None and state.next_retry_at == planned
    now = timezone.now()
    assert badge_for(state, now=now) == badge_for(info, now=now)


def test_a_pending_record_without_a_retry_reads_the_same():
    user = register("1023456780")
    drain_outbox()
    info = CedulaInfo.objects.get(user=user)
    CedulaInfo.objects.filter(pk=info.pk).update(status="pending", next_retry_at=None)
    info.refresh_from_db()
    assert cedula_info_badge_state(user_id=user.pk) == _as_state(info)


def test_a_column_that_is_not_a_datetime_fails_loudly():
    with pytest.raises(ValueError, match="not a datetime"):
        _aware("mañana")
