"""A census answer whose place names carry markup is shown escaped everywhere: the home page, the
htmx fragments, the support console and the admin."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from core.consumers import outbox_deliver
from core.models import OutboxMessage
from tests.factories import UserFactory
from tests.fakes import FakeResult
from tests.verification.helpers import register
from verification.models import CedulaInfo
from verification.services import cedula_verification_record_result

pytestmark = pytest.mark.django_db

SCRIPT = '<script>alert("xss")</script>'
IMG = "<img src=x onerror=alert(1)>"


@pytest.fixture
def hostile_record():
    user = register("1023456780")
    outbox_deliver(message_id=OutboxMessage.objects.get(handler="verification.open_cedula_check_on_confirmation").pk)
    info = CedulaInfo.objects.get(user=user)
    fields = {"departamento": "ANTIOQUIA", "municipio": IMG, "puesto": SCRIPT, "direccion": "CRA 1", "mesa": "1"}
    cedula_verification_record_result(
        cedula_info_id=info.pk, request_id=str(info.request_id), result=FakeResult("active", fields, site=SCRIPT)
    )
    return user, info


def _assert_escaped(body: str) -> None:
    assert SCRIPT not in body
    assert IMG not in body
    assert "&lt;script&gt;" in body or "&lt;img" in body


def test_person_pages_and_fragments_escape_markup(client, hostile_record):
    user, _ = hostile_record
    client.force_login(user)
    _assert_escaped(client.get(reverse("accounts:home")).content.decode())
    for name in ("verification:badge", "verification:timeline"):
        body = client.get(reverse(name), headers={"HX-Request": "true"}).content.decode()
        assert SCRIPT not in body and IMG not in body


def test_console_and_admin_escape_markup(client, admin_client, hostile_record):
    _, info = hostile_record
    blocked_user = register("1023456785")
    outbox_deliver(
        message_id=OutboxMessage.objects.get(
            handler="verification.open_cedula_check_on_confirmation", event__stream_id=str(blocked_user.pk)
        ).pk
    )
    blocked = CedulaInfo.objects.get(user=blocked_user)
    cedula_verification_record_result(
        cedula_info_id=blocked.pk,
        request_id=str(blocked.request_id),
        result=FakeResult("blocked", reason=IMG, site=SCRIPT),
    )
    support = UserFactory.create(is_staff=True)
    support.groups.add(Group.objects.get(name="Soporte"))
    client.force_login(support)
    _assert_escaped(client.get(reverse("verification:console")).content.decode())
    _assert_escaped(client.get(reverse("verification:console_record", args=[blocked.pk])).content.decode())
    _assert_escaped(admin_client.get(reverse("admin:verification_cedulainfo_change", args=[info.pk])).content.decode())
    _assert_escaped(admin_client.get(reverse("admin:verification_cedulainfo_changelist")).content.decode())
