import functools
import logging
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import BooleanField, ExpressionWrapper, Q, QuerySet
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django_fsm import can_proceed

from accounts.models import User
from core import event_store
from core.models import OutboxMessage, OutboxStatus, StoredEvent
from verification.events import STREAM_TYPE, CedulaVerificationCompleted, CedulaVerificationRequested
from verification.models import CedulaInfo, LookupClaim, TransitionLog
from verification.states import RETRY_SOURCES, CedulaStatus, Transition

logger = logging.getLogger(__name__)


def cedula_info_get_for_user(*, user: User) -> CedulaInfo | None:
    return CedulaInfo.objects.filter(user=user).first()


@dataclass(frozen=True)
class BadgeState:
    """What the person's badge depends on (`verification.web.presentation.badge_for`), no more."""

    status: str
    version: int
    requested_at: datetime
    next_retry_at: datetime | None


_BADGE_FIELDS = ("status", "version", "requested_at", "next_retry_at")


@functools.cache
def _badge_state_sql(vendor: str) -> str:
    """The ORM's own statement for the badge's fields of user X's record, compiled once per vendor."""
    sql, params = CedulaInfo.objects.filter(user_id=0).values_list(*_BADGE_FIELDS).query.sql_with_params()
    assert params == (0,), params  # the user id is its one parameter
    return sql


def _aware(value: datetime | str | None) -> datetime | None:
    """A datetime column as the database driver returns it: a datetime (PostgreSQL: aware) or, on
    SQLite, the ISO text Django stored in UTC."""
    if value is None:
        return None
    parsed = value if isinstance(value, datetime) else parse_datetime(value)
    if parsed is None:
        raise ValueError(f"not a datetime: {value!r}")
    return parsed if timezone.is_aware(parsed) else parsed.replace(tzinfo=UTC)


def cedula_info_badge_state(*, user_id: int) -> BadgeState | None:
    """The badge's fields of the person's record (None before it is opened): the hot path.

    Every poll of every waiting person reads this, and most polls are answered "unchanged" (204)
    from it alone. One precompiled statement on a cursor: compiling the ORM query and building the
    whole model instance cost as much as the session and user look-ups together.
    """
    with connection.cursor() as cursor:
        cursor.execute(_badge_state_sql(connection.vendor), [user_id])
        row = cursor.fetchone()
    if row is None:
        return None
    status, version, requested_at, next_retry_at = row
    requested = _aware(requested_at)
    assert requested is not None  # the column is NOT NULL
    return BadgeState(status=status, version=version, requested_at=requested, next_retry_at=_aware(next_retry_at))


def cedula_info_timeline(*, cedula_info: CedulaInfo) -> list[TransitionLog]:
    return list(cedula_info.transitions.order_by("position"))


def cedula_info_list_retry_due(*, now: datetime) -> list[int]:
    return list(
        CedulaInfo.objects.filter(
            status__in=[CedulaStatus.ERROR, CedulaStatus.BLOCKED],
            next_retry_at__lte=now,
            attempts__lt=settings.VERIFICATION_MAX_ATTEMPTS,
        )
        .order_by("next_retry_at")
        .values_list("pk", flat=True)[:500]
    )


def cedula_info_list_stuck(*, stuck_before: datetime) -> list[int]:
    return list(
        CedulaInfo.objects.filter(status=CedulaStatus.PENDING, requested_at__lt=stuck_before)
        .order_by("requested_at")
        .values_list("pk", flat=True)[:500]
    )


