"""Admin side of the console: CedulaInfo with history inline, filters, search, Django-Q2 admin."""

import pytest
from django.urls import reverse

from tests.verification.helpers import drain_outbox, register
from verification.models import CedulaInfo

pytestmark = pytest.mark.django_db


def test_cedulainfo_admin_filters_by_state_site_and_date_and_searches_by_user(admin_client):
    active, blocked = register("1023456780"), register("1023456785")
    drain_outbox()
    url = reverse("admin:verification_cedulainfo_changelist")
    page = admin_client.get(url).content.decode()
    assert "?status__exact=blocked" in page and "?site=fake" in page and "requested_at__gte" in page
    blocked_info = CedulaInfo.objects.get(user=blocked)
    only_blocked = admin_client.get(url, {"status__exact": "blocked"}).context["cl"].result_list
    assert list(only_blocked) == [blocked_info]
    by_cedula = admin_client.get(url, {"q": "1023456780"}).context["cl"].result_list
    assert list(by_cedula) == [CedulaInfo.objects.get(user=active)]
    by_name = admin_client.get(url, {"q": "Prueba"}).context["cl"].result_list
    assert len(by_name) == 2


def test_audit_log_admin_is_read_only_and_searchable_by_cedula(admin_client):
    register("1023456786")
    drain_outbox()
    url = reverse("admin:verification_transitionlog_changelist")
    response = admin_client.get(url, {"q": "1023456786"})
    assert len(response.context["cl"].result_list) == 2
    assert not response.context["has_add_permission"]
    assert admin_client.get(reverse("admin:verification_transitionlog_add")).status_code == 403


def _q2_row(model: str):
    """One row of each Django-Q2 model the support staff look at, named so the admin can be read."""
    from django.utils import timezone
    from django_q.models import OrmQ, Schedule, Task
    from django_q.signing import SignedPackage

    now = timezone.now()
    if model == "schedule":
        return Schedule.objects.create(name="sondeo-programado", func="core.tasks.deliver")
    if model == "ormq":
        task = {"id": "a" * 32, "name": "sondeo-en-cola", "func": "core.tasks.deliver", "args": (1,), "kwargs": {}}
        return OrmQ.objects.create(key="default", payload=SignedPackage.dumps(task), lock=now)
    return Task.objects.create(
        id=("b" if model == "success" else "c") * 32,
        name=f"sondeo-{model}",
        func="core.tasks.deliver",
        started=now,
        stopped=now,
        success=model == "success",
    )


@pytest.mark.parametrize("model", ["success", "failure", "schedule", "ormq"])
def test_django_q2_admin_lists_its_rows(admin_client, model):
    assert "django_q" in admin_client.get(reverse("admin:index")).content.decode()
    row = _q2_row(model)
    response = admin_client.get(reverse(f"admin:django_q_{model}_changelist"))
    assert row in list(response.context["cl"].result_list)
    assert "sondeo-" in response.content.decode()
