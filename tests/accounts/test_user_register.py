import pytest

from accounts.models import User
from accounts.services import user_register
from core.exceptions import ApplicationError

pytestmark = pytest.mark.django_db


def _register(**overrides):
    data = {
        "cedula": "1.023.456.789",
        "nombres": "María José",
        "apellidos": "Peña Ruiz",
        "email": "maria@example.org",
        "password": "una-clave-larga-2026",
    }
    data.update(overrides)
    return user_register(**data)


def test_user_register_stores_normalised_cedula_and_hashed_password():
    user = _register()
    user.refresh_from_db()
    assert user.cedula == "1023456789"
    assert user.check_password("una-clave-larga-2026")
    assert user.password != "una-clave-larga-2026"


def test_user_register_refuses_duplicate_even_with_other_formatting():
    _register()
    with pytest.raises(ApplicationError) as excinfo:
        _register(cedula="1 023 456 789", email="otra@example.org")
    assert excinfo.value.code == "cedula_taken"
    assert User.objects.count() == 1


@pytest.mark.parametrize("cedula", ["abc123456", "١٠٢٣٤٥٦٧٨٩", "123"])
def test_user_register_refuses_invalid_cedula(cedula):
    with pytest.raises(ApplicationError) as excinfo:
        _register(cedula=cedula)
    assert excinfo.value.field == "cedula"
    assert User.objects.count() == 0


def test_database_refuses_unnormalised_cedula():
    from django.db import IntegrityError

    with pytest.raises(IntegrityError):
        User.objects.bulk_create([User(cedula="1.023.456", nombres="A", apellidos="B", email="a@b.co")])
