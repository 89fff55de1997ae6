"""The Registraduría simulator over HTTP, as the scraper and a browser see it (no database)."""

import json
import logging
import re
import signal
import socket
import subprocess
import threading
import time
from collections.abc import Callable
from html.parser import HTMLParser

import pytest
import requests

from devtools.registraduria_simulator.corpus import corpus_answers, corpus_table
from devtools.registraduria_simulator.scenarios import (
    CAPTCHA_INVALID_TEXT,
    CAPTCHA_MISSING_TEXT,
    CENSO_TIMEOUT_TEXT,
    NOT_FOUND_TEXT,
    REGIONS,
    SCENARIOS,
    SITEKEY_CENSO,
    SITEKEY_INFO,
    SITEKEY_WSP,
    WSP_TIMEOUT_TEXT,
    Scenario,
    scenario_for,
)
from devtools.registraduria_simulator.server import Simulator
from devtools.registraduria_simulator.solver import TokenStore
from tests.processes import REPO_ROOT, VENV_BIN, free_port

DESKTOP_UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36"
HEADLESS_UA = DESKTOP_UA.replace("Chrome/", "HeadlessChrome/")
SLOW_SECONDS = 0.3
HANG_SECONDS = 0.4
# Every named scenario plus one cédula of each rule for the others (last digit 2, 3, anything else).
CEDULAS = [*SCENARIOS, "1234567891", "1234567892", "1234567893"]


def _scenario(cedula: str) -> Scenario:
    """The scenario of a cédula these tests use (all of them valid)."""
    scenario = scenario_for(cedula)
    assert scenario is not None
    return scenario


def _scenario_id(cedula: str) -> str:
    return f"{cedula}-{_scenario(cedula).name}"


@pytest.fixture(scope="module")
def sim(tmp_path_factory):
    simulator = Simulator(
        port=0,
        solver_port=0,
        ca_path=tmp_path_factory.mktemp("simulator") / "ca.pem",
        slow_seconds=SLOW_SECONDS,
        hang_seconds=HANG_SECONDS,
        solve_seconds=0.0,
    )
    simulator.start()
    yield simulator
    simulator.stop()


@pytest.fixture(autouse=True)
def _normal_modes(request):
    if "sim" in request.fixturenames:
        request.getfixturevalue("sim").reset()


# --- helpers: what a scraper does ----------------------------------------------------------------


def solve_captcha(sim: Simulator, sitekey: str, pageurl: str, *, key: str = "clave-de-prueba") -> str:
    """Ask the simulated solver the way the 2captcha-python client does (in.php, then poll res.php)."""
    base = f"https://{sim.solver_server}"
    fields = {
        "key": key,
        "method": "userrecaptcha",
        "googlekey": sitekey,
        "pageurl": pageurl,
        "version": "v2",
        "enterprise": 0,
        "soft_id": 4580,
    }
    submitted = requests.post(base + "/in.php", data=fields, verify=sim.ca_path, timeout=5)
    assert submitted.status_code == 200
    assert submitted.text.startswith("OK|"), submitted.text
    job = submitted.text[3:]
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        answer = requests.get(
            base + "/res.php", params={"key": key, "action": "get", "id": job}, verify=sim.ca_path, timeout=5
        ).text
        if answer != "CAPCHA_NOT_READY":
            assert answer.startswith("OK|"), answer
            return answer[3:]
        time.sleep(0.02)
    raise AssertionError("the solver never delivered a token")


class _Elements(HTMLParser):
    def __init__(self, page: str):
        super().__init__()
        self.by_id: dict[str, tuple[str, dict]] = {}
        self.tags: list[tuple[str, dict]] = []
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        attributes = {name: value or "" for name, value in attrs}
        self.tags.append((tag, attributes))
        if "id" in attributes:
            self.by_id[attributes["id"]] = (tag, attributes)


class _Cells(HTMLParser):
    """Header and cell texts of the first table, whitespace collapsed, entities decoded."""

    def __init__(self, snippet: str):
        super().__init__()
        self.headers: list[str] = []
        self.cells: list[str] = []
        self._current: list[str] | None = None
        self.feed(snippet)

    def handle_starttag(self, tag, attrs):
        if tag in ("th", "td"):
            self._current = []

    def handle_endtag(self, tag):
        if tag in ("th", "td") and self._current is not None:
            (self.headers if tag == "th" else self.cells).append(" ".join("".join(self._current).split()))
            self._current = None

    def handle_data(self, data):
        if self._current is not None:
            self._current.append(data)

    def as_dict(self) -> dict[str, str]:
        return dict(zip(self.headers, self.cells, strict=True))


def page_nonce(page: str) -> str:
    return _Elements(page).by_id["token"][1]["value"]


def wsp_open(sim: Simulator) -> tuple[requests.Session, str]:
    session = requests.Session()
    session.headers["User-Agent"] = DESKTOP_UA
    page = session.get(sim.wsp_url, timeout=5)
    assert page.status_code == 200
    return session, page_nonce(page.text)


def wsp_submit(sim, cedula, *, captcha=None, session=None, nonce=None, timeout=10) -> requests.Response:
    if session is None:
        session, nonce = wsp_open(sim)
    if captcha is None:
        captcha = solve_captcha(sim, SITEKEY_WSP, sim.wsp_url)
    fields = {"nuip": cedula, "tipo": "-1", "token": nonce, "g-recaptcha-response": captcha}
    form = {name: (None, value) for name, value in fields.items()}  # multipart, like the page's FormData
    return session.post(sim.wsp_url, files=form, headers={"X-Requested-With": "XMLHttpRequest"}, timeout=timeout)


def censo_submit(sim, cedula, *, captcha=None, headers=None, timeout=10) -> requests.Response:
    if captcha is None:
        captcha = solve_captcha(sim, SITEKEY_CENSO, sim.consultacenso_url)
    return requests.post(
        sim.consultacenso_url + "back/api/consulta",
        json={"documento": cedula, "eleccionId": 0, "captchaToken": captcha},
        headers={"User-Agent": DESKTOP_UA, **(headers or {})},
        timeout=timeout,
    )


