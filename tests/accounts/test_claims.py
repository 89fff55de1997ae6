""" "Esta cédula es mía": a person whose registration found their cédula taken files a claim from the
link mailed to their address; support staff review it in the console and decide, with a reason: transfer
(the holding account is erased, the claimant's opened and looked up) or reject. Every step is an event
with its actor. Mail goes through a real SMTP server on loopback."""

import base64
import re
from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from accounts.models import CedulaClaim, User
from core.models import StoredEvent
from tests.factories import UserFactory
from tests.verification.helpers import drain_outbox
from verification.models import CedulaInfo

pytestmark = pytest.mark.django_db

CEDULA = "79123450"  # the stand-in lookup answers "active" for a cédula ending in 0
CLAIMANT_PASSWORD = "la-clave-de-la-duena-2026"


@pytest.fixture(autouse=True)
def fake_lookup(settings):
    settings.VERIFICATION_LOOKUP_BACKEND = "tests.fakes.lookup"
    settings.RELAY_WAKE_ON_COMMIT = False


@pytest.fixture
def squatter():
    return UserFactory.create(cedula=CEDULA, email="intruso@example.org", nombres="Intruso")


@pytest.fixture
def support(client):
    staff = UserFactory.create(is_staff=True, cedula="900000055")
    staff.groups.add(Group.objects.get(name="Soporte"))
    return staff


def _claim_path(client, smtp_server, *, email: str = "duena@example.org") -> str:
    """Register the taken cédula with `email`; the claim link of the mail that address gets."""
    client.post(
        reverse("accounts:register"),
        {
            "nombres": "Dueña",
            "apellidos": "Verdadera",
            "cedula": CEDULA,
            "email": email,
            "password1": "una-clave-larga-2026",
            "password2": "una-clave-larga-2026",
        },
    )
    drain_outbox()
    [message] = smtp_server.wait_for(1)
    assert message["To"] == email
    found = re.search(r"https?://[^/\s]+(/reclamar/\S+/)", message.get_content())
    assert found is not None, message.get_content()
    return found.group(1)


def _file(client, path: str, **overrides):
    data = {
        "nombres": "Dueña",
        "apellidos": "Verdadera",
        "statement": "Intenté registrarme y alguien ya había usado mi cédula.",
        "password1": CLAIMANT_PASSWORD,
        "password2": CLAIMANT_PASSWORD,
    } | overrides
    return client.post(path, data)


def _decide(client, claim: CedulaClaim, decision: str, reason: str = "Cotejamos la cédula en persona"):
    return client.post(reverse("accounts:claim_review", args=[claim.pk]), {"decision": decision, "reason": reason})


