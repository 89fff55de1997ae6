import uuid
from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.utils import timezone

from core.event_store import load_stream
from core.exceptions import ApplicationError
from core.models import OutboxMessage, OutboxStatus, StoredEvent
from core.projections import replay
from tests.factories import UserFactory
from tests.fakes import FakeResult
from tests.verification.helpers import drain_outbox, register
from verification import services
from verification.events import CedulaVerificationCompleted
from verification.models import CedulaInfo, TransitionLog
from verification.states import CedulaStatus as S

pytestmark = pytest.mark.django_db


def _info(user) -> CedulaInfo:
    return CedulaInfo.objects.get(user=user)


def _trail(info):
    return [(t.from_state, t.to_state, t.transition, t.actor.split(":")[0]) for t in info.transitions.all()]


@pytest.fixture
def support_user():
    user = UserFactory.create(is_staff=True)
    user.groups.add(Group.objects.get(name="Soporte"))
    return user


def test_registration_opens_a_pending_check_and_the_lookup_completes_it():
    user = register("1023456780")
    drain_outbox()
    info = _info(user)
    assert info.status == S.ACTIVE
    assert (info.departamento, info.municipio, info.mesa) == ("ANTIOQUIA", "MEDELLÍN", "12")
    assert _trail(info) == [("", "pending", "request", "system"), ("pending", "active", "complete_active", "system")]
    # One event per transition, one audit row per event, same ids, same correlation as the person's
    # confirmation of their address (the action that asked for the check).
    events = load_stream("cedula", info.pk)
    assert [str(e.event_id) for e in events] == [str(t.event_id) for t in info.transitions.all()]
    confirmed = StoredEvent.objects.get(event_type="accounts.EmailConfirmed", stream_id=str(user.pk))
    assert {e.correlation_id for e in events} == {confirmed.correlation_id}
    assert events[0].causation_id == confirmed.event_id
    assert events[1].causation_id == events[0].event_id


@pytest.mark.parametrize(
    ("cedula", "status", "reason"),
    [
        ("1023456782", S.CANCELLED, "ok"),
        ("1023456783", S.NOT_FOUND, "ok"),
        ("1023456784", S.ERROR, "http_503"),
        ("1023456785", S.BLOCKED, "waf_block"),
        ("1023456786", S.BLOCKED, "captcha_unsolved"),
    ],
)
def test_each_classified_result_becomes_its_state(cedula, status, reason):
    user = register(cedula)
    drain_outbox()
    info = _info(user)
    assert (info.status, info.reason) == (status, reason)
    if status == S.CANCELLED:
        assert info.novedad == "CANCELADA POR MUERTE"
    if status == S.ERROR:
        assert info.next_retry_at is not None and info.evidence == [{"front": "wsp", "status": 503, "ms": 12}]
    if reason == "waf_block":
        assert info.next_retry_at is not None and info.last_checked_at is not None
        assert info.next_retry_at >= info.last_checked_at + timedelta(seconds=900)  # the cool-down
    if reason == "captcha_unsolved":
        assert info.next_retry_at is None  # no automatic retry loop: support must act


def test_duplicate_and_stale_results_change_nothing():
    user = register("1023456780")
    info = _info(user) if CedulaInfo.objects.filter(user=user).exists() else None
    assert info is None  # the handler has not run yet
    # Deliver only the UserRegistered handler: the record is pending.
    from core.consumers import outbox_deliver

    first = OutboxMessage.objects.get(handler="verification.open_cedula_check_on_confirmation")
    outbox_deliver(message_id=first.pk)
    info = _info(user)
    request_id = str(info.request_id)
    result = FakeResult("not_found")
    assert services.cedula_verification_record_result(cedula_info_id=info.pk, request_id=request_id, result=result)
    assert not services.cedula_verification_record_result(cedula_info_id=info.pk, request_id=request_id, result=result)
    assert not services.cedula_verification_record_result(
        cedula_info_id=info.pk, request_id=str(uuid.uuid4()), result=FakeResult("active")
    )
    assert _info(user).status == S.NOT_FOUND
    assert TransitionLog.objects.filter(cedula_info=info).count() == 2


