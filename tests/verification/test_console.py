"""The support console: list, filters, pagination, breaker states, retries (Django test client)."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from tests.factories import UserFactory
from tests.verification.helpers import drain_outbox, register
from verification import registraduria, services
from verification.models import CedulaInfo, EgressGate, TransitionLog
from verification.states import CedulaStatus as S

pytestmark = pytest.mark.django_db

HX = {"HTTP_HX_REQUEST": "true"}
CONSOLE = reverse("verification:console")
RETRY = reverse("verification:console_retry")


@pytest.fixture
def support(client):
    user = UserFactory.create(is_staff=True)
    user.groups.add(Group.objects.get(name="Soporte"))
    client.force_login(user)
    return user


def _records(*cedulas: str) -> list[CedulaInfo]:
    users = [register(c) for c in cedulas]
    drain_outbox()
    return [CedulaInfo.objects.get(user=u) for u in users]


def _ids_in(body: str) -> set[int]:
    return {int(pk) for pk in re.findall(r'<tr id="record-(\d+)"', body)}


def test_console_lists_blocked_error_and_stuck_pending_with_masked_cedula(client, support, settings):
    cedulas = ("1023456780", "1023456784", "1023456785", "1023456786", "1023456790")
    active, error, waf, captcha, pending = _records(*cedulas)
    assert pending.user is not None
    services.cedula_verification_refresh(user=pending.user)  # pending, but fresh: not listed yet
    body = client.get(CONSOLE).content.decode()
    assert _ids_in(body) == {error.pk, waf.pk, captcha.pk}
    assert "1023456784" not in body and "•••••••784" in body
    assert "http_503" in body and "captcha_unsolved" in body and "ninguno (requiere soporte)" in body
    # The fronts without a gate row yet are closed; a site the scraper does not report is unknown.
    assert "<strong>wsp</strong>: cerrado" in body
    assert "<strong>fake</strong>: desconocido" in body

    settings.VERIFICATION_PENDING_DEADLINE_SECONDS = -1  # now every pending record counts as stuck
    body = client.get(CONSOLE).content.decode()
    assert pending.pk in _ids_in(body)
    assert re.search(rf'id="select-{pending.pk}"[^>]*disabled', body)  # pending cannot be retried
    assert active.pk not in _ids_in(body)


def test_console_filters_by_state_site_and_reason_and_ignores_unknown_values(client, support):
    error, waf, captcha = _records("1023456784", "1023456785", "1023456786")
    assert _ids_in(client.get(CONSOLE, {"status": "error"}).content.decode()) == {error.pk}
    assert _ids_in(client.get(CONSOLE, {"reason": "captcha_unsolved"}).content.decode()) == {captcha.pk}
    assert _ids_in(client.get(CONSOLE, {"status": "blocked", "site": "fake"}).content.decode()) == {waf.pk, captcha.pk}
    assert _ids_in(client.get(CONSOLE, {"status": "active"}).content.decode()) == {error.pk, waf.pk, captcha.pk}


def test_console_paginates(client, support):
    infos = _records(*(f"10300{n:04d}5" for n in range(27)))
    first = client.get(CONSOLE).content.decode()
    second = client.get(CONSOLE, {"page": 2}).content.decode()
    assert len(_ids_in(first)) == 25 and len(_ids_in(second)) == 2
    assert _ids_in(first) | _ids_in(second) == {i.pk for i in infos}
    assert "Página 1 de 2" in first and 'href="?page=2"' in first
    assert 'href="?status=blocked&amp;page=2"' in client.get(CONSOLE, {"status": "blocked"}).content.decode()


def test_console_list_partial_polls_itself_and_keeps_selections(client, support):
    (error,) = _records("1023456784")
    response = client.get(CONSOLE, {"status": "error"}, **HX)
    body = response.content.decode()
    assert response.status_code == 200
    assert body.lstrip().startswith('<div id="console-list"')
    assert 'hx-get="/verificacion/soporte/?status=error"' in body
    assert "every 5s [document.visibilityState === &#x27;visible&#x27;]" in body
    assert f'id="select-{error.pk}"' in body and 'hx-preserve="true"' in body
    assert "HX-Request" in response["Vary"]
    assert "<html" not in body


def test_breaker_states_from_the_gate_rows_are_shown(client, support, monkeypatch):
    _records("1023456785")
    now = timezone.now()
    EgressGate.objects.create(
        site="wsp", blocks_in_a_row=3, breaker_open_until=now + timedelta(seconds=600), breaker_reason="waf_block"
    )
    EgressGate.objects.create(
        site="consultacenso", paused_until=now + timedelta(seconds=60), pause_reason="rate_limited"
    )
    EgressGate.objects.create(site="infovotantes", blocks_in_a_row=1)
    body = client.get(CONSOLE).content.decode()
    assert "<strong>wsp</strong>: abierto" in body and "waf_block, ~10 min" in body
    assert "<strong>consultacenso</strong>: en pausa" in body and "rate_limited" in body
    assert "<strong>infovotantes</strong>: cerrado" in body and "1 bloqueos seguidos" in body
    assert "<strong>fake</strong>: desconocido" in body

    def broken():
        raise ConnectionError("database down")

    monkeypatch.setattr(registraduria, "breaker_states", broken)  # the store itself failing
    body = client.get(CONSOLE).content.decode()
    assert "<strong>fake</strong>: desconocido" in body and "abierto" not in body  # shown as unknown, no error


def test_retry_one_goes_through_the_service_and_is_audited_with_the_staff_user(client, support):
    (captcha,) = _records("1023456786")
    back = CONSOLE + "?status=blocked"
    response = client.post(RETRY, {"ids": [captcha.pk], "reason": "el sitio volvió", "next": back})
    assert response.status_code == 302 and response["Location"] == back
    captcha.refresh_from_db()
    assert captcha.status == S.PENDING
    log = TransitionLog.objects.filter(cedula_info=captcha).last()
    assert log is not None
    assert (log.transition, log.actor, log.reason) == ("support_retry", f"staff:{support.pk}", "el sitio volvió")


def test_retry_many_reports_the_ones_that_cannot_be_retried(client, support):
    error, waf, active = _records("1023456784", "1023456785", "1023456780")
    response = client.post(RETRY, {"ids": [error.pk, waf.pk, active.pk], "reason": "lote"}, follow=True)
    body = response.content.decode()
    assert "Reintento pedido para 2 verificación(es)." in body
    assert f"#{active.pk}: Solo se pueden reintentar verificaciones bloqueadas o con error." in body
    assert [CedulaInfo.objects.get(pk=i.pk).status for i in (error, waf, active)] == [S.PENDING, S.PENDING, S.ACTIVE]


@pytest.mark.parametrize("data", [{"reason": "   "}, {}, {"reason": "x", "ids": []}])
def test_retry_needs_a_reason_and_a_selection_and_changes_nothing_otherwise(client, support, data):
    (waf,) = _records("1023456785")
    payload = {"ids": [waf.pk], **data}
    logs = TransitionLog.objects.count()
    body = client.post(RETRY, payload, follow=True).content.decode()
    assert "Escriba el motivo del reintento." in body or "Seleccione al menos una verificación." in body
    assert CedulaInfo.objects.get(pk=waf.pk).status == S.BLOCKED
    assert TransitionLog.objects.count() == logs


def test_retry_refuses_an_outside_redirect(client, support):
    (waf,) = _records("1023456785")
    response = client.post(RETRY, {"ids": [waf.pk], "reason": "r", "next": "https://evil.example/"})
    assert response["Location"] == CONSOLE


def test_record_page_shows_the_audit_trail_and_polls_until_final(client, support):
    (captcha,) = _records("1023456786")
    url = reverse("verification:console_record", args=[captcha.pk])
    services.cedula_verification_retry(cedula_info_id=captcha.pk, staff_user=support, reason="prueba de soporte")
    page = client.get(url).content.decode()
    assert "Reintento por soporte" in page and f"soporte #{support.pk}" in page and "«prueba de soporte»" in page
    assert "Consulta bloqueada" in page and "sistema" in page
    assert "1023456786" not in page
    polled = client.get(url, **HX)
    assert polled.status_code == 200 and "every 5s" in polled.content.decode()
    drain_outbox()  # blocked again by the fake (captcha)
    assert CedulaInfo.objects.get(pk=captcha.pk).status == S.BLOCKED  # not final: keeps polling
    assert "every 5s" in client.get(url, **HX).content.decode()

    (active,) = _records("1023456780")
    final = client.get(reverse("verification:console_record", args=[active.pk]), **HX)
    assert final.status_code == 286 and "hx-trigger" not in final.content.decode()


def test_record_page_404_for_a_missing_record(client, support):
    assert client.get(reverse("verification:console_record", args=[999999])).status_code == 404


def test_console_shows_todays_captcha_spend_and_a_spent_budget(client, support, settings):
    from verification.models import CaptchaSolve
    from verification.models import CaptchaSolveStatus as Solve

    settings.CAPTCHA_DAILY_BUDGET = 3
    settings.CAPTCHA_PRICE_PER_1000 = 2.0
    for status in (Solve.USED, Solve.USED, Solve.WASTED, Solve.FAILED):
        CaptchaSolve.objects.create(
            site="wsp", sitekey="k", page_url="u", origin="pipeline", status=status, requested_at=timezone.now()
        )
    body = client.get(CONSOLE).content.decode()
    assert "4 pedidas: 2 usadas, 1 desperdiciada, 1 fallida." in body
    assert "Costo estimado: 0,006 USD; presupuesto: 3 de 3." in body  # es-CO decimals
    assert "Se agotó el presupuesto diario de 3 soluciones" in body
    settings.CAPTCHA_DAILY_BUDGET = 10  # raised: no alarm
    assert "Se agotó el presupuesto" not in client.get(CONSOLE, **HX).content.decode()


def test_the_count_is_bounded_and_says_so_when_there_are_more(client, support, monkeypatch):
    from verification.support.views import BoundedPaginator

    _records("1023456784", "1023456785", "1023456786")  # error, blocked, blocked
    assert "3 verificaciones por revisar" in client.get(CONSOLE).content.decode()
    monkeypatch.setattr(BoundedPaginator, "COUNT_CAP", 2)
    body = client.get(CONSOLE).content.decode()
    assert "Más de 2 verificaciones por revisar" in body
    assert len(_ids_in(body)) == 3  # the page itself still shows every record
