"""Every CedulaInfo transition goes through here: lock the row, call the transition method (fields
only), save, append the event (+ outbox where consumed) and write the audit row, in ONE transaction.
"""

import functools
import logging
import random
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django_fsm import TransitionNotAllowed, can_proceed

from accounts.models import User
from core import event_store
from core.event_store import Metadata
from core.events import EventEnvelope
from core.exceptions import ApplicationError
from verification.events import (
    STREAM_TYPE,
    CedulaCensusDataViewed,
    CedulaEvent,
    CedulaPersonalDataErased,
    CedulaVerificationCompleted,
    CedulaVerificationFailed,
    CedulaVerificationRequested,
)
from verification.lookup import OUTCOMES, LookupResult, for_request, get_lookup, holder_id
from verification.models import TRANSITION_METHODS, CedulaInfo, LookupClaim, PersonLookupRequest, TransitionLog
from verification.projections import audit_row_from_envelope
from verification.states import CedulaStatus, Transition

logger = logging.getLogger(__name__)

S = CedulaStatus
# Blocks that waiting cannot cure: a person (support) must act, so no automatic retry is planned.
BLOCK_REASONS_WITHOUT_AUTO_RETRY = frozenset({"captcha_unsolved"})
MAX_REASON_LENGTH = 300
# A lookup claim outlives the lookup's own deadline by this much (the browser thread's margin and
# the recording of the result), then a redelivery may take it over: its worker died.
CLAIM_MARGIN_SECONDS = 15.0


class LookupBusy(Exception):
    """The request's lookup is running under another delivery's live claim, until `until`."""

    def __init__(self, until: datetime):
        super().__init__(f"lookup claimed until {until.isoformat()}")
        self.until = until


class LookupNotYet(LookupBusy):
    """The cédula's allowance of lookups asked for by people is spent: this one waits until `until`
    (its delivery is deferred, not failed)."""


# --- The allowance of lookups people ask for, per cédula ----------------------------------------
# Re-checks a person asks for are limited per cédula (its keyed hash), across records: an Actualizar
# counts, and so does a registration of a cédula asked about in the last day (erasing the account and
# registering again is a re-check). A first registration does not count. Limits:
# VERIFICATION_REFRESH_PER_HOUR and VERIFICATION_REFRESH_PER_DAY.
CEDULA_KEY_SALT = "pagina-madre.verification.person-lookups"
ALLOWANCE_WINDOW_MAX = timedelta(days=1)


def cedula_keyed_hash(cedula: str) -> str:
    """The cédula as the allowance knows it: an HMAC with the secret key (migration 0010 repeats it)."""
    return salted_hmac(CEDULA_KEY_SALT, cedula).hexdigest()


def _allowances() -> list[tuple[timedelta, int]]:
    return [
        (timedelta(hours=1), settings.VERIFICATION_REFRESH_PER_HOUR),
        (timedelta(days=1), settings.VERIFICATION_REFRESH_PER_DAY),
    ]


def _person_lookup_record(*, cedula: str, request_id: uuid.UUID, at: datetime, registration: bool, source: str) -> None:
    key = cedula_keyed_hash(cedula)
    counted = not registration or (
        PersonLookupRequest.objects.filter(cedula_key=key, requested_at__gte=at - ALLOWANCE_WINDOW_MAX).exists()
    )
    PersonLookupRequest.objects.create(
        cedula_key=key, request_id=request_id, requested_at=at, counted=counted, source=source
    )


def person_lookups_free_at(*, cedula: str, now: datetime) -> datetime | None:
    """When the cédula may ask for one more re-check (None: now)."""
    return _free_at(key=cedula_keyed_hash(cedula), before=now, now=now)


def _free_at(*, key: str, before: datetime, now: datetime, exclude: uuid.UUID | None = None) -> datetime | None:
    """When one more re-check than those of `key` asked by `before` fits every limit (None: now)."""
    free_at: datetime | None = None
    for window, allowance in _allowances():
        asks = PersonLookupRequest.objects.filter(
            cedula_key=key, counted=True, requested_at__gte=before - window, requested_at__lte=before
        )
        if exclude is not None:
            asks = asks.exclude(request_id=exclude)
        if allowance <= 0:
            return now + window
        times = list(asks.order_by("-requested_at").values_list("requested_at", flat=True)[:allowance])
        if len(times) >= allowance:
            # The allowance-th newest re-check must leave the window first.
            candidate = times[allowance - 1] + window
            if candidate > now and (free_at is None or candidate > free_at):
                free_at = candidate
    return free_at