def test_a_contradicted_not_found_keeps_the_disagreement_in_the_record_the_event_and_the_audit_row():
    from core.consumers import outbox_deliver

    user = register("1023456780")
    outbox_deliver(message_id=OutboxMessage.objects.get(handler="verification.open_cedula_check_on_confirmation").pk)
    info = _info(user)
    evidence = [
        {"front": "wsp", "status": 200, "ms": 800, "outcome": "not_found", "reason": "ok"},
        {
            "front": "consultacenso",
            "status": 200,
            "ms": 900,
            "outcome": "cancelled",
            "reason": "ok",
            "role": "confirmation",
        },
    ]
    result = FakeResult(
        "cancelled",
        {"novedad": "Cancelada por Muerte"},
        reason="not_found_contradicted",
        site="consultacenso",
        evidence=evidence,
    )

    assert services.cedula_verification_record_result(
        cedula_info_id=info.pk, request_id=str(info.request_id), result=result
    )

    info = _info(user)
    assert (info.status, info.reason, info.site, info.evidence) == (
        S.CANCELLED,
        "not_found_contradicted",
        "consultacenso",
        evidence,
    )
    audit = info.transitions.last()
    assert audit is not None
    assert (audit.to_state, audit.reason) == ("cancelled", "not_found_contradicted")
    completed = load_stream("cedula", info.pk)[-1].event
    assert isinstance(completed, CedulaVerificationCompleted)
    assert (completed.reason, completed.evidence) == ("not_found_contradicted", evidence)
    assert replay(verify=True).differences == []  # the projection rebuilds reason and evidence too


def test_redelivered_messages_have_one_effect():
    from core.consumers import outbox_deliver

    user = register("1023456781")
    drain_outbox()
    for message in OutboxMessage.objects.all():
        assert outbox_deliver(message_id=message.pk) == "duplicate"
    assert CedulaInfo.objects.filter(user=user).count() == 1
    assert TransitionLog.objects.filter(cedula_info__user=user).count() == 2


def test_transient_errors_back_off_then_rest_in_error(settings):
    settings.VERIFICATION_MAX_ATTEMPTS = 3
    user = register("1023456784")
    drain_outbox()
    for attempt in (2, 3):
        info = _info(user)
        assert info.status == S.ERROR
        assert not services.verification_sweep()["retried"]  # backoff not over yet
        assert not services.cedula_verification_auto_retry(cedula_info_id=info.pk)  # asked directly, too
        assert info.next_retry_at is not None
        with time_machine.travel(info.next_retry_at + timedelta(seconds=1)):
            assert services.verification_sweep() == {"retried": 1, "resent": 0, "revalidated": 0}
            assert _info(user).attempts == attempt
            drain_outbox()
    info = _info(user)
    assert (info.status, info.attempts, info.next_retry_at) == (S.ERROR, 3, None)
    with time_machine.travel(timezone.now() + timedelta(days=2)):
        assert services.verification_sweep() == {"retried": 0, "resent": 0, "revalidated": 0}
    transitions = [t.transition for t in info.transitions.all()]
    assert transitions == ["request", "fail_error", "auto_retry", "fail_error", "auto_retry", "fail_error"]


def test_support_retry_needs_permission_and_a_reason(support_user):
    user = register("1023456786")
    drain_outbox()
    info = _info(user)
    outsider = UserFactory.create(is_staff=True)
    with pytest.raises(PermissionError):
        services.cedula_verification_retry(cedula_info_id=info.pk, staff_user=outsider, reason="x")
    with pytest.raises(ApplicationError):
        services.cedula_verification_retry(cedula_info_id=info.pk, staff_user=support_user, reason="  ")
    assert _info(user).status == S.BLOCKED
    log = services.cedula_verification_retry(
        cedula_info_id=info.pk, staff_user=support_user, reason="Se configuró el servicio de captcha"
    )
    assert (log.transition, log.actor, log.reason) == (
        "support_retry",
        f"staff:{support_user.pk}",
        "Se configuró el servicio de captcha",
    )
    assert _info(user).status == S.PENDING
    with pytest.raises(ApplicationError):  # pending is not retryable
        services.cedula_verification_retry(cedula_info_id=info.pk, staff_user=support_user, reason="otra vez")


