"""Concurrent registrations through real, separate database connections (one per thread)."""

import threading

import pytest
from django.db import connection, connections

from accounts.models import User
from accounts.services import user_register
from core.exceptions import ApplicationError

pytestmark = pytest.mark.django_db(transaction=True)


def _run_concurrently(cedulas):
    barrier = threading.Barrier(len(cedulas))
    errors: list[BaseException] = []
    refused: list[str] = []

    def register(cedula: str) -> None:
        try:
            barrier.wait()
            user_register(
                cedula=cedula, nombres="Ana", apellidos="Díaz", email=f"{cedula}@example.org", password="x-larga-2026"
            )
        except ApplicationError as exc:
            refused.append(exc.code)
        except BaseException as exc:
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=register, args=(c,)) for c in cedulas]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    return errors, refused


def test_ten_concurrent_registrations_all_succeed():
    cedulas = [str(1_100_000_000 + i) for i in range(10)]
    errors, refused = _run_concurrently(cedulas)
    assert errors == [], errors  # in particular no "database is locked"
    assert refused == []
    assert User.objects.filter(cedula__in=cedulas).count() == 10
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode")
            assert cursor.fetchone()[0] == "wal"


def test_concurrent_duplicates_create_exactly_one_user():
    errors, refused = _run_concurrently(["1200000000"] * 6)
    assert errors == [], errors
    assert refused == ["cedula_taken"] * 5
    assert User.objects.filter(cedula="1200000000").count() == 1