def person_lookup_not_before(*, request_id: str) -> datetime | None:
    """For a re-check a person asked for: when their cédula's limits let it run (None: now; also for
    a first registration's lookup and for lookups the system or staff asked for, which never count)."""
    ask = PersonLookupRequest.objects.filter(request_id=request_id, counted=True).first()
    if ask is None:
        return None
    return _free_at(key=ask.cedula_key, before=ask.requested_at, now=timezone.now(), exclude=ask.request_id)


def person_lookup_fair_turn(*, request_id: str) -> datetime | None:
    """The lookup queue takes turns between the networks people registered from: a lookup whose
    network had one start within VERIFICATION_FAIR_WINDOW_SECONDS waits (until then) while a person
    of another network waits for theirs; one flood delays everyone else by one turn at most, not by
    its length. None: it may run now (also for lookups of staff, scripts and the system)."""
    window_seconds: int = settings.VERIFICATION_FAIR_WINDOW_SECONDS
    if window_seconds <= 0:
        return None
    ask = PersonLookupRequest.objects.filter(request_id=request_id).exclude(source="").first()
    if ask is None:
        return None
    now = timezone.now()
    window = timedelta(seconds=window_seconds)
    recent = (
        PersonLookupRequest.objects.filter(source=ask.source, started_at__gte=now - window)
        .exclude(request_id=ask.request_id)
        .order_by("-started_at")
        .values_list("started_at", flat=True)
        .first()
    )
    if recent is None:
        return None
    waiting = PersonLookupRequest.objects.filter(
        started_at__isnull=True, requested_at__gte=now - ALLOWANCE_WINDOW_MAX, requested_at__lte=now
    ).exclude(source=ask.source)
    waiting = waiting.filter(Q(held_until__isnull=True) | Q(held_until__lte=now))
    others = CedulaInfo.objects.filter(status=S.PENDING, request_id__in=waiting.values("request_id")).exists()
    return recent + window if others else None


def person_lookup_requests_purge(*, now: datetime | None = None) -> int:
    """Delete the asks no allowance window reaches any more (the sweeper calls this)."""
    now = now or timezone.now()
    deleted, _ = PersonLookupRequest.objects.filter(requested_at__lt=now - ALLOWANCE_WINDOW_MAX).delete()
    return deleted


@dataclass(frozen=True)
class Actor:
    """Who causes a transition: the system, the person, or a staff user."""

    kind: str  # "system" | "user" | "staff"
    user_id: int | None = None

    def __str__(self) -> str:
        return self.kind if self.user_id is None else f"{self.kind}:{self.user_id}"


SYSTEM = Actor("system")


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _record(*, info: CedulaInfo, from_state: str, event: CedulaEvent, metadata: Metadata) -> TransitionLog:
    """Save the transitioned row, append its event, and write the audit row (caller's transaction)."""
    info.version += 1
    info.save()
    stored = event_store.append(
        stream_id=info.pk, events=[event], metadata=metadata, expected_version=info.version - 1
    )[0]
    envelope = event_store.to_envelope(stored)
    log = TransitionLog(**audit_row_from_envelope(envelope))
    log.save()
    logger.info("cedula_info %s: %s -> %s (%s)", info.pk, from_state or "-", info.status, event.transition)
    return log


def _request_event(info: CedulaInfo, *, transition: str, from_state: str, reason: str) -> CedulaVerificationRequested:
    return CedulaVerificationRequested(
        cedula_info_id=info.pk,
        user_id=info.user_id,  # type: ignore[arg-type]  # set: only an erased record has none
        request_id=str(info.request_id),
        transition=transition,
        from_state=from_state,
        attempt=info.attempts,
        reason=reason[:MAX_REASON_LENGTH],
        requested_at=info.requested_at.isoformat(),
    )