def cedula_info_request_in_flight(*, info: CedulaInfo) -> bool:
    """Whether the current request's lookup delivery is still queued or running (not lost)."""
    event = (
        StoredEvent.objects.filter(
            stream_type=STREAM_TYPE, stream_id=str(info.pk), event_type=CedulaVerificationRequested.TYPE
        )
        .order_by("-version")
        .first()
    )
    if event is None:
        return False
    # Read through the event store, so an old payload is upcast like any other read of it.
    requested = event_store.to_envelope(event).event
    assert isinstance(requested, CedulaVerificationRequested)  # the query asked for that event type
    if requested.request_id != str(info.request_id):
        return False
    if LookupClaim.objects.filter(request_id=info.request_id, lease_until__gt=timezone.now()).exists():
        return True  # its lookup is running now
    return OutboxMessage.objects.filter(
        Q(status=OutboxStatus.PENDING) | Q(status=OutboxStatus.DISPATCHED), event=event
    ).exists()


# --- Support console -------------------------------------------------------------------------
SUPPORT_STATES = (CedulaStatus.BLOCKED, CedulaStatus.ERROR, CedulaStatus.PENDING)


_NEWEST_FIRST = ("-updated_at", "-pk")


class AttentionRecords:
    """Records that may need a person, newest problems first: blocked and error ones, and pending
    ones past their deadline ("stuck").

    Read as two ordered, limited walks merged here, so a page costs what it shows: the failed ones
    walk an index of their own (`verif_failed_recent_idx`, blocked and error rows by updated_at);
    the stuck ones are few (the sweeper re-sends them) and found by (status, requested_at). A single
    query cannot use an index for "blocked or error, or pending and old" and sorted every failed
    and pending record of a campaign on each console poll. Paginator-compatible (count, slices).
    """

    def __init__(self, failed: QuerySet[CedulaInfo], stuck: QuerySet[CedulaInfo], **narrow: str) -> None:
        # `narrow` (site, reason) is applied to the stuck ones here, not in their query: see _stuck_keys.
        self.failed, self.stuck, self.narrow = failed, stuck, {k: v for k, v in narrow.items() if v}

    # Stuck records are few (the sweeper re-sends each); past this many only the oldest are listed.
    STUCK_LISTED = 1000

    def _stuck_keys(self) -> list[tuple[datetime, int]]:
        """(updated_at, pk) of the oldest stuck records, read along (status, requested_at) from the
        oldest, with nothing else in the query: PostgreSQL misjudges "pending and older than X" (its
        statistics see every record's requested_at, most of them old), and given any other condition
        it read every pending record instead."""
        rows = self.stuck.order_by("requested_at", "pk").values_list("updated_at", "pk", "site", "reason")
        return [
            (updated_at, pk)
            for updated_at, pk, site, reason in rows[: self.STUCK_LISTED]
            if self.narrow.get("site", site) == site and self.narrow.get("reason", reason) == reason
        ]

    def count_up_to(self, limit: int) -> int:
        """The number of records, counted up to `limit` at most (a bounded read): the failed ones
        along their index (ordered, so the planner walks it and stops), then the stuck ones."""
        return min(limit, self.failed.order_by(*_NEWEST_FIRST)[:limit].count() + len(self._stuck_keys()))

    def count(self) -> int:
        return self.failed.count() + len(self._stuck_keys())

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, window: slice) -> list[CedulaInfo]:
        if not isinstance(window, slice) or window.step is not None or window.stop is None:
            raise TypeError("AttentionRecords takes a bounded slice")
        start, stop = window.start or 0, window.stop
        keys = [*self.failed.order_by(*_NEWEST_FIRST).values_list("updated_at", "pk")[:stop], *self._stuck_keys()]
        keys.sort(reverse=True)
        ids = [pk for _, pk in keys[start:stop]]
        # Whether support may retry it, the one rule the console's checkboxes show (the FSM's sources).
        retryable = ExpressionWrapper(Q(status__in=RETRY_SOURCES), output_field=BooleanField())
        records = CedulaInfo.objects.filter(pk__in=ids).select_related("user").annotate(support_retryable=retryable)
        return sorted(records, key=lambda info: (info.updated_at, info.pk), reverse=True)

    def __iter__(self) -> Iterator[CedulaInfo]:
        return iter(self[: self.count()])


