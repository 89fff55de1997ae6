"""The person is mailed when their check ends: once per result, at a real SMTP server on loopback.

The consumers run as workers run them (`outbox_deliver` through the relay's claim); a redelivery is
the same outbox message delivered again, as after a relay's lease ran out.
"""

import pytest
from django.db import transaction

from core.event_store import to_envelope
from core.handlers import get_handler
from core.models import OutboxMessage
from tests.processes import free_port
from tests.verification.helpers import drain_outbox, register
from verification import services
from verification.models import CedulaInfo, ResultMail, ResultMailStatus
from verification.states import CedulaStatus as S
from verification.states import Transition

pytestmark = pytest.mark.django_db


def _subject(message) -> str:
    # A long encoded subject is folded onto the next line by Python's generator: unfolded, the value
    # starts with the fold's space, which mail readers drop.
    return message["Subject"].strip()


def _text(message) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def _redeliver(handler: str) -> None:
    """Run the consumer again on each event it had: what a redelivery does when the worker died
    after the handler returned and before its inbox row committed (the relay's lease runs out)."""
    for message in OutboxMessage.objects.filter(handler=handler).select_related("event"):
        get_handler(handler).func(to_envelope(message.event))


def test_a_finished_check_mails_the_person_once_in_spanish_with_the_cedula_masked(smtp_server, settings):
    settings.SITE_URL = "https://pagina-madre.example.org"
    user = register("1023456780")
    drain_outbox()
    assert CedulaInfo.objects.get(user=user).status == S.ACTIVE
    [message] = smtp_server.wait_for(1)
    assert message["To"] == user.email
    assert _subject(message) == f"Pagina-Madre: resultado de la verificación de su cédula {user.cedula_masked}"
    body = _text(message)
    assert "está habilitada para votar" in body and user.cedula_masked in body
    assert "https://pagina-madre.example.org/" in body
    assert "1023456780" not in body + _subject(message)  # never the number (the test's address has it)
    assert "MEDELLÍN" not in body  # no census detail in a mail: the page shows it
    # A redelivered completion finds its row and sends nothing.
    _redeliver("verification.mail_result")
    assert ResultMail.objects.get().status == ResultMailStatus.SENT
    assert len(smtp_server.messages) == 1


def test_a_recheck_with_the_same_result_sends_nothing_and_a_changed_one_mails_again(smtp_server, tmp_path, monkeypatch):
    override = tmp_path / "outcome"
    monkeypatch.setenv("FAKE_LOOKUP_OVERRIDE_FILE", str(override))
    override.write_text("active")
    user = register("1023456790")
    drain_outbox()
    smtp_server.wait_for(1)
    services.cedula_verification_refresh(user=user)
    drain_outbox()
    assert [m.why for m in ResultMail.objects.order_by("created_at")] == ["", "same_result"]
    override.write_text("cancelled")
    with transaction.atomic():
        info = CedulaInfo.objects.select_for_update().get(user=user)
        services._restart(info, transition=Transition.REFRESH, actor=services.SYSTEM, reason="re-validación")
    drain_outbox()
    assert CedulaInfo.objects.get(user=user).status == S.CANCELLED
    _first, second = smtp_server.wait_for(2)
    assert "la reporta como cancelada" in _text(second)
    assert len(smtp_server.messages) == 2


def test_a_failure_mails_only_when_it_waits_for_support_staff(smtp_server):
    retrying = register("1023456784")  # error: an automatic retry is planned
    drain_outbox()
    assert CedulaInfo.objects.get(user=retrying).next_retry_at is not None
    waiting = register("1023456786")  # blocked, captcha_unsolved: no retry until support acts
    drain_outbox()
    info = CedulaInfo.objects.get(user=waiting)
    assert (info.status, info.next_retry_at) == (S.BLOCKED, None)
    [message] = smtp_server.wait_for(1)
    assert message["To"] == waiting.email
    assert _subject(message) == f"Pagina-Madre: aún no pudimos verificar su cédula {waiting.cedula_masked}"
    assert "soporte" in _text(message)
    assert list(ResultMail.objects.values_list("cedula_info__user", flat=True)) == [waiting.pk]


def test_a_send_that_failed_is_retried_and_one_that_may_have_gone_is_not(smtp_server, settings):
    good_port = settings.EMAIL_PORT
    settings.EMAIL_PORT = free_port()  # nothing listens there: the send fails
    user = register("1023456780")
    drain_outbox()
    assert not ResultMail.objects.exists()  # the claim was given back, the delivery failed
    settings.EMAIL_PORT = good_port
    _redeliver("verification.mail_result")
    smtp_server.wait_for(1)
    # A worker that died during the send leaves the row `sending`: the next delivery does not send.
    ResultMail.objects.update(status=ResultMailStatus.SENDING)
    _redeliver("verification.mail_result")
    assert len(smtp_server.messages) == 1
    assert CedulaInfo.objects.get(user=user).status == S.ACTIVE


def test_an_address_nobody_confirmed_gets_no_census_answer(smtp_server):
    """An account from before confirmation existed is looked up at once; its answer is not mailed
    while the address is unconfirmed."""
    from accounts.models import User

    user = register("1023456780")
    User.objects.filter(pk=user.pk).update(email_confirmed_at=None)
    drain_outbox()
    assert ResultMail.objects.get().why == "unconfirmed"
    # Only the confirmation link went to the address (it awaits confirmation again).
    assert [_subject(m) for m in smtp_server.wait_for(1)] == ["Confirme su correo en Pagina-Madre"]