@transaction.atomic
def cedula_info_open(*, user_id: int, cause: EventEnvelope) -> CedulaInfo | None:
    """Create the person's CedulaInfo in `pending` and ask for the first lookup (idempotent). None,
    doing nothing, when the person erased their account before this ran.

    The person's row is locked first, as `user_erase` does: an erasure either finished before (the
    person is gone) or waits for this record and then erases it too."""
    person = User.objects.select_for_update().filter(pk=user_id).values_list("cedula", "registration_source").first()
    if person is None:
        logger.info("user %s erased their account before their record was opened: nothing to open", user_id)
        return None
    existing = CedulaInfo.objects.filter(user_id=user_id).first()
    if existing is not None:
        return existing
    now = timezone.now()
    info = CedulaInfo.opened(user_id=user_id, request_id=uuid.uuid4(), requested_at=now)
    info.save(force_insert=True)
    cedula, source = person
    _person_lookup_record(cedula=cedula, request_id=info.request_id, at=now, registration=True, source=source)
    event = _request_event(info, transition=Transition.REQUEST, from_state="", reason="registro")
    _record(info=info, from_state="", event=event, metadata=Metadata.caused_by(cause))
    return info


def _lock(cedula_info_id: int) -> CedulaInfo:
    return CedulaInfo.objects.select_for_update().get(pk=cedula_info_id)


def _backoff_seconds(attempt: int) -> float:
    """Exponential backoff with jitter for transient errors."""
    base = settings.VERIFICATION_RETRY_BASE_SECONDS * (2 ** max(0, attempt - 1))
    capped = min(settings.VERIFICATION_RETRY_MAX_SECONDS, base)
    return random.uniform(capped * 0.5, capped)  # noqa: S311 - jitter, not security


def _next_retry_at(
    info: CedulaInfo, *, outcome: str, reason: str, retry_after: float | None, now: datetime
) -> datetime | None:
    if info.attempts >= settings.VERIFICATION_MAX_ATTEMPTS:
        return None  # rests in error/blocked until a person acts
    if outcome == "blocked":
        if reason in BLOCK_REASONS_WITHOUT_AUTO_RETRY:
            return None
        # Never a hammering loop: wait at least the breaker's cool-down (or the site's Retry-After).
        return now + timedelta(seconds=max(settings.VERIFICATION_BLOCKED_COOLDOWN_SECONDS, retry_after or 0))
    return now + timedelta(seconds=max(_backoff_seconds(info.attempts), retry_after or 0))


@transaction.atomic
def cedula_verification_record_result(
    *,
    cedula_info_id: int,
    request_id: str,
    result: LookupResult,
    cause: EventEnvelope | None = None,
    task_id: str = "",
    duration_ms: int | None = None,
) -> bool:
    """Turn a classified lookup result into a transition. Returns False (and changes nothing) when the
    record is no longer waiting for this request: a duplicate or late delivery."""
    if result.outcome not in OUTCOMES:
        raise ValueError(f"unknown lookup outcome {result.outcome!r}")
    info = _lock(cedula_info_id)
    if info.status != S.PENDING or str(info.request_id) != str(request_id):
        return False
    now = timezone.now()
    site = (result.site or "")[:32]
    metadata = Metadata.caused_by(cause) if cause else Metadata.new(str(SYSTEM))
    event: CedulaVerificationCompleted | CedulaVerificationFailed
    if result.outcome in ("active", "cancelled", "not_found"):
        fields = {k: v for k, v in (result.fields or {}).items() if k in CedulaInfo.RESULT_FIELDS and v}
        transition = {"active": Transition.COMPLETE_ACTIVE, "cancelled": Transition.COMPLETE_CANCELLED}.get(
            result.outcome, Transition.COMPLETE_NOT_FOUND
        )
        reason = (result.reason or "ok")[:64]
        evidence = list(result.evidence or [])[-settings.VERIFICATION_EVIDENCE_MAX_ITEMS :]
        if result.outcome == "not_found":
            info.complete_not_found(site=site, checked_at=now, reason=reason, evidence=evidence)
            fields = {}
        else:
            getattr(info, TRANSITION_METHODS[transition])(
                fields=fields, site=site, checked_at=now, reason=reason, evidence=evidence
            )
        event = CedulaVerificationCompleted(
            cedula_info_id=info.pk,
            user_id=info.user_id,  # type: ignore[arg-type]  # set: only an erased record has none
            request_id=str(info.request_id),
            transition=transition,
            outcome=result.outcome,
            site=site,
            fields=fields,
            attempt=info.attempts,
            checked_at=now.isoformat(),
            task_id=task_id,
            duration_ms=duration_ms,
            reason=reason,
            evidence=evidence,
        )
    else:
        reason = (result.reason or result.outcome)[:64]
        next_retry_at = _next_retry_at(
            info, outcome=result.outcome, reason=reason, retry_after=result.retry_after, now=now
        )
        transition = Transition.FAIL_BLOCKED if result.outcome == "blocked" else Transition.FAIL_ERROR
        getattr(info, TRANSITION_METHODS[transition])(
            reason=reason,
            site=site,
            checked_at=now,
            next_retry_at=next_retry_at,
            evidence=list(result.evidence or [])[-settings.VERIFICATION_EVIDENCE_MAX_ITEMS :],
        )
        event = CedulaVerificationFailed(
            cedula_info_id=info.pk,
            request_id=str(info.request_id),
            transition=transition,
            outcome=result.outcome,
            reason=reason,
            site=site,
            attempt=info.attempts,
            checked_at=now.isoformat(),
            next_retry_at=_iso(next_retry_at),
            evidence=info.evidence,
            task_id=task_id,
            duration_ms=duration_ms,
        )
    _record(info=info, from_state=S.PENDING, event=event, metadata=metadata)
    LookupClaim.objects.filter(request_id=info.request_id).delete()
    return True