def cedula_info_list_for_support(
    *, status: str = "", site: str = "", reason: str = "", stuck_before: datetime
) -> AttentionRecords:
    """Records that may need a person: blocked, error, and pending ones older than `stuck_before`.

    `status` narrows to one of those ("" = all three); `site` and `reason` narrow further.
    """
    failed = CedulaInfo.objects.filter(status__in=RETRY_SOURCES)  # error and blocked
    stuck = CedulaInfo.objects.filter(status=CedulaStatus.PENDING, requested_at__lt=stuck_before)
    if status in RETRY_SOURCES:
        failed, stuck = failed.filter(status=status), stuck.none()
    elif status == CedulaStatus.PENDING:
        failed = failed.none()
    if site:
        failed = failed.filter(site=site)
    if reason:
        failed = failed.filter(reason=reason)
    return AttentionRecords(failed, stuck, site=site, reason=reason)


def cedula_info_support_retryable(*, info: CedulaInfo) -> bool:
    """Whether support staff may retry this record now (the support_retry transition's own rule)."""
    return can_proceed(info.support_retry)


SUPPORT_OPTIONS_CACHE_SECONDS = 60


def cedula_info_support_filter_options() -> dict[str, list[str]]:
    """The sites and reasons that occur among records needing attention (for the filter menus).

    Both are DISTINCTs over every record in those states (tens of thousands in a campaign), read on
    every console poll: kept in the cache for a minute (a reason that just appeared joins the menu
    within that minute; filtering by it works at once).
    """
    options: dict[str, list[str]] | None = cache.get("verification:support_filter_options")
    if options is None:
        records = CedulaInfo.objects.filter(status__in=SUPPORT_STATES)
        options = {
            "sites": sorted(s for s in records.values_list("site", flat=True).distinct() if s),
            "reasons": sorted(r for r in records.values_list("reason", flat=True).distinct() if r),
        }
        cache.set("verification:support_filter_options", options, SUPPORT_OPTIONS_CACHE_SECONDS)
    return options


def cedula_info_get_for_support(*, cedula_info_id: int) -> CedulaInfo | None:
    return CedulaInfo.objects.select_related("user").filter(pk=cedula_info_id).first()


@dataclass(frozen=True)
class SiteBreaker:
    site: str
    state: str  # "cerrado" | "abierto" | "en pausa" | "desconocido" | what the scraper reports
    detail: str = ""


def _egress_note(status: dict[str, object], *, now: float) -> str:
    """With more than one egress: how many take lookups, and why the others rest."""
    egresses = status.get("egresses")
    if not isinstance(egresses, dict) or len(egresses) < 2:
        return ""
    resting = {
        label: _describe_breaker(str(label), gate, now=now)
        for label, gate in egresses.items()
        if isinstance(gate, dict) and gate.get("state") != "closed"
    }
    note = f"{len(egresses) - len(resting)} de {len(egresses)} salidas disponibles"
    details = [f"{label}: {b.state}" + (f" ({b.detail})" if b.detail else "") for label, b in resting.items()]
    return "; ".join([note, *details])


def _describe_breaker(site: str, status: object, *, now: float) -> SiteBreaker:
    if isinstance(status, str):
        return SiteBreaker(site, status)
    if not isinstance(status, dict):
        return SiteBreaker(site, "desconocido")
    described = _describe_gate(site, status, now=now)
    note = _egress_note(status, now=now)
    if note:
        return SiteBreaker(site, described.state, "; ".join(part for part in (described.detail, note) if part))
    return described


