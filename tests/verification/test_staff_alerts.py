"""Staff alerts: one mail per episode to the support staff (a real SMTP server on loopback), a banner
in the console while the episode is open, and an event for each alert and its clearing."""

from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from core.consumers import outbox_deliver
from core.models import OutboxMessage, StoredEvent
from tests.factories import UserFactory
from tests.verification.helpers import drain_outbox, register
from verification.alerts import staff_alerts_evaluate
from verification.models import CedulaInfo, EgressGate, StaffAlert
from verification.states import CedulaStatus as S

pytestmark = pytest.mark.django_db


@pytest.fixture
def support(client):
    user = UserFactory.create(is_staff=True, email="soporte@example.org")
    user.groups.add(Group.objects.get(name="Soporte"))
    client.force_login(user)
    return user


def _events(kind: str) -> list[str]:
    return [
        e.event_type.rsplit(".", 1)[1]
        for e in StoredEvent.objects.filter(stream_type="alert").order_by("position")
        if e.payload["kind"] == kind
    ]


def _staff_mails(smtp_server) -> list:
    return [m for m in smtp_server.messages if m["To"] == "soporte@example.org"]


def _banner(client) -> str:
    response = client.get(reverse("verification:console"))
    assert response.status_code == 200
    page = response.content.decode()
    return page if 'class="alert-banner"' in page else ""


def test_a_wave_of_failures_is_one_episode_one_mail_a_banner_and_its_clearing(client, support, smtp_server, settings):
    settings.VERIFICATION_ALERT_WINDOW = 10
    settings.VERIFICATION_ALERT_MIN_SAMPLES = 4
    settings.VERIFICATION_ALERT_FAILURE_RATE = 0.5
    for i in range(4):
        register(f"10234568{i}4")  # the stand-in fails every cédula ending in 4
    drain_outbox()
    assert staff_alerts_evaluate()["raised"] == ["failure_rate"]
    drain_outbox()
    [mail] = _staff_mails(smtp_server)
    assert mail["Subject"] == "Pagina-Madre (soporte): Muchas consultas fallan o son bloqueadas"
    assert "4 de las últimas 4 consultas fallaron o fueron bloqueadas (100%)" in mail.get_body().get_content()
    assert "Muchas consultas fallan o son bloqueadas" in _banner(client)
    # More failures, more sweeps: the same episode, no second mail.
    register("1023456894")
    drain_outbox()
    assert staff_alerts_evaluate() == {"raised": [], "cleared": []}
    drain_outbox()
    assert len(_staff_mails(smtp_server)) == 1
    # Lookups succeed again: below 80 % of the rate the episode ends and the banner goes.
    for i in range(8):
        register(f"10234569{i}0")
    drain_outbox()
    assert staff_alerts_evaluate()["cleared"] == ["failure_rate"]
    assert _banner(client) == ""
    assert _events("failure_rate") == ["StaffAlertRaised", "StaffAlertCleared"]
    assert StaffAlert.objects.get().mailed_at is not None


def test_an_open_breaker_and_an_overdue_check_are_episodes_of_their_own(client, support, smtp_server, settings):
    now = timezone.now()
    gate = EgressGate.objects.create(
        site="wsp", blocks_in_a_row=3, breaker_open_until=now + timedelta(hours=2), breaker_reason="waf_block"
    )
    user = register("1023456780")
    for message in OutboxMessage.objects.filter(handler="verification.open_cedula_check_on_confirmation"):
        outbox_deliver(message_id=message.pk)  # the record is open, its lookup not run yet: pending
    with time_machine.travel(now + timedelta(seconds=settings.VERIFICATION_PENDING_DEADLINE_SECONDS + 60)):
        raised = staff_alerts_evaluate()["raised"]
        assert sorted(raised) == ["breaker_open", "pending_overdue"]
        drain_outbox()  # the mails go out; the lookup runs: nothing is pending any more
    assert CedulaInfo.objects.get(user=user).status == S.ACTIVE
    subjects = sorted(m["Subject"].strip() for m in _staff_mails(smtp_server))  # a folded subject starts with its fold
    assert subjects == [
        "Pagina-Madre (soporte): Hay verificaciones pendientes que pasaron su plazo",
        "Pagina-Madre (soporte): Un sitio de la Registraduría está en pausa (cortacircuitos abierto)",
    ]
    assert "Cortacircuitos abierto en: wsp." in _banner(client)
    gate.breaker_open_until = now - timedelta(seconds=1)
    gate.save()
    with time_machine.travel(now + timedelta(seconds=settings.VERIFICATION_PENDING_DEADLINE_SECONDS + 120)):
        assert sorted(staff_alerts_evaluate()["cleared"]) == ["breaker_open", "pending_overdue"]
    assert _banner(client) == ""
    assert _events("breaker_open") == ["StaffAlertRaised", "StaffAlertCleared"]


def test_a_captcha_budget_running_low_is_told_once(client, support, smtp_server, settings, monkeypatch):
    from verification.registraduria import tokens

    settings.CAPTCHA_DAILY_BUDGET = 100
    monkeypatch.setattr(tokens, "budget_left", lambda now: 8)  # 92 solves paid today
    assert staff_alerts_evaluate()["raised"] == ["captcha_budget_low"]
    assert staff_alerts_evaluate()["raised"] == []
    drain_outbox()
    [mail] = _staff_mails(smtp_server)
    assert "Quedan 8 de 100 soluciones de captcha de hoy." in mail.get_body().get_content()
    # A redelivered StaffAlertRaised sends nothing: the episode's mail claim is taken.
    from core.event_store import to_envelope
    from core.handlers import get_handler

    event = StoredEvent.objects.get(event_type="verification.StaffAlertRaised")
    get_handler("verification.mail_staff_alert").func(to_envelope(event))
    assert len(_staff_mails(smtp_server)) == 1