def lookup_claim_take(*, cedula_info_id: int, request_id: str) -> str | None:
    """Claim the lookup of `request_id` for this worker: its holder id, or None when the record no
    longer waits for that request (stale). Raises LookupBusy when a live claim holds it (another copy
    is looking it up: this one must do nothing). The lease starts now, when the lookup starts, not at
    dispatch."""
    with transaction.atomic():
        info = _lock(cedula_info_id)
        if info.status != S.PENDING or str(info.request_id) != str(request_id):
            return None
        now = timezone.now()
        holder = holder_id()
        lease_until = now + timedelta(seconds=settings.VERIFICATION_LOOKUP_DEADLINE_SECONDS + CLAIM_MARGIN_SECONDS)
        claim = LookupClaim.objects.select_for_update().filter(request_id=info.request_id).first()
        if claim is None:
            LookupClaim.objects.create(
                request_id=info.request_id, cedula_info=info, holder=holder, claimed_at=now, lease_until=lease_until
            )
            return holder
        if claim.lease_until > now:
            logger.info("cedula_info %s: its lookup is running (%s); this copy does nothing", info.pk, claim.holder)
            raise LookupBusy(claim.lease_until)
        logger.warning("cedula_info %s: lookup claim of %s expired; taking it over", info.pk, claim.holder)
        claim.holder, claim.claimed_at, claim.lease_until = holder, now, lease_until
        claim.takeovers += 1
        claim.save(update_fields=["holder", "claimed_at", "lease_until", "takeovers"])
        return holder


def cedula_verification_run(*, cedula_info_id: int, request_id: str, cause: EventEnvelope, task_id: str = "") -> bool:
    """Do the lookup asked for by `request_id` (in a worker) and record its result.

    Runs outside any transaction: the browser may take many seconds. A stale or duplicate request is
    skipped before the lookup and again (under the row lock) when the result is recorded; a copy that
    finds the request's live claim raises LookupBusy and does nothing.
    """
    info = CedulaInfo.objects.select_related("user").get(pk=cedula_info_id)
    if info.status != S.PENDING or str(info.request_id) != str(request_id):
        return False
    not_before = person_lookup_not_before(request_id=request_id)
    if not_before is not None:
        logger.info("cedula_info %s: its cédula's allowance of lookups is spent until %s", info.pk, not_before)
        PersonLookupRequest.objects.filter(request_id=request_id).update(held_until=not_before)
        raise LookupNotYet(not_before)
    turn = person_lookup_fair_turn(request_id=request_id)
    if turn is not None:
        logger.info("cedula_info %s: another network's person is waiting; its turn comes at %s", info.pk, turn)
        raise LookupNotYet(turn)
    holder = lookup_claim_take(cedula_info_id=cedula_info_id, request_id=request_id)
    if holder is None:
        return False
    PersonLookupRequest.objects.filter(request_id=request_id).update(started_at=timezone.now(), held_until=None)
    try:
        started = time.monotonic()
        if info.user is None:  # only an erased record has no person, and erasure is not pending
            raise RuntimeError(f"cedula_info {info.pk} is pending without a person")
        cedula = info.user.cedula
        with for_request(request_id):
            result = get_lookup()(cedula, deadline_s=settings.VERIFICATION_LOOKUP_DEADLINE_SECONDS)
        return cedula_verification_record_result(
            cedula_info_id=cedula_info_id,
            request_id=request_id,
            result=result,
            cause=cause,
            task_id=task_id,
            duration_ms=int((time.monotonic() - started) * 1000),
        )
    finally:
        # Recording the result removed it; this is for a lookup that raised (a redelivery may retry).
        LookupClaim.objects.filter(request_id=request_id, holder=holder).delete()


