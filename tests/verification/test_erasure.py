"""Erasure is a state: a person erased at any point of the pipeline leaves an `erased` record (audited)
that every consumer, lookup, sweep and retry leaves alone, and no delivery fails or spins."""

import uuid
from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from accounts.models import User
from accounts.services import user_erase
from core.event_store import to_envelope
from core.models import OutboxMessage, StoredEvent
from core.projections import replay
from tests.verification.helpers import drain_outbox, register
from verification.events import CedulaPersonalDataErased
from verification.models import CedulaInfo, LookupClaim, TransitionLog
from verification.projections import audit_row_from_envelope
from verification.selectors import cedula_info_list_for_support
from verification.services import (
    cedula_info_erase_unlinked,
    cedula_verification_record_result,
    cedula_verification_retry,
    lookup_claim_take,
    verification_sweep,
)
from verification.states import CedulaStatus as S

pytestmark = pytest.mark.django_db

ERASE_DURING_LOOKUP: list[str] = []  # cédulas whose person erases their account while it is looked up


def erasing_lookup(cedula: str, *, deadline_s: float | None = None):
    """The stand-in lookup, during which the person erases their account."""
    from tests import fakes

    if cedula in ERASE_DURING_LOOKUP:
        user_erase(user=User.objects.get(cedula=cedula), actor="user:test")
    return fakes.lookup(cedula, deadline_s=deadline_s)


@pytest.fixture(autouse=True)
def fake_lookup(settings):
    settings.VERIFICATION_LOOKUP_BACKEND = "tests.fakes.lookup"
    settings.RELAY_WAKE_ON_COMMIT = False
    ERASE_DURING_LOOKUP.clear()


def _outbox_is_all_done() -> None:
    rows = list(OutboxMessage.objects.values_list("handler", "status", "failure_count"))
    assert rows and all(status == "done" and failures == 0 for _, status, failures in rows), rows


def _erased(info: CedulaInfo, *, from_state: str) -> None:
    info.refresh_from_db()
    assert (info.status, info.user_id, info.municipio, info.evidence, info.next_retry_at) == (
        S.ERASED,
        None,
        "",
        [],
        None,
    )
    last = TransitionLog.objects.filter(cedula_info=info).order_by("position").last()
    assert last is not None
    assert (last.transition, last.from_state, last.to_state) == ("erase", from_state, "erased")


def test_erased_before_the_record_is_opened_nothing_is_opened_and_nothing_fails():
    user = register("1023456780")
    user_erase(user=user, actor=f"user:{user.pk}")  # the opening delivery has not run yet
    drain_outbox()
    assert not CedulaInfo.objects.exists()
    _outbox_is_all_done()
    assert replay(verify=True).differences == []


@pytest.mark.parametrize(
    ("cedula", "state"),
    [("1023456780", S.ACTIVE), ("1023456784", S.ERROR), ("1023456785", S.BLOCKED), ("1023456786", S.BLOCKED)],
)
def test_erased_after_a_result_or_failure_the_record_is_erased_for_good(cedula, state):
    user = register(cedula)
    drain_outbox()
    info = CedulaInfo.objects.get(user=user)
    assert info.status == state
    user_erase(user=user, actor=f"user:{user.pk}")
    _erased(info, from_state=state)
    drain_outbox()
    _outbox_is_all_done()
    # Long after any planned retry, the sweeper finds nothing to do and the console lists nothing.
    with time_machine.travel(timezone.now() + timedelta(days=2)):
        assert verification_sweep() == {"retried": 0, "resent": 0, "revalidated": 0}
        assert cedula_info_list_for_support(stuck_before=timezone.now()).count() == 0
    from core.exceptions import ApplicationError
    from tests.factories import UserFactory

    staff = UserFactory.create(is_staff=True, is_superuser=True, cedula="900000009")

    with pytest.raises(ApplicationError, match="Solo se pueden reintentar"):
        cedula_verification_retry(cedula_info_id=info.pk, staff_user=staff, reason="soporte")
    assert replay(verify=True).differences == []