def info_submit(sim, cedula, *, captcha=None, headers=None, timeout=10) -> requests.Response:
    if captcha is None:
        captcha = solve_captcha(sim, SITEKEY_INFO, sim.infovotantes_url)
    payload = {
        "identification": cedula,
        "identification_type": "CC",
        "election_code": "congreso-2026",
        "module": "polling_place",
        "platform": "web",
    }
    return requests.post(
        sim.infovotantes_api_url + "citizen/get-information",
        json=payload,
        headers={"User-Agent": DESKTOP_UA, "Authorization": f"Bearer {captcha}", **(headers or {})},
        timeout=timeout,
    )


def timed(submit, *args, **kwargs) -> tuple[requests.Response, float]:
    started = time.monotonic()
    response = submit(*args, **kwargs)
    return response, time.monotonic() - started


def assert_not_json(response: requests.Response) -> None:
    with pytest.raises(ValueError):
        json.loads(response.text)


def assert_waf(response: requests.Response, status: int) -> None:
    assert response.status_code == status
    assert_not_json(response)
    assert "La solicitud ha sido rechazada" in response.text
    assert "se presentó un evento de seguridad" in response.text
    assert re.search(r"Su ID de soporte es: \d+", response.text)


def assert_shared_fault(name: str, response: requests.Response) -> bool:
    """The faults that look the same on every front (they come from in front of the application)."""
    if name == "waf":
        assert_waf(response, 200)
    elif name == "js_challenge":
        assert response.status_code == 200
        assert "Please enable JavaScript to view the page content. Your support ID is: 1234567890." in response.text
        assert re.search(r'<script[^>]+src="/TSPD/08a1[0-9a-f]*\?type=7"', response.text)
    elif name == "maintenance":
        assert response.status_code == 503
        assert "mantenimiento" in response.text
        assert "Estamos realizando labores de mantenimiento" in response.text
    elif name == "rate_limited":
        assert response.status_code == 429
        assert response.headers["Retry-After"] == "30"
        assert response.text == "Too Many Requests"
    elif name == "server_error":
        assert response.status_code == 500
        assert_not_json(response)
        assert "Internal Server Error" in response.text
        assert "rechazada" not in response.text
        assert "seguridad" not in response.text
    else:
        return False
    return True


# --- the pages -----------------------------------------------------------------------------------


def test_wsp_page_has_the_real_form_and_a_new_nonce_per_load(sim):
    session = requests.Session()
    session.headers["User-Agent"] = DESKTOP_UA
    first = session.get(sim.wsp_url, timeout=5)
    second = session.get(sim.wsp_url, timeout=5)

    assert first.status_code == 200
    assert "text/html" in first.headers["Content-Type"]
    assert {"PHPSESSID", "TS01a2b3c4"} <= set(first.cookies.keys())
    elements = _Elements(first.text)
    assert elements.by_id["form"][0] == "form"
    assert elements.by_id["nuip"][1]["name"] == "nuip"
    assert elements.by_id["nuip"][1]["maxlength"] == "10"
    assert elements.by_id["tipo"][0] == "select"
    options = [attrs for tag, attrs in elements.tags if tag == "option"]
    assert len(options) == 3
    assert options[0]["value"] == "-1"
    assert "selected" in options[0]
    assert "LUGAR DE VOTACIÓN ACTUAL" in first.text
    assert elements.by_id["token"][1]["type"] == "hidden"
    assert re.fullmatch(r"[0-9a-f]{32}", page_nonce(first.text))
    assert page_nonce(first.text) != page_nonce(second.text)
    assert elements.by_id["enviar"][1] == {"type": "button", "id": "enviar", "value": "Consultar", "class": "boton"}
    assert elements.by_id["success"][0] == "div"
    assert re.search(r'<div id="success">\s*</div>', first.text)
    captcha = [attrs for tag, attrs in elements.tags if tag == "div" and attrs.get("class") == "g-recaptcha"]
    assert captcha == [{"class": "g-recaptcha", "data-sitekey": SITEKEY_WSP}]
    scripts = [attrs["src"] for tag, attrs in elements.tags if tag == "script"]
    assert scripts == ["/recaptcha/api.js", "/censo/consultar/js/consulta.js"]
    # The session survives a reload; only the nonce changes.
    assert session.cookies["PHPSESSID"] == first.cookies["PHPSESSID"]


def test_consultacenso_page_and_elections(sim):
    page = requests.get(sim.consultacenso_url, headers={"User-Agent": DESKTOP_UA}, timeout=5)
    elections = requests.get(sim.consultacenso_url + "back/api/elecciones", timeout=5)

    assert page.status_code == 200
    elements = _Elements(page.text)
    assert elements.by_id["consultaForm"][0] == "form"
    assert elements.by_id["documento"][0] == "input"
    assert elements.by_id["eleccion"][0] == "select"
    assert not [tag for tag, _ in elements.tags if tag == "option"]  # filled by the page's script
    assert re.search(r'<button type="submit" id="submitBtn"[^>]*>CONSULTAR</button>', page.text)
    assert "hidden" in elements.by_id["loading"][1]
    assert elements.by_id["resultado"][0] == "div"
    assert f'data-sitekey="{SITEKEY_CENSO}"' in page.text
    assert [attrs["src"] for tag, attrs in elements.tags if tag == "script"] == [
        "/recaptcha/api.js",
        "/consultacenso/js/app.js",
    ]
    assert elections.json()["ok"] is True
    assert elections.json()["data"][0] == {"id": 0, "nombre": "LUGAR DE VOTACION ACTUAL"}
    assert len(elections.json()["data"]) >= 2


def test_infovotantes_page(sim):
    page = requests.get(sim.infovotantes_url, headers={"User-Agent": DESKTOP_UA}, timeout=5)

    assert page.status_code == 200
    elements = _Elements(page.text)
    assert elements.by_id["identification"][0] == "input"
    assert elements.by_id["consultar"][0] == "button"
    assert elements.by_id["app"][1]["data-election-code"]
    assert f'data-sitekey="{SITEKEY_INFO}"' in page.text


