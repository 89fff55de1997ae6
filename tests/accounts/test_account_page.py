"""The person's account page: a new e-mail is confirmed before it is used, a new password ends the
other sessions; each change is told to the address at a real SMTP server on loopback."""

import re

import pytest
from django.test import Client

from accounts.models import User
from core.models import StoredEvent
from tests.verification.helpers import drain_outbox, register

pytestmark = pytest.mark.django_db

PASSWORD = "clave-larga-2026"  # tests.verification.helpers.register's


def _logged_in(client, cedula="1023456780") -> User:
    user = register(cedula)
    drain_outbox()
    client.force_login(user)
    return user


def _link(message) -> str:
    body = message.get_body(preferencelist=("plain",)).get_content()
    match = re.search(r"https?://\S+", body)
    assert match is not None, body
    return match.group(0).split("://", 1)[1].split("/", 1)[1]


def test_a_new_address_is_used_only_once_its_link_is_opened(client, smtp_server):
    user = _logged_in(client)
    smtp_server.messages.clear()  # the result mail of the first lookup
    response = client.post("/cuenta/", {"action": "email", "new_email": "nueva@example.org", "password": PASSWORD})
    assert response.status_code == 302
    drain_outbox()
    [link_mail] = smtp_server.wait_for(1)
    assert link_mail["To"] == "nueva@example.org"
    assert link_mail["Subject"] == "Confirme su correo nuevo en Pagina-Madre"
    assert user.cedula_masked in link_mail.get_body(preferencelist=("plain",)).get_content()
    user.refresh_from_db()
    assert (user.email, user.pending_email) == ("1023456780@example.org", "nueva@example.org")
    page = client.get("/cuenta/").content.decode()
    assert "Le enviamos un enlace a <strong>nueva@example.org</strong>" in page

    # Opened (from any browser: the link changes the address and logs nobody in).
    response = Client().get("/" + _link(link_mail))
    assert response.status_code == 302
    user.refresh_from_db()
    assert (user.email, user.pending_email, user.email_confirmed_at is not None) == ("nueva@example.org", "", True)
    event = StoredEvent.objects.get(event_type="accounts.EmailChanged")
    assert "1023456780@example.org" not in str(event.payload)  # the previous address is encrypted
    drain_outbox()
    _, told = smtp_server.wait_for(2)
    assert told["To"] == "1023456780@example.org"
    assert told["Subject"] == "Su correo cambió en Pagina-Madre"
    # The link is used: opening it again changes nothing.
    assert Client().get("/" + _link(link_mail)).status_code == 302
    user.refresh_from_db()
    assert user.email == "nueva@example.org"


def test_a_second_request_replaces_the_first_and_a_wrong_password_changes_nothing(client, smtp_server):
    user = _logged_in(client)
    smtp_server.messages.clear()
    wrong = client.post("/cuenta/", {"action": "email", "new_email": "otra@example.org", "password": "no-es"})
    assert wrong.status_code == 400
    assert "La contraseña no es correcta." in wrong.content.decode()
    for address in ("primera@example.org", "segunda@example.org"):
        client.post("/cuenta/", {"action": "email", "new_email": address, "password": PASSWORD})
        drain_outbox()
    first, second = smtp_server.wait_for(2)
    Client().get("/" + _link(first))  # replaced: its link no longer works
    user.refresh_from_db()
    assert user.email == "1023456780@example.org"
    Client().get("/" + _link(second))
    user.refresh_from_db()
    assert user.email == "segunda@example.org"


def test_a_new_password_keeps_this_session_ends_the_others_and_is_told(client, smtp_server):
    user = _logged_in(client)
    other = Client()
    other.force_login(user)
    smtp_server.messages.clear()
    weak = client.post(
        "/cuenta/",
        {"action": "password", "old_password": PASSWORD, "new_password1": "123", "new_password2": "123"},
    )
    assert weak.status_code == 400
    response = client.post(
        "/cuenta/",
        {
            "action": "password",
            "old_password": PASSWORD,
            "new_password1": "otra-clave-larga-2026",
            "new_password2": "otra-clave-larga-2026",
        },
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("otra-clave-larga-2026")
    assert client.get("/cuenta/").status_code == 200  # this session stays
    assert other.get("/cuenta/").status_code == 302  # the other one was logged out
    drain_outbox()
    [told] = smtp_server.wait_for(1)
    assert (told["To"], told["Subject"]) == (user.email, "Su contraseña cambió en Pagina-Madre")
    assert StoredEvent.objects.filter(event_type="accounts.PasswordChanged", stream_id=str(user.pk)).exists()


def test_the_account_page_needs_a_login():
    response = Client().get("/cuenta/")
    assert response.status_code == 302 and "/ingresar/" in response["Location"]
