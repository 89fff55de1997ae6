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


def test_the_consoles_two_walks_merge_into_the_one_newest_first_order():
    """AttentionRecords gives, window by window, what one query over "blocked or error, or pending
    past the deadline" ordered newest first gives (the reference below), for every filter."""
    from django.db.models import Q

    from verification import services
    from verification.selectors import cedula_info_list_for_support

    users = [register(f"10234567{n:02d}") for n in range(40)]  # last digits: every fake outcome
    drain_outbox()
    for user in users[::7]:
        if CedulaInfo.objects.get(user=user).status in ("active", "cancelled", "not_found"):
            services.cedula_verification_refresh(user=user)  # pending again
    stuck_before = timezone.now() + timedelta(seconds=1)  # every pending one is past its deadline
    base = timezone.now() - timedelta(days=1)
    for n, info in enumerate(CedulaInfo.objects.order_by("pk")):
        # Interleave the groups in time, with ties broken by the id.
        CedulaInfo.objects.filter(pk=info.pk).update(updated_at=base + timedelta(minutes=(n * 7) % 11))
    attention = Q(status__in=["blocked", "error"]) | Q(status="pending", requested_at__lt=stuck_before)
    filters = [{}, {"status": "blocked"}, {"status": "error"}, {"status": "pending"}, {"reason": "waf_block"}]
    for kwargs in filters:
        reference = CedulaInfo.objects.filter(attention)
        for name, value in kwargs.items():
            reference = reference.filter(**{name: value})
        expected = list(reference.order_by("-updated_at", "-pk").values_list("pk", flat=True))
        records = cedula_info_list_for_support(stuck_before=stuck_before, **kwargs)
        assert records.count() == len(expected) and records.count_up_to(3) == min(3, len(expected))
        for start in range(0, len(expected) + 1, 3):
            assert [info.pk for info in records[start : start + 4]] == expected[start : start + 4], (kwargs, start)
    everything = cedula_info_list_for_support(stuck_before=stuck_before)
    assert {info.status for info in everything} == {"blocked", "error", "pending"}