def test_scripts_are_served_and_implement_the_flows(sim):
    api = requests.get(sim.base_url + "/recaptcha/api.js", timeout=5)
    consulta = requests.get(sim.wsp_url + "js/consulta.js", timeout=5)
    app = requests.get(sim.consultacenso_url + "js/app.js", timeout=5)
    info = requests.get(sim.base_url + "/infovotantes/js/app.js", timeout=5)

    for script in (api, consulta, app, info):
        assert script.status_code == 200
        assert "javascript" in script.headers["Content-Type"]
        assert "http://" not in script.text
        assert "https://" not in script.text
    for needle in ("No soy un robot", "g-recaptcha-response", "recaptcha challenge expires in two minutes", "anchor?"):
        assert needle in api.text
    for needle in ("FormData", "X-Requested-With", "location.reload", "sim_wd=1", "Ocurrió un error. Intente de nuevo"):
        assert needle in consulta.text
    assert "Marque el cuadro de verificación «No soy un robot»." in consulta.text
    for needle in ("back/api/", "eleccionId", "captchaToken", "application/json", "preventDefault"):
        assert needle in app.text
    assert "Bearer " in info.text


def test_head_on_wsp_answers_500_like_the_real_host(sim):
    assert requests.head(sim.wsp_url, timeout=5).status_code == 500


def test_widget_anchor_gives_a_token_the_front_accepts(sim):
    anchor = requests.get(sim.base_url + "/recaptcha/api2/anchor", params={"k": SITEKEY_WSP}, timeout=5)
    unknown = requests.get(sim.base_url + "/recaptcha/api2/anchor", params={"k": "6Lotra"}, timeout=5)

    assert anchor.status_code == 200
    reply = wsp_submit(sim, "1000000013", captcha=anchor.json()["token"]).json()
    assert reply["success"] is True
    assert unknown.status_code == 400


# --- every scenario on every front ---------------------------------------------------------------


@pytest.mark.parametrize("cedula", CEDULAS, ids=_scenario_id)
def test_wsp_scenarios(sim, cedula):
    scenario = _scenario(cedula).on_front("wsp")
    response, elapsed = timed(wsp_submit, sim, cedula)

    if assert_shared_fault(scenario.name, response):
        return
    assert response.status_code == 200
    reply = response.json()
    if scenario.name == "nonce_expired":
        assert reply == {"success": False, "reload": True}
        return
    if scenario.name == "captcha_rejected":
        assert reply == {"success": False, "data": {"message": CAPTCHA_INVALID_TEXT}}
        return
    if scenario.name == "upstream_timeout":
        assert reply == {"success": False, "data": {"message": WSP_TIMEOUT_TEXT}}
        return
    assert reply["success"] is True
    message = reply["data"]["message"]
    if scenario.name == "unrecognised_layout":
        assert '<section class="resultado-nuevo">' in message
        assert "<dl><dt>Lugar</dt><dd>" in message
        assert "<table" not in message
        assert "no se encuentra" not in message
        assert "Ciudadano" not in message
        return
    if scenario.answer == "not_found":
        assert message == f'<div class="alert alert-warning">{NOT_FOUND_TEXT}</div>'
        return
    assert '<table id="consulta" class="table">' in message
    table = _Cells(message)
    cells = table.as_dict()
    assert cells["NUIP"] == cedula
    if scenario.answer == "cancelled":
        assert table.headers == ["NUIP", "NOVEDAD", "RESOLUCIÓN", "FECHA NOVEDAD"]
        assert cells["NOVEDAD"] == "Cancelada por Muerte"
        if cedula == "1000000020":
            assert (cells["RESOLUCIÓN"], cells["FECHA NOVEDAD"]) == ("4521", "2019-05-02")
        return
    assert {"DEPARTAMENTO", "MUNICIPIO", "PUESTO", "DIRECCIÓN", "MESA"} <= set(table.headers)
    assert re.search(r'<td data-th="MESA">\s*\d+\s*</td>', message)
    assert '<div class="alert alert-info"><strong>' in message
    assert "Ciudadano:</strong>" in message
    expected = {
        "active_bogota": ("BOGOTÁ D.C.", "BOGOTÁ D.C."),
        "active_rural": ("NARIÑO", "SAMANIEGO"),
        "active_extra_columns": ("ANTIOQUIA", "MEDELLÍN"),
        "active_valle": ("VALLE DEL CAUCA", "CALI"),
        "slow": ("CUNDINAMARCA", "SOACHA"),
        "hang": ("BOGOTÁ D.C.", "BOGOTÁ D.C."),
    }
    if scenario.name in expected:
        assert (cells["DEPARTAMENTO"], cells["MUNICIPIO"]) == expected[scenario.name]
    else:
        assert cells["DEPARTAMENTO"] in {region.departamento for region in REGIONS}
    if scenario.name == "active_bogota":
        assert "<th>ZONA</th>" in message
        assert "DIRECCI&Oacute;N" in message
        assert "BOGOT&Aacute; D.C." in message
    if scenario.name == "active_rural":
        assert "NARI&Ntilde;O" in message
        assert re.search(r"<td[^>]*>\s*\n", message)
        assert cells["DIRECCIÓN"].startswith("ESCUELA RURAL")
        assert cells["PUESTO"].startswith("VEREDA")
    if scenario.name == "active_extra_columns":
        assert table.headers.index("FECHA INSCRIPCIÓN") < table.headers.index("MESA")
        assert "ZONA" in table.headers
    if scenario.name in ("active_valle", "slow"):
        assert "ZONA" not in table.headers
    if scenario.name == "slow":
        assert elapsed >= SLOW_SECONDS
    if scenario.name == "hang":
        assert elapsed >= HANG_SECONDS


