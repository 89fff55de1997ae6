"""A habeas-data request: deleting a person's account leaves nothing readable about them in events,
projections, the audit log or task results, while the event log stays complete and replayable."""

import json

import pytest
from django.core.management import call_command
from django.db import connection

from accounts.models import User
from accounts.services import user_erase
from core.event_store import load_stream
from core.models import StoredEvent, SubjectKey
from core.projections import replay
from tests.verification.helpers import drain_outbox, register
from verification.events import CedulaVerificationCompleted
from verification.models import CedulaInfo, TransitionLog

pytestmark = pytest.mark.django_db

PERSONAL_VALUES = ("1023456780", "MEDELLÍN", "ANTIOQUIA", "MARCO FIDEL", "CRA 80", "1023456780@example.org")


def _all_stored_text() -> str:
    """Every table's rows as text, the way someone reading a database dump would see them."""
    chunks = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 - table names from introspection
            chunks.append(json.dumps(cursor.fetchall(), default=str, ensure_ascii=False))
    return "\n".join(chunks)


@pytest.fixture(autouse=True)
def fake_lookup(settings):
    settings.VERIFICATION_LOOKUP_BACKEND = "tests.fakes.lookup"
    settings.RELAY_WAKE_ON_COMMIT = False


def test_voting_place_is_stored_encrypted_in_events():
    user = register("1023456780")
    drain_outbox()
    completed = StoredEvent.objects.get(event_type="verification.CedulaVerificationCompleted")
    assert "MEDELLÍN" not in json.dumps(completed.payload, ensure_ascii=False)
    event = load_stream("cedula", CedulaInfo.objects.get(user=user).pk)[-1].event
    assert isinstance(event, CedulaVerificationCompleted)
    assert event.fields["municipio"] == "MEDELLÍN"


def test_erasure_leaves_nothing_readable_and_replay_still_matches():
    user = register("1023456780")
    neighbour = register("1023456772")  # cancelled: none of the values above
    drain_outbox()
    info = CedulaInfo.objects.get(user=user)
    events_before = StoredEvent.objects.count()

    user_erase(user=user, actor=f"user:{user.pk}")
    drain_outbox()

    assert not User.objects.filter(pk=user.pk).exists()
    dump = _all_stored_text()
    for value in PERSONAL_VALUES:
        assert value not in dump
    info.refresh_from_db()
    assert info.user_id is None and info.municipio == "" and info.status == "erased"
    erased = TransitionLog.objects.filter(cedula_info=info).last()
    assert erased is not None
    assert (erased.transition, erased.actor) == ("erase", f"user:{user.pk}")
    assert (erased.from_state, erased.to_state) == ("active", "erased")
    # The log is complete (nothing deleted) and its personal fields read back as erased.
    assert StoredEvent.objects.count() == events_before + 2  # UserErased + CedulaPersonalDataErased
    completed = next(e for e in load_stream("cedula", info.pk) if e.event_type.endswith("Completed"))
    assert isinstance(completed.event, CedulaVerificationCompleted)
    assert completed.erased and completed.event.fields == {}
    assert not SubjectKey.objects.filter(subject=f"user_id:{user.pk}").exists()
    # The rest of the log stays readable and replayable.
    assert CedulaInfo.objects.get(user=neighbour).novedad == "CANCELADA POR MUERTE"
    assert replay(verify=True).differences == []
    replay()
    assert CedulaInfo.objects.get(user=neighbour).novedad == "CANCELADA POR MUERTE"
    call_command("replay", "--verify", "--no-progress")


def test_person_erases_their_account_from_the_web(client):
    from django.urls import reverse

    user = register("1023456780")
    drain_outbox()
    client.force_login(user)
    url = reverse("accounts:erase")
    assert "Eliminar mi cuenta" in client.get(url).content.decode()
    response = client.post(url, {"password": "incorrecta", "confirm": "on"})
    assert response.status_code == 400 and "La contraseña no es correcta." in response.content.decode()
    assert User.objects.filter(pk=user.pk).exists()
    response = client.post(url, {"password": "clave-larga-2026", "confirm": "on"})
    assert response.status_code == 302
    assert not User.objects.filter(pk=user.pk).exists()
    assert "_auth_user_id" not in client.session
    assert CedulaInfo.objects.get().user_id is None