def test_a_claim_filed_from_the_mail_is_reviewed_and_transferred(client, smtp_server, squatter, support):
    path = _claim_path(client, smtp_server)
    # The link names the attempt only: no address, no cédula (a URL ends up in access logs).
    token = path.split("/")[-2]
    payload = base64.urlsafe_b64decode(token.split(":")[0] + "==")
    assert b"duena" not in payload and CEDULA.encode() not in payload and CEDULA not in path
    form = client.get(path).content.decode()
    assert "Esta cédula es mía" in form and "•••••450" in form and CEDULA not in form
    filed = _file(client, path)
    assert "Recibimos su reclamo" in filed.content.decode()
    claim = CedulaClaim.objects.get()
    assert (claim.status, claim.email, claim.holder) == ("open", "duena@example.org", squatter)
    assert StoredEvent.objects.get(event_type="accounts.CedulaClaimFiled").actor == "anonymous"

    client.force_login(support)
    console = client.get(reverse("accounts:claims_console")).content.decode()
    assert f'href="{reverse("accounts:claim_review", args=[claim.pk])}"' in console
    review = client.get(reverse("accounts:claim_review", args=[claim.pk])).content.decode()
    assert "Intruso" in review and "alguien ya había usado mi cédula" in review
    assert _decide(client, claim, "transfer").status_code == 302

    claim.refresh_from_db()
    assert (claim.status, claim.decided_by, claim.decision_reason) == (
        "transferred",
        support,
        "Cotejamos la cédula en persona",
    )
    assert not User.objects.filter(pk=squatter.pk).exists()
    owner = User.objects.get(cedula=CEDULA)
    assert (owner.email, owner.nombres, owner.awaits_email_confirmation) == ("duena@example.org", "Dueña", False)
    assert owner.check_password(CLAIMANT_PASSWORD)
    decided = StoredEvent.objects.get(event_type="accounts.CedulaClaimDecided")
    assert decided.actor == f"staff:{support.pk}"
    assert decided.payload == {
        "claim_id": claim.pk,
        "decision": "transfer",
        "reason": "Cotejamos la cédula en persona",
        "holder_id": squatter.pk,
        "claimant_id": owner.pk,
    }
    erased = StoredEvent.objects.get(event_type="accounts.UserErased", stream_id=str(squatter.pk))
    assert erased.actor == f"staff:{support.pk}"
    drain_outbox()
    assert CedulaInfo.objects.get(user=owner).status == "active"  # looked up at once
    told = [m for m in smtp_server.messages if m["Subject"] == "Su reclamo de cédula en Pagina-Madre"]
    assert [m["To"] for m in told] == ["duena@example.org"] and "lo aprobamos" in told[0].get_content()
    client.logout()
    login = client.post(reverse("accounts:login"), {"cedula": CEDULA, "password": CLAIMANT_PASSWORD})
    assert login.status_code == 302


def test_a_rejected_claim_leaves_the_account_alone(client, smtp_server, squatter, support):
    path = _claim_path(client, smtp_server)
    _file(client, path)
    claim = CedulaClaim.objects.get()
    client.force_login(support)
    assert _decide(client, claim, "reject", "No coincide con el documento").status_code == 302
    claim.refresh_from_db()
    assert claim.status == "rejected"
    assert User.objects.get(cedula=CEDULA) == squatter
    drain_outbox()
    told = [m for m in smtp_server.messages if m["Subject"] == "Su reclamo de cédula en Pagina-Madre"]
    assert len(told) == 1 and "no pudimos aprobarlo" in told[0].get_content()
    # Decided once: a second decision is refused.
    again = _decide(client, claim, "transfer")
    assert again.status_code == 400 and "ya fue decidido" in again.content.decode()


def test_deciding_needs_the_permission_and_a_reason(client, smtp_server, squatter):
    path = _claim_path(client, smtp_server)
    _file(client, path)
    claim = CedulaClaim.objects.get()
    client.force_login(UserFactory.create(is_staff=True, cedula="900000056"))  # staff, not support
    assert client.get(reverse("accounts:claims_console")).status_code == 403
    assert _decide(client, claim, "transfer").status_code == 403
    supporter = UserFactory.create(is_staff=True, cedula="900000057")
    supporter.groups.add(Group.objects.get(name="Soporte"))
    client.force_login(supporter)
    assert _decide(client, claim, "transfer", reason="").status_code == 400
    claim.refresh_from_db()
    assert claim.status == "open" and User.objects.get(cedula=CEDULA) == squatter


def test_a_forged_or_expired_link_files_nothing_and_one_address_files_once(client, smtp_server, squatter):
    path = _claim_path(client, smtp_server)
    forged = path[:-4] + ("x" if path[-4] != "x" else "y") + path[-3:]
    assert client.get(forged).status_code == 400
    with time_machine.travel(timezone.now() + timedelta(hours=73)):
        assert "venció" in client.get(path).content.decode()
    _file(client, path)
    again = _file(client, path)
    assert "Ya recibimos su reclamo" in again.content.decode()
    assert CedulaClaim.objects.count() == 1


def test_a_link_whose_account_is_gone_says_the_cedula_is_free(client, smtp_server, squatter):
    from accounts.services import user_erase

    path = _claim_path(client, smtp_server)
    user_erase(user=squatter, actor=f"user:{squatter.pk}")
    assert "puede registrar la cédula de nuevo" in client.get(path).content.decode()
