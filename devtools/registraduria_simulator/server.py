"""A local stand-in for the Registraduría's census lookup, for tests and demos.

One HTTP port serves the three public fronts by path prefix (wsp `/censo/consultar/`, consultacenso
`/consultacenso/`, infovotantes `/infovotantes/`), the simulated reCAPTCHA widget (`/recaptcha/`) and a
control API (`/__sim/`). A second port speaks HTTPS and imitates the 2Captcha API, so the real
`2captcha-python` client can solve the simulated captchas. Both share one token store: a token is valid
for 120 s, for one sitekey, and for one use.

What each front answers is chosen by the cédula (`SCENARIOS`, then a rule for any other number) and by
the global modes set through `/__sim/control`. The shapes mirror what is publicly known about the real
site (docs: /work/shared/REGISTRADURIA.md).

The access log never carries a query string or a body: the cédula travels in bodies and must stay out
of log lines.
"""

import hmac
import html
import logging
import math
import os
import secrets
import socketserver
import ssl
import tempfile
import threading
import time
from collections import deque
from html.entities import codepoint2name
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from string import Template
from typing import Any, cast
from urllib.parse import parse_qs, urlsplit

import trustme

from devtools.registraduria_simulator.corpus import CorpusAnswer
from devtools.registraduria_simulator.plumbing import (
    Reply,
    Request,
    _asset,
    _Dropped,
    _form_fields,
    _html,
    _json,
    _json_body,
    _redirect,
    _text,
)
from devtools.registraduria_simulator.scenarios import (
    CAPTCHA_INVALID_TEXT,
    CAPTCHA_MISSING_TEXT,
    CENSO_API,
    CENSO_PATH,
    CENSO_TIMEOUT_TEXT,
    CITIZEN_NOTICE,
    FRONTS,
    INFO_API,
    INFO_LOOKUP_PATH,
    INFO_PAGE_PATH,
    INFOVOTANTES_ELECTION_CODE,
    INVALID_DOCUMENT_TEXT,
    MAX_BODY_BYTES,
    MAX_COUNTED,
    MAX_SESSIONS,
    MODES,
    NOT_FOUND_TEXT,
    SITEKEY_CENSO,
    SITEKEY_INFO,
    SITEKEY_WSP,
    SITEKEYS,
    TOKEN_TTL_SECONDS,
    WSP_PATH,
    WSP_TIMEOUT_TEXT,
    Place,
    Scenario,
    scenario_for,
)
from devtools.registraduria_simulator.solver import (
    DEFAULT_SOLVE_SEED,
    SOLVE_LATENCIES,
    SOLVER_FAULT_NAMES,
    SolveLatency,
    SolverAPI,
    SolverJob,
    TokenStore,
)

logger = logging.getLogger(__name__)

logger = logging.getLogger(__name__)


def _support_id() -> str:
    return str(10**18 + secrets.randbelow(9 * 10**18))


def waf_page(status: int) -> Reply:
    return _html(status, Template(_asset("waf.html")).substitute(support_id=_support_id()))


def maintenance_page(retry_after: int = 600) -> Reply:
    headers = (("Retry-After", str(retry_after)),) if retry_after else ()
    return _html(HTTPStatus.SERVICE_UNAVAILABLE, _asset("maintenance.html"), headers)


def server_error_page() -> Reply:
    return _html(HTTPStatus.INTERNAL_SERVER_ERROR, _asset("server_error.html"))


def js_challenge_page() -> Reply:
    return _html(HTTPStatus.OK, _asset("js_challenge.html"), (("Cache-Control", "no-cache, no-store"),))


def too_many_requests(retry_after: int) -> Reply:
    return _text(HTTPStatus.TOO_MANY_REQUESTS, "Too Many Requests", (("Retry-After", str(retry_after)),))


def not_found_page() -> Reply:
    return _html(
        HTTPStatus.NOT_FOUND, "<!DOCTYPE html><html lang='es'><body><h1>Página no encontrada</h1></body></html>"
    )


def _as_text(value) -> str:
    if isinstance(value, bool) or value is None:
        return ""
    return str(value).strip() if isinstance(value, str | int) else ""


# --- wsp markup ----------------------------------------------------------------------------------


def _markup(value: str, scenario: Scenario) -> str:
    text = html.escape(value, quote=True)
    if scenario.entities:
        text = "".join(
            f"&{codepoint2name[ord(char)]};" if ord(char) > 127 and ord(char) in codepoint2name else char
            for char in text
        )
    return text


def _wsp_table(columns: list[tuple[str, str]], scenario: Scenario) -> str:
    heads = "".join(f"<th>{_markup(header, scenario)}</th>" for header, _ in columns)
    cells = []
    for header, value in columns:
        content = _markup(value, scenario)
        if scenario.loose_whitespace:
            content = "\n\t\t\t\t" + content.replace(" ", " \n\t\t\t\t", 1) + "\n\t\t\t"
        cells.append(f'\n\t\t\t<td data-th="{_markup(header, scenario)}">{content}</td>')
    return (
        '<table id="consulta" class="table">\n\t<thead>\n\t\t<tr>'
        + heads
        + "</tr>\n\t</thead>\n\t<tbody>\n\t\t<tr>"
        + "".join(cells)
        + "\n\t\t</tr>\n\t</tbody>\n</table>\n"
    )