def _restart(
    info: CedulaInfo, *, transition: Transition, actor: Actor, reason: str, same_chain: bool = False
) -> TransitionLog:
    """Start a new request. System retries continue the record's causal chain (same correlation id);
    a person's or staff's request starts a new one."""
    from_state = info.status
    getattr(info, TRANSITION_METHODS[transition])(request_id=uuid.uuid4(), requested_at=timezone.now())
    event = _request_event(info, transition=transition, from_state=from_state, reason=reason)
    if same_chain:
        metadata = Metadata.caused_by(event_store.load_stream(STREAM_TYPE, info.pk)[-1], actor=str(actor))
    else:
        metadata = Metadata.new(str(actor))
    return _record(info=info, from_state=from_state, event=event, metadata=metadata)


@transaction.atomic
def cedula_verification_retry(*, cedula_info_id: int, staff_user: User, reason: str) -> TransitionLog:
    """Support staff retry a blocked or failed record (permission-gated, reason required)."""
    if not staff_user.has_perm("verification.retry_cedulainfo"):
        raise PermissionError("not allowed to retry verifications")
    reason = (reason or "").strip()
    if not reason:
        raise ApplicationError("Escriba el motivo del reintento.", code="reason_required", field="reason")
    info = _lock(cedula_info_id)
    if not can_proceed(info.support_retry):
        raise ApplicationError("Solo se pueden reintentar verificaciones bloqueadas o con error.", code="not_retryable")
    return _restart(info, transition=Transition.SUPPORT_RETRY, actor=Actor("staff", staff_user.pk), reason=reason)


@dataclass(frozen=True)
class RetryReport:
    retried: list[int]
    refused: dict[int, str]  # id -> why (Spanish)


def cedula_verification_retry_many(*, cedula_info_ids: list[int], staff_user: User, reason: str) -> RetryReport:
    """Support retries several records with one reason; each is its own transaction and audit row.

    Permission and reason are checked once up front (nothing changes when they fail); a record that
    is no longer retryable (someone else retried it, or it finished) is reported, not fatal.
    """
    if not staff_user.has_perm("verification.retry_cedulainfo"):
        raise PermissionError("not allowed to retry verifications")
    if not (reason or "").strip():
        raise ApplicationError("Escriba el motivo del reintento.", code="reason_required", field="reason")
    if not cedula_info_ids:
        raise ApplicationError("Seleccione al menos una verificación.", code="nothing_selected")
    retried: list[int] = []
    refused: dict[int, str] = {}
    for cedula_info_id in dict.fromkeys(cedula_info_ids):
        try:
            cedula_verification_retry(cedula_info_id=cedula_info_id, staff_user=staff_user, reason=reason)
        except CedulaInfo.DoesNotExist:
            refused[cedula_info_id] = "No existe."
        except ApplicationError as exc:
            refused[cedula_info_id] = exc.message
        else:
            retried.append(cedula_info_id)
    return RetryReport(retried=retried, refused=refused)


