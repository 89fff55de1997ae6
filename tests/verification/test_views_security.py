"""Who may see and do what: IDOR, permissions and CSRF on every fragment and action."""

from typing import Any

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse

from tests.factories import UserFactory
from tests.verification.helpers import drain_outbox, register
from verification.models import CedulaInfo, TransitionLog
from verification.states import CedulaStatus as S

pytestmark = pytest.mark.django_db

HX: dict[str, Any] = {"HTTP_HX_REQUEST": "true"}
PERSON_GETS = ("verification:badge", "verification:timeline")
PERSON_POSTS = ("verification:refresh",)


@pytest.fixture
def me_and_other():
    """I am an active voter; the other person's cédula is cancelled (their data is recognisable)."""
    me, other = register("1023456780"), register("1023456782")
    drain_outbox()
    return me, other


def test_person_urls_take_no_id_at_all(client, me_and_other):
    """The person's routes have no parameter to put an id or a cédula in: they always mean "mine"."""
    from verification.web.urls import urlpatterns

    assert {pattern.name for pattern in urlpatterns} == {n.split(":")[1] for n in PERSON_GETS + PERSON_POSTS}
    for pattern in urlpatterns:
        assert pattern.pattern.converters == {}, pattern.pattern
        assert "<" not in str(pattern.pattern)
    me, _other = me_and_other
    for name in PERSON_GETS + PERSON_POSTS:
        assert str(me.pk) not in reverse(name) and me.cedula not in reverse(name)


def test_another_persons_id_in_parameters_is_ignored(client, me_and_other):
    me, other = me_and_other
    other_info = CedulaInfo.objects.get(user=other)
    client.force_login(me)
    params = {"id": other_info.pk, "cedula_info_id": other_info.pk, "user": other.pk, "cedula": other.cedula}
    for name in PERSON_GETS:
        body = client.get(reverse(name), params, **HX).content.decode()
        assert "CANCELADA" not in body and "cancelada" not in body
    body = client.get(reverse("verification:badge"), params, **HX).content.decode()
    assert "Habilitada para votar" in body
    client.post(reverse("verification:refresh"), params, **HX)
    assert CedulaInfo.objects.get(user=other).status == S.CANCELLED
    assert not TransitionLog.objects.filter(cedula_info=other_info, transition="refresh").exists()


@pytest.fixture
def blocked():
    user = register("1023456786")
    drain_outbox()
    return CedulaInfo.objects.get(user=user)


def _console_urls(info):
    return [reverse("verification:console"), reverse("verification:console_record", args=[info.pk])]


@pytest.mark.parametrize("kind", ["staff_without_permission", "person", "person_owning_the_record"])
def test_console_is_403_without_the_permission_and_nothing_changes(client, blocked, kind):
    user = {
        "staff_without_permission": lambda: UserFactory(is_staff=True),
        "person": lambda: UserFactory(),
        "person_owning_the_record": lambda: blocked.user,
    }[kind]()
    client.force_login(user)
    for url in _console_urls(blocked):
        assert client.get(url).status_code == 403
        assert client.get(url, **HX).status_code == 403
    response = client.post(reverse("verification:console_retry"), {"ids": [blocked.pk], "reason": "quiero"})
    assert response.status_code == 403
    assert CedulaInfo.objects.get(pk=blocked.pk).status == S.BLOCKED
    assert TransitionLog.objects.filter(cedula_info=blocked).count() == 2


def test_console_needs_a_login(client, blocked):
    for url in _console_urls(blocked):
        assert client.get(url).url.startswith("/ingresar/")
    client.post(reverse("verification:console_retry"), {"ids": [blocked.pk], "reason": "r"})
    assert CedulaInfo.objects.get(pk=blocked.pk).status == S.BLOCKED


def test_the_permission_alone_opens_the_console(client, blocked):
    staff = UserFactory.create(is_staff=True)
    staff.user_permissions.add(Permission.objects.get(codename="retry_cedulainfo"))
    client.force_login(staff)
    assert client.get(reverse("verification:console")).status_code == 200


def _csrf_client(user) -> tuple[Client, str]:
    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.force_login(user)
    csrf_client.get("/")  # sets the CSRF cookie, as the page does
    return csrf_client, csrf_client.cookies["csrftoken"].value


def test_refresh_enforces_csrf(me_and_other):
    me, _ = me_and_other
    csrf_client, token = _csrf_client(me)
    url = reverse("verification:refresh")
    assert csrf_client.post(url, **HX).status_code == 403
    assert csrf_client.post(url).status_code == 403
    assert CedulaInfo.objects.get(user=me).status == S.ACTIVE
    assert csrf_client.post(url, HTTP_X_CSRFTOKEN=token, **HX).status_code == 200
    assert CedulaInfo.objects.get(user=me).status == S.PENDING


def test_console_retry_enforces_csrf(blocked):
    staff = UserFactory.create(is_staff=True)
    staff.groups.add(Group.objects.get(name="Soporte"))
    csrf_client, token = _csrf_client(staff)
    url = reverse("verification:console_retry")
    assert csrf_client.post(url, {"ids": [blocked.pk], "reason": "r"}).status_code == 403
    assert CedulaInfo.objects.get(pk=blocked.pk).status == S.BLOCKED
    response = csrf_client.post(url, {"ids": [blocked.pk], "reason": "r", "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert CedulaInfo.objects.get(pk=blocked.pk).status == S.PENDING


def test_fragments_refuse_other_methods(client, me_and_other):
    me, _ = me_and_other
    client.force_login(me)
    for name in PERSON_GETS:
        assert client.post(reverse(name), **HX).status_code == 405
    assert client.get(reverse("verification:refresh")).status_code == 405