def _wsp_active(cedula: str, scenario: Scenario) -> str:
    place = scenario.place
    assert place is not None  # every active scenario has its polling place
    columns = [("NUIP", cedula)]
    if scenario.extra_columns:
        columns.append(("FECHA INSCRIPCIÓN", place.fecha_inscripcion or ""))
    columns += [("DEPARTAMENTO", place.departamento), ("MUNICIPIO", place.municipio)]
    if place.zona:
        columns.append(("ZONA", place.zona))
    columns += [("PUESTO", place.puesto), ("DIRECCIÓN", place.direccion), ("MESA", place.mesa)]
    notice = (
        f'<div class="alert alert-info"><strong>{_markup("Señor Ciudadano:", scenario)}</strong> '
        f"{_markup(CITIZEN_NOTICE, scenario)}</div>"
    )
    return _wsp_table(columns, scenario) + notice


def _wsp_cancelled(cedula: str, scenario: Scenario) -> str:
    novelty = scenario.novelty
    assert novelty is not None  # every cancelled scenario has its novelty
    columns = [
        ("NUIP", cedula),
        ("NOVEDAD", novelty.description),
        ("RESOLUCIÓN", novelty.resolution),
        ("FECHA NOVEDAD", novelty.date),
    ]
    return _wsp_table(columns, scenario)


def _unrecognised_place(place: Place) -> str:
    return f"{place.puesto} - {place.direccion}, {place.municipio} ({place.departamento})"


# --- Simulator -----------------------------------------------------------------------------------