@pytest.mark.parametrize("cedula", CEDULAS, ids=_scenario_id)
def test_consultacenso_scenarios(sim, cedula):
    scenario = _scenario(cedula).on_front("consultacenso")
    response, elapsed = timed(censo_submit, sim, cedula)

    if assert_shared_fault(scenario.name, response):
        return
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/json"
    reply = response.json()
    if scenario.name == "captcha_rejected":
        assert reply == {"ok": False, "error": "captcha", "mensaje": "Captcha inválido"}
    elif scenario.name == "nonce_expired":
        assert reply == {"ok": False, "error": "sesion", "mensaje": "La sesión expiró. Recargue la página."}
    elif scenario.name == "upstream_timeout":
        assert reply == {"ok": False, "error": CENSO_TIMEOUT_TEXT}
    elif scenario.name == "unrecognised_layout":
        assert reply["ok"] is True
        assert set(reply) == {"ok", "resultado"}
        assert reply["resultado"]["lugar"]
    elif scenario.answer == "not_found":
        assert reply == {"ok": True, "encontrado": False, "data": None, "mensaje": NOT_FOUND_TEXT, "error": None}
    elif scenario.answer == "cancelled":
        assert reply["ok"] is True
        assert reply["encontrado"] is True
        assert reply["novedad"] == "CANCELADA POR MUERTE"
        assert reply["descripcion"] == "Cancelada por Muerte"
        assert reply["error"] is None
        assert set(reply["data"]) == {"nuip", "resolucion", "fecha_novedad"}
        assert reply["data"]["nuip"] == cedula
        if cedula == "1000000020":
            assert (reply["data"]["resolucion"], reply["data"]["fecha_novedad"]) == ("4521", "2019-05-02")
    else:
        assert reply["ok"] is True
        assert reply["encontrado"] is True
        assert (reply["mensaje"], reply["novedad"], reply["descripcion"], reply["error"]) == ("", None, None, None)
        assert set(reply["mapa"]) == {"lat", "lng"}
        data = reply["data"]
        if scenario.name == "active_extra_columns":
            assert {"NUIP", "NOM_DEPTO", "NOM_MUN", "ZONA", "NOM_PUESTO", "DIRECCION", "MESA"} <= set(data)
            assert data["NOM_MUN"] == "MEDELLÍN"
            return
        assert {"nuip", "nom_depto", "nom_mun", "nom_puesto", "direccion", "mesa"} <= set(data)
        assert data["nuip"] == cedula
        assert scenario.place is not None
        assert ("zona" in data) == (scenario.place.zona is not None)
        assert data["nom_depto"] == scenario.place.departamento
        if scenario.name == "active_rural":
            assert "NARI\\u00d1O" in response.text  # accents travel as JSON escapes
        if scenario.name == "slow":
            assert elapsed >= SLOW_SECONDS
        if scenario.name == "hang":
            assert elapsed >= HANG_SECONDS


@pytest.mark.parametrize("cedula", CEDULAS, ids=_scenario_id)
def test_infovotantes_scenarios(sim, cedula):
    scenario = _scenario(cedula).on_front("infovotantes")
    response, elapsed = timed(info_submit, sim, cedula)

    if assert_shared_fault(scenario.name, response):
        return
    reply = response.json()
    if scenario.name == "captcha_rejected":
        assert response.status_code == 403
        assert reply == {"status": False, "status_code": 403, "message": "Token de captcha inválido"}
    elif scenario.name == "nonce_expired":
        assert response.status_code == 401
        assert reply == {"status": False, "status_code": 401, "message": "Sesión expirada"}
    elif scenario.name == "upstream_timeout":
        assert response.status_code == 504
        assert reply == {"status": False, "status_code": 504, "message": "Gateway Timeout"}
    elif scenario.name == "unrecognised_layout":
        assert response.status_code == 200
        assert reply["status"] is True
        assert set(reply["data"]) == {"citizen"}
    elif scenario.answer == "not_found":
        assert response.status_code == 404
        assert reply == {"status": False, "status_code": 13, "message": "El documento no se encuentra en el censo."}
    elif scenario.answer == "cancelled":
        assert response.status_code == 200
        data = reply["data"]
        assert (reply["status"], reply["status_code"]) == (True, 200)
        assert (data["identification"], data["is_in_census"]) == (cedula, False)
        assert data["novelty"][0]["name"] == "CANCELADA POR MUERTE"
        assert set(data["novelty"][0]) == {"name", "description", "resolution", "date"}
    else:
        assert response.status_code == 200
        data = reply["data"]
        assert (reply["status"], reply["status_code"]) == (True, 200)
        assert (data["identification"], data["is_in_census"], data["novelty"]) == (cedula, True, [])
        assert scenario.place is not None
        assert data["stand"] == scenario.place.puesto
        assert data["table"] == scenario.place.mesa
        assert data["place_address"] == {
            "state": scenario.place.departamento,
            "town": scenario.place.municipio,
            "address": scenario.place.direccion,
            "zone": scenario.place.zona,
        }
        if scenario.name == "slow":
            assert elapsed >= SLOW_SECONDS
        if scenario.name == "hang":
            assert elapsed >= HANG_SECONDS


def test_the_same_cedula_gets_the_same_place_on_every_front(sim):
    wsp = _Cells(wsp_submit(sim, "1234567891").json()["data"]["message"]).as_dict()
    censo = censo_submit(sim, "1234567891").json()["data"]
    info = info_submit(sim, "1234567891").json()["data"]

    assert wsp["MUNICIPIO"] == censo["nom_mun"] == info["place_address"]["town"]
    assert wsp["MESA"] == censo["mesa"] == info["table"]


# --- captcha tokens and the wsp nonce ------------------------------------------------------------


