"""The smaller abuse-probe findings: names without invisible characters, a person's pages never
cached, login lifetimes per role, and log lines that carry their own request's correlation id."""

import logging

import pytest
from django.test import Client
from django.urls import reverse

from accounts.models import User
from accounts.names import clean_person_name
from accounts.services import user_register
from core.exceptions import ApplicationError
from core.logging import _correlation, bind_correlation
from tests.factories import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "una-clave-larga-2026"


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("\u202eAna\u202c María", "Ana María"),  # a right-to-left override would reverse what staff read
        ("Jos\u200be\u00a0 Luis\t", "Jose Luis"),  # zero-width space, no-break space, tab
        ("Nin\u0303o O'Neill-Pérez", "Niño O'Neill-Pérez"),  # composed to NFC; apostrophes and hyphens stay
    ],
)
def test_names_are_stored_without_invisible_or_direction_characters(client, typed, stored):
    response = client.post(
        reverse("accounts:register"),
        {
            "nombres": typed,
            "apellidos": "Gutiérrez\u2066",
            "cedula": "79123456",
            "email": "camilo@example.org",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )
    assert response.status_code == 302
    user = User.objects.get()
    assert (user.nombres, user.apellidos) == (stored, "Gutiérrez")


def test_a_name_of_invisible_characters_only_is_refused_in_spanish(client):
    response = client.post(
        reverse("accounts:register"),
        {
            "nombres": "\u200b\u202e",
            "apellidos": "Gutiérrez",
            "cedula": "79123456",
            "email": "camilo@example.org",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )
    assert response.status_code == 400
    assert "Escriba el nombre con letras visibles." in response.content.decode()
    assert not User.objects.exists()
    with pytest.raises(ApplicationError, match="letras visibles"):  # the service refuses it too (admin, scripts)
        user_register(cedula="79123456", nombres="\u2060", apellidos="X", email="a@example.org", password=PASSWORD)
    assert clean_person_name("  Ana   ") == "Ana"


def test_a_persons_pages_are_never_cached(client):
    user = UserFactory.create(cedula="1023456789")
    client.force_login(user)
    for url in (reverse("accounts:home"), reverse("accounts:erase")):
        assert "no-store" in client.get(url)["Cache-Control"]
    polled = client.get(reverse("verification:badge"), headers={"HX-Request": "true"})
    assert "no-store" in polled["Cache-Control"]


def test_people_and_staff_logins_last_as_configured(client, settings):
    settings.PERSON_SESSION_SECONDS, settings.STAFF_SESSION_SECONDS = 2 * 24 * 3600, 8 * 3600
    UserFactory.create(cedula="1023456789")
    client.post(reverse("accounts:login"), {"cedula": "1023456789", "password": TEST_PASSWORD})
    assert client.session.get_expiry_age() == 2 * 24 * 3600
    staff = Client()
    UserFactory.create(cedula="900000004", is_staff=True, is_superuser=True)
    response = staff.post(reverse("admin:login"), {"username": "900000004", "password": TEST_PASSWORD})
    assert response.status_code == 302  # the admin's own login view
    assert staff.session.get_expiry_age() == 8 * 3600


def test_a_request_never_logs_under_another_requests_correlation_id(caplog):
    bind_correlation("11111111-1111-1111-1111-111111111111")  # left behind by earlier work in this thread
    csrf_client = Client(enforce_csrf_checks=True)
    with caplog.at_level(logging.WARNING, logger="django.security.csrf"):
        assert csrf_client.post(reverse("accounts:login"), {"cedula": "1", "password": "x"}).status_code == 403
    warnings = [r for r in caplog.records if r.name == "django.security.csrf"]
    assert warnings and {r.correlation_id for r in warnings} == {"-"}
    assert _correlation.get() == "11111111-1111-1111-1111-111111111111"  # the thread's own, back after


def test_a_task_never_logs_under_the_previous_tasks_correlation_id(caplog, settings):
    from core.tasks import deliver
    from tests.core.kernel_events import ping

    settings.RELAY_WAKE_ON_COMMIT = False
    from core.models import OutboxMessage

    event = ping("a")
    message = OutboxMessage.objects.get(event=event, handler="tests.on_ping")
    OutboxMessage.objects.filter(pk=message.pk).update(handler="tests.renamed_away")  # fails before binding
    bind_correlation("22222222-2222-2222-2222-222222222222")  # what the previous task bound
    with caplog.at_level(logging.WARNING, logger="core.consumers"):
        assert deliver(message.pk) == "failed"
    failed = [r for r in caplog.records if r.name == "core.consumers"]
    assert failed and {r.correlation_id for r in failed} == {"-"}
    assert _correlation.get() == "22222222-2222-2222-2222-222222222222"
