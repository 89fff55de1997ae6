"""The raw cédula never leaves the users table: not in event payloads, outbox rows or task arguments."""

import json

import pytest
from django.core import serializers
from django_q.conf import Conf
from django_q.models import OrmQ, Task
from django_q.signing import SignedPackage

from accounts.services import user_register
from core.models import OutboxMessage, StoredEvent

pytestmark = pytest.mark.django_db(transaction=True)


def _register(cedula: str):
    return user_register(
        cedula=cedula, nombres="Luz", apellidos="Arango", email=f"{cedula}@example.org", password="una-clave-larga-2026"
    )


def _dump(queryset) -> str:
    return serializers.serialize("json", queryset)


def test_registration_stores_and_enqueues_no_raw_cedula(registration_consumer, monkeypatch, settings):
    settings.RELAY_SAVE_TASK_RESULTS = True  # keep the Task row, to inspect its arguments
    # Real commits: the on-commit wake-up runs the relay, which enqueues into Django-Q2's ORM broker.
    queued_user = _register("1.023.456.789")
    assert OrmQ.objects.count() == 1
    queued = SignedPackage.loads(OrmQ.objects.get().payload)
    assert (queued["func"], queued["args"]) == ("core.tasks.deliver", (OutboxMessage.objects.get().pk,))

    # The second registration runs its task inline (as a worker would) so a Task row records the call.
    monkeypatch.setattr(Conf, "SYNC", True)
    run_user = _register("79888777")
    assert Task.objects.count() == 1
    task = Task.objects.get()
    assert task.success, task.result
    assert len(registration_consumer) == 1

    assert StoredEvent.objects.count() == 2
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