class Simulator(SolverAPI):
    """The fronts and the solver, served from daemon threads of this process.

        sim = Simulator(port=0, solver_port=0).start()   # or `with Simulator(...) as sim:`
        requests.get(sim.wsp_url); TwoCaptcha(key, server=sim.solver_server)  # trust sim.ca_path
        sim.set_mode(down=["wsp"]); sim.state(); sim.reset()
        sim.stop()

    Port 0 picks a free port. `ca_path=None` writes the solver's CA certificate to a temporary file
    (removed by `stop()`). An empty `solver_key` accepts any key. `tokens` is the shared token store.
    `solve_latency` picks how long captcha jobs take (`solver.SolveLatency`): "fixed" (each takes
    `solve_seconds`) or "realistic" (drawn from a generator seeded with `solve_seed`, 3% unsolvable);
    `solve_scale` multiplies either. All four are settings, so `set_mode` can change them later (for the
    jobs submitted afterwards).
    """

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 8001,
        solver_port: int = 8002,
        ca_path: str | os.PathLike | None = None,
        solver_key: str = "",
        slow_seconds: float = 3.0,
        hang_seconds: float = 35.0,
        solve_seconds: float = 1.0,
        token_ttl_seconds: float = TOKEN_TTL_SECONDS,
        solve_latency: str = "fixed",
        solve_seed: int = DEFAULT_SOLVE_SEED,
        solve_scale: float = 1.0,
    ):
        self.host = host
        self.port = port  # the bound ports once started (port 0 asks for a free one)
        self.solver_port = solver_port
        self._requested_ports = (port, solver_port)
        self._ca_path = Path(ca_path) if ca_path else None
        self._owns_ca_file = ca_path is None
        self.solver_key = solver_key
        self.tokens = TokenStore(token_ttl_seconds)
        self._defaults: dict[str, Any] = {
            "mode": "normal",
            "down": [],
            "retry_after": 30,
            # The maintenance page's Retry-After (0: none); tests scale it down like hang_seconds.
            "maintenance_retry_after": 600,
            "slow_seconds": float(slow_seconds),
            "hang_seconds": float(hang_seconds),
            # "" or one of solver.SOLVER_FAULT_NAMES: what the captcha solver answers instead.
            "solver_fault": "",
            # Seconds a wsp page load of a session it already knows is held (0: none): the window in
            # which a page that reloads itself is still navigating.
            "wsp_reload_hold_seconds": 0.0,
            # The site's limit per client address (0: none): a lookup from an address sooner than this
            # after that address's previous one is answered 429 with Retry-After (`retry_after`).
            "client_interval_seconds": 0.0,
            # Client addresses the WAF blocks outright (its block page, HTTP 500, on every request).
            "blocked_clients": [],
            # The captcha solver's latency model (solver.SolveLatency); setting solve_seed restarts its draws.
            "solve_latency": solve_latency,
            "solve_seconds": solve_seconds,
            "solve_seed": solve_seed,
            "solve_scale": solve_scale,
        }
        self._defaults.update(_validated_settings({name: self._defaults[name] for name in _SOLVE_SETTINGS}))
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._settings = dict(self._defaults)
        self._lookups, self._pages = self._new_counters(), self._new_counters()
        # Per client address: the lookups (time, front) and pages it asked for, and its lookups refused
        # for coming too soon.
        self._clients: dict[str, dict[str, Any]] = {}
        # wsp lookups by the cédula they asked for: when each reached the application (a drill counts
        # the lookups the site saw per cédula).
        self._wsp_cedulas: dict[str, list[float]] = {}
        self._solves: deque[float] = deque(maxlen=MAX_COUNTED)
        self._solver_requests: deque[tuple[str, str]] = deque(maxlen=MAX_COUNTED)  # (path, fault) in fault modes
        self._sessions: dict[str, str] = {}  # PHPSESSID -> the last nonce issued to it
        self._jobs: dict[str, SolverJob] = {}  # solver id -> the job
        # Jobs submitted, tokens delivered, unsolvable answers: each job counted once.
        self._solver_counts = self._new_solver_counts()
        self._solver_latencies: deque[float] = deque(maxlen=MAX_COUNTED)  # each delivered job's latency
        self._latency = SolveLatency(
            self._defaults["solve_latency"],
            seconds=self._defaults["solve_seconds"],
            seed=self._defaults["solve_seed"],
            scale=self._defaults["solve_scale"],
        )
        self._http: ThreadingHTTPServer | None = None
        self._https: ThreadingHTTPServer | None = None
        self._threads: list[threading.Thread] = []

    # --- lifecycle

    def start(self) -> "Simulator":
        if self._http is not None:
            raise RuntimeError("the simulator is already running")
        self._stopping.clear()
        port, solver_port = self._requested_ports
        http_server = _Server((self.host, port), _FrontHandler, self)
        try:
            https_server = _Server((self.host, solver_port), _SolverHandler, self)
            try:
                https_server.socket = self._tls_context().wrap_socket(
                    https_server.socket, server_side=True, do_handshake_on_connect=False
                )
            except Exception:
                https_server.server_close()
                raise
        except Exception:
            http_server.server_close()
            raise
        self._http, self._https = http_server, https_server
        self.port = http_server.server_address[1]
        self.solver_port = https_server.server_address[1]
        for name, server in (("registraduria-sim", http_server), ("registraduria-sim-solver", https_server)):
            thread = threading.Thread(
                target=server.serve_forever, kwargs={"poll_interval": 0.2}, name=name, daemon=True
            )
            thread.start()
            self._threads.append(thread)
        logger.info("Registraduría simulator on %s, solver on %s", self.base_url, self.solver_server)
        return self

    def stop(self) -> None:
        """Stop both servers and close their sockets; held replies are dropped. Idempotent."""
        self._stopping.set()
        for server in (self._http, self._https):
            if server is not None:
                server.shutdown()
                server.server_close()
        for thread in self._threads:
            thread.join(timeout=5)
        self._threads = []
        self._http = self._https = None
        if self._owns_ca_file and self._ca_path is not None:
            self._ca_path.unlink(missing_ok=True)
            self._ca_path = None

    def __enter__(self) -> "Simulator":
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.stop()

    def _tls_context(self) -> ssl.SSLContext:
        ca = trustme.CA(organization_name="Pagina-Madre simulador")
        identities = ["127.0.0.1", "localhost"]
        if self.host not in identities and self.host not in ("", "0.0.0.0", "::"):  # noqa: S104 (a name to compare)
            identities.append(self.host)
        cert = ca.issue_cert(*identities)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        cert.configure_cert(context)
        if self._ca_path is None:
            descriptor, name = tempfile.mkstemp(prefix="registraduria-sim-ca-", suffix=".pem")
            os.close(descriptor)
            self._ca_path = Path(name)
        self._ca_path.parent.mkdir(parents=True, exist_ok=True)
        ca.cert_pem.write_to_path(str(self._ca_path))
        return context

    # --- addresses

    def _advertised_host(self) -> str:
        return "127.0.0.1" if self.host in ("", "0.0.0.0", "::") else self.host  # noqa: S104 (a name to compare)

    def _running(self) -> None:
        if self._http is None:
            raise RuntimeError("the simulator is not running: call start() first")

    @property
    def base_url(self) -> str:
        self._running()
        return f"http://{self._advertised_host()}:{self.port}"

    @property
    def wsp_url(self) -> str:
        return self.base_url + WSP_PATH

    @property
    def consultacenso_url(self) -> str:
        return self.base_url + CENSO_PATH

    @property
    def infovotantes_url(self) -> str:
        return self.base_url + INFO_PAGE_PATH

    @property
    def infovotantes_api_url(self) -> str:
        return self.base_url + INFO_API

    @property
    def control_url(self) -> str:
        return self.base_url + "/__sim/control"

    @property
    def solver_server(self) -> str:
        self._running()
        return f"{self._advertised_host()}:{self.solver_port}"

    @property
    def ca_path(self) -> str:
        if self._ca_path is None:
            raise RuntimeError("the CA file is written by start()")
        return str(self._ca_path)

    # --- modes and counters

    @staticmethod
    def _new_counters() -> dict[str, deque]:
        return {front: deque(maxlen=MAX_COUNTED) for front in FRONTS}

    @staticmethod
    def _new_solver_counts() -> dict[str, int]:
        return {"submitted": 0, "delivered": 0, "unsolvable": 0}

    @property
    def solve_seconds(self) -> float:
        """The fixed model's seconds per solve (the `solve_seconds` setting: change it with set_mode)."""
        return self._setting("solve_seconds")

    def set_mode(self, **changes) -> dict:
        """Change the global modes (partial updates). Raises ValueError on an unknown key or value."""
        clean = _validated_settings(changes)
        with self._lock:
            self._settings.update(clean)
            self._configure_latency(reseed="solve_seed" in clean)
        return self.state()

    def reset(self) -> dict:
        """Back to the start-up modes, with empty counters (and the solve latencies drawn afresh from the
        start-up seed)."""
        with self._lock:
            self._settings = {**self._defaults, "down": [], "blocked_clients": []}
            self._configure_latency(reseed=True)
            self._lookups, self._pages = self._new_counters(), self._new_counters()
            self._clients = {}
            self._wsp_cedulas = {}
            self._solves.clear()
            self._solver_requests.clear()
            self._solver_counts = self._new_solver_counts()
            self._solver_latencies.clear()
        return self.state()

    def _configure_latency(self, *, reseed: bool) -> None:
        """Point the latency model at the current settings (the caller holds the lock)."""
        self._latency.mode = self._settings["solve_latency"]
        self._latency.seconds = self._settings["solve_seconds"]
        self._latency.scale = self._settings["solve_scale"]
        if reseed:
            self._latency.reseed(self._settings["solve_seed"])

    def state(self) -> dict:
        with self._lock:
            return {
                **self._settings,
                "down": list(self._settings["down"]),
                "blocked_clients": list(self._settings["blocked_clients"]),
                "lookups": {front: list(times) for front, times in self._lookups.items()},
                # Per client address: its lookups ([time, front], in order) and the ones refused with 429
                # for coming sooner than client_interval_seconds after its previous one.
                "clients": {
                    client: {
                        "lookups": [list(entry) for entry in seen["lookups"]],
                        "pages": [list(entry) for entry in seen["pages"]],
                        "refused": seen["refused"],
                    }
                    for client, seen in self._clients.items()
                },
                "pages": {front: list(times) for front, times in self._pages.items()},
                "wsp_cedulas": {cedula: list(times) for cedula, times in self._wsp_cedulas.items()},
                "solves": list(self._solves),
                "solver_requests": list(self._solver_requests),
                # Each job once: submitted to in.php, its token delivered, or answered unsolvable; and the
                # latency of each delivered job (its drawn seconds, scaled, in delivery order).
                "solver_jobs": {**self._solver_counts, "latencies": list(self._solver_latencies)},
            }

    def _setting(self, name: str):
        with self._lock:
            return self._settings[name]

    def _hold(self, seconds: float) -> None:
        if self._stopping.wait(max(0.0, seconds)):
            raise _Dropped

    # --- the fronts' HTTP port

    def handle_front(self, request: Request) -> Reply:
        path = request.path
        if path.startswith("/__sim/"):
            return self._control(request)
        if path.startswith("/recaptcha/"):
            return self._recaptcha(request)
        if path.startswith("/TSPD/"):
            return Reply(HTTPStatus.OK, b"/* F5 TSPD (simulado) */\n", "application/javascript")
        if path == "/favicon.ico":
            return Reply(HTTPStatus.NO_CONTENT)
        if path == "/" and request.method == "GET":
            return _html(HTTPStatus.OK, _asset("index.html"))
        front = _front_of(path)
        if front is None:
            return not_found_page()
        now = time.time()
        lookup = request.method == "POST" and path in (WSP_PATH, CENSO_API + "consulta", INFO_LOOKUP_PATH)
        page = request.method == "GET" and path in (WSP_PATH, CENSO_PATH, INFO_PAGE_PATH)
        too_soon = False
        with self._lock:
            settings = dict(self._settings)
            if lookup or page:
                seen = self._clients.setdefault(
                    request.client,
                    {"lookups": deque(maxlen=MAX_COUNTED), "pages": deque(maxlen=MAX_COUNTED), "refused": 0},
                )
            if lookup:
                self._lookups[front].append(now)
                interval = settings["client_interval_seconds"]
                too_soon = bool(interval and seen["lookups"] and now - seen["lookups"][-1][0] < interval)
                seen["lookups"].append((now, front))
                seen["refused"] += too_soon
            if page:
                self._pages[front].append(now)
                seen["pages"].append((now, front))
        if request.client in settings["blocked_clients"]:
            return waf_page(HTTPStatus.INTERNAL_SERVER_ERROR)
        if too_soon:
            return too_many_requests(settings["retry_after"])
        if front in settings["down"] or settings["mode"] == "all_503":
            return maintenance_page(settings["maintenance_retry_after"])
        if settings["mode"] == "all_waf" or _looks_automated(request):
            return waf_page(HTTPStatus.INTERNAL_SERVER_ERROR)
        if lookup and settings["mode"] == "storm_429":
            return too_many_requests(settings["retry_after"])
        if lookup and settings["mode"] == "hang":
            self._hold(settings["hang_seconds"])
        if front == "wsp":
            return self._wsp(request)
        if front == "consultacenso":
            return self._consultacenso(request)
        return self._infovotantes(request)

    def _edge_fault(self, scenario: Scenario | None) -> Reply | None:
        """Faults the cédula triggers in front of the application (WAF, CDN, load balancer)."""
        name = scenario.name if scenario else ""
        if name == "waf":
            return waf_page(HTTPStatus.OK)
        if name == "js_challenge":
            return js_challenge_page()
        if name == "maintenance":
            return maintenance_page(self._setting("maintenance_retry_after"))
        if name == "rate_limited":
            return too_many_requests(self._setting("retry_after"))
        return None

    def _app_fault_or_delay(self, scenario: Scenario) -> Reply | None:
        if scenario.name == "server_error":
            return server_error_page()
        if scenario.delay == "slow":
            self._hold(self._setting("slow_seconds"))
        elif scenario.delay == "hang":
            self._hold(self._setting("hang_seconds"))
        return None

    # wsp

    def _wsp(self, request: Request) -> Reply:
        if request.path == "/censo/consultar":
            return _redirect(WSP_PATH)
        if request.path == WSP_PATH + "js/consulta.js" and request.method == "GET":
            return Reply(HTTPStatus.OK, _asset("wsp_consulta.js").encode(), "application/javascript; charset=utf-8")
        if request.path != WSP_PATH:
            return not_found_page()
        if request.method == "HEAD":
            # The real host answers every HEAD with 500: health probes must use GET.
            return Reply(HTTPStatus.INTERNAL_SERVER_ERROR)
        if request.method == "GET":
            return self._wsp_page(request)
        if request.method == "POST":
            return self._wsp_lookup(request)
        return Reply(HTTPStatus.METHOD_NOT_ALLOWED, headers=(("Allow", "GET, POST"),))

    def _wsp_page(self, request: Request) -> Reply:
        session = request.cookies.get("PHPSESSID", "")
        nonce = secrets.token_hex(16)
        with self._lock:
            known = session in self._sessions
        if known:  # a reload, or a second page of the same browser: a slow server makes it take a while
            self._hold(self._setting("wsp_reload_hold_seconds"))
        with self._lock:
            if session not in self._sessions:
                session = secrets.token_hex(13)
                while len(self._sessions) >= MAX_SESSIONS:
                    del self._sessions[next(iter(self._sessions))]
            self._sessions[session] = nonce
        page = Template(_asset("wsp.html")).substitute(token=nonce, sitekey=SITEKEY_WSP)
        return _html(
            HTTPStatus.OK,
            page,
            (
                ("Set-Cookie", f"PHPSESSID={session}; path=/; HttpOnly; SameSite=Lax"),
                ("Set-Cookie", _waf_cookie()),
                ("Cache-Control", "no-store, no-cache, must-revalidate"),
            ),
        )

    def _wsp_lookup(self, request: Request) -> Reply:
        fields = _form_fields(request)
        cedula = fields.get("nuip", "").strip()
        with self._lock:
            if cedula and (cedula in self._wsp_cedulas or len(self._wsp_cedulas) < MAX_COUNTED):
                self._wsp_cedulas.setdefault(cedula, []).append(time.time())
        scenario = scenario_for(cedula)
        fault = self._edge_fault(scenario)
        if fault:
            return fault
        with self._lock:
            expected = self._sessions.get(request.cookies.get("PHPSESSID", ""))
        reload = {"success": False, "reload": True}
        if expected is None or not hmac.compare_digest(fields.get("token", "").encode(), expected.encode()):
            return _json(HTTPStatus.OK, reload)
        if scenario and scenario.name == "nonce_expired":
            return _json(HTTPStatus.OK, reload)
        answer = fields.get("g-recaptcha-response", "")
        if not answer:
            return _json(HTTPStatus.OK, {"success": False, "data": {"message": CAPTCHA_MISSING_TEXT}})
        if not self.tokens.consume(answer, SITEKEY_WSP) or (scenario and scenario.name == "captcha_rejected"):
            return _json(HTTPStatus.OK, {"success": False, "data": {"message": CAPTCHA_INVALID_TEXT}})
        if scenario is None:
            return _json(HTTPStatus.OK, {"success": False, "data": {"message": INVALID_DOCUMENT_TEXT}})
        if scenario.corpus is not None:
            return _corpus_reply(scenario.corpus, "wsp")
        scenario = scenario.on_front("wsp")
        fault = self._app_fault_or_delay(scenario)
        if fault:
            return fault
        if scenario.name == "upstream_timeout":
            return _json(HTTPStatus.OK, {"success": False, "data": {"message": WSP_TIMEOUT_TEXT}})
        if scenario.name == "unrecognised_layout":
            place = scenario.place
            assert place is not None  # the unrecognised layout still shows a place
            message = (
                '<section class="resultado-nuevo"><h3>Resultado de su consulta</h3><dl>'
                f"<dt>Lugar</dt><dd>{html.escape(_unrecognised_place(place))}</dd>"
                f"<dt>Mesa asignada</dt><dd>{html.escape(place.mesa)}</dd></dl></section>"
            )
        elif scenario.answer == "active":
            message = _wsp_active(cedula, scenario)
        elif scenario.answer == "cancelled":
            message = _wsp_cancelled(cedula, scenario)
        else:
            message = f'<div class="alert alert-warning">{NOT_FOUND_TEXT}</div>'
        return _json(HTTPStatus.OK, {"success": True, "data": {"message": message}})

    # consultacenso

    def _consultacenso(self, request: Request) -> Reply:
        path, method = request.path, request.method
        if path == "/consultacenso":
            return _redirect(CENSO_PATH)
        if path == CENSO_PATH + "consultar/":  # older links still point here
            return Reply(HTTPStatus.FOUND, headers=(("Location", CENSO_PATH),))
        if path == CENSO_PATH and method == "GET":
            page = Template(_asset("consultacenso.html")).substitute(sitekey=SITEKEY_CENSO)
            return _html(HTTPStatus.OK, page, (("Set-Cookie", _waf_cookie()),))
        if path == CENSO_PATH + "js/app.js" and method == "GET":
            return Reply(
                HTTPStatus.OK, _asset("consultacenso_app.js").encode(), "application/javascript; charset=utf-8"
            )
        if path == CENSO_API + "elecciones" and method == "GET":
            elections = [
                {"id": 0, "nombre": "LUGAR DE VOTACION ACTUAL"},
                {"id": 11, "nombre": "ELECCIONES DE CONGRESO 2026"},
                {"id": 12, "nombre": "ELECCIÓN PRESIDENCIAL 2026 - PRIMERA VUELTA"},
            ]
            return _json(HTTPStatus.OK, {"ok": True, "data": elections})
        if path == CENSO_API + "consulta" and method == "POST":
            return self._censo_lookup(request)
        if path in (CENSO_PATH, CENSO_API + "elecciones", CENSO_API + "consulta"):
            return Reply(HTTPStatus.METHOD_NOT_ALLOWED)
        return not_found_page()

    def _censo_lookup(self, request: Request) -> Reply:
        payload = _json_body(request)
        if payload is None:
            return _json(HTTPStatus.BAD_REQUEST, {"ok": False, "error": "solicitud", "mensaje": "Solicitud inválida."})
        cedula = _as_text(payload.get("documento"))
        scenario = scenario_for(cedula)
        fault = self._edge_fault(scenario)
        if fault:
            return fault
        if scenario and scenario.name == "nonce_expired":
            return _json(
                HTTPStatus.OK, {"ok": False, "error": "sesion", "mensaje": "La sesión expiró. Recargue la página."}
            )
        token = payload.get("captchaToken")
        valid = isinstance(token, str) and self.tokens.consume(token, SITEKEY_CENSO)
        if not valid or (scenario and scenario.name == "captcha_rejected"):
            return _json(HTTPStatus.OK, {"ok": False, "error": "captcha", "mensaje": "Captcha inválido"})
        if scenario is None:
            return _json(HTTPStatus.OK, {"ok": False, "error": "documento", "mensaje": INVALID_DOCUMENT_TEXT})
        if scenario.corpus is not None:
            return _corpus_reply(scenario.corpus, "consultacenso")
        scenario = scenario.on_front("consultacenso")
        fault = self._app_fault_or_delay(scenario)
        if fault:
            return fault
        if scenario.name == "upstream_timeout":
            return _json(HTTPStatus.OK, {"ok": False, "error": CENSO_TIMEOUT_TEXT})
        if scenario.name == "unrecognised_layout":
            place = scenario.place
            assert place is not None  # the unrecognised layout still shows a place
            return _json(
                HTTPStatus.OK, {"ok": True, "resultado": {"lugar": _unrecognised_place(place), "mesa": place.mesa}}
            )
        if scenario.answer == "active":
            place = scenario.place
            assert place is not None  # every active scenario has its polling place
            data: dict[str, Any] = {"nuip": cedula, "nom_depto": place.departamento, "nom_mun": place.municipio}
            if place.zona:
                data["zona"] = place.zona
            data |= {"nom_puesto": place.puesto, "direccion": place.direccion, "mesa": place.mesa}
            if scenario.extra_columns:
                data["fecha_inscripcion"] = place.fecha_inscripcion
                data = {key.upper(): value for key, value in data.items()}
            return _json(
                HTTPStatus.OK,
                {
                    "ok": True,
                    "encontrado": True,
                    "data": data,
                    "mapa": {"lat": place.lat, "lng": place.lng},
                    "mensaje": "",
                    "novedad": None,
                    "descripcion": None,
                    "error": None,
                },
            )
        if scenario.answer == "cancelled":
            novelty = scenario.novelty
            assert novelty is not None  # every cancelled scenario has its novelty
            return _json(
                HTTPStatus.OK,
                {
                    "ok": True,
                    "encontrado": True,
                    "data": {"nuip": cedula, "resolucion": novelty.resolution, "fecha_novedad": novelty.date},
                    "novedad": novelty.name,
                    "descripcion": novelty.description,
                    "error": None,
                },
            )
        return _json(
            HTTPStatus.OK, {"ok": True, "encontrado": False, "data": None, "mensaje": NOT_FOUND_TEXT, "error": None}
        )

    # infovotantes

    def _infovotantes(self, request: Request) -> Reply:
        path, method = request.path, request.method
        if path == INFO_PAGE_PATH and method == "GET":
            page = Template(_asset("infovotantes.html")).substitute(
                sitekey=SITEKEY_INFO, election_code=INFOVOTANTES_ELECTION_CODE
            )
            return _html(HTTPStatus.OK, page)
        if path == "/infovotantes/js/app.js" and method == "GET":
            return Reply(HTTPStatus.OK, _asset("infovotantes_app.js").encode(), "application/javascript; charset=utf-8")
        if path == INFO_LOOKUP_PATH and method == "POST":
            return self._info_lookup(request)
        if path in (INFO_PAGE_PATH, INFO_LOOKUP_PATH):
            return Reply(HTTPStatus.METHOD_NOT_ALLOWED)
        if path.startswith(INFO_API):
            return _json(HTTPStatus.NOT_FOUND, {"status": False, "status_code": 404, "message": "Not Found"})
        return not_found_page()

    def _info_lookup(self, request: Request) -> Reply:
        payload = _json_body(request)
        if payload is None:
            return _json(HTTPStatus.BAD_REQUEST, {"status": False, "status_code": 400, "message": "Solicitud inválida"})
        cedula = _as_text(payload.get("identification"))
        scenario = scenario_for(cedula)
        fault = self._edge_fault(scenario)
        if fault:
            return fault
        if scenario and scenario.name == "nonce_expired":
            return _json(HTTPStatus.UNAUTHORIZED, {"status": False, "status_code": 401, "message": "Sesión expirada"})
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        valid = scheme.lower() == "bearer" and self.tokens.consume(token.strip(), SITEKEY_INFO)
        if not valid or (scenario and scenario.name == "captcha_rejected"):
            return _json(
                HTTPStatus.FORBIDDEN, {"status": False, "status_code": 403, "message": "Token de captcha inválido"}
            )
        if scenario is None:
            return _json(
                HTTPStatus.BAD_REQUEST, {"status": False, "status_code": 400, "message": "Identificación inválida"}
            )
        if scenario.corpus is not None:
            return _corpus_reply(scenario.corpus, "infovotantes")
        scenario = scenario.on_front("infovotantes")
        fault = self._app_fault_or_delay(scenario)
        if fault:
            return fault
        if scenario.name == "upstream_timeout":
            return _json(
                HTTPStatus.GATEWAY_TIMEOUT, {"status": False, "status_code": 504, "message": "Gateway Timeout"}
            )
        if scenario.name == "unrecognised_layout":
            place = scenario.place
            assert place is not None  # the unrecognised layout still shows a place
            citizen = {"document": cedula, "voting_place": _unrecognised_place(place), "booth": place.mesa}
            return _json(HTTPStatus.OK, {"status": True, "data": {"citizen": citizen}})
        if scenario.answer == "active":
            place = scenario.place
            assert place is not None  # every active scenario has its polling place
            data = {
                "identification": cedula,
                "is_in_census": True,
                "stand": place.puesto,
                "table": place.mesa,
                "place_address": {
                    "state": place.departamento,
                    "town": place.municipio,
                    "address": place.direccion,
                    "zone": place.zona,
                },
                "novelty": [],
            }
            return _json(HTTPStatus.OK, {"status": True, "status_code": 200, "data": data})
        if scenario.answer == "cancelled":
            novelty = scenario.novelty
            assert novelty is not None  # every cancelled scenario has its novelty
            data = {
                "identification": cedula,
                "is_in_census": False,
                "novelty": [
                    {
                        "name": novelty.name,
                        "description": novelty.description,
                        "resolution": novelty.resolution,
                        "date": novelty.date,
                    }
                ],
            }
            return _json(HTTPStatus.OK, {"status": True, "status_code": 200, "data": data})
        return _json(
            HTTPStatus.NOT_FOUND,
            {"status": False, "status_code": 13, "message": "El documento no se encuentra en el censo."},
        )

    # widget, assets and control

    def _recaptcha(self, request: Request) -> Reply:
        if request.path == "/recaptcha/api.js" and request.method == "GET":
            return Reply(HTTPStatus.OK, _asset("recaptcha_api.js").encode(), "text/javascript; charset=utf-8")
        if request.path == "/recaptcha/api2/anchor" and request.method == "GET":
            sitekey = request.query.get("k", "")
            if sitekey not in SITEKEYS.values():
                return _json(HTTPStatus.BAD_REQUEST, {"error": "invalid-input-sitekey"})
            return _json(HTTPStatus.OK, {"token": self.tokens.issue(sitekey)}, (("Cache-Control", "no-store"),))
        return not_found_page()

    def _control(self, request: Request) -> Reply:
        path, method = request.path, request.method
        if path == "/__sim/assets/simulator.css" and method == "GET":
            return Reply(HTTPStatus.OK, _asset("simulator.css").encode(), "text/css; charset=utf-8")
        if path == "/__sim/control" and method == "GET":
            return _json(HTTPStatus.OK, self.state())
        if path == "/__sim/control" and method == "POST":
            changes = _json_body(request)
            if changes is None:
                return _json(HTTPStatus.BAD_REQUEST, {"error": "expected a JSON object"})
            try:
                return _json(HTTPStatus.OK, self.set_mode(**changes))
            except ValueError as error:
                return _json(HTTPStatus.BAD_REQUEST, {"error": str(error)})
        if path == "/__sim/reset" and method == "POST":
            return _json(HTTPStatus.OK, self.reset())
        if path in ("/__sim/control", "/__sim/reset"):
            return Reply(HTTPStatus.METHOD_NOT_ALLOWED)
        return not_found_page()


