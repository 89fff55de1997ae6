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