def test_erased_while_pending_the_lookup_never_runs():
    user = register("1023456780")
    opening = OutboxMessage.objects.get(handler="verification.open_cedula_check_on_confirmation")
    from core.consumers import outbox_deliver

    assert outbox_deliver(message_id=opening.pk) == "done"  # the record exists, its lookup is queued
    info = CedulaInfo.objects.get(user=user)
    user_erase(user=user, actor=f"user:{user.pk}")
    _erased(info, from_state=S.PENDING)
    drain_outbox()  # the queued lookup finds the record erased: it does nothing, successfully
    _outbox_is_all_done()
    assert TransitionLog.objects.filter(cedula_info=info).count() == 2  # request, erase
    with time_machine.travel(timezone.now() + timedelta(days=2)):
        assert verification_sweep() == {"retried": 0, "resent": 0, "revalidated": 0}  # not "stuck": erased
    assert replay(verify=True).differences == []


def test_erased_during_the_lookup_its_result_is_dropped(settings):
    settings.VERIFICATION_LOOKUP_BACKEND = "tests.verification.test_erasure.erasing_lookup"
    ERASE_DURING_LOOKUP.append("1023456780")
    user = register("1023456780")
    drain_outbox()
    info = CedulaInfo.objects.get()
    _erased(info, from_state=S.PENDING)
    assert not LookupClaim.objects.exists()
    assert not User.objects.filter(pk=user.pk).exists()
    _outbox_is_all_done()
    assert [t.transition for t in TransitionLog.objects.filter(cedula_info=info).order_by("position")] == [
        "request",
        "erase",
    ]
    assert replay(verify=True).differences == []


def test_a_late_result_for_an_erased_record_changes_nothing():
    user = register("1023456780")
    from core.consumers import outbox_deliver

    outbox_deliver(message_id=OutboxMessage.objects.get(handler="verification.open_cedula_check_on_confirmation").pk)
    info = CedulaInfo.objects.get(user=user)
    assert lookup_claim_take(cedula_info_id=info.pk, request_id=str(info.request_id))
    user_erase(user=user, actor=f"user:{user.pk}")
    from tests.fakes import result_for

    recorded = cedula_verification_record_result(
        cedula_info_id=info.pk, request_id=str(info.request_id), result=result_for("1023456780")
    )
    assert recorded is False
    _erased(info, from_state=S.PENDING)


def test_records_erased_before_the_erased_state_are_moved_to_it_once():
    """Version-1 erasures kept the state: migration 0009 moves those records to `erased`."""
    user = register("1023456780")
    drain_outbox()
    info = CedulaInfo.objects.get(user=user)
    # What an erasure did before the erased state existed: unlink, drop the data, keep the state,
    # and record a version-1 event (no from_state) with its audit row.
    version = info.version + 1
    CedulaInfo.objects.filter(pk=info.pk).update(
        user=None,
        departamento="",
        municipio="",
        zona="",
        puesto="",
        direccion="",
        mesa="",
        evidence=[],
        version=version,
    )
    stored = StoredEvent.objects.create(
        stream_type="cedula",
        stream_id=str(info.pk),
        version=version,
        event_type=CedulaPersonalDataErased.TYPE,
        schema_version=1,
        payload={"cedula_info_id": info.pk, "transition": "erase", "state": "active", "attempt": info.attempts},
        actor=f"user:{user.pk}",
        correlation_id=uuid.uuid4(),
    )
    TransitionLog.objects.create(**audit_row_from_envelope(to_envelope(stored)))
    User.objects.filter(pk=user.pk).delete()
    assert replay(verify=True).differences == []  # the old log replays as it happened

    assert cedula_info_erase_unlinked(actor="system:migration") == 1
    _erased(info, from_state=S.ACTIVE)
    moved = TransitionLog.objects.filter(cedula_info=info).order_by("position").last()
    assert moved is not None and moved.actor == "system:migration"
    assert cedula_info_erase_unlinked(actor="system:migration") == 0
    assert replay(verify=True).differences == []
