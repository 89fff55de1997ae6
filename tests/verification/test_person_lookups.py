"""The allowance of lookups people ask for is kept per cédula (its keyed hash), across records: erasing
the account and registering again does not reset it, and only people's asks count."""

from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.utils import timezone

from accounts.models import User
from accounts.services import user_erase
from core.exceptions import ApplicationError
from core.models import OutboxMessage, OutboxStatus
from tests.factories import UserFactory
from tests.verification.helpers import drain_outbox, register
from verification import services
from verification.models import CedulaInfo, PersonLookupRequest
from verification.states import CedulaStatus as S
from verification.tasks import sweep

pytestmark = pytest.mark.django_db

CEDULA = "1023456783"  # the fake lookup answers "not_found" for it: a final state


@pytest.fixture(autouse=True)
def allowance(settings):
    settings.VERIFICATION_LOOKUP_BACKEND = "tests.fakes.lookup"
    settings.RELAY_WAKE_ON_COMMIT = False
    settings.VERIFICATION_REFRESH_PER_HOUR = 1
    settings.VERIFICATION_REFRESH_PER_DAY = 2


def _register_and_finish(cedula: str = CEDULA) -> User:
    user = register(cedula)
    drain_outbox()
    assert CedulaInfo.objects.get(user=user).status in (S.ACTIVE, S.CANCELLED, S.NOT_FOUND)
    return user


def _erase(cedula: str = CEDULA) -> None:
    user = User.objects.get(cedula=cedula)
    user_erase(user=user, actor=f"user:{user.pk}")


def test_only_the_keyed_hash_of_the_cedula_is_kept():
    _register_and_finish()
    ask = PersonLookupRequest.objects.get()
    assert ask.cedula_key == services.cedula_keyed_hash(CEDULA) != CEDULA
    assert CEDULA not in ask.cedula_key


def test_erasing_and_registering_again_spends_the_same_allowance():
    _register_and_finish()  # a first registration: not a re-check
    _erase()
    _register_and_finish()  # a re-check: the hour's one
    _erase()
    user = register(CEDULA)  # a second re-check within the hour: over the limit
    drain_outbox()
    info = CedulaInfo.objects.get(user=user)
    assert info.status == S.PENDING  # not looked up, and not failed either
    deferred = OutboxMessage.objects.get(handler="verification.run_lookup", status=OutboxStatus.PENDING)
    first_ask = PersonLookupRequest.objects.filter(counted=True).order_by("requested_at").first()
    assert first_ask is not None
    assert deferred.failure_count == 0
    assert deferred.available_at == first_ask.requested_at + timedelta(hours=1)
    # The refresh button says the same for that cédula.
    with pytest.raises(ApplicationError, match="Ya estamos verificando"):
        services.cedula_verification_refresh(user=user)
    assert [a.counted for a in PersonLookupRequest.objects.order_by("requested_at")] == [False, True, True]
    # Once the first re-check leaves the hour's window, the deferred lookup runs.
    with time_machine.travel(first_ask.requested_at + timedelta(hours=1, seconds=1)):
        drain_outbox()
        info.refresh_from_db()
        assert info.status in (S.ACTIVE, S.CANCELLED, S.NOT_FOUND)


def test_a_re_registered_cedula_has_no_fresh_refresh():
    _register_and_finish()
    _erase()
    user = _register_and_finish()
    with pytest.raises(ApplicationError, match="dentro de una hora"):
        services.cedula_verification_refresh(user=user)


def test_other_cedulas_are_not_touched():
    _register_and_finish()
    _erase()
    _register_and_finish()
    other = _register_and_finish("1023456793")
    services.cedula_verification_refresh(user=other)  # its own allowance is whole


def test_retries_by_staff_do_not_count():
    user = register("1023456786")  # the fake lookup answers blocked (captcha_unsolved): no automatic retry
    drain_outbox()
    info = CedulaInfo.objects.get(user=user)
    assert info.status == S.BLOCKED
    support_user = UserFactory.create(is_staff=True)
    support_user.groups.add(Group.objects.get(name="Soporte"))
    services.cedula_verification_retry(cedula_info_id=info.pk, staff_user=support_user, reason="otra vez")
    info.refresh_from_db()
    assert services.person_lookup_not_before(request_id=str(info.request_id)) is None
    assert PersonLookupRequest.objects.count() == 1  # the registration's only


def test_a_first_registration_leaves_the_refresh_of_the_hour():
    user = _register_and_finish()
    services.cedula_verification_refresh(user=user)
    drain_outbox()
    with pytest.raises(ApplicationError, match="dentro de una hora"):
        services.cedula_verification_refresh(user=user)


def test_the_sweeper_forgets_asks_older_than_a_day_erased_or_not():
    _register_and_finish()
    _erase()
    _register_and_finish("1023456793")
    assert PersonLookupRequest.objects.count() == 2
    with time_machine.travel(timezone.now() + timedelta(days=1, minutes=1)):
        assert sweep()["purged"] == 2
    assert not PersonLookupRequest.objects.exists()