def _corpus_reply(corpus: CorpusAnswer, front: str) -> Reply:
    """The saved answer, verbatim, on its own front; a 500 elsewhere (a lookup fails over to it)."""
    if front != corpus.front:
        return server_error_page()
    return Reply(corpus.status, corpus.body, corpus.content_type)


_SOLVE_SETTINGS = ("solve_latency", "solve_seconds", "solve_seed", "solve_scale")
_SECONDS_SETTINGS = (
    "slow_seconds",
    "hang_seconds",
    "wsp_reload_hold_seconds",
    "solve_seconds",
    "client_interval_seconds",
)


def _validated_settings(changes: dict) -> dict:
    clean: dict = {}
    for name, value in changes.items():
        if name == "mode":
            if value not in MODES:
                raise ValueError(f"mode must be one of {', '.join(MODES)}")
            clean[name] = value
        elif name == "down":
            if not isinstance(value, list | tuple) or any(front not in FRONTS for front in value):
                raise ValueError(f"down must be a list of fronts among {', '.join(FRONTS)}")
            clean[name] = sorted(set(value), key=FRONTS.index)
        elif name in ("retry_after", "maintenance_retry_after"):
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise ValueError(f"{name} must be a whole number of seconds")
            clean[name] = value
        elif name == "solver_fault":
            if value not in ("", *SOLVER_FAULT_NAMES):
                raise ValueError(f"solver_fault must be empty or one of {', '.join(SOLVER_FAULT_NAMES)}")
            clean[name] = value
        elif name == "blocked_clients":
            if not isinstance(value, list | tuple) or not all(isinstance(client, str) and client for client in value):
                raise ValueError("blocked_clients must be a list of client addresses")
            clean[name] = sorted(set(value))
        elif name in _SECONDS_SETTINGS:
            if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
                raise ValueError(f"{name} must be a number of seconds")
            clean[name] = float(value)
        elif name == "solve_latency":
            if value not in SOLVE_LATENCIES:
                raise ValueError(f"solve_latency must be one of {', '.join(SOLVE_LATENCIES)}")
            clean[name] = value
        elif name == "solve_seed":
            if isinstance(value, bool) or not isinstance(value, int):
                raise ValueError("solve_seed must be a whole number")
            clean[name] = value
        elif name == "solve_scale":
            if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value < math.inf:
                raise ValueError("solve_scale must be a finite number, 0 or more")
            clean[name] = float(value)
        else:
            raise ValueError(f"unknown setting {name!r}")
    return clean