def _describe_gate(site: str, status: dict[str, object], *, now: float) -> SiteBreaker:
    breaker, pause = status.get("breaker"), status.get("pause")
    if isinstance(breaker, dict) and float(breaker.get("until", 0)) > now:
        minutes = max(1, round((float(breaker["until"]) - now) / 60))
        return SiteBreaker(site, "abierto", f"{breaker.get('reason', '')}, ~{minutes} min".strip(", "))
    if isinstance(pause, dict) and float(pause.get("until", 0)) > now:
        return SiteBreaker(site, "en pausa", str(pause.get("reason", "")))
    blocks = status.get("blocks_in_a_row") or 0
    return SiteBreaker(site, "cerrado", f"{blocks} bloqueos seguidos" if blocks else "")


def verification_breaker_states(*, known_sites: list[str]) -> list[SiteBreaker]:
    """Each site's circuit-breaker state, read defensively: never fails the console."""
    from verification import registraduria

    try:
        report = registraduria.breaker_states()
    except Exception:  # the console must render even if the cache is down
        logger.exception("breaker_states() failed")
        return [SiteBreaker(site, "desconocido") for site in known_sites]
    now = time.time()
    items = report.items() if isinstance(report, dict) else []
    states = [_describe_breaker(str(site), status, now=now) for site, status in items]
    seen = {s.site for s in states}
    return states + [SiteBreaker(site, "desconocido") for site in known_sites if site not in seen]


@dataclass(frozen=True)
class CaptchaSpend:
    """Today's captcha solves for the support console (every count of `tokens.captcha_spend`)."""

    requested: int
    used: int
    wasted: int
    failed: int
    paid: int
    per_completed_lookup: float | None
    estimated_cost: float
    currency: str
    budget: int | None
    budget_left: int | None
    paused: bool


def captcha_spend_today() -> CaptchaSpend | None:
    """Today's solves and their estimated cost; None when they cannot be read (the console renders anyway)."""
    from verification.registraduria.tokens import captcha_spend

    try:
        spend = captcha_spend()
    except Exception:
        logger.exception("captcha_spend() failed")
        return None
    per_lookup = spend["per_completed_lookup"]
    budget, left = spend["budget"], spend["budget_left"]
    return CaptchaSpend(
        requested=int(spend["requested"] or 0),
        used=int(spend["used"] or 0),
        wasted=int(spend["wasted"] or 0),
        failed=int(spend["failed"] or 0),
        paid=int(spend["paid"] or 0),
        per_completed_lookup=None if per_lookup is None else float(per_lookup),
        estimated_cost=float(spend["estimated_cost"] or 0),
        currency=settings.CAPTCHA_PRICE_CURRENCY,
        budget=None if budget is None else int(budget),
        budget_left=None if left is None else int(left),
        paused=bool(spend["paused"]),
    )


# --- Position and wait while pending -----------------------------------------------------------


@dataclass(frozen=True)
class QueueSnapshot:
    """The head of the queue of pending checks, read at most every QUEUE_SNAPSHOT_SECONDS per process:
    a poll only bisects it (no query of its own)."""

    requested_at: tuple[float, ...]  # epoch seconds of the first QUEUE_HEAD pending records, in order
    more: bool  # more pending records than those
    seconds_per_lookup: float
    taken_at: float  # time.monotonic()


@dataclass(frozen=True)
class QueuePosition:
    ahead: int  # pending checks asked for before this one (at least this many when `more`)
    more: bool
    wait_seconds: float


QUEUE_HEAD = 2000
QUEUE_SNAPSHOT_SECONDS = 5.0
RECENT_LOOKUPS = 20
_queue_snapshot: QueueSnapshot | None = None


