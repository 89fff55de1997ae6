"""Events of the `cedula` stream (one stream per CedulaInfo). Every state change is one event.

Payloads name the person by id only; the raw cédula never appears. `fields` (the voting place or
the cancellation) are PERSONAL_FIELDS: stored encrypted with the person's key (core.personal_data).
"""

from dataclasses import dataclass, field
from typing import Any

from core.events import DomainEvent, register_event, register_upcaster

STREAM_TYPE = "cedula"


@register_event
@dataclass(frozen=True, kw_only=True)
class CedulaVerificationRequested(DomainEvent):
    """A lookup was asked for: at registration, by an automatic or support retry, a person's refresh,
    or the sweeper re-sending a lost one. The state becomes (or stays) `pending`."""

    TYPE = "verification.CedulaVerificationRequested"
    VERSION = 1
    STREAM_TYPE = STREAM_TYPE

    cedula_info_id: int
    user_id: int
    request_id: str
    transition: str
    from_state: str  # "" when the record is created
    attempt: int
    reason: str
    requested_at: str  # ISO 8601


@register_event
@dataclass(frozen=True, kw_only=True)
class CedulaVerificationCompleted(DomainEvent):
    """The census answered: `outcome` is active, cancelled or not_found (final results)."""

    TYPE = "verification.CedulaVerificationCompleted"
    VERSION = 2
    STREAM_TYPE = STREAM_TYPE
    PERSONAL_FIELDS = ("fields",)  # where the person votes, or why their document was cancelled
    SUBJECT_FIELD = "user_id"

    cedula_info_id: int
    user_id: int
    request_id: str
    transition: str
    outcome: str
    site: str
    fields: dict[str, Any] = field(default_factory=dict)
    attempt: int
    checked_at: str
    task_id: str = ""
    duration_ms: int | None = None  # how long the lookup took (None when not measured)
    # v2: "ok", or how a not-found was checked on a second front ("not_found_confirmed",
    # "not_found_contradicted", "not_found_unconfirmed"); every front's attempt, as on failures.
    reason: str = "ok"
    evidence: list[dict[str, Any]] = field(default_factory=list)


@register_upcaster(CedulaVerificationCompleted.TYPE, from_version=1)
def _completed_v1_to_v2(payload: dict[str, Any]) -> dict[str, Any]:
    """v1 had no reason nor evidence: a plain answer."""
    return {**payload, "reason": "ok", "evidence": []}


@register_event
@dataclass(frozen=True, kw_only=True)
class CedulaVerificationFailed(DomainEvent):
    """The lookup could not give a result: `outcome` is error (transient) or blocked."""

    TYPE = "verification.CedulaVerificationFailed"
    VERSION = 1
    STREAM_TYPE = STREAM_TYPE

    cedula_info_id: int
    request_id: str
    transition: str
    outcome: str
    reason: str
    site: str
    attempt: int
    checked_at: str
    next_retry_at: str | None
    evidence: list[dict[str, Any]] = field(default_factory=list)
    task_id: str = ""
    duration_ms: int | None = None


@register_event
@dataclass(frozen=True, kw_only=True)
class CedulaPersonalDataErased(DomainEvent):
    """The person erased their account: the record is unlinked from them, keeps no census data and
    moves from `from_state` to `state` (erased). Version 1 (before the erased state existed) left
    the state as it was: its `state` is both."""

    TYPE = "verification.CedulaPersonalDataErased"
    VERSION = 2
    STREAM_TYPE = STREAM_TYPE

    cedula_info_id: int
    transition: str
    from_state: str
    state: str
    attempt: int


@register_upcaster(CedulaPersonalDataErased.TYPE, from_version=1)
def _erased_v1_to_v2(payload: dict[str, Any]) -> dict[str, Any]:
    """v1 did not change the state: it went from that state to the same one."""
    return {**payload, "from_state": payload["state"]}


@register_event
@dataclass(frozen=True, kw_only=True)
class CedulaCensusDataViewed(DomainEvent):
    """A superuser opened a record in the admin with its census answer unmasked (who saw what, and
    when: the actor and time are in the metadata). Its own stream per record, outside `cedula`."""

    TYPE = "verification.CedulaCensusDataViewed"
    VERSION = 1
    STREAM_TYPE = "census_views"

    cedula_info_id: int


# Every event of the stream: what a reader of `envelope.event` on a `cedula` stream holds.
CedulaEvent = (
    CedulaVerificationRequested | CedulaVerificationCompleted | CedulaVerificationFailed | CedulaPersonalDataErased
)


ALERT_STREAM_TYPE = "alert"


@register_event
@dataclass(frozen=True, kw_only=True)
class StaffAlertRaised(DomainEvent):
    """A condition support staff must know about began (one episode): `kind` is failure_rate,
    breaker_open, captcha_budget_low or pending_overdue; `detail` says what was measured (no
    personal data). The support staff are mailed once per episode."""

    TYPE = "verification.StaffAlertRaised"
    VERSION = 1
    STREAM_TYPE = ALERT_STREAM_TYPE

    alert_id: int
    kind: str
    detail: str


@register_event
@dataclass(frozen=True, kw_only=True)
class StaffAlertCleared(DomainEvent):
    """The condition of alert `alert_id` no longer holds: its episode ended."""

    TYPE = "verification.StaffAlertCleared"
    VERSION = 1
    STREAM_TYPE = ALERT_STREAM_TYPE

    alert_id: int
    kind: str
    detail: str
