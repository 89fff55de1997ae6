"""The kernel's admin: a read-only event browser with causation links, and the outbox with lag, dead
letters and a permission-gated, audited requeue."""

from typing import cast

import pytest
from django.contrib.auth.models import Permission
from django.db import transaction
from django.urls import reverse

from core import event_store
from core.event_store import Metadata, load_stream, to_envelope
from core.events import OutboxRequeued
from core.models import OutboxMessage, OutboxStatus, StoredEvent
from tests.core.kernel_events import Pinged, ping
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_wake(settings):
    settings.RELAY_WAKE_ON_COMMIT = False


@pytest.fixture
def admin_client_logged(client, admin_user):
    client.force_login(admin_user)
    return client


def _staff(*perms: str):
    user = UserFactory.create(is_staff=True)
    for codename in perms:
        user.user_permissions.add(Permission.objects.get(codename=codename, content_type__app_label="core"))
    return user


def test_event_browser_filters_and_follows_causation(admin_client_logged):
    cause = ping("a")
    with transaction.atomic():
        effect = event_store.append(
            stream_id="b", events=[Pinged(count=2)], metadata=Metadata.caused_by(to_envelope(cause))
        )[0]
    ping("c")
    changelist = reverse("admin:core_storedevent_changelist")
    page = admin_client_logged.get(changelist, {"correlation_id": str(cause.correlation_id)})
    assert page.status_code == 200
    assert [r.pk for r in page.context["cl"].result_list] == [effect.pk, cause.pk]
    by_stream = admin_client_logged.get(changelist, {"stream_type": "ping", "stream_id": "c"})
    assert len(by_stream.context["cl"].result_list) == 1
    by_type = admin_client_logged.get(changelist, {"event_type": "tests.Pinged"})
    assert len(by_type.context["cl"].result_list) == 3

    effect_page = admin_client_logged.get(reverse("admin:core_storedevent_change", args=[effect.pk])).content.decode()
    assert reverse("admin:core_storedevent_change", args=[cause.pk]) in effect_page  # to its cause
    cause_page = admin_client_logged.get(reverse("admin:core_storedevent_change", args=[cause.pk])).content.decode()
    assert reverse("admin:core_storedevent_change", args=[effect.pk]) in cause_page  # to what it caused
    assert "Eventos que causó" in cause_page


def test_events_cannot_be_added_changed_or_deleted_in_the_admin(admin_client_logged):
    event = ping("a")
    assert admin_client_logged.get(reverse("admin:core_storedevent_add")).status_code == 403
    change = reverse("admin:core_storedevent_change", args=[event.pk])
    assert admin_client_logged.post(change, {"actor": "mallory"}).status_code == 403
    assert admin_client_logged.post(reverse("admin:core_storedevent_delete", args=[event.pk])).status_code == 403
    assert admin_client_logged.get(reverse("admin:core_storedevent_changelist")).context["action_form"] is None
    assert StoredEvent.objects.get(pk=event.pk).actor == "system"


def _dead_message():
    message = OutboxMessage.objects.get(event=ping("a"))
    OutboxMessage.objects.filter(pk=message.pk).update(status=OutboxStatus.DEAD, failure_count=8, last_error="boom")
    return message


def test_outbox_view_shows_lag_and_dead_letters(admin_client_logged):
    _dead_message()
    page = admin_client_logged.get(reverse("admin:core_outboxmessage_changelist"))
    assert page.status_code == 200
    text = page.content.decode()
    assert "retraso:" in text and "fallidos (dead letter): 1" in text
    dead = admin_client_logged.get(reverse("admin:core_outboxmessage_changelist"), {"status__exact": "dead"})
    assert len(dead.context["cl"].result_list) == 1


def test_requeue_needs_the_permission(client):
    message = _dead_message()
    client.force_login(_staff("view_outboxmessage"))
    changelist = reverse("admin:core_outboxmessage_changelist")
    page = client.get(changelist)
    assert page.status_code == 200
    assert page.context["action_form"] is None  # the requeue action is not offered
    client.post(changelist, {"action": "requeue", "_selected_action": [message.pk]})
    message.refresh_from_db()
    assert message.status == OutboxStatus.DEAD
    assert load_stream("outbox", "requeues") == []

    client.force_login(_staff())  # no view permission at all
    assert client.get(changelist).status_code == 403


def test_requeue_with_the_permission_is_applied_and_audited(client):
    message = _dead_message()
    staff = _staff("view_outboxmessage", "requeue_outboxmessage")
    client.force_login(staff)
    response = client.post(
        reverse("admin:core_outboxmessage_changelist"),
        {"action": "requeue", "_selected_action": [message.pk]},
        follow=True,
    )
    assert "1 mensaje(s) reencolado(s)." in response.content.decode()
    message.refresh_from_db()
    assert (message.status, message.failure_count) == (OutboxStatus.PENDING, 0)
    audit = load_stream("outbox", "requeues")
    assert [(e.event_type, cast(OutboxRequeued, e.event).message_ids, e.actor) for e in audit] == [
        ("core.OutboxRequeued", [message.pk], f"staff:{staff.pk}")
    ]
