"""The simulated reCAPTCHA token store, the solve-latency model and the 2Captcha-compatible solver API
(in.php / res.php)."""

import hmac
import logging
import math
import random
import secrets
import threading
import time
from collections import deque
from dataclasses import dataclass
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


# --- Solve latency -------------------------------------------------------------------------------

SOLVE_LATENCIES = ("fixed", "realistic")
# The realistic model of a human-backed captcha service's reCAPTCHA v2 times: a log-normal whose median
# is 20 s and whose p90 is twice that (sigma = ln 2 / z(0.9), z(0.9) = 1.2816), capped at 150 s.
REALISTIC_MEDIAN_SECONDS = 20.0
REALISTIC_P90_SECONDS = 40.0
REALISTIC_MAX_SECONDS = 150.0
REALISTIC_SIGMA = math.log(REALISTIC_P90_SECONDS / REALISTIC_MEDIAN_SECONDS) / 1.2816
UNSOLVABLE_SHARE = 0.03  # of realistic jobs, answered ERROR_CAPTCHA_UNSOLVABLE once their latency has passed
DEFAULT_SOLVE_SEED = 2040  # fixed, so two runs of a drill or a bench see the same solves


class SolveLatency:
    """How long each captcha job takes, and whether it is solved at all (thread-safe).

    `fixed`: every job takes `seconds` and is solved. `realistic`: each draw comes from a generator
    seeded with `seed` (the same seed gives the same sequence): a log-normal latency (median 20 s,
    p90 40 s, at most 150 s), and 3% of jobs unsolvable. `scale` multiplies every latency, fixed or
    drawn, so tests and drills can run the same shape faster.
    """

    def __init__(
        self, mode: str = "fixed", *, seconds: float = 1.0, seed: int = DEFAULT_SOLVE_SEED, scale: float = 1.0
    ):
        if mode not in SOLVE_LATENCIES:
            raise ValueError(f"mode must be one of {', '.join(SOLVE_LATENCIES)}")
        self.mode = mode
        self.seconds = seconds
        self.scale = scale
        self._lock = threading.Lock()
        self._random = random.Random(seed)

    def reseed(self, seed: int) -> None:
        with self._lock:
            self._random.seed(seed)

    def draw(self) -> tuple[float, bool]:
        """(seconds until the job is answered, whether the answer is a token)."""
        if self.mode == "fixed":
            return self.seconds * self.scale, True
        with self._lock:
            # Both values are drawn for every job, so the sequence of latencies depends on the seed alone.
            seconds = self._random.lognormvariate(math.log(REALISTIC_MEDIAN_SECONDS), REALISTIC_SIGMA)
            solvable = self._random.random() >= UNSOLVABLE_SHARE
        return min(seconds, REALISTIC_MAX_SECONDS) * self.scale, solvable


@dataclass
class SolverJob:
    """One in.php submission: its latency and outcome are drawn when it arrives."""

    sitekey: str
    submitted: float  # time.monotonic()
    latency: float
    solvable: bool
    token: str | None = None
    answered: bool = False  # its token (or its unsolvable answer) has been given at least once


# --- Solver API ----------------------------------------------------------------------------------

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
    _jobs: dict[str, SolverJob]
    _solves: deque[float]
    _solver_requests: deque[tuple[str, str]]
    _solver_counts: dict[str, int]
    _solver_latencies: deque[float]
    _latency: SolveLatency
    solver_key: str
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
            latency, solvable = self._latency.draw()
            self._jobs[job_id] = SolverJob(sitekey, time.monotonic(), latency, solvable)
            self._solves.append(time.time())
            self._solver_counts["submitted"] += 1
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
        if time.monotonic() - job.submitted < job.latency:
            return "CAPCHA_NOT_READY"
        if not job.solvable:
            self._answered(job, "unsolvable")
            return "ERROR_CAPTCHA_UNSOLVABLE"
        if job.token is None:
            token = self.tokens.issue(job.sitekey)
            with self._lock:
                job.token = job.token or token
        self._answered(job, "delivered")
        return f"OK|{job.token}"

    def _answered(self, job: SolverJob, outcome: str) -> None:
        """Count a job once, on its first answer (polling again repeats the answer, as 2Captcha does)."""
        with self._lock:
            if job.answered:
                return
            job.answered = True
            self._solver_counts[outcome] += 1
            if outcome == "delivered":
                self._solver_latencies.append(job.latency)


def _solver_reply(answer: str, as_json: bool) -> Reply:
    """2Captcha answers 200 always: `OK|value`, a bare value, or an error word (or JSON with json=1)."""
    if not as_json:
        return _text(HTTPStatus.OK, answer)
    ok = answer.startswith("OK") or answer.replace(".", "", 1).isdigit()
    value = answer[3:] if answer.startswith("OK|") else answer
    return _json(HTTPStatus.OK, {"status": 1 if ok else 0, "request": value})
