"""The user admin: a person added by staff is registered through `user_register`, so their cédula is
verified like anyone else's."""

import pytest

from accounts.models import User
from core.models import StoredEvent
from tests.verification.helpers import drain_outbox
from verification.models import CedulaInfo

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fake_lookup(settings):
    settings.VERIFICATION_LOOKUP_BACKEND = "tests.fakes.lookup"  # the deterministic stand-in
    settings.RELAY_WAKE_ON_COMMIT = False  # the test drives the relay and the consumers


def _add(client, **overrides):
    data = {
        "cedula": "1.000.000.013",
        "nombres": "Camila",
        "apellidos": "Rojas",
        "email": "camila@example.org",
        "password1": "una-clave-larga-2026",
        "password2": "una-clave-larga-2026",
        "usable_password": "true",
        "email_vouched": "on",  # the form's default: the person is at the desk
    } | overrides
    return client.post("/admin/accounts/user/add/", {k: v for k, v in data.items() if v is not None})


def test_a_person_added_in_the_admin_is_registered_and_verified(client, admin_user):
    client.force_login(admin_user)
    response = _add(client)
    assert response.status_code == 302
    user = User.objects.get(cedula="1000000013")
    assert user.check_password("una-clave-larga-2026")
    registered = StoredEvent.objects.get(stream_id=str(user.pk), event_type="accounts.UserRegistered")
    assert registered.actor == f"staff:{admin_user.pk}"

    drain_outbox()

    info = CedulaInfo.objects.get(user=user)
    assert info.status == "not_found"  # the stand-in's answer for a cédula ending in 3: the lookup ran
    confirmed = StoredEvent.objects.get(stream_id=str(user.pk), event_type="accounts.EmailConfirmed")
    assert (confirmed.payload["method"], confirmed.actor) == ("staff", f"staff:{admin_user.pk}")


def test_a_person_added_without_vouching_gets_the_link_and_waits_for_it(client, admin_user, mailoutbox):
    client.force_login(admin_user)
    assert _add(client, email_vouched=None).status_code == 302
    drain_outbox()
    user = User.objects.get(cedula="1000000013")
    assert user.awaits_email_confirmation
    assert not CedulaInfo.objects.filter(user=user).exists()
    [mail] = mailoutbox
    assert mail.to == ["camila@example.org"] and "/correo/confirmar/" in mail.body


def test_the_admin_refuses_a_bad_or_taken_cedula_in_spanish(client, admin_user):
    client.force_login(admin_user)
    assert _add(client, cedula="12a45").status_code == 200
    assert not User.objects.filter(nombres="Camila").exists()
    assert _add(client).status_code == 302
    taken = _add(client, email="otra@example.org")
    assert "Ya existe una cuenta con esta cédula." in taken.content.decode()
    assert User.objects.filter(cedula="1000000013").count() == 1