def test_wsp_captcha_missing_invalid_reused_or_for_another_site(sim):
    session, nonce = wsp_open(sim)
    token = solve_captcha(sim, SITEKEY_WSP, sim.wsp_url)
    other_site = solve_captcha(sim, SITEKEY_CENSO, sim.consultacenso_url)

    missing = wsp_submit(sim, "1000000013", captcha="", session=session, nonce=nonce).json()
    unknown = wsp_submit(sim, "1000000013", captcha="03AFcWeA-inventado", session=session, nonce=nonce).json()
    first = wsp_submit(sim, "1000000013", captcha=token, session=session, nonce=nonce).json()
    reused = wsp_submit(sim, "1000000013", captcha=token, session=session, nonce=nonce).json()
    wrong_site = wsp_submit(sim, "1000000013", captcha=other_site, session=session, nonce=nonce).json()

    assert missing == {"success": False, "data": {"message": CAPTCHA_MISSING_TEXT}}
    assert unknown == {"success": False, "data": {"message": CAPTCHA_INVALID_TEXT}}
    assert first["success"] is True
    assert reused == unknown
    assert wrong_site == unknown


def test_a_token_expires_after_two_minutes(sim, monkeypatch):
    now = [time.monotonic()]
    monkeypatch.setattr(sim.tokens, "clock", lambda: now[0])
    token = solve_captcha(sim, SITEKEY_WSP, sim.wsp_url)
    fresh = solve_captcha(sim, SITEKEY_INFO, sim.infovotantes_url)
    now[0] += 121

    assert wsp_submit(sim, "1000000013", captcha=token).json()["data"]["message"] == CAPTCHA_INVALID_TEXT
    assert info_submit(sim, "1000000013", captcha=fresh).status_code == 403


def test_one_token_serves_one_lookup_on_any_front(sim):
    token = solve_captcha(sim, SITEKEY_CENSO, sim.consultacenso_url)

    assert censo_submit(sim, "1000000013", captcha=token).json()["encontrado"] is True
    assert censo_submit(sim, "1000000013", captcha=token).json()["error"] == "captcha"
    assert censo_submit(sim, "1000000013", captcha="").json()["error"] == "captcha"


def test_infovotantes_rejects_a_missing_or_reused_bearer(sim):
    token = solve_captcha(sim, SITEKEY_INFO, sim.infovotantes_url)
    assert info_submit(sim, "1000000013", captcha=token).status_code == 200

    reused = info_submit(sim, "1000000013", captcha=token)
    no_header = requests.post(
        sim.infovotantes_api_url + "citizen/get-information", json={"identification": "1000000013"}, timeout=5
    )

    assert reused.status_code == 403
    assert reused.json() == {"status": False, "status_code": 403, "message": "Token de captcha inválido"}
    assert no_header.status_code == 403


def test_wsp_nonce_must_be_the_last_one_issued_to_the_session(sim):
    session, old_nonce = wsp_open(sim)
    new_nonce = page_nonce(session.get(sim.wsp_url, timeout=5).text)
    stranger = requests.Session()

    stale = wsp_submit(sim, "1000000013", session=session, nonce=old_nonce).json()
    no_session = wsp_submit(sim, "1000000013", session=stranger, nonce=new_nonce).json()
    stranger.cookies.set("PHPSESSID", "desconocida")
    unknown_session = wsp_submit(sim, "1000000013", session=stranger, nonce=new_nonce).json()
    current = wsp_submit(sim, "1000000013", session=session, nonce=new_nonce).json()

    assert stale == no_session == unknown_session == {"success": False, "reload": True}
    assert current["success"] is True


def test_an_invalid_document_gets_an_error_message_not_a_record(sim):
    reply = wsp_submit(sim, "12ab").json()

    assert reply["success"] is False
    assert "documento" in reply["data"]["message"]
    assert censo_submit(sim, "١٢٣٤").json()["ok"] is False  # other Unicode digits are not a cédula


def test_token_store_single_use_sitekey_and_expiry():
    now = [100.0]
    store = TokenStore(ttl_seconds=120, clock=lambda: now[0])
    first, second, third = store.issue("a"), store.issue("a"), store.issue("a")

    assert store.consume(first, "a") is True
    assert store.consume(first, "a") is False
    assert store.consume(second, "b") is False
    assert store.consume(second, "a") is False  # a wrong-site attempt used it up
    now[0] += 120.5
    assert store.consume(third, "a") is False
    assert store.consume("", "a") is False


# --- the WAF's headless detection ----------------------------------------------------------------


def test_headless_browsers_get_the_waf_page_with_500(sim):
    page = requests.get(sim.wsp_url, headers={"User-Agent": HEADLESS_UA}, timeout=5)
    client_hint = requests.get(
        sim.consultacenso_url,
        headers={"User-Agent": DESKTOP_UA, "sec-ch-ua": '"Chromium";v="140", "HeadlessChrome";v="140"'},
        timeout=5,
    )
    telemetry = requests.get(sim.infovotantes_url, headers={"User-Agent": DESKTOP_UA, "Cookie": "sim_wd=1"}, timeout=5)

    for response in (page, client_hint, telemetry):
        assert_waf(response, 500)


def test_headless_lookups_are_blocked_too(sim):
    session, nonce = wsp_open(sim)
    session.cookies.set("sim_wd", "1")

    assert_waf(wsp_submit(sim, "1000000013", session=session, nonce=nonce), 500)
    assert_waf(censo_submit(sim, "1000000013", headers={"User-Agent": HEADLESS_UA}), 500)
    assert_waf(info_submit(sim, "1000000013", headers={"Cookie": "sim_wd=1"}), 500)
    elections = requests.get(sim.consultacenso_url + "back/api/elecciones", headers={"Cookie": "sim_wd=1"}, timeout=5)
    assert_waf(elections, 500)


# --- global modes and counters -------------------------------------------------------------------


def control(sim, **changes) -> requests.Response:
    return requests.post(sim.control_url, json=changes, timeout=5)


def test_down_fronts_answer_503_maintenance_and_others_keep_working(sim):
    state = control(sim, down=["wsp"]).json()

    wsp_page = requests.get(sim.wsp_url, timeout=5)
    wsp_script = requests.get(sim.wsp_url + "js/consulta.js", timeout=5)
    assert state["down"] == ["wsp"]
    assert wsp_page.status_code == 503
    assert "Estamos realizando labores de mantenimiento" in wsp_page.text
    assert wsp_script.status_code == 503
    assert requests.get(sim.consultacenso_url, timeout=5).status_code == 200
    assert censo_submit(sim, "1000000013").json()["encontrado"] is True

    requests.post(sim.base_url + "/__sim/reset", timeout=5)
    assert requests.get(sim.wsp_url, timeout=5).status_code == 200


