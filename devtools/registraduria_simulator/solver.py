"""The simulated reCAPTCHA token store and the 2Captcha-compatible solver API (in.php / res.php)."""

import hmac
import logging
import secrets
import threading
import time
from collections import deque
from http import HTTPStatus
from typing import TYPE_CHECKING, Any

from devtools.registraduria_simulator.plumbing import Reply, Request, _form_fields, _json, _text
from devtools.registraduria_simulator.scenarios import MAX_SOLVER_JOBS, SITEKEYS, TOKEN_TTL_SECONDS

logger = logging.getLogger(__name__)

# --- Token store ---------------------------------------------------------------------------------


class TokenStore:
    """reCAPTCHA answers, shared by the solver, the widget and the fronts (thread-safe)."""

    def __init__(self, ttl_seconds: float = TOKEN_TTL_SECONDS, clock=time.monotonic):
        self.ttl_seconds = ttl_seconds
        self.clock = clock  # tests may swap in a fake clock
        self._lock = threading.Lock()
        self._tokens: dict[str, tuple[str, float]] = {}

    def issue(self, sitekey: str) -> str:
        """A fresh token for `sitekey`, valid for `ttl_seconds` and one use."""
        token = "03AFcWeA" + secrets.token_urlsafe(180)
        now = self.clock()
        with self._lock:
            expired = [key for key, (_, issued) in self._tokens.items() if now - issued > self.ttl_seconds]
            for key in expired:
                del self._tokens[key]
            self._tokens[token] = (sitekey, now)
        return token

    def consume(self, token: str, sitekey: str) -> bool:
        """True when `token` is unused, unexpired and for `sitekey`. Any attempt uses the token up,
        as Google's verification does."""
        if not token:
            return False
        with self._lock:
            entry = self._tokens.pop(token, None)
        if entry is None:
            return False
        token_sitekey, issued = entry
        return token_sitekey == sitekey and self.clock() - issued <= self.ttl_seconds


# What the solver answers, whatever was asked, in each fault mode (`set_mode(solver_fault=…)`).
SOLVER_FAULTS: dict[str, Reply] = {
    "html": Reply(HTTPStatus.OK, b"<html><body><h1>502 Bad Gateway</h1></body></html>", "text/html"),
    "empty": Reply(HTTPStatus.OK, b"", "text/plain"),
    "json_for_text": Reply(HTTPStatus.OK, b'{"status": 1, "request": "4503599627"}', "application/json"),
    "garbage": Reply(HTTPStatus.OK, "\x00\ufffd OK? |||".encode(), "text/plain"),
    "http_500": Reply(HTTPStatus.INTERNAL_SERVER_ERROR, b"Internal Server Error", "text/plain"),
    "not_ready_forever": Reply(HTTPStatus.OK, b"CAPCHA_NOT_READY", "text/plain"),
}
SOLVER_FAULT_NAMES = (*SOLVER_FAULTS, "hang")


class SolverAPI:
    """The solver's HTTPS port, mixed into `Simulator` (which holds the jobs, the lock and the key)."""

    # What Simulator provides, declared for the type checker (annotations only: nothing is set here).
    _lock: threading.Lock
    _jobs: dict[str, list[Any]]
    _solves: deque[float]
    _solver_requests: deque[tuple[str, str]]
    solver_key: str
    solve_seconds: float
    tokens: TokenStore

    if TYPE_CHECKING:

        def _setting(self, name: str) -> Any: ...
        def _hold(self, seconds: float) -> None: ...

    def handle_solver(self, request: Request) -> Reply:
        fault = self._setting("solver_fault")
        # "not_ready_forever" takes the job, then never has the answer.
        if fault and not (fault == "not_ready_forever" and request.path == "/in.php"):
            return self._solver_fault(fault, request)
        params = dict(request.query)
        if request.method == "POST":
            params.update(_form_fields(request))
        as_json = params.get("json") == "1"
        if request.path == "/in.php" and request.method in ("GET", "POST"):
            return _solver_reply(self._solver_in(params), as_json)
        if request.path == "/res.php" and request.method in ("GET", "POST"):
            return _solver_reply(self._solver_res(params), as_json)
        return _text(HTTPStatus.NOT_FOUND, "Not Found")

    def _solver_fault(self, fault: str, request: Request) -> Reply:
        """Replies a real captcha service has been seen to give besides its protocol (a proxy's error
        page, an outage, a changed API): counted like any other request."""
        with self._lock:
            self._solver_requests.append((request.path, fault))
        if fault == "hang":
            self._hold(self._setting("hang_seconds"))
            return _text(HTTPStatus.OK, "CAPCHA_NOT_READY")
        return SOLVER_FAULTS[fault]

    def _key_ok(self, params: dict[str, str]) -> bool:
        return not self.solver_key or hmac.compare_digest(params.get("key", "").encode(), self.solver_key.encode())

    def _solver_in(self, params: dict[str, str]) -> str:
        if not self._key_ok(params):
            return "ERROR_WRONG_USER_KEY"
        if params.get("method") != "userrecaptcha":
            return "ERROR_BAD_PARAMETERS"
        sitekey = params.get("googlekey", "")
        if sitekey not in SITEKEYS.values():
            return "ERROR_GOOGLEKEY"
        if not params.get("pageurl"):
            return "ERROR_PAGEURL"
        with self._lock:
            job_id = str(10**10 + secrets.randbelow(9 * 10**10))
            while len(self._jobs) >= MAX_SOLVER_JOBS:
                del self._jobs[next(iter(self._jobs))]
            self._jobs[job_id] = [sitekey, time.monotonic(), None]
            self._solves.append(time.time())
        return f"OK|{job_id}"

    def _solver_res(self, params: dict[str, str]) -> str:
        if not self._key_ok(params):
            return "ERROR_WRONG_USER_KEY"
        action = params.get("action", "")
        if action == "getbalance":
            return "9.87"
        if action not in ("get", "reportbad", "reportgood"):
            return "ERROR_EMPTY_ACTION"
        with self._lock:
            job = self._jobs.get(params.get("id", ""))
        if job is None:
            return "ERROR_WRONG_CAPTCHA_ID"
        if action != "get":
            return "OK_REPORT_RECORDED"
        sitekey, submitted, token = job
        if token is None:
            if time.monotonic() - submitted < self.solve_seconds:
                return "CAPCHA_NOT_READY"
            token = self.tokens.issue(sitekey)
            with self._lock:
                job[2] = job[2] or token
                token = job[2]
        return f"OK|{token}"


def _solver_reply(answer: str, as_json: bool) -> Reply:
    """2Captcha answers 200 always: `OK|value`, a bare value, or an error word (or JSON with json=1)."""
    if not as_json:
        return _text(HTTPStatus.OK, answer)
    ok = answer.startswith("OK") or answer.replace(".", "", 1).isdigit()
    value = answer[3:] if answer.startswith("OK|") else answer
    return _json(HTTPStatus.OK, {"status": 1 if ok else 0, "request": value})