def test_person_refresh_is_rate_limited(settings):
    settings.VERIFICATION_REFRESH_PER_HOUR = 1
    settings.VERIFICATION_REFRESH_PER_DAY = 2
    user = register("1023456783")
    drain_outbox()
    services.cedula_verification_refresh(user=user)
    with pytest.raises(ApplicationError, match="Ya estamos verificando"):
        services.cedula_verification_refresh(user=user)
    drain_outbox()
    with pytest.raises(ApplicationError, match="dentro de una hora"):
        services.cedula_verification_refresh(user=user)
    with time_machine.travel(timezone.now() + timedelta(hours=1, minutes=1)):
        services.cedula_verification_refresh(user=user)
        drain_outbox()
    with (
        time_machine.travel(timezone.now() + timedelta(hours=3)),
        pytest.raises(ApplicationError, match="máximo de actualizaciones"),
    ):
        services.cedula_verification_refresh(user=user)
    assert [t.actor.split(":")[0] for t in _info(user).transitions.filter(transition="refresh")] == ["user", "user"]


def test_sweeper_resends_only_lost_requests(settings):
    from core.consumers import outbox_deliver

    user = register("1023456781")
    outbox_deliver(message_id=OutboxMessage.objects.get(handler="verification.open_cedula_check_on_confirmation").pk)
    info = _info(user)
    later = timezone.now() + timedelta(seconds=settings.VERIFICATION_PENDING_DEADLINE_SECONDS + 5)
    with time_machine.travel(later):
        # Its lookup delivery is still queued: not lost, not re-sent.
        assert services.verification_sweep() == {"retried": 0, "resent": 0, "revalidated": 0}
        # The delivery died (dead letter): the sweeper re-sends, once.
        lookup = OutboxMessage.objects.get(handler="verification.run_lookup")
        OutboxMessage.objects.filter(pk=lookup.pk).update(status=OutboxStatus.DEAD)
        assert services.verification_sweep() == {"retried": 0, "resent": 1, "revalidated": 0}
        assert services.verification_sweep() == {"retried": 0, "resent": 0, "revalidated": 0}
        drain_outbox()
    info = _info(user)
    assert info.status == S.ACTIVE
    assert [t.transition for t in info.transitions.all()] == ["request", "sweeper_rerequest", "complete_active"]
    assert len({t.correlation_id for t in info.transitions.all()}) == 1  # one causal chain


def test_replay_verify_is_clean_after_a_mixed_run_and_catches_corruption(support_user, settings):
    settings.VERIFICATION_REFRESH_PER_HOUR = 5
    users = [register(f"10234567{n:02d}") for n in range(10)]
    drain_outbox()
    blocked = [u for u in users if _info(u).status == S.BLOCKED]
    errored = [u for u in users if _info(u).status == S.ERROR]
    finals = [u for u in users if _info(u).status in (S.ACTIVE, S.NOT_FOUND, S.CANCELLED)]
    for user in blocked:
        services.cedula_verification_retry(cedula_info_id=_info(user).pk, staff_user=support_user, reason="prueba")
    services.cedula_verification_refresh(user=finals[0])
    retry_at = _info(errored[0]).next_retry_at
    assert retry_at is not None
    with time_machine.travel(retry_at + timedelta(seconds=1)):
        services.verification_sweep()
    drain_outbox()

    report = replay(verify=True)
    assert report.differences == []
    assert report.rows["verification"] == CedulaInfo.objects.count() + TransitionLog.objects.count()

    # Corrupt one projection row behind the services' back: verify names it.
    victim = _info(finals[1])
    CedulaInfo.objects.filter(pk=victim.pk).update(mesa="99")
    report = replay(verify=True)
    assert [(d.key, d.kind, d.fields) for d in report.differences] == [
        (("cedula_info", victim.pk), "changed", {"mesa": (_mesa_before(victim), "99")})
    ]
    # A full replay repairs it, and verify is clean again.
    replay()
    assert _info(finals[1]).mesa == _mesa_before(victim)
    assert replay(verify=True).differences == []


def _mesa_before(info):
    return "12" if info.departamento else ""


def test_logs_carry_the_confirmation_correlation_id_to_the_final_transition(caplog):
    caplog.set_level("INFO")
    user = register("1023456781")
    drain_outbox()
    confirmed = StoredEvent.objects.get(event_type="accounts.EmailConfirmed", stream_id=str(user.pk))
    transitions = [r for r in caplog.records if r.name == "verification.services"]
    assert [r.getMessage().split("(")[-1] for r in transitions] == ["request)", "complete_active)"]
    assert {r.correlation_id for r in transitions} == {str(confirmed.correlation_id)}
    assert all("1023456781" not in r.getMessage() for r in caplog.records)
