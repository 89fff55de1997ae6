"""The lookup contract between the state machine and the Registraduría adapter: the outcomes, the
fields, the result type, and which lookup function the workers call.

`VERIFICATION_LOOKUP_BACKEND` is a dotted path to `lookup(cedula, *, deadline_s) -> LookupResult`.
It never raises for site behaviour: every failure comes back classified (`error` or `blocked`, with
a short machine `reason`). The request it runs for is `current_request_id()` (set by the service
with `for_request`): what a captcha token taken for the lookup is booked against.
"""

import os
import socket
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Protocol

from django.conf import settings
from django.utils.module_loading import import_string

OUTCOMES = ("active", "cancelled", "not_found", "blocked", "error")
# The census answered: a final result (the other two are failures, retried or left to staff).
FINAL_OUTCOMES = frozenset({"active", "cancelled", "not_found"})

# What a record keeps of an answer (CedulaInfo's columns), and every field a front can report (the
# person's number too, which is never stored). Values are as displayed (whitespace collapsed,
# entities decoded); absent ones are None.
RESULT_FIELDS = (
    "departamento",
    "municipio",
    "zona",
    "puesto",
    "direccion",
    "mesa",
    "novedad",
    "resolucion",
    "fecha_novedad",
)
FIELD_NAMES = ("nuip", *RESULT_FIELDS)


def empty_fields() -> dict[str, str | None]:
    return dict.fromkeys(FIELD_NAMES)


@dataclass(frozen=True)
class LookupResult:
    """A classified answer. `reason` is a short machine word (`ok`, `waf_block`, `captcha_unsolved`,
    `unrecognised_layout`, `not_found_confirmed`, …); `evidence` a bounded, redacted list of what each
    attempt saw (front, HTTP status, milliseconds, reason): never page HTML, never the cédula."""

    outcome: str
    fields: dict[str, Any] = field(default_factory=empty_fields)
    reason: str = "ok"
    site: str = ""
    retry_after: float | None = None
    evidence: list[dict[str, Any]] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.outcome not in OUTCOMES:
            raise ValueError(f"unknown outcome {self.outcome!r}")


class Lookup(Protocol):
    def __call__(self, cedula: str, *, deadline_s: float) -> LookupResult: ...


@cache
def _backend(path: str) -> Lookup:
    lookup: Lookup = import_string(path)
    return lookup


def get_lookup() -> Lookup:
    return _backend(settings.VERIFICATION_LOOKUP_BACKEND)


_request_id: ContextVar[str] = ContextVar("lookup_request_id", default="")


@contextmanager
def for_request(request_id: str) -> Iterator[None]:
    """Run a lookup on behalf of `request_id` (a CedulaInfo's current request)."""
    token = _request_id.set(str(request_id))
    try:
        yield
    finally:
        _request_id.reset(token)


def holder_id() -> str:
    """Who holds a lease (a lookup claim, a turn on a site, the captcha pipeline): this host and
    process, plus a random part so two holders in one process never look alike."""
    return f"{socket.gethostname()[:40]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def current_request_id() -> str:
    """The request the running lookup is for ("" outside `for_request`)."""
    return _request_id.get()
