import pytest
from django.urls import reverse

from tests.verification.helpers import drain_outbox, register
from verification.models import CedulaInfo, TransitionLog

pytestmark = pytest.mark.django_db


def test_admin_shows_history_inline_and_changes_nothing(admin_client):
    user = register("1023456780")
    drain_outbox()
    info = CedulaInfo.objects.get(user=user)
    page = admin_client.get(reverse("admin:verification_cedulainfo_change", args=[info.pk]))
    body = page.content.decode()
    assert page.status_code == 200
    assert "complete_active" in body and "request" in body
    assert "1023456780" not in admin_client.get(reverse("admin:verification_cedulainfo_changelist")).content.decode()
    log = TransitionLog.objects.filter(cedula_info=info).first()
    assert log is not None
    response = admin_client.post(reverse("admin:verification_transitionlog_delete", args=[log.pk]), {"post": "yes"})
    assert response.status_code == 403
    response = admin_client.post(reverse("admin:verification_cedulainfo_change", args=[info.pk]), {"status": "error"})
    assert response.status_code == 403
    assert TransitionLog.objects.filter(cedula_info=info).count() == 2
    assert CedulaInfo.objects.get(pk=info.pk).status == "active"


def test_support_staff_see_records_masked_and_superusers_unmasked_with_an_audit_record(client, admin_client):
    from django.contrib.auth.models import Group, Permission

    from core.models import StoredEvent
    from tests.factories import UserFactory

    user = register("1023456780")
    drain_outbox()
    info = CedulaInfo.objects.get(user=user)
    url = reverse("admin:verification_cedulainfo_change", args=[info.pk])
    soporte, _ = Group.objects.get_or_create(name="Soporte")
    soporte.permissions.add(*Permission.objects.filter(codename__in=["view_cedulainfo", "retry_cedulainfo"]))
    staff = UserFactory.create(is_staff=True, cedula="900000005")
    staff.groups.add(soporte)
    client.force_login(staff)
    body = client.get(url).content.decode()
    assert "•••••••780" in body
    for census_value in ("1023456780", "MEDELLÍN", "MARCO FIDEL", "CRA 80"):
        assert census_value not in body
    assert not StoredEvent.objects.filter(event_type="verification.CedulaCensusDataViewed").exists()

    body = admin_client.get(url).content.decode()
    assert "MEDELLÍN" in body and "1023456780" not in body
    viewed = StoredEvent.objects.get(event_type="verification.CedulaCensusDataViewed")
    assert (viewed.stream_type, viewed.stream_id, viewed.payload) == (
        "census_views",
        str(info.pk),
        {"cedula_info_id": info.pk},
    )
    assert viewed.actor.startswith("staff:")
