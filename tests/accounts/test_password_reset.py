"""Password reset by e-mail, through a real SMTP server on loopback: the same answer whether or not
the address has an account, a Spanish mail with the cédula masked, a link that works once."""

import re

import pytest
from django.urls import reverse

from accounts.models import User
from accounts.services import user_erase
from core.models import StoredEvent
from tests.factories import UserFactory
from tests.verification.helpers import drain_outbox

pytestmark = pytest.mark.django_db

RESET = reverse("accounts:password_reset")
NEW_PASSWORD = "otra-clave-larga-2026"


def _ask(client, email: str, ip: str = "198.51.100.7"):
    return client.post(RESET, {"email": email}, REMOTE_ADDR=ip)


def _link(message) -> str:
    found = re.search(r"https?://[^/\s]+(/contrasena/nueva/\S+/)", message.get_content())
    assert found is not None, message.get_content()
    return found.group(1)


def test_a_person_gets_a_spanish_link_and_chooses_a_new_password(client, smtp_server):
    user = UserFactory.create(cedula="1023456789", email="ana@example.org", nombres="Ana")
    response = _ask(client, "ANA@example.org")
    assert response.status_code == 302 and response.url == reverse("accounts:password_reset_done")
    drain_outbox()
    [message] = smtp_server.wait_for(1)
    assert message["To"] == "ana@example.org"
    assert message["Subject"] == "Su contraseña de Pagina-Madre"
    body = message.get_content()
    assert "Hola, Ana:" in body and "•••••••789" in body and "1023456789" not in body
    page = client.get(_link(message), follow=True)
    assert page.status_code == 200 and "Contraseña nueva" in page.content.decode()
    form_url = page.redirect_chain[-1][0]
    done = client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert done.status_code == 302 and done.url == reverse("accounts:password_reset_complete")
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    # The link worked once.
    again = client.get(_link(message), follow=True)
    assert "Este enlace ya no vale" in again.content.decode()


def test_an_unknown_address_gets_the_same_answer_and_nothing_is_sent(client, smtp_server):
    UserFactory(email="ana@example.org")
    known, unknown = _ask(client, "ana@example.org"), _ask(client, "nadie@example.org")
    assert (known.status_code, known.url) == (unknown.status_code, unknown.url)
    drain_outbox()
    assert len(smtp_server.wait_for(1)) == 1
    assert StoredEvent.objects.filter(event_type="accounts.PasswordResetRequested").count() == 1


def test_one_address_gets_at_most_three_mails_an_hour(client, smtp_server):
    UserFactory(email="ana@example.org")
    for n in range(5):
        assert _ask(client, "ana@example.org", ip=f"203.0.{n}.1").status_code == 302
    drain_outbox()
    smtp_server.wait_for(3)
    assert StoredEvent.objects.filter(event_type="accounts.PasswordResetRequested").count() == 3


def test_one_network_can_ask_only_so_often(client, settings):
    settings.PASSWORD_RESET_REQUESTS_PER_NETWORK = 2
    for n in range(4):
        UserFactory(email=f"p{n}@example.org")
        _ask(client, f"p{n}@example.org", ip="203.0.113.9")
    assert StoredEvent.objects.filter(event_type="accounts.PasswordResetRequested").count() == 2


def test_an_account_erased_before_the_mail_gets_nothing(client, smtp_server):
    user = UserFactory.create(email="ana@example.org")
    _ask(client, "ana@example.org")
    user_erase(user=User.objects.get(pk=user.pk), actor=f"user:{user.pk}")
    drain_outbox()
    assert smtp_server.messages == []


def test_the_login_page_links_to_the_reset(client):
    assert reverse("accounts:password_reset") in client.get(reverse("accounts:login")).content.decode()


def test_an_unconfirmed_address_gets_no_link(client, smtp_server):
    UserFactory.create(email="nueva@example.org", email_confirmed_at=None)
    assert _ask(client, "nueva@example.org").status_code == 302  # the same answer
    drain_outbox()
    assert not StoredEvent.objects.filter(event_type="accounts.PasswordResetRequested").exists()
    assert smtp_server.messages == []