def test_all_503_mode(sim):
    sim.set_mode(mode="all_503")

    for url in (sim.wsp_url, sim.consultacenso_url, sim.infovotantes_url):
        response = requests.get(url, timeout=5)
        assert response.status_code == 503
        assert "mantenimiento" in response.text
    assert censo_submit(sim, "1000000013").status_code == 503
    assert info_submit(sim, "1000000013").status_code == 503


def test_all_waf_mode(sim):
    control(sim, mode="all_waf")

    for url in (sim.wsp_url, sim.consultacenso_url, sim.infovotantes_url):
        assert_waf(requests.get(url, headers={"User-Agent": DESKTOP_UA}, timeout=5), 500)
    assert_waf(info_submit(sim, "1000000013"), 500)


def test_storm_429_mode_refuses_every_lookup_but_serves_pages(sim):
    control(sim, mode="storm_429", retry_after=7)
    session, nonce = wsp_open(sim)

    for response in (
        wsp_submit(sim, "1000000013", session=session, nonce=nonce),
        censo_submit(sim, "1000000013"),
        info_submit(sim, "1000000013"),
    ):
        assert response.status_code == 429
        assert response.headers["Retry-After"] == "7"
    assert [len(sim.state()["lookups"][front]) for front in ("wsp", "consultacenso", "infovotantes")] == [1, 1, 1]


def test_hang_mode_holds_every_lookup(sim):
    control(sim, mode="hang", hang_seconds=0.3)

    with pytest.raises(requests.exceptions.ReadTimeout):
        censo_submit(sim, "1000000013", timeout=0.1)
    response, elapsed = timed(censo_submit, sim, "1000000013")
    assert elapsed >= 0.3
    assert response.json()["encontrado"] is True
    assert requests.get(sim.consultacenso_url, timeout=0.25).status_code == 200  # pages are not held


def test_control_endpoint_updates_partially_and_validates(sim):
    updated = control(sim, mode="storm_429").json()
    partial = control(sim, slow_seconds=0.5).json()
    bad_mode = control(sim, mode="chaos")
    bad_key = control(sim, colour="red")
    bad_front = control(sim, down=["otro"])
    not_json = requests.post(sim.control_url, data="mode=all_waf", timeout=5)
    reset = requests.post(sim.base_url + "/__sim/reset", timeout=5).json()

    assert updated["mode"] == "storm_429"
    assert (partial["mode"], partial["slow_seconds"]) == ("storm_429", 0.5)
    assert partial["hang_seconds"] == HANG_SECONDS
    for response in (bad_mode, bad_key, bad_front, not_json):
        assert response.status_code == 400
        assert "error" in response.json()
    assert reset["mode"] == "normal"
    assert reset["down"] == []
    assert (reset["retry_after"], reset["slow_seconds"]) == (30, SLOW_SECONDS)
    assert requests.get(sim.control_url, timeout=5).json() == sim.state()
    with pytest.raises(ValueError):
        sim.set_mode(retry_after=-1)


def test_counters_record_page_loads_and_lookups_on_arrival(sim):
    before = time.time()
    session, nonce = wsp_open(sim)
    session.get(sim.wsp_url + "js/consulta.js", timeout=5)  # assets are not page loads
    requests.get(sim.consultacenso_url, timeout=5)
    wsp_submit(sim, "1000000013", session=session, nonce=nonce)
    censo_submit(sim, "1000000030")
    info_submit(sim, "1000000046")  # counted even when the answer is an error
    info_submit(sim, "1000000013")
    after = time.time()

    state = requests.get(sim.control_url, timeout=5).json()
    assert {front: len(times) for front, times in state["lookups"].items()} == {
        "wsp": 1,
        "consultacenso": 1,
        "infovotantes": 2,
    }
    assert {front: len(times) for front, times in state["pages"].items()} == {
        "wsp": 1,
        "consultacenso": 1,
        "infovotantes": 0,
    }
    assert all(before <= stamp <= after for times in state["lookups"].values() for stamp in times)
    assert len(state["solves"]) == 4
    assert sim.reset()["lookups"] == {"wsp": [], "consultacenso": [], "infovotantes": []}


# --- the solver ----------------------------------------------------------------------------------


@pytest.fixture
def keyed_sim(tmp_path):
    simulator = Simulator(port=0, solver_port=0, ca_path=tmp_path / "ca.pem", solver_key="clave", solve_seconds=0.5)
    with simulator:
        yield simulator


def test_solver_speaks_2captcha_over_https_trusted_by_the_ca_file(keyed_sim):
    base = f"https://{keyed_sim.solver_server}"
    ca = keyed_sim.ca_path

    def post_in(**fields):
        return requests.post(base + "/in.php", data=fields, verify=ca, timeout=5).text

    def res(**params):
        return requests.get(base + "/res.php", params=params, verify=ca, timeout=5).text

    common = {"method": "userrecaptcha", "googlekey": SITEKEY_INFO, "pageurl": keyed_sim.infovotantes_url}
    assert post_in(key="otra", **common) == "ERROR_WRONG_USER_KEY"
    assert post_in(**common) == "ERROR_WRONG_USER_KEY"
    assert post_in(key="clave", **{**common, "googlekey": "6Ldesconocida"}) == "ERROR_GOOGLEKEY"
    submitted = post_in(key="clave", **common)
    assert re.fullmatch(r"OK\|\d+", submitted)
    job = submitted[3:]
    assert res(key="clave", action="get", id=job) == "CAPCHA_NOT_READY"
    assert res(key="otra", action="get", id=job) == "ERROR_WRONG_USER_KEY"
    assert res(key="clave", action="get", id="123") == "ERROR_WRONG_CAPTCHA_ID"
    assert res(key="clave", action="getbalance") == "9.87"
    assert json.loads(res(key="clave", action="get", id=job, json=1)) == {"status": 0, "request": "CAPCHA_NOT_READY"}

    deadline = time.monotonic() + 5
    answer = "CAPCHA_NOT_READY"
    while answer == "CAPCHA_NOT_READY" and time.monotonic() < deadline:
        answer = res(key="clave", action="get", id=job)
        time.sleep(0.05)
    assert answer.startswith("OK|")
    assert res(key="clave", action="get", id=job) == answer  # polling again returns the same token
    assert res(key="clave", action="reportbad", id=job) == "OK_REPORT_RECORDED"
    assert res(key="clave", action="reportgood", id=job) == "OK_REPORT_RECORDED"
    assert info_submit(keyed_sim, "1000000013", captcha=answer[3:]).status_code == 200

    with pytest.raises(requests.exceptions.SSLError):
        requests.get(base + "/res.php", params={"action": "getbalance"}, timeout=5)  # untrusted without the CA
    with open(ca) as pem:
        assert pem.read().startswith("-----BEGIN CERTIFICATE-----")