def refresh_refusal(info: CedulaInfo, *, cedula: str, now: datetime | None = None) -> str | None:
    """Why the person of `cedula` may not ask for a re-check of `info` now (Spanish), or None when
    they may. The allowance is their cédula's (every record it ever had), not this record's."""
    if info.status == S.PENDING:
        return "Ya estamos verificando su cédula."
    if not can_proceed(info.refresh):
        return "Su verificación está en revisión; no hace falta actualizarla."
    now = now or timezone.now()
    free_at = person_lookups_free_at(cedula=cedula, now=now)
    if free_at is None:
        return None
    if free_at - now <= timedelta(hours=1):
        return "Ya actualizó hace poco. Puede volver a intentarlo dentro de una hora."
    return "Alcanzó el máximo de actualizaciones por hoy. Inténtelo mañana."


@transaction.atomic
def cedula_verification_refresh(*, user: User) -> TransitionLog:
    """The person asks for a fresh lookup of their final result (rate-limited)."""
    info = CedulaInfo.objects.select_for_update().filter(user=user).first()
    if info is None:
        raise ApplicationError("Todavía no tenemos una verificación para su cédula.", code="no_record")
    refusal = refresh_refusal(info, cedula=user.cedula)
    if refusal is not None:
        raise ApplicationError(refusal, code="refresh_refused")
    log = _restart(info, transition=Transition.REFRESH, actor=Actor("user", user.pk), reason="actualización")
    _person_lookup_record(
        cedula=user.cedula,
        request_id=info.request_id,
        at=info.requested_at,
        registration=False,
        source=user.registration_source,
    )
    return log


def cedula_verification_auto_retry(*, cedula_info_id: int) -> bool:
    """Retry one error/blocked record whose backoff has passed (the sweeper calls this)."""
    with transaction.atomic():
        info = _lock(cedula_info_id)
        if (
            info.attempts >= settings.VERIFICATION_MAX_ATTEMPTS
            or not can_proceed(info.auto_retry)
            or not info.auto_retry_due()
        ):
            return False
        try:
            _restart(
                info,
                transition=Transition.AUTO_RETRY,
                actor=SYSTEM,
                reason=f"reintento tras {info.reason}",
                same_chain=True,
            )
        except TransitionNotAllowed:
            return False
    return True


def cedula_verification_rerequest_stuck(*, cedula_info_id: int, stuck_before: datetime) -> bool:
    """Re-send a lookup whose request was lost (pending past the deadline with no live delivery)."""
    from verification.selectors import cedula_info_request_in_flight

    with transaction.atomic():
        info = _lock(cedula_info_id)
        if info.status != S.PENDING or info.requested_at >= stuck_before:
            return False
        if cedula_info_request_in_flight(info=info):
            return False
        _restart(
            info, transition=Transition.SWEEPER_REREQUEST, actor=SYSTEM, reason="solicitud detenida", same_chain=True
        )
    return True


def verification_sweep(*, now: datetime | None = None) -> dict[str, int]:
    """Scheduled: auto-retry due error/blocked records, re-send stuck pending ones, start the
    re-validations the lookups have room for. Idempotent."""
    from verification.selectors import cedula_info_list_retry_due, cedula_info_list_stuck

    now = now or timezone.now()
    stuck_before = now - timedelta(seconds=settings.VERIFICATION_PENDING_DEADLINE_SECONDS)
    retried = _in_batches(cedula_info_list_retry_due(now=now), cedula_verification_auto_retry)
    resent = _in_batches(
        cedula_info_list_stuck(stuck_before=stuck_before),
        functools.partial(cedula_verification_rerequest_stuck, stuck_before=stuck_before),
    )
    return {"retried": retried, "resent": resent, "revalidated": cedula_verification_revalidate_due(now=now)}


def cedula_verification_revalidate(*, cedula_info_id: int, checked_before: datetime) -> bool:
    """Check a result again (`revalidate`, audited): only if it is still a result older than
    `checked_before`. A changed answer is an ordinary completion (and its mail)."""
    with transaction.atomic():
        info = _lock(cedula_info_id)
        if info.status not in (S.ACTIVE, S.CANCELLED, S.NOT_FOUND) or not info.last_checked_at:
            return False
        if info.last_checked_at >= checked_before:
            return False
        _restart(info, transition=Transition.REVALIDATE, actor=SYSTEM, reason="re-validación periódica")
        return True


