"""Registration that gives nothing away and costs a flood more than it costs us: the same answer
whether or not the cédula has an account, a confirmed address before any lookup, limits per address
and network, a proof of work under load, a cap on accounts waiting for their confirmation. Mail goes
through a real SMTP server on loopback."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from core.models import StoredEvent
from tests.accounts.test_login_throttle import challenge_in, level_of, solved
from tests.factories import UserFactory
from tests.verification.helpers import confirmation_path, drain_outbox
from verification.models import CedulaInfo

pytestmark = pytest.mark.django_db

REGISTER = reverse("accounts:register")
SENT = reverse("accounts:registration_sent")
PASSWORD = "una-clave-larga-2026"


@pytest.fixture(autouse=True)
def fake_lookup(settings):
    settings.VERIFICATION_LOOKUP_BACKEND = "tests.fakes.lookup"
    settings.RELAY_WAKE_ON_COMMIT = False  # the test drives the relay and the consumers
    settings.POW_BASE_COUNTER = 5  # solved in Python here; the browser test solves the real sizes


def _form(cedula: str = "79123456", email: str = "camilo@example.org", **overrides) -> dict[str, str]:
    return {
        "nombres": "Camilo",
        "apellidos": "Gutiérrez",
        "cedula": cedula,
        "email": email,
        "password1": PASSWORD,
        "password2": PASSWORD,
    } | overrides


def _link(message) -> str:
    found = re.search(r"https?://[^/\s]+(/correo/confirmar/\S+/)", message.get_content())
    assert found is not None, message.get_content()
    return found.group(1)


def test_the_mailed_link_confirms_logs_in_and_starts_the_check(client, smtp_server):
    assert client.post(REGISTER, _form()).url == SENT
    user = User.objects.get()
    drain_outbox()
    assert not CedulaInfo.objects.exists()  # nothing is looked up for an unconfirmed address
    [message] = smtp_server.wait_for(1)
    assert message["To"] == "camilo@example.org" and message["Subject"] == "Confirme su correo en Pagina-Madre"
    body = message.get_content()
    assert "Hola, Camilo:" in body and "•••••456" in body and "79123456" not in body
    response = client.get(_link(message))
    assert response.status_code == 302 and response.url == reverse("accounts:home")
    assert client.session["_auth_user_id"] == str(user.pk)
    drain_outbox()
    assert CedulaInfo.objects.get(user=user).status == "blocked"  # the stand-in's answer for a cédula ending in 6
    confirmed = StoredEvent.objects.get(event_type="accounts.EmailConfirmed", stream_id=str(user.pk))
    assert confirmed.payload == {"user_id": user.pk, "method": "link"}
    home = client.get(reverse("accounts:home")).content.decode()
    assert "Confirme su correo" not in home and 'id="verification-badge"' in home


def test_a_taken_cedula_gets_the_same_answer_and_its_address_is_told_by_mail(client, smtp_server):
    owner = UserFactory.create(cedula="79123456", email="duena@example.org")
    free = client.post(REGISTER, _form(cedula="80123456", email="otra@example.org"))
    taken = client.post(REGISTER, _form(cedula="79.123.456", email="intruso@example.org"))
    assert (taken.status_code, taken.url) == (free.status_code, free.url) == (302, SENT)
    assert list(User.objects.filter(cedula="79123456")) == [owner]
    drain_outbox()
    by_address = {m["To"]: m for m in smtp_server.wait_for(2)}
    told = by_address["intruso@example.org"].get_content()
    assert "ya tiene una cuenta" in told and "•••••456" in told and "79123456" not in told
    assert "duena@example.org" not in told
    # The attempt's address is kept encrypted under the owner's key, never in the clear.
    attempt = StoredEvent.objects.get(event_type="accounts.RegistrationForTakenCedula")
    assert "intruso" not in str(attempt.payload)


def test_mismatched_passwords_say_nothing_about_the_cedula(client):
    UserFactory.create(cedula="79123456")
    for cedula in ("79123456", "80123456"):
        body = client.post(REGISTER, _form(cedula=cedula, password2="otra-clave-2026")).content.decode()
        assert "Las contraseñas no coinciden." in body and "Ya existe" not in body


def test_a_used_tampered_or_expired_link_confirms_nobody_and_logs_nobody_in(client, mailoutbox):
    client.post(REGISTER, _form())
    user = User.objects.get()
    path = confirmation_path(user)
    tampered = path[:-3] + ("a" if path[-2] != "a" else "b") + "/"
    assert client.get(tampered).status_code == 400
    with time_machine.travel(timezone.now() + timedelta(hours=49)):
        assert "venció" in client.get(path).content.decode()
    assert client.get(path).status_code == 302
    client.logout()
    again = client.get(path)
    assert again.status_code == 400 and "ya está confirmado" in again.content.decode()
    assert "_auth_user_id" not in client.session
    assert StoredEvent.objects.filter(event_type="accounts.EmailConfirmed").count() == 1


def test_an_unconfirmed_person_sees_the_prompt_and_can_ask_for_the_link_again(client, mailoutbox, settings):
    settings.ACCOUNTS_CONFIRMATION_MAILS_PER_HOUR = 2
    client.post(REGISTER, _form())
    user = User.objects.get()
    client.force_login(user)
    home = client.get(reverse("accounts:home")).content.decode()
    assert "Confirme su correo" in home and 'id="verification-badge"' not in home
    assert client.get(reverse("verification:badge")).url == reverse("accounts:home")
    resend = reverse("accounts:email_confirmation_resend")
    for _ in range(3):
        client.post(resend)
    drain_outbox()
    assert len(mailoutbox) == 3  # the registration's and two more: the third ask was throttled
    assert "Ya le enviamos varios correos" in client.get(reverse("accounts:home")).content.decode()


def test_an_address_never_confirmed_frees_the_cedula_after_the_window(client, settings):
    from accounts.tasks import purge_unconfirmed

    client.post(REGISTER, _form())
    UserFactory.create(cedula="80123456")  # confirmed long ago (or before confirmation existed)
    assert purge_unconfirmed() == {"erased": 0}
    with time_machine.travel(timezone.now() + timedelta(hours=settings.ACCOUNTS_CONFIRMATION_HOURS + 1)):
        assert purge_unconfirmed() == {"erased": 1}
    assert list(User.objects.values_list("cedula", flat=True)) == ["80123456"]
    assert client.post(REGISTER, _form()).url == SENT
    assert User.objects.filter(cedula="79123456").exists()


def test_past_the_networks_free_registrations_a_proof_of_work_is_asked(client, settings):
    settings.ACCOUNTS_REGISTRATIONS_FREE_PER_NETWORK = 2
    for n in range(2):
        assert client.post(REGISTER, _form(cedula=f"8012345{n}"), REMOTE_ADDR="203.0.113.5").url == SENT
    page = client.get(REGISTER, REMOTE_ADDR="203.0.113.9").content.decode()  # same /24
    challenge = challenge_in(page)
    assert challenge is not None and level_of(challenge) == 1
    refused = client.post(REGISTER, _form(cedula="80123459"), REMOTE_ADDR="203.0.113.9")
    assert refused.status_code == 429 and not User.objects.filter(cedula="80123459").exists()
    paid = client.post(REGISTER, _form(cedula="80123459", altcha=solved(challenge)), REMOTE_ADDR="203.0.113.9")
    assert paid.url == SENT
    # Another network is not asked for anything.
    assert challenge_in(client.get(REGISTER, REMOTE_ADDR="198.51.100.1").content.decode()) is None


def test_an_address_and_a_network_have_a_ceiling(client, settings):
    settings.ACCOUNTS_REGISTRATIONS_FREE_PER_NETWORK = 100
    settings.ACCOUNTS_REGISTRATIONS_PER_ADDRESS = 3
    settings.ACCOUNTS_REGISTRATIONS_PER_NETWORK = 5
    answers = [
        client.post(REGISTER, _form(cedula=f"8012345{n}"), REMOTE_ADDR="203.0.113.5").status_code for n in range(4)
    ]
    assert answers == [302, 302, 302, 429]
    answers = [
        client.post(REGISTER, _form(cedula=f"8112345{n}"), REMOTE_ADDR=f"203.0.113.{10 + n}").status_code
        for n in range(3)
    ]
    assert answers == [302, 302, 429]  # the network's five are spent
    assert User.objects.count() == 5


def test_the_cap_on_unconfirmed_accounts_stops_registration_for_everyone(client, settings):
    settings.ACCOUNTS_UNCONFIRMED_CAP = 4
    settings.ACCOUNTS_REGISTRATIONS_FREE_PER_NETWORK = 100

    def register(cedula: str, ip: str):
        response = client.post(REGISTER, _form(cedula=cedula), REMOTE_ADDR=ip)
        challenge = challenge_in(response.content.decode())
        if response.status_code == 429 and challenge is not None:  # from half the cap on: pay the work
            response = client.post(REGISTER, _form(cedula=cedula, altcha=solved(challenge)), REMOTE_ADDR=ip)
        return response

    assert challenge_in(client.get(REGISTER, REMOTE_ADDR="198.51.0.1").content.decode()) is None  # no load yet
    for n in range(4):
        assert register(f"8012345{n}", f"198.51.{n}.1").url == SENT
    assert challenge_in(client.get(REGISTER, REMOTE_ADDR="192.0.2.1").content.decode()) is not None  # past half
    refused = register("80123459", "192.0.2.1")
    assert refused.status_code == 429 and "demasiados registros pendientes" in refused.content.decode()
    assert User.objects.count() == 4


def test_an_account_from_before_confirmation_sees_its_answer_once_its_address_is_confirmed(client, mailoutbox):
    legacy = UserFactory.create(cedula="79123450", email_confirmed_at=None)  # looked up at registration
    CedulaInfo.objects.create(user=legacy, status="active", request_id="8e1f1c4e-0d6a-4c59-9d53-3c1c8f0f5b11")
    client.force_login(legacy)
    home = client.get(reverse("accounts:home")).content.decode()
    assert "Confirme su correo" in home and 'id="verification-badge"' not in home
    client.post(reverse("accounts:email_confirmation_resend"))
    drain_outbox()
    [mail] = mailoutbox
    link = re.search(r"https?://[^/\s]+(/correo/confirmar/\S+/)", mail.body)
    assert link is not None
    assert client.get(link.group(1)).status_code == 302
    drain_outbox()
    assert CedulaInfo.objects.filter(user=legacy).count() == 1  # its record, not a second lookup
    assert 'id="verification-badge"' in client.get(reverse("accounts:home")).content.decode()
