"""A deterministic stand-in for the Registraduría lookup, for service tests and process tests that
are about the state machine, not the browser (the scraper's own tests use the simulator).

The outcome is chosen by the cédula's last digit; FAKE_LOOKUP_DELAY (seconds) makes each lookup
slow enough to kill a worker in the middle of it; FAKE_LOOKUP_LOG appends one line per lookup
(the worker's pid and the cédula's hash, never the number) so tests can count lookups across processes.
FAKE_LOOKUP_OVERRIDE_FILE names a file whose contents, when present and not empty, are an outcome
("active", "cancelled", "not_found", "error", "blocked") that wins over the last digit: a test writes
it to make the "site" recover (or fail) between two lookups of the same cédula.
"""

import hashlib
import os
import time
from functools import partial

from verification.lookup import LookupResult

# The product's own result type (verification.lookup), from a site named "fake".
FakeResult = partial(LookupResult, site="fake")


ACTIVE_FIELDS = {
    "nuip": None,
    "departamento": "ANTIOQUIA",
    "municipio": "MEDELLÍN",
    "zona": "01",
    "puesto": "I.E. MARCO FIDEL SUÁREZ",
    "direccion": "CRA 80 # 33-45",
    "mesa": "12",
}
CANCELLED_FIELDS = {"novedad": "CANCELADA POR MUERTE", "resolucion": "1234", "fecha_novedad": "2019-05-02"}

BY_LAST_DIGIT = {
    "0": FakeResult("active", ACTIVE_FIELDS),
    "1": FakeResult("active", ACTIVE_FIELDS),
    "2": FakeResult("cancelled", CANCELLED_FIELDS),
    "3": FakeResult("not_found"),
    "4": FakeResult("error", reason="http_503", evidence=[{"front": "wsp", "status": 503, "ms": 12}]),
    "5": FakeResult("blocked", reason="waf_block", evidence=[{"front": "wsp", "status": 500, "ms": 30}]),
    "6": FakeResult("blocked", reason="captcha_unsolved"),
}


BY_OUTCOME = {
    "active": BY_LAST_DIGIT["0"],
    "cancelled": BY_LAST_DIGIT["2"],
    "not_found": BY_LAST_DIGIT["3"],
    "error": BY_LAST_DIGIT["4"],
    "blocked": BY_LAST_DIGIT["5"],
}


def _override() -> LookupResult | None:
    path = os.environ.get("FAKE_LOOKUP_OVERRIDE_FILE")
    if not path:
        return None
    try:
        with open(path) as override:
            outcome = override.read().strip()
    except FileNotFoundError:
        return None
    return BY_OUTCOME[outcome] if outcome else None


def result_for(cedula: str) -> LookupResult:
    return _override() or BY_LAST_DIGIT.get(cedula[-1], FakeResult("active", ACTIVE_FIELDS))


def lookup(cedula: str, *, deadline_s: float | None = None) -> LookupResult:
    log_path = os.environ.get("FAKE_LOOKUP_LOG")
    if log_path:
        with open(log_path, "a") as log:
            log.write(f"{os.getpid()} {hashlib.sha256(cedula.encode()).hexdigest()[:16]}\n")
    delay = float(os.environ.get("FAKE_LOOKUP_DELAY", "0"))
    if delay:
        time.sleep(delay)  # stands in for a slow browser; tests kill the worker meanwhile
    return result_for(cedula)