def _front_of(path: str) -> str | None:
    if path.startswith("/censo/"):
        return "wsp"
    if path == "/consultacenso" or path.startswith("/consultacenso/"):
        return "consultacenso"
    if path.startswith("/infovotantes/"):
        return "infovotantes"
    return None


def _looks_automated(request: Request) -> bool:
    """What the WAF catches: a default headless Chromium, or the page's telemetry cookie."""
    agent = request.headers.get("user-agent", "") + " " + request.headers.get("sec-ch-ua", "")
    return "HeadlessChrome" in agent or request.cookies.get("sim_wd") == "1"


def _waf_cookie() -> str:
    return f"TS01a2b3c4=01{secrets.token_hex(40)}; Path=/"


# --- HTTP plumbing -------------------------------------------------------------------------------


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    # Handler threads are daemons and held replies end on stop: never wait for them on close.
    block_on_close = False

    def __init__(self, address, handler, simulator: Simulator):
        self.simulator = simulator
        super().__init__(address, handler)

    def server_bind(self):
        # HTTPServer.server_bind would resolve the host's FQDN, which can stall on a closed network.
        socketserver.TCPServer.server_bind(self)
        # An AF_INET server: its address is (host, port).
        self.server_name, self.server_port = cast(tuple[str, int], self.server_address[:2])

    def handle_error(self, request, client_address):
        # A broken connection or a failed TLS handshake: nothing to answer, nothing to crash.
        logger.debug("simulator connection error", exc_info=True)


