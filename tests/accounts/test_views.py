import pytest
from django.urls import reverse

from accounts.models import User
from tests.factories import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "una-clave-larga-2026"


def _form(**overrides):
    data = {
        "nombres": "Camilo",
        "apellidos": "Gutiérrez",
        "cedula": "79.123.456",
        "email": "camilo@example.org",
        "password1": PASSWORD,
        "password2": PASSWORD,
    }
    data.update(overrides)
    return data


def test_register_page_is_in_spanish(client):
    response = client.get(reverse("accounts:register"))
    assert response.status_code == 200
    body = response.content.decode()
    assert '<html lang="es-CO">' in body
    assert "Crear cuenta" in body
    assert "Número de cédula" in body


def test_register_creates_an_account_that_waits_for_its_confirmation(client):
    response = client.post(reverse("accounts:register"), _form())
    assert response.status_code == 302
    assert response.url == reverse("accounts:registration_sent")
    user = User.objects.get()
    assert user.cedula == "79123456" and user.awaits_email_confirmation
    assert "_auth_user_id" not in client.session  # logged in by the mailed link only


@pytest.mark.parametrize(
    ("cedula", "message"),
    [
        ("79A23456", "La cédula solo puede tener números"),
        ("٧٩١٢٣٤٥٦", "Escriba la cédula con los dígitos 0 a 9"),
        ("123", "La cédula debe tener entre 6 y 10 dígitos."),
    ],
)
def test_register_refuses_bad_cedula_with_spanish_error(client, cedula, message):
    response = client.post(reverse("accounts:register"), _form(cedula=cedula))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not User.objects.exists()


def test_register_refuses_mismatched_and_weak_passwords(client):
    response = client.post(reverse("accounts:register"), _form(password2="otra-cosa-2026"))
    assert "Las contraseñas no coinciden." in response.content.decode()
    response = client.post(reverse("accounts:register"), _form(password1="12345678", password2="12345678"))
    assert response.status_code == 400
    assert not User.objects.exists()


def test_login_by_cedula_with_separators(client):
    UserFactory(cedula="1023456789", nombres="Lucía")
    response = client.post(reverse("accounts:login"), {"cedula": "1.023.456.789", "password": TEST_PASSWORD})
    assert response.status_code == 302
    assert "Hola, Lucía" in client.get(reverse("accounts:home")).content.decode()


def test_login_wrong_password_is_refused_in_spanish(client):
    UserFactory(cedula="1023456789")
    response = client.post(reverse("accounts:login"), {"cedula": "1023456789", "password": "mala"})
    assert response.status_code == 400
    assert "Cédula o contraseña incorrecta." in response.content.decode()


def test_home_requires_login(client):
    response = client.get(reverse("accounts:home"))
    assert response.status_code == 302
    assert reverse("accounts:login") in response.url


def test_logout_needs_post(client):
    user = UserFactory()
    client.force_login(user)
    assert client.get(reverse("accounts:logout")).status_code == 405
    assert client.post(reverse("accounts:logout")).status_code == 302
    assert "_auth_user_id" not in client.session


def test_htmx_script_is_served_from_our_static_files(client):
    body = client.get(reverse("accounts:login")).content.decode()
    assert "/static/django_htmx/htmx" in body
    assert "unpkg.com" not in body and "cdn" not in body.lower()
    assert "hx-headers" not in body  # no inherited attributes: htmx 4 would not pass them down


def test_admin_lists_users_with_masked_cedula(admin_client):
    UserFactory(cedula="1023456789")
    body = admin_client.get(reverse("admin:accounts_user_changelist")).content.decode()
    assert "•••••••789" in body
    assert "1023456789" not in body


def test_pages_carry_a_strict_content_security_policy(client):
    policy = client.get(reverse("accounts:login")).headers["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self' 'unsafe-eval'"  # no 'unsafe-inline': no inline scripts
    assert directives["style-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
