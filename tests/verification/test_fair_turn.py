"""The lookup queue takes turns between the networks people registered from: a flood of confirmed
people from one network delays a person of another network by one turn, not by the flood's length."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from accounts.services import user_register
from accounts.throttle import network_key
from core.models import OutboxMessage, OutboxStatus
from tests.verification.helpers import confirm_email, drain_outbox
from verification.models import CedulaInfo, PersonLookupRequest
from verification.states import CedulaStatus as S

pytestmark = pytest.mark.django_db

ORDER: list[str] = []  # cédulas in the order the stand-in lookup saw them


def recording_lookup(cedula: str, *, deadline_s: float | None = None):
    from tests import fakes

    ORDER.append(cedula)
    return fakes.lookup(cedula, deadline_s=deadline_s)


@pytest.fixture(autouse=True)
def recording(settings):
    settings.VERIFICATION_LOOKUP_BACKEND = "tests.verification.test_fair_turn.recording_lookup"
    settings.RELAY_WAKE_ON_COMMIT = False
    settings.VERIFICATION_FAIR_WINDOW_SECONDS = 10
    ORDER.clear()
    yield
    ORDER.clear()


def _person(cedula: str, ip: str):
    user = user_register(
        cedula=cedula,
        nombres="Ana",
        apellidos="Prueba",
        email=f"{cedula}@example.org",
        password="clave-larga-2026",
        source=network_key(ip),
    )
    confirm_email(user)
    return user


def _drain_over_time(seconds: int) -> None:
    """Deliver whatever is due, one second at a time (a deferred delivery comes back when due)."""
    start = timezone.now()
    for second in range(seconds):
        with time_machine.travel(start + timedelta(seconds=second), tick=False):
            drain_outbox()


def test_a_person_of_another_network_waits_one_turn_behind_a_flood():
    flood = [_person(f"10400000{n}0", "203.0.113.9") for n in range(6)]  # confirmed, one network
    person = _person("1041000010", "198.51.100.4")  # registered last, another network
    _drain_over_time(90)
    assert ORDER[:2] == [flood[0].cedula, person.cedula]  # one of the flood's, then the person's
    assert sorted(ORDER) == sorted([u.cedula for u in flood] + [person.cedula])  # everyone, once
    assert set(CedulaInfo.objects.values_list("status", flat=True)) == {S.ACTIVE}
    assert not OutboxMessage.objects.exclude(status=OutboxStatus.DONE).exists()


def test_one_network_alone_is_never_held_back():
    people = [_person(f"10420000{n}0", "203.0.113.9") for n in range(4)]
    drain_outbox()  # no time passes: nobody else waits, so nothing is deferred
    assert [u.cedula for u in people] == ORDER


def test_a_person_held_by_the_limit_on_re_checks_does_not_hold_others_back(settings):
    from accounts.services import user_erase

    settings.VERIFICATION_REFRESH_PER_HOUR = 0  # no re-check at all: a re-registration waits
    settings.VERIFICATION_REFRESH_PER_DAY = 0
    first = _person("1044000010", "198.51.100.4")
    drain_outbox()
    user_erase(user=first, actor=f"user:{first.pk}")
    held = _person("1044000010", "198.51.100.4")  # the same cédula again: a re-check, over the limit
    drain_outbox()
    info = CedulaInfo.objects.get(user=held)
    assert info.status == S.PENDING
    assert PersonLookupRequest.objects.get(request_id=info.request_id).held_until is not None
    ORDER.clear()
    flood = [_person(f"10450000{n}0", "203.0.113.9") for n in range(3)]
    drain_outbox()  # the held person is not waiting for a turn: the network goes on
    assert [u.cedula for u in flood] == ORDER
