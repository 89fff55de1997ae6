import pytest
from django.db import transaction

from accounts.events import UserRegistered
from core import event_store
from core.event_store import ConcurrencyError, Metadata
from core.models import ImmutableRecordError, StoredEvent

pytestmark = pytest.mark.django_db


def _append(stream_id=1, expected=None):
    with transaction.atomic():
        return event_store.append(
            stream_id=stream_id,
            events=[UserRegistered(user_id=stream_id, awaits_email_confirmation=True)],
            metadata=Metadata.new("system"),
            expected_version=expected,
        )


def test_append_assigns_versions_and_reads_back():
    _append(7)
    _append(7)
    envelopes = event_store.load_stream("user", 7)
    assert [e.version for e in envelopes] == [1, 2]
    assert envelopes[0].event == UserRegistered(user_id=7, awaits_email_confirmation=True)
    assert envelopes[0].position < envelopes[1].position


def test_expected_version_mismatch_raises():
    _append(8)
    with pytest.raises(ConcurrencyError):
        _append(8, expected=0)
    assert StoredEvent.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_append_requires_a_transaction():
    with pytest.raises(RuntimeError):
        event_store.append(
            stream_id=1,
            events=[UserRegistered(user_id=1, awaits_email_confirmation=True)],
            metadata=Metadata.new("system"),
        )


def test_events_cannot_be_changed_or_deleted_through_the_orm():
    row = _append(9)[0]
    row.actor = "mallory"
    with pytest.raises(ImmutableRecordError):
        row.save()
    with pytest.raises(ImmutableRecordError):
        row.delete()
    with pytest.raises(ImmutableRecordError):
        StoredEvent.objects.filter(pk=row.pk).update(actor="mallory")
    with pytest.raises(ImmutableRecordError):
        StoredEvent.objects.all().delete()
    assert StoredEvent.objects.get(pk=row.pk).actor == "system"


@pytest.mark.django_db(transaction=True)
def test_postgres_refuses_update_and_delete_even_in_raw_sql():
    from django.db import DatabaseError, connection

    if connection.vendor != "postgresql":
        pytest.skip("database triggers are installed on PostgreSQL only")
    row = _append(10)[0]
    for sql in ("UPDATE core_storedevent SET actor = 'mallory'", "DELETE FROM core_storedevent"):
        with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql)
    assert StoredEvent.objects.get(pk=row.pk).actor == "system"