def test_official_2captcha_client_solves_against_the_simulator(sim, monkeypatch):
    from twocaptcha import TwoCaptcha

    monkeypatch.setenv("REQUESTS_CA_BUNDLE", sim.ca_path)
    solver = TwoCaptcha("clave-cualquiera", server=sim.solver_server, pollingInterval=1)

    result = solver.recaptcha(sitekey=SITEKEY_WSP, url=sim.wsp_url)

    assert set(result) == {"captchaId", "code"}
    assert wsp_submit(sim, "1000000010", captcha=result["code"]).json()["success"] is True
    assert solver.balance() == 9.87
    assert solver.report(result["captchaId"], True) == "OK_REPORT_RECORDED"


# --- robustness, logging and lifecycle -----------------------------------------------------------


def test_a_failing_handler_answers_500_and_the_server_keeps_serving(sim, monkeypatch):
    def broken(request):
        raise RuntimeError("1000000013 would be in this message")

    monkeypatch.setattr(sim, "_wsp_page", broken)
    failed = requests.get(sim.wsp_url, timeout=5)
    monkeypatch.undo()

    assert failed.status_code == 500
    assert "Internal Server Error" in failed.text
    with socket.create_connection(("127.0.0.1", sim.port), timeout=5) as raw:
        raw.sendall(b"BREW / HTTP/1.0\r\n\r\n")
        assert raw.recv(100).startswith(b"HTTP/1.0 501")
    with socket.create_connection(("127.0.0.1", sim.port), timeout=5) as raw:
        raw.sendall(b"POST /censo/consultar/ HTTP/1.0\r\nContent-Length: mucho\r\n\r\n")
        assert raw.recv(100).startswith(b"HTTP/1.0 400")
    with socket.create_connection(("127.0.0.1", sim.solver_port), timeout=5) as raw:
        raw.sendall(b"GET /res.php HTTP/1.0\r\n\r\n")  # plain HTTP on the TLS port
        raw.recv(100)
    assert requests.get(sim.wsp_url, timeout=5).status_code == 200
    balance = requests.get(f"https://{sim.solver_server}/res.php?action=getbalance", verify=sim.ca_path, timeout=5)
    assert balance.text == "9.87"


def test_access_log_never_carries_the_cedula(sim, caplog, monkeypatch):
    caplog.set_level(logging.DEBUG, logger="devtools.registraduria_simulator.server")

    def broken(request):
        raise RuntimeError("1000000013 would be in this message")

    wsp_submit(sim, "1000000013")
    censo_submit(sim, "1000000013")
    requests.get(sim.wsp_url, params={"nuip": "1000000013"}, timeout=5)
    monkeypatch.setattr(sim, "_wsp_lookup", broken)
    wsp_submit(sim, "1000000013")

    lines = [record.getMessage() for record in caplog.records]
    assert "POST /censo/consultar/ 200" in lines
    assert "GET /censo/consultar/ 200" in lines
    assert "POST /censo/consultar/ 500" in lines
    assert not [line for line in lines if "1000000013" in line or "nuip" in line or "clave" in line]


def test_stop_closes_both_ports_and_drops_held_replies(tmp_path):
    simulator = Simulator(port=0, solver_port=0, ca_path=tmp_path / "ca.pem", hang_seconds=30).start()
    ports = (simulator.port, simulator.solver_port)
    simulator.set_mode(mode="hang")
    token = simulator.tokens.issue(SITEKEY_CENSO)
    outcome = []

    def held_lookup():
        try:
            censo_submit(simulator, "1000000013", captcha=token, timeout=20)
            outcome.append("answered")
        except requests.ConnectionError:
            outcome.append("dropped")

    client = threading.Thread(target=held_lookup, daemon=True)
    client.start()
    deadline = time.monotonic() + 5
    while not simulator.state()["lookups"]["consultacenso"] and time.monotonic() < deadline:
        time.sleep(0.02)
    started = time.monotonic()
    simulator.stop()
    client.join(timeout=5)

    assert time.monotonic() - started < 3
    assert outcome == ["dropped"]
    for port in ports:
        with pytest.raises(ConnectionRefusedError):
            socket.create_connection(("127.0.0.1", port), timeout=1)
    simulator.stop()  # idempotent


def test_simulator_without_a_ca_path_writes_a_temporary_one_and_removes_it():
    with Simulator(port=0, solver_port=0) as simulator:
        path = simulator.ca_path
        with open(path) as pem:
            assert "BEGIN CERTIFICATE" in pem.read()
    with pytest.raises(FileNotFoundError):
        open(path).close()