def _seconds_per_lookup() -> float:
    """How long each check in the queue adds: the site's limit (one lookup per interval per egress),
    or, when lookups take longer than that, their recent mean duration shared by the lookup workers
    (the last RECENT_LOOKUPS completions: one short read down the events' primary key)."""
    limit = float(settings.REGISTRADURIA_MIN_INTERVAL_SECONDS) / max(1, len(settings.REGISTRADURIA_EGRESS))
    payloads = (
        StoredEvent.objects.filter(event_type=CedulaVerificationCompleted.TYPE)
        .order_by("-position")
        .values_list("payload", flat=True)[:RECENT_LOOKUPS]
    )
    durations = [p.get("duration_ms") for p in payloads if isinstance(p, dict)]
    measured = [float(d) / 1000 for d in durations if isinstance(d, int | float) and d > 0]
    lanes = settings.Q_CLUSTER.get("ALT_CLUSTERS", {})
    workers = max(1, int(lanes.get(settings.Q_LANES["lookups"], {}).get("workers", 1)))
    per_worker = sum(measured) / len(measured) / workers if measured else 0.0
    return max(limit, per_worker, 1.0)


def cedula_queue_snapshot() -> QueueSnapshot:
    global _queue_snapshot
    snapshot = _queue_snapshot
    if snapshot is not None and time.monotonic() - snapshot.taken_at < QUEUE_SNAPSHOT_SECONDS:
        return snapshot
    heads = list(
        CedulaInfo.objects.filter(status=CedulaStatus.PENDING)
        .order_by("requested_at")
        .values_list("requested_at", flat=True)[: QUEUE_HEAD + 1]
    )
    snapshot = QueueSnapshot(
        requested_at=tuple(at.timestamp() for at in heads[:QUEUE_HEAD]),
        more=len(heads) > QUEUE_HEAD,
        seconds_per_lookup=_seconds_per_lookup(),
        taken_at=time.monotonic(),
    )
    _queue_snapshot = snapshot
    return snapshot


def cedula_queue_position(*, requested_at: datetime) -> QueuePosition:
    """Where a pending check asked for at `requested_at` stands: how many are ahead of it and about
    how long until it is done (its own lookup included)."""
    import bisect

    snapshot = cedula_queue_snapshot()
    ahead = bisect.bisect_left(snapshot.requested_at, requested_at.timestamp())
    more = snapshot.more and ahead >= len(snapshot.requested_at)
    return QueuePosition(ahead=ahead, more=more, wait_seconds=(ahead + 1) * snapshot.seconds_per_lookup)


def cedula_queue_position_for(info: "CedulaInfo | BadgeState | None") -> QueuePosition | None:
    """The position of `info` (a CedulaInfo or its BadgeState) while it is pending; None otherwise."""
    if info is None or info.status != CedulaStatus.PENDING:
        return None
    return cedula_queue_position(requested_at=info.requested_at)


# --- Re-validation -------------------------------------------------------------------------------


def cedula_info_list_revalidation_due(*, checked_before: datetime, limit: int) -> list[int]:
    """Results last checked before `checked_before`, oldest first (index on last_checked_at)."""
    return list(
        CedulaInfo.objects.filter(
            status__in=[CedulaStatus.ACTIVE, CedulaStatus.CANCELLED, CedulaStatus.NOT_FOUND],
            last_checked_at__lt=checked_before,
        )
        .order_by("last_checked_at")
        .values_list("pk", flat=True)[:limit]
    )


# The transitions that start a request (the sweeper's re-request keeps the one running).
_REQUEST_STARTS = (
    Transition.REQUEST,
    Transition.REFRESH,
    Transition.AUTO_RETRY,
    Transition.SUPPORT_RETRY,
    Transition.REVALIDATE,
)


def revalidations_in_flight(*, pending_ids: list[int]) -> int:
    """How many of these pending records run a re-validation (their request was started by one)."""
    running = 0
    for pk in pending_ids:
        last = (
            TransitionLog.objects.filter(cedula_info_id=pk, transition__in=_REQUEST_STARTS)
            .order_by("-position")
            .values_list("transition", flat=True)
            .first()
        )
        running += last == Transition.REVALIDATE
    return running


def revalidations_today(*, now: datetime) -> int:
    """Re-validations started since local midnight (the daily cap)."""
    midnight = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)
    return TransitionLog.objects.filter(transition=Transition.REVALIDATE, created_at__gte=midnight).count()
