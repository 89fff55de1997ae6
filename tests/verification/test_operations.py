import json
from datetime import timedelta
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from tests.factories import UserFactory
from tests.verification.helpers import drain_outbox, register
from verification.models import CedulaInfo
from verification.ops.operations import health, verification_stats

pytestmark = pytest.mark.django_db


def _mixed_run():
    for n in range(7):  # last digits 0..6: active, active, cancelled, not_found, error, blocked x2
        register(f"104000000{n}")
    drain_outbox()
    register("1040000010")  # stays pending: its deliveries are not run


def test_stats_count_states_backlog_and_lag():
    _mixed_run()
    stats = verification_stats()
    assert stats.states == {
        "pending": 0,  # the last registration's CedulaInfo does not exist until its handler runs
        "active": 2,
        "cancelled": 1,
        "not_found": 1,
        "error": 1,
        "blocked": 2,
        "erased": 0,
    }
    assert stats.retry_backlog == 2  # the error and the WAF block; captcha_unsolved waits for a person
    assert stats.retry_due == 0
    assert stats.queue_depth == 0  # the test delivers by hand: nothing waits in the broker
    # The last registration's deliveries are still open: the lag is their age, and it grows with time.
    with time_machine.travel(timezone.now() + timedelta(seconds=120)):
        later = verification_stats()
    assert stats.relay_lag_seconds < 60
    assert 120 <= later.relay_lag_seconds < 180


def test_verification_stats_command_prints_text_and_json():
    _mixed_run()
    out = StringIO()
    call_command("verification_stats", stdout=out)
    assert "active     2" in out.getvalue() and "Relay lag:" in out.getvalue()
    out = StringIO()
    call_command("verification_stats", "--json", stdout=out)
    data = json.loads(out.getvalue())
    assert data["states"]["blocked"] == 2 and data["retry_backlog"] == 2


def test_health_is_degraded_without_a_cluster_and_strict_mode_says_503(client):
    status, details = health()
    assert status == "degraded"
    assert details["checks"]["database"]["ok"] and details["checks"]["broker"]["ok"]
    assert details["checks"]["cluster"]["ok"] is False
    assert client.get(reverse("ops:health")).status_code == 200
    assert client.head(reverse("ops:health")).status_code == 200  # load balancers probe with HEAD
    response = client.get(reverse("ops:health") + "?strict=1")
    assert response.status_code == 503
    assert response.json() == {"status": "degraded"}  # no host names, cluster ids or breakers for anyone
    staff = UserFactory.create(is_staff=True, cedula="900000003")
    client.force_login(staff)
    assert client.get(reverse("ops:health") + "?strict=1").json()["checks"]["cluster"]["ok"] is False


def test_health_details_with_the_token_and_metrics_closed_in_production_without_one(client, settings):
    settings.METRICS_TOKEN = "s3creto"
    bearer = {"Authorization": "Bearer s3creto"}
    assert "checks" in client.get(reverse("ops:health"), headers=bearer).json()
    assert "checks" not in client.get(reverse("ops:health"), headers={"Authorization": "Bearer otro"}).json()
    settings.METRICS_TOKEN = ""
    settings.DJANGO_ENV = "production"
    assert client.get(reverse("ops:metrics")).status_code == 401
    assert "checks" not in client.get(reverse("ops:health"), headers=bearer).json()


def test_metrics_in_prometheus_format(client, settings):
    _mixed_run()
    body = client.get(reverse("ops:metrics")).content.decode()
    assert 'pagina_madre_lookups_total{outcome="active"} 2' in body
    assert 'pagina_madre_lookups_total{outcome="blocked"} 2' in body
    assert 'pagina_madre_lookup_duration_seconds_bucket{le="+Inf"} 7' in body
    assert "pagina_madre_lookup_duration_seconds_count 7" in body
    assert "pagina_madre_relay_lag_seconds " in body
    assert "pagina_madre_queue_depth " in body
    assert "1040000000" not in body
    settings.METRICS_TOKEN = "s3creto"
    assert client.get(reverse("ops:metrics")).status_code == 401
    assert client.get(reverse("ops:metrics"), headers={"Authorization": "Bearer s3creto"}).status_code == 200


def test_captcha_spend_in_stats_metrics_and_the_command(client, settings):
    """Solves requested / used / wasted / failed, per completed lookup and their estimated cost."""
    from verification.models import CaptchaSolve
    from verification.models import CaptchaSolveStatus as Solve

    _mixed_run()  # 7 lookups recorded today, 5 of them final answers
    settings.CAPTCHA_PRICE_PER_1000 = 3.0
    settings.CAPTCHA_DAILY_BUDGET = 100
    now = timezone.now()
    for status, n in ((Solve.USED, 5), (Solve.WASTED, 1), (Solve.FAILED, 2)):
        for _ in range(n):
            CaptchaSolve.objects.create(
                site="wsp", sitekey="k", page_url="u", origin="pipeline", status=status, requested_at=now
            )
    spend = verification_stats().captcha
    assert (spend["requested"], spend["used"], spend["wasted"], spend["failed"], spend["paid"]) == (8, 5, 1, 2, 6)
    final = CedulaInfo.objects.filter(status__in=["active", "cancelled", "not_found"]).count()
    assert spend["per_completed_lookup"] == round(6 / final, 3)
    assert spend["estimated_cost"] == 0.018 and spend["budget_left"] == 94 and spend["paused"] == 0
    body = client.get(reverse("ops:metrics")).content.decode()
    assert 'pagina_madre_captcha_solves_today{status="wasted"} 1' in body
    assert f"pagina_madre_captcha_solves_per_completed_lookup {round(6 / final, 3)}" in body
    assert 'pagina_madre_captcha_cost_today{currency="USD"} 0.018' in body
    assert "pagina_madre_captcha_budget_paused 0" in body
    out = StringIO()
    call_command("verification_stats", stdout=out)
    assert "Captcha solves today: 8 requested, 5 used, 1 wasted, 2 failed; 6 paid of a budget of 100" in out.getvalue()


def test_salud_scope_node_checks_this_node_only(client):
    """For load balancers: database and broker, not the deployment-wide checks."""
    response = client.get("/salud/?scope=node")
    assert (response.status_code, response.json()) == (200, {"status": "ok"})