def cedula_verification_revalidate_due(*, now: datetime) -> int:
    """Start re-validations of results older than VERIFICATION_REVALIDATE_AFTER_DAYS (0: never), oldest
    first, at low priority: only while no other check is pending beyond the re-validations already
    running (at most VERIFICATION_REVALIDATE_IN_FLIGHT), so a new registration's first lookup waits
    for at most those, never for a queue of them; and at most VERIFICATION_REVALIDATE_PER_DAY a day."""
    from verification.selectors import cedula_info_list_revalidation_due, revalidations_in_flight, revalidations_today

    days = settings.VERIFICATION_REVALIDATE_AFTER_DAYS
    if days <= 0:
        return 0
    in_flight: int = settings.VERIFICATION_REVALIDATE_IN_FLIGHT
    pending = list(CedulaInfo.objects.filter(status=S.PENDING).values_list("pk", flat=True)[: in_flight + 1])
    running = revalidations_in_flight(pending_ids=pending) if len(pending) <= in_flight else 0
    if len(pending) > running:
        return 0  # other checks wait: they go first
    room = min(
        in_flight - running,
        settings.VERIFICATION_REVALIDATE_PER_DAY - revalidations_today(now=now),
    )
    if room <= 0:
        return 0
    checked_before = now - timedelta(days=days)
    started = 0
    for cedula_info_id in cedula_info_list_revalidation_due(checked_before=checked_before, limit=room):
        started += cedula_verification_revalidate(cedula_info_id=cedula_info_id, checked_before=checked_before)
    return started


SWEEP_BATCH = 50


def _in_batches(ids: list[int], one: Callable[..., bool]) -> int:
    """Apply `one` to each record, SWEEP_BATCH records per commit: each record is still its own
    savepoint (its transition, event and audit row together), but a pass after an outage no
    longer waits for one durable commit per record. A failure rolls back its batch only; the next
    pass (idempotent) picks those records up again."""
    done = 0
    for start in range(0, len(ids), SWEEP_BATCH):
        with transaction.atomic():
            done += sum(bool(one(cedula_info_id=pk)) for pk in ids[start : start + SWEEP_BATCH])
    return done


def cedula_info_forget_person(*, user_id: int, actor: str) -> None:
    """Eraser for a habeas-data request (runs inside `accounts.services.user_erase`'s transaction):
    the person's record moves to `erased` (audited), unlinked and without census data. Every
    consumer, lookup, sweep and retry leaves an erased record alone."""
    info = CedulaInfo.objects.select_for_update().filter(user_id=user_id).first()
    if info is None:
        return
    _erase(info, metadata=Metadata.new(actor))


def _erase(info: CedulaInfo, *, metadata: Metadata) -> None:
    from_state = info.status
    info.erase()
    # The claim of a lookup in flight goes too: its result will find the record erased and do nothing.
    LookupClaim.objects.filter(cedula_info=info).delete()
    event = CedulaPersonalDataErased(
        cedula_info_id=info.pk,
        transition=Transition.ERASE,
        from_state=from_state,
        state=info.status,
        attempt=info.attempts,
    )
    _record(info=info, from_state=from_state, event=event, metadata=metadata)


@transaction.atomic
def cedula_info_erase_unlinked(*, actor: str) -> int:
    """Move every record whose person was erased before the erased state existed (no person, still
    in a live state) to `erased`, audited. Run once by migration 0009; idempotent. Returns the count."""
    done = 0
    for info in CedulaInfo.objects.select_for_update().filter(user__isnull=True).exclude(status=S.ERASED):
        _erase(info, metadata=Metadata.new(actor))
        done += 1
    return done


def cedula_info_census_viewed(*, cedula_info_id: int, staff_user: User) -> None:
    """Record that a superuser saw a record's census answer unmasked (the admin's change page).
    Only superusers see it; support staff see the record masked and record nothing."""
    if not staff_user.is_superuser:
        raise PermissionError("only superusers see census answers in the admin")
    for attempt in range(3):
        try:
            with transaction.atomic():
                event_store.append(
                    stream_id=cedula_info_id,
                    events=[CedulaCensusDataViewed(cedula_info_id=cedula_info_id)],
                    metadata=Metadata.new(str(Actor("staff", staff_user.pk))),
                )
            return
        except event_store.ConcurrencyError:
            if attempt == 2:
                raise
