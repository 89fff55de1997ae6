"""Registration writes the user, `UserRegistered`, `EmailConfirmationRequested` and their outbox rows
in one transaction.

Faults are injected at the database boundary (the row inserts themselves), with real commits
(`transaction=True`): if any insert fails, nothing of the registration exists afterwards.
"""

from unittest import mock

import pytest
from django.db import DatabaseError

from accounts.models import User
from accounts.services import user_register
from core.models import OutboxMessage, StoredEvent

pytestmark = pytest.mark.django_db(transaction=True)

CEDULA = "1023456789"


def _register():
    return user_register(
        cedula=CEDULA, nombres="María", apellidos="Peña", email="maria@example.org", password="una-clave-larga-2026"
    )


def _nothing_written():
    assert not User.objects.filter(cedula=CEDULA).exists()
    assert StoredEvent.objects.count() == 0
    assert OutboxMessage.objects.count() == 0


def test_registration_commits_user_event_and_outbox_together(registration_consumer):
    user = _register()
    registered, mail = StoredEvent.objects.order_by("position")
    assert (registered.event_type, registered.stream, registered.payload) == (
        "accounts.UserRegistered",
        f"user:{user.pk}",
        {"user_id": user.pk, "awaits_email_confirmation": True},
    )
    assert (mail.event_type, mail.stream, mail.payload) == (
        "accounts.EmailConfirmationRequested",
        f"user:{user.pk}",
        {"user_id": user.pk},
    )
    # One delivery per consumer of each event (the product's and the test's).
    assert set(OutboxMessage.objects.values_list("event_id", "handler")) == {
        (registered.pk, "tests.registration_consumer"),
        (registered.pk, "verification.open_cedula_check"),
        (mail.pk, "accounts.mail_email_confirmation"),
    }


def test_failure_after_the_user_insert_leaves_neither_user_nor_event(registration_consumer):
    inserted = []
    real_save = StoredEvent.save

    def failing_event_insert(self, *args, **kwargs):
        # The user row is already inserted in this transaction when the event insert fails.
        inserted.append(User.objects.filter(cedula=CEDULA).exists())
        raise DatabaseError("disk full (injected)")

    with mock.patch.object(StoredEvent, "save", failing_event_insert), pytest.raises(DatabaseError):
        _register()
    assert inserted == [True]
    assert StoredEvent.save is real_save
    _nothing_written()


def test_failure_in_the_outbox_insert_leaves_neither_user_nor_event(registration_consumer):
    with (
        mock.patch.object(
            OutboxMessage.objects, "bulk_create", side_effect=DatabaseError("outbox insert failed (injected)")
        ) as bulk_create,
        pytest.raises(DatabaseError),
    ):
        _register()
    assert bulk_create.call_count == 1
    _nothing_written()
    # And the same registration succeeds once the fault is gone.
    _register()
    assert (User.objects.count(), StoredEvent.objects.count(), OutboxMessage.objects.count()) == (1, 2, 3)
