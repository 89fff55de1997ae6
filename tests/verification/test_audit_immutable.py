"""The audit log is append-only: not through the ORM, not through the admin (tests/verification/
test_admin.py), and on PostgreSQL not even through raw SQL."""

import pytest
from django.db import DatabaseError, connection, transaction

from core.models import ImmutableRecordError
from tests.verification.helpers import drain_outbox, register
from verification.models import TransitionLog

pytestmark = pytest.mark.django_db


@pytest.fixture
def log_row(settings):
    register("1023456780")
    drain_outbox()
    return TransitionLog.objects.first()


def test_orm_refuses_to_change_or_delete_audit_rows(log_row):
    log_row.reason = "reescrito"
    with pytest.raises(ImmutableRecordError):
        log_row.save()
    with pytest.raises(ImmutableRecordError):
        log_row.delete()
    with pytest.raises(ImmutableRecordError):
        TransitionLog.objects.update(reason="reescrito")
    with pytest.raises(ImmutableRecordError):
        TransitionLog.objects.all().delete()
    assert TransitionLog.objects.filter(reason="reescrito").count() == 0


@pytest.mark.django_db(transaction=True)
def test_postgres_refuses_raw_sql_on_the_audit_log(log_row):
    if connection.vendor != "postgresql":
        pytest.skip("database triggers are installed on PostgreSQL only")
    for sql in ("UPDATE verification_transitionlog SET reason = 'x'", "DELETE FROM verification_transitionlog"):
        with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql)
    assert TransitionLog.objects.count() == 2
