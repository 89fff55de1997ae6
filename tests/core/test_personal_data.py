"""The raw cédula never leaves the users table: not in event payloads, outbox rows or task arguments."""

import json

import pytest
from django.core import serializers
from django_q.conf import Conf
from django_q.models import OrmQ, Task
from django_q.signing import SignedPackage

from accounts.services import user_register
from core.models import OutboxMessage, StoredEvent
from tests.verification.helpers import confirm_email

pytestmark = pytest.mark.django_db(transaction=True)


def _register(cedula: str):
    """A person registers and opens their confirmation link (which asks for the lookup)."""
    user = user_register(
        cedula=cedula, nombres="Luz", apellidos="Arango", email=f"{cedula}@example.org", password="una-clave-larga-2026"
    )
    confirm_email(user)
    return user


def _dump(queryset) -> str:
    return serializers.serialize("json", queryset)


def test_registration_stores_and_enqueues_no_raw_cedula(registration_consumer, monkeypatch, settings):
    settings.RELAY_SAVE_TASK_RESULTS = True  # keep the Task rows, to inspect their arguments
    settings.VERIFICATION_LOOKUP_BACKEND = "tests.fakes.lookup"
    # Real commits: the on-commit wake-up runs the relay, which enqueues into Django-Q2's ORM broker,
    # one task per consumer of UserRegistered.
    queued_user = _register("1.023.456.789")
    outbox_ids = sorted(OutboxMessage.objects.values_list("pk", flat=True))
    assert len(outbox_ids) >= 2  # the product's consumer and the test's
    queued = [SignedPackage.loads(q.payload) for q in OrmQ.objects.all()]
    assert sorted(q["args"][0] for q in queued) == outbox_ids
    assert {(q["func"], len(q["args"])) for q in queued} == {("core.tasks.deliver", 1)}

    # The second registration runs its tasks inline (as a worker would), so Task rows record the calls:
    # its consumers, then the lookup they asked for and its result.
    monkeypatch.setattr(Conf, "SYNC", True)
    run_user = _register("79888777")
    assert Task.objects.count() >= 3
    assert all(task.success for task in Task.objects.all()), [t.result for t in Task.objects.all()]
    assert len(registration_consumer) == 1
    assert StoredEvent.objects.filter(event_type="verification.CedulaVerificationCompleted").count() == 1

    assert StoredEvent.objects.filter(event_type="accounts.UserRegistered").count() == 2
    for cedula, user in (("1023456789", queued_user), ("79888777", run_user)):
        for dumped in (
            _dump(StoredEvent.objects.all()),
            _dump(OutboxMessage.objects.all()),
            json.dumps([SignedPackage.loads(q.payload) for q in OrmQ.objects.all()], default=str),
            _dump(OrmQ.objects.all()),
            json.dumps([(t.name, t.func, t.args, t.kwargs, t.result) for t in Task.objects.all()], default=str),
        ):
            assert cedula not in dumped
        assert StoredEvent.objects.filter(payload={"user_id": user.pk}).exists()