def test_command_serves_until_sigterm(tmp_path):
    port, solver_port = free_port(), free_port()
    ca = tmp_path / "ca.pem"
    command = [
        str(VENV_BIN / "python"),
        "-m",
        "devtools.registraduria_simulator",
        "--port",
        str(port),
        "--solver-port",
        str(solver_port),
        "--ca-file",
        str(ca),
        "--hang-seconds",
        "1",
    ]
    process = subprocess.Popen(command, cwd=REPO_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 20
        page = None
        while page is None and time.monotonic() < deadline:
            assert process.poll() is None, process.communicate()
            try:
                page = requests.get(f"http://127.0.0.1:{port}/censo/consultar/", timeout=2)
            except (requests.ConnectionError, requests.Timeout):  # not up yet, or still booting
                time.sleep(0.1)
        assert page is not None
        assert page.status_code == 200
        assert 'id="form"' in page.text
        process.send_signal(signal.SIGTERM)
        out, err = process.communicate(timeout=15)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()

    assert process.returncode == 0, err
    assert f"REGISTRADURIA_SIMULATOR=http://127.0.0.1:{port}" in out
    assert f"CAPTCHA_SERVER=127.0.0.1:{solver_port}" in out
    assert "Simulador detenido." in out
    assert ca.read_text().startswith("-----BEGIN CERTIFICATE-----")


# --- in a real browser ---------------------------------------------------------------------------


def _tick_captcha(page) -> None:
    page.check("#recaptcha-anchor")
    page.wait_for_function("document.getElementById('g-recaptcha-response').value !== ''")


@pytest.mark.browser
def test_the_pages_work_in_chromium_for_a_person(sim, browser):
    from playwright.sync_api import expect

    context = browser.new_context(user_agent=DESKTOP_UA, locale="es-CO")
    # A person's browser: no automation flag for the page's telemetry to report.
    context.add_init_script("Object.defineProperty(Navigator.prototype, 'webdriver', {get: () => false})")
    page = context.new_page()
    page.set_default_timeout(10_000)
    try:
        page.goto(sim.wsp_url)
        page.fill("#nuip", "1000000011")
        page.click("#enviar")
        expect(page.locator("#success")).to_have_text("Marque el cuadro de verificación «No soy un robot».")
        _tick_captcha(page)
        page.click("#enviar")
        expect(page.locator("#success table#consulta td[data-th='DEPARTAMENTO']")).to_have_text("NARIÑO")

        page.goto(sim.consultacenso_url)
        expect(page.locator("#eleccion option")).to_have_count(3)
        page.fill("#documento", "1000000020")
        _tick_captcha(page)
        page.click("#submitBtn")
        expect(page.locator("#resultado td[data-th='NOVEDAD']")).to_have_text("Cancelada por Muerte")

        page.goto(sim.infovotantes_url)
        page.fill("#identification", "1000000030")
        _tick_captcha(page)
        page.click("#consultar")
        expect(page.locator("#resultado")).to_contain_text("no se encuentra en el censo")

        page.goto(sim.wsp_url)
        page.evaluate("document.getElementById('token').value = '0'.repeat(32)")
        page.fill("#nuip", "1000000013")
        _tick_captcha(page)
        loads = len(sim.state()["pages"]["wsp"])
        with page.expect_navigation():
            page.click("#enviar")  # the stale nonce makes the page reload itself
        assert len(sim.state()["pages"]["wsp"]) == loads + 1
    finally:
        context.close()


@pytest.mark.browser
def test_an_automated_chromium_is_caught_by_the_waf(sim, browser):
    from playwright.sync_api import expect

    headless = browser.new_context()
    automated = browser.new_context(user_agent=DESKTOP_UA)
    try:
        refused = headless.new_page()
        response = refused.goto(sim.wsp_url)
        assert response.status == 500
        expect(refused.locator("body")).to_contain_text("La solicitud ha sido rechazada")

        page = automated.new_page()
        page.set_default_timeout(10_000)
        page.goto(sim.wsp_url)  # the page loads; its telemetry then reports navigator.webdriver
        page.fill("#nuip", "1000000013")
        _tick_captcha(page)
        page.click("#enviar")
        expect(page.locator("#success")).to_have_text("Ocurrió un error. Intente de nuevo.")
        assert "sim_wd" in {cookie["name"] for cookie in automated.cookies()}
    finally:
        headless.close()
        automated.close()


# --- the corpus of real answer shapes, replayed ----------------------------------------------------

SUBMIT: dict[str, Callable[[Simulator, str], requests.Response]] = {
    "wsp": wsp_submit,
    "consultacenso": censo_submit,
    "infovotantes": info_submit,
}


def test_every_corpus_answer_has_a_cedula_of_its_own():
    answers = corpus_answers()
    assert len(answers) >= 40
    assert not set(answers) & set(SCENARIOS)
    for cedula, answer in answers.items():
        assert _scenario(cedula).corpus == answer
        assert cedula[1] == str({"wsp": 1, "consultacenso": 2, "infovotantes": 3}[answer.front])


@pytest.mark.parametrize("front", ["wsp", "consultacenso", "infovotantes"])
def test_each_front_replays_its_corpus_answers_verbatim_after_the_captcha(sim, front):
    for answer in [a for a in corpus_answers().values() if a.front == front]:
        reply = SUBMIT[front](sim, answer.cedula)
        assert (reply.status_code, reply.content) == (answer.status, answer.body), answer.file
    other = next(a for a in corpus_answers().values() if a.front != front)
    assert SUBMIT[front](sim, other.cedula).status_code == 500  # another front's answer: fail over to it


def test_a_corpus_answer_still_needs_a_valid_captcha(sim):
    answer = next(a for a in corpus_answers().values() if a.front == "consultacenso")
    reply = censo_submit(sim, answer.cedula, captcha="03AFcWeA-no-valido")
    assert reply.json() == {"ok": False, "error": "captcha", "mensaje": "Captcha inválido"}


def test_a_person_the_fronts_disagree_about():
    scenario = _scenario("1000000031")
    assert scenario.on_front("wsp").answer == "not_found"
    assert scenario.on_front("consultacenso").answer == "cancelled"


def test_docs_list_every_corpus_scenario():
    docs = (REPO_ROOT / "docs" / "registraduria.md").read_text(encoding="utf-8")
    assert corpus_table() in docs  # regenerate with devtools.registraduria_simulator.corpus.corpus_table()