class _Handler(BaseHTTPRequestHandler):
    server: _Server  # the server that made this handler (BaseRequestHandler types it as any BaseServer)
    server_version = "Apache"
    sys_version = ""
    timeout = 30  # idle or stuck clients give their thread back

    def do_GET(self):
        self._serve()

    def do_POST(self):
        self._serve()

    def do_HEAD(self):
        self._serve()

    def do_PUT(self):
        self._serve()

    def do_DELETE(self):
        self._serve()

    def do_OPTIONS(self):
        self._serve()

    def do_PATCH(self):
        self._serve()

    def route(self, request: Request) -> Reply:
        raise NotImplementedError

    def _serve(self) -> None:
        try:
            reply = self._reply()
        except _Dropped:
            self.close_connection = True
            return
        try:
            self._send(reply)
        except (ConnectionError, TimeoutError, ssl.SSLError):
            self.close_connection = True

    def _reply(self) -> Reply:
        length = self.headers.get("Content-Length", "0") or "0"
        if not length.isdigit():
            return _text(HTTPStatus.BAD_REQUEST, "Bad Request")
        if int(length) > MAX_BODY_BYTES:
            self.close_connection = True
            return _text(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "Request Entity Too Large")
        try:
            body = self.rfile.read(int(length)) if int(length) else b""
            parts = urlsplit(self.path)
            query = {name: values[0] for name, values in parse_qs(parts.query, keep_blank_values=True).items()}
            request = Request(
                self.command,
                parts.path,
                query,
                {name.lower(): value for name, value in self.headers.items()},
                body,
                client=str(self.client_address[0]),
            )
            return self.route(request)
        except _Dropped:
            raise
        except (ConnectionError, TimeoutError):
            raise _Dropped from None
        except Exception as error:
            # The exception text may quote request data: log its type only.
            logger.error("simulator handler failed on %s %s: %s", self.command, self._log_path(), type(error).__name__)
            logger.debug("simulator handler traceback", exc_info=True)
            return server_error_page()

    def _send(self, reply: Reply) -> None:
        self.send_response(reply.status)
        for name, value in reply.headers:
            self.send_header(name, value)
        if reply.status not in (HTTPStatus.NO_CONTENT, HTTPStatus.NOT_MODIFIED):
            self.send_header("Content-Type", reply.content_type)
            self.send_header("Content-Length", str(len(reply.body)))
        self.send_header("Connection", "close")
        self.close_connection = True
        self.end_headers()
        if self.command != "HEAD" and reply.body:
            self.wfile.write(reply.body)

    # Access log: method, path and status only. Query strings and bodies may carry a cédula or a key.
    def _log_path(self) -> str:
        return urlsplit(getattr(self, "path", "") or "").path or "-"

    def log_request(self, code="-", size="-"):
        logger.debug("%s %s %s", getattr(self, "command", "-"), self._log_path(), getattr(code, "value", code))

    def log_error(self, format, *args):
        logger.debug("%s %s: rejected request", getattr(self, "command", "-"), self._log_path())

    def log_message(self, format, *args):
        logger.debug("%s %s", getattr(self, "command", "-"), self._log_path())


class _FrontHandler(_Handler):
    def route(self, request: Request) -> Reply:
        return self.server.simulator.handle_front(request)


class _SolverHandler(_Handler):
    server_version = "nginx"

    def setup(self):
        # The TLS handshake runs here, in the connection's own thread, not in the accept loop.
        self.request.settimeout(self.timeout)
        self.request.do_handshake()
        super().setup()

    def route(self, request: Request) -> Reply:
        return self.server.simulator.handle_solver(request)
