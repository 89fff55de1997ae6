"""The person's live badge, timeline and "Actualizar" (Django test client, fake lookup)."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from core.consumers import outbox_deliver
from core.models import OutboxMessage
from tests.verification.helpers import drain_outbox, register
from verification import services
from verification.models import CedulaInfo, TransitionLog
from verification.states import CedulaStatus as S

pytestmark = pytest.mark.django_db

HX = {"HTTP_HX_REQUEST": "true"}
BADGE = reverse("verification:badge")
TIMELINE = reverse("verification:timeline")
REFRESH = reverse("verification:refresh")
INTERNALS = ("http_503", "waf_block", "captcha", "fake", "503", "bloque", "evidence", "wsp")


def _person(client, cedula: str, *, drain: bool = True):
    user = register(cedula)
    if drain:
        drain_outbox()
    client.force_login(user)
    return user


def _poll_every(body: str) -> int | None:
    match = re.search(r'hx-trigger="every (\d+)s \[document.visibilityState === &#x27;visible&#x27;\]', body)
    return int(match.group(1)) if match else None


def _badge_html(body: str) -> str:
    return body[body.index('id="verification-badge"') :].split('id="verification-refresh"')[0]


def test_home_shows_verificando_with_a_poll_before_the_record_exists(client):
    _person(client, "1023456780", drain=False)  # the check is not even opened yet
    body = client.get("/").content.decode()
    assert "Verificando…" in body
    assert 'aria-live="polite"' in body
    assert f'hx-get="{BADGE}?v=0&amp;k=opening.0.2.0.0.None.0.None"' in body
    assert _poll_every(body) == 2
    assert "visibilitychange[document.visibilityState === &#x27;visible&#x27;] from:document" in body


@pytest.mark.parametrize(
    ("cedula", "state", "texts"),
    [
        ("1023456780", S.ACTIVE, ["Habilitada para votar", "ANTIOQUIA", "MEDELLÍN", "I.E. MARCO FIDEL SUÁREZ", "12"]),
        ("1023456782", S.CANCELLED, ["Cédula cancelada", "CANCELADA POR MUERTE", "1234", "2019-05-02"]),
        ("1023456783", S.NOT_FOUND, ["No encontramos su cédula en el censo"]),
    ],
)
def test_final_badge_shows_the_result_has_no_poll_trigger_and_answers_286(client, cedula, state, texts):
    _person(client, cedula)
    response = client.get(BADGE, **HX)
    body = response.content.decode()
    assert response.status_code == 286
    assert f'data-state="{state}"' in body
    assert all(text in body for text in texts)
    assert "hx-trigger" not in _badge_html(body)
    assert "hx-get" not in _badge_html(body)
    assert "HX-Request" in response["Vary"]


@pytest.mark.parametrize(
    ("cedula", "state", "retry_planned"),
    [("1023456784", S.ERROR, True), ("1023456785", S.BLOCKED, True), ("1023456786", S.BLOCKED, False)],
)
def test_failure_badge_is_friendly_hides_internals_and_keeps_polling_slowly(client, cedula, state, retry_planned):
    _person(client, cedula)
    response = client.get(BADGE, **HX)
    badge = _badge_html(response.content.decode())
    assert response.status_code == 200
    assert f'data-state="{state}"' in badge
    assert "No pudimos verificar por ahora" in badge
    assert ("automáticamente" in badge) is retry_planned
    assert not [word for word in INTERNALS if word in badge.lower()]
    every = _poll_every(badge)
    assert every is not None and 5 <= every <= 60


def test_pending_badge_backs_off_as_the_check_runs_long(client):
    user = _person(client, "1023456780")
    with time_machine.travel(timezone.now() + timedelta(hours=2), tick=False) as clock:
        services.cedula_verification_refresh(user=user)  # pending again, no worker runs
        seen = []
        for elapsed in (0, 40, 200, 700):
            clock.move_to(CedulaInfo.objects.get(user=user).requested_at + timedelta(seconds=elapsed))
            seen.append(_poll_every(client.get(BADGE, **HX).content.decode()))
    assert seen == [2, 5, 15, 30]
    body = client.get("/").content.decode()
    assert "Verificando…" in body


def test_badge_tells_the_timeline_to_reload_only_when_the_version_changed(client):
    user = _person(client, "1023456780")
    version = CedulaInfo.objects.get(user=user).version
    assert "HX-Trigger" not in client.get(BADGE, {"v": version}, **HX)
    changed = client.get(BADGE, {"v": version - 1}, **HX)
    assert changed["HX-Trigger"] == '{"verification-changed": {"target": "body"}}'


def test_badge_fragment_costs_at_most_three_queries(client):
    _person(client, "1023456780")
    with CaptureQueriesContext(connection) as queries:
        response = client.get(BADGE, **HX)
    assert response.status_code == 286
    assert len(queries) <= 3, [q["sql"] for q in queries]


def test_an_unchanged_poll_costs_one_light_query_beyond_authentication(client):
    """The hot path of a waiting crowd: session, user and the badge's own fields; a changed badge
    then loads the whole record to render it."""
    _person(client, "1023456780", drain=False)
    for message in OutboxMessage.objects.filter(handler="verification.open_cedula_check_on_confirmation"):
        outbox_deliver(message_id=message.pk)  # the record is open, no lookup has run: pending
    match = re.search(r'hx-get="([^"]+)"', client.get(BADGE, **HX).content.decode())
    assert match is not None
    url = match.group(1).replace("&amp;", "&")
    with CaptureQueriesContext(connection) as unchanged:
        assert client.get(url, **HX).status_code == 204
    assert len(unchanged) == 3, [q["sql"] for q in unchanged]
    assert "verification_cedulainfo" in unchanged[-1]["sql"]
    stale = re.sub(r"k=[^&]+", "k=stale", url)
    with CaptureQueriesContext(connection) as changed:
        assert client.get(stale, **HX).status_code == 200
    assert len(changed) == 4, [q["sql"] for q in changed]


def test_plain_get_of_a_fragment_goes_to_the_page_that_shows_it(client):
    _person(client, "1023456780")
    for url in (BADGE, TIMELINE):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"] == "/"
        assert "HX-Request" in response["Vary"]


def test_fragments_need_a_login_and_an_expired_session_sends_the_page_to_login(client):
    for url in (BADGE, TIMELINE):
        assert client.get(url)["Location"].startswith("/ingresar/")
        polled = client.get(url, **HX)  # a poll after the session expired: the whole page moves
        assert polled["HX-Redirect"] == "/ingresar/?next=/" and not polled.content
        assert "HX-Request" in polled["Vary"]
    assert client.post(REFRESH).status_code == 302
    assert "HX-Redirect" in client.post(REFRESH, **HX)
    assert not TransitionLog.objects.exists()


def test_a_poll_that_would_change_nothing_gets_204_so_nothing_is_swapped_or_re_announced(client):
    user = _person(client, "1023456780")
    with time_machine.travel(timezone.now() + timedelta(hours=2), tick=False) as clock:
        services.cedula_verification_refresh(user=user)
        first = client.get(BADGE, **HX).content.decode()
        match = re.search(r'hx-get="([^"]+)"', first)
        assert match is not None
        url = match.group(1).replace("&amp;", "&")
        assert client.get(url, **HX).status_code == 204  # same state, same interval
        clock.shift(timedelta(seconds=40))
        backed_off = client.get(url, **HX)  # the interval changed: a new badge, new trigger
        assert backed_off.status_code == 200 and _poll_every(backed_off.content.decode()) == 5
        drain_outbox()
        final = client.get(url, **HX)
        assert final.status_code == 286 and 'data-state="active"' in final.content.decode()


def test_timeline_in_plain_spanish_newest_first_and_stops_when_final(client):
    _person(client, "1023456780")
    response = client.get(TIMELINE, **HX)
    body = response.content.decode()
    assert response.status_code == 286
    confirmed = body.index("La Registraduría confirmó que su cédula está habilitada para votar.")
    assert confirmed < body.index("Recibimos su registro y empezamos a verificar su cédula.")
    assert "complete_active" not in body and "system" not in body
    assert "every " not in body  # no poll of its own…
    assert "verification-changed from:body" in body  # …but it still follows the badge
    assert "HX-Request" in response["Vary"]


def test_timeline_polls_while_pending(client):
    user = _person(client, "1023456780")
    with time_machine.travel(timezone.now() + timedelta(hours=2), tick=False):
        services.cedula_verification_refresh(user=user)
        response = client.get(TIMELINE, **HX)
    assert response.status_code == 200
    assert _poll_every(response.content.decode()) == 10
    assert "Usted pidió actualizar la verificación." in response.content.decode()


def test_refresh_with_htmx_starts_a_check_then_the_rate_limit_explains_itself(client, settings):
    settings.VERIFICATION_REFRESH_PER_HOUR = 1
    user = _person(client, "1023456780")
    with time_machine.travel(timezone.now() + timedelta(hours=2), tick=False):
        response = client.post(REFRESH, **HX)
        body = response.content.decode()
        assert response.status_code == 200
        assert "Verificando…" in body and "Estamos verificando su cédula de nuevo." in body
        assert 'hx-swap-oob="true"' in body
        assert re.search(r"<button[^>]*disabled", body)  # no second click while it runs
        assert response["HX-Trigger"] == '{"verification-changed": {"target": "body"}}'
        log = TransitionLog.objects.filter(cedula_info__user=user).last()
        assert log is not None
        assert (log.transition, log.actor) == ("refresh", f"user:{user.pk}")

        assert "Ya estamos verificando su cédula." in client.post(REFRESH, **HX).content.decode()
        drain_outbox()
        refused = client.post(REFRESH, **HX).content.decode()
        assert "Ya actualizó hace poco. Puede volver a intentarlo dentro de una hora." in refused
        assert CedulaInfo.objects.get(user=user).status == S.ACTIVE
    assert TransitionLog.objects.filter(cedula_info__user=user, transition="refresh").count() == 1


def test_refresh_without_javascript_posts_and_redirects_back_with_a_message(client):
    user = _person(client, "1023456780")
    with time_machine.travel(timezone.now() + timedelta(hours=2), tick=False):
        response = client.post(REFRESH, follow=True)
    assert response.redirect_chain == [("/", 302)]
    body = response.content.decode()
    assert "Estamos verificando su cédula de nuevo." in body and "Verificando…" in body
    assert CedulaInfo.objects.get(user=user).status == S.PENDING


def test_refresh_is_not_offered_while_support_must_act(client):
    _person(client, "1023456786")
    body = client.get("/").content.decode()
    assert re.search(r"<button[^>]*disabled[^>]*>Actualizar", body)
    assert "Su verificación está en revisión" in body
    response = client.post(REFRESH, follow=True)
    assert "Su verificación está en revisión; no hace falta actualizarla." in response.content.decode()
