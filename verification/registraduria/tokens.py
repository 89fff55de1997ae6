"""Captcha tokens apart from the browser: a pool the captcha pipeline fills ahead of demand, and
every solve booked so spend can be seen and bounded.

A real solve takes 10 to 40 s (tails to 150 s). Done by the lookup that needs it, it holds a worker and
its Chromium the whole time, so the solves in flight (and the lookups per minute) are capped by the
workers. Here the pipeline (`verification.registraduria.pipeline`, one leader process) keeps enough
solves in flight to feed the site's turns (Little's law: turns per second times solve seconds, at
the 90th percentile, over the share that succeeds, plus a small ready buffer), never more than the
lookups waiting for one, and within the daily budget. A lookup takes a ready token before it takes
its turn on the site, so the site's turn is never idle because of the solver; a token not used
within its lifetime is wasted.

Every solve is a `CaptchaSolve` row: the pipeline's (`pipeline`) and a lookup's own (`inline`: no
pipeline is running, or the page's sitekey was not known yet), so requested / used / wasted / failed
and the estimated cost are counted from one table.
"""

import logging
import math
import time
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Avg, Count, Q
from django.utils import timezone

from verification.lookup import current_request_id
from verification.models import CaptchaPipelineState, CaptchaSolve, CedulaInfo, SiteGate
from verification.models import CaptchaSolveStatus as Status
from verification.registraduria.captcha import CaptchaUnsolved
from verification.registraduria.politeness import site_open_egresses, site_refusal
from verification.states import CedulaStatus

logger = logging.getLogger(__name__)

PIPELINE = "default"
# How often a lookup waiting for a token looks again.
TAKE_POLL_SECONDS = 0.25
# A pipeline whose heartbeat is older than this is gone: lookups solve for themselves, and a
# standby pipeline takes over.
PIPELINE_STALE_SECONDS = 10.0
# Failures of the service (not an unsolvable captcha) back the pipeline off this long, doubling.
BACKOFF_BASE_SECONDS = 5.0
BACKOFF_MAX_SECONDS = 300.0
# Solve durations the latency estimate averages over.
LATENCY_WINDOW = 50
# Reasons that are the service's fault (the pipeline backs off); an unsolvable captcha is not.
SERVICE_FAILURES = frozenset({"captcha_service_error", "captcha_service_unreachable", "captcha_timeout"})


@dataclass(frozen=True)
class PoolToken:
    """A token taken from the pool for one lookup."""

    solve_id: int
    sitekey: str
    token: str
    solved_at: float  # time.monotonic() of the solve


def _usable_since(now: datetime) -> datetime:
    """Tokens solved before this are too old to hand out (the lookup still has to reach its submit)."""
    return now - timedelta(seconds=settings.CAPTCHA_TOKEN_LIFETIME_SECONDS - settings.CAPTCHA_TOKEN_MARGIN_SECONDS)


def _day_start(now: datetime) -> datetime:
    local = timezone.localtime(now)
    return local.replace(hour=0, minute=0, second=0, microsecond=0)


def budget_renews_in(now: datetime | None = None) -> float:
    now = now or timezone.now()
    return (_day_start(now) + timedelta(days=1) - timezone.localtime(now)).total_seconds()


def solves_paid_today(now: datetime | None = None) -> int:
    """Solves that are (or will be, once they finish) paid for today: all but the failed ones."""
    now = now or timezone.now()
    return CaptchaSolve.objects.filter(requested_at__gte=_day_start(now)).exclude(status=Status.FAILED).count()


def budget_left(now: datetime | None = None) -> int | None:
    """Solves the daily budget still allows (None: no budget set)."""
    if not settings.CAPTCHA_DAILY_BUDGET:
        return None
    return max(0, settings.CAPTCHA_DAILY_BUDGET - solves_paid_today(now))


# --- Sitekeys ---------------------------------------------------------------------------------


def site_captcha_learn(*, site: str, sitekey: str, page_url: str) -> None:
    """Remember the reCAPTCHA a front's page carries (a lookup saw it): what the pipeline solves."""
    SiteGate.objects.get_or_create(site=site)
    changed = SiteGate.objects.filter(site=site).exclude(sitekey=sitekey, page_url=page_url)
    if changed.update(sitekey=sitekey[:100], page_url=page_url[:500]):
        logger.info("captcha sitekey of %s learnt", site)


# --- The lookup's side ------------------------------------------------------------------------


def _pipeline_state() -> CaptchaPipelineState | None:
    return CaptchaPipelineState.objects.filter(name=PIPELINE).first()


def pipeline_alive(state: CaptchaPipelineState | None, now: datetime) -> bool:
    return bool(
        state
        and state.heartbeat_at
        and state.heartbeat_at > now - timedelta(seconds=PIPELINE_STALE_SECONDS)
        and settings.CAPTCHA_PIPELINE
    )


def _take(site: str, now: datetime) -> PoolToken | None:
    with transaction.atomic():
        ready = CaptchaSolve.objects.filter(status=Status.READY, site=site, solved_at__gt=_usable_since(now))
        if connection.features.has_select_for_update_skip_locked:
            ready = ready.select_for_update(skip_locked=True)
        solve = ready.order_by("solved_at", "id").first()
        if solve is None:
            return None
        request_id = current_request_id() or None
        CaptchaSolve.objects.filter(pk=solve.pk).update(status=Status.USED, used_at=now, request_id=request_id)
    assert solve.solved_at is not None  # a ready solve has its time
    age = (now - solve.solved_at).total_seconds()
    return PoolToken(solve_id=solve.pk, sitekey=solve.sitekey, token=solve.token, solved_at=time.monotonic() - age)


def captcha_token_take(*, site: str, until: float) -> PoolToken | None:
    """A ready token for `site` from the pipeline's pool, waiting for one until `until` (monotonic).

    None when no pipeline runs, or it does not solve for this site (its sitekey is not known yet, or
    the pipeline feeds the first front in order and this lookup failed over or confirms a not-found
    on another): the lookup solves for itself. Raises CaptchaUnsolved when the pipeline cannot give
    one: the service is failing (its backoff reason), the daily budget is spent
    (`captcha_budget_exhausted`), or none came in time (`captcha_timeout`). Never holds a turn on
    the site meanwhile."""
    while True:
        now = timezone.now()
        token = _take(site, now)
        if token is not None:
            return token
        state = _pipeline_state()
        if not pipeline_alive(state, now):
            return None
        assert state is not None  # alive
        target = _target_site(now)
        if target is None or target.site != site:
            return None  # the pipeline solves for another front (this lookup failed over, or confirms)
        if state.backoff_until and state.backoff_until > now:
            raise CaptchaUnsolved(state.backoff_reason or "captcha_service_error")
        if budget_left(now) == 0:
            raise CaptchaUnsolved("captcha_budget_exhausted")
        if time.monotonic() >= until:
            raise CaptchaUnsolved("captcha_timeout")
        time.sleep(TAKE_POLL_SECONDS)


def captcha_token_settle(token: PoolToken, *, submitted: bool) -> None:
    """After the lookup: a token it never submitted (the page failed before its captcha) goes back to
    the pool while it is young enough, else it is wasted."""
    if submitted:
        return
    fresh = time.monotonic() - token.solved_at < (
        settings.CAPTCHA_TOKEN_LIFETIME_SECONDS - settings.CAPTCHA_TOKEN_MARGIN_SECONDS
    )
    if fresh:
        CaptchaSolve.objects.filter(pk=token.solve_id).update(status=Status.READY, used_at=None, request_id=None)
    else:
        CaptchaSolve.objects.filter(pk=token.solve_id).update(status=Status.WASTED, reason="not_submitted")


def captcha_inline_solve_record(
    *, site: str, sitekey: str, page_url: str, seconds: float, reason: str, submitted: bool = True
) -> None:
    """Book a solve a lookup made for itself (reason "" when it gave a token)."""
    now = timezone.now()
    status = Status.FAILED if reason else (Status.USED if submitted else Status.WASTED)
    CaptchaSolve.objects.create(
        site=site,
        sitekey=sitekey[:100],
        page_url=page_url[:500],
        origin="inline",
        status=status,
        requested_at=now - timedelta(seconds=seconds),
        solved_at=None if reason else now,
        used_at=now if status == Status.USED else None,
        seconds=seconds,
        request_id=current_request_id() or None,
        reason=reason[:64] if reason else ("" if submitted else "not_submitted"),
    )


def inline_solve_allowed() -> bool:
    """A lookup may pay for its own solve: the daily budget is not spent."""
    return budget_left() != 0


# --- The pipeline's side ----------------------------------------------------------------------


@dataclass(frozen=True)
class SolvePlan:
    """What the pipeline should start now, and the figures it decided from (for its log and /metrics)."""

    site: str
    sitekey: str
    page_url: str
    start: int
    waiting: int
    ready: int
    in_flight: int
    target: int
    latency_s: float
    success: float


def captcha_pipeline_heartbeat(*, holder: str) -> bool:
    """Beat for `holder`; True when it leads (a stale leader is replaced). A new leader adopts the
    solves its predecessor left in flight that the service had accepted (their job ids are known,
    and the service's limit has not passed): they are paid for, and `captcha_solves_adopted` lists
    them so the new leader fetches their answers. The others are booked as wasted: their answers are
    lost."""
    now = timezone.now()
    with transaction.atomic():
        state, _ = CaptchaPipelineState.objects.select_for_update().get_or_create(name=PIPELINE)
        stale = not state.heartbeat_at or state.heartbeat_at < now - timedelta(seconds=PIPELINE_STALE_SECONDS)
        if state.holder != holder and not stale:
            return False
        if state.holder != holder:
            left = CaptchaSolve.objects.filter(status=Status.SOLVING, origin="pipeline").exclude(holder=holder)
            alive = Q(job_id__gt="", requested_at__gt=now - timedelta(seconds=settings.CAPTCHA_TIMEOUT_SECONDS))
            lost = left.exclude(alive).update(status=Status.WASTED, reason="pipeline_lost")
            adopted = left.filter(alive).update(holder=holder)
            logger.info(
                "captcha pipeline %s leads (of its predecessor's solves: %s adopted, %s lost)", holder, adopted, lost
            )
        state.holder, state.heartbeat_at = holder, now
        state.save(update_fields=["holder", "heartbeat_at"])
    return True


@dataclass(frozen=True)
class AdoptedSolve:
    solve_id: int
    job_id: str
    requested_at: datetime


def captcha_solves_adopted(*, holder: str) -> list[AdoptedSolve]:
    """The solves in flight at the service that `holder` leads now and must fetch."""
    rows = CaptchaSolve.objects.filter(status=Status.SOLVING, holder=holder, origin="pipeline", job_id__gt="")
    return [AdoptedSolve(pk, job, at) for pk, job, at in rows.values_list("pk", "job_id", "requested_at")]


def captcha_solve_submitted(*, solve_id: int, job_id: str) -> None:
    """The service accepted the solve: keep its job id, so a successor can fetch the answer."""
    CaptchaSolve.objects.filter(pk=solve_id, status=Status.SOLVING).update(job_id=job_id[:64])


def captcha_pipeline_resign(*, holder: str) -> None:
    """A pipeline stopping: its solves not accepted by the service yet are wasted (those accepted stay
    in flight for the next leader to fetch), and a standby may lead at once."""
    CaptchaSolve.objects.filter(status=Status.SOLVING, holder=holder, job_id="").update(
        status=Status.WASTED, reason="pipeline_stopped"
    )
    CaptchaPipelineState.objects.filter(name=PIPELINE, holder=holder).update(heartbeat_at=None)


def captcha_tokens_expire(*, now: datetime | None = None) -> int:
    """Ready tokens too old to use, and solves nobody will finish, become wasted."""
    now = now or timezone.now()
    old = CaptchaSolve.objects.filter(status=Status.READY, solved_at__lte=_usable_since(now))
    expired = old.update(status=Status.WASTED, reason="expired")
    forgotten = CaptchaSolve.objects.filter(
        status=Status.SOLVING, requested_at__lt=now - timedelta(seconds=settings.CAPTCHA_TIMEOUT_SECONDS + 60)
    ).update(status=Status.WASTED, reason="pipeline_lost")
    if expired:
        logger.warning("%s captcha tokens expired unused", expired)
    return expired + forgotten


def _latency_and_success() -> tuple[float, float]:
    """The recent pipeline solves' 90th-percentile seconds and the share that gave a token. Little's
    law wants the mean; sizing by the p90 keeps tokens coming through the service's long tails."""
    recent = list(
        CaptchaSolve.objects.filter(origin="pipeline", seconds__isnull=False)
        .order_by("-id")
        .values_list("seconds", "status")[:LATENCY_WINDOW]
    )
    if len(recent) < 3:
        return settings.CAPTCHA_EXPECTED_SOLVE_SECONDS, 1.0
    durations = sorted(seconds or 0.0 for seconds, _ in recent)
    latency = durations[min(len(durations) - 1, int(0.9 * len(durations)))]
    success = sum(1 for _, status in recent if status != Status.FAILED) / len(recent)
    return latency, max(success, 0.2)


def _target_site(now: datetime) -> SiteGate | None:
    """The first front in order whose sitekey is known and that takes lookups now."""
    gates = {gate.site: gate for gate in SiteGate.objects.exclude(sitekey="")}
    for site in settings.REGISTRADURIA_FRONTS:
        gate = gates.get(site)
        if gate is not None and site_refusal(site=site) is None:
            return gate
    return None


def captcha_pipeline_plan(*, now: datetime | None = None) -> SolvePlan | None:
    """How many solves to start now (None: nothing to solve for: no known sitekey, every front
    refuses lookups, the service is backing off, or the budget is spent)."""
    now = now or timezone.now()
    gate = _target_site(now)
    if gate is None:
        return None
    # Read in this order, so that a token taken (ready -> used, served + 1) or a solve that fails
    # between two reads can only make the plan start fewer solves, never one too many.
    counts = CaptchaSolve.objects.filter(site=gate.site).aggregate(
        ready=Count("id", filter=Q(status=Status.READY, solved_at__gt=_usable_since(now))),
        in_flight=Count("id", filter=Q(status=Status.SOLVING)),
    )
    ready, in_flight = counts["ready"], counts["in_flight"]
    state = _pipeline_state()
    if state and state.backoff_until and state.backoff_until > now:
        return None
    pending = CedulaInfo.objects.filter(status=CedulaStatus.PENDING)
    served = CaptchaSolve.objects.filter(
        status=Status.USED, request_id__in=pending.values("request_id"), used_at__gt=now - timedelta(hours=1)
    ).count()
    waiting = max(0, pending.count() - served)
    latency, success = _latency_and_success()
    # Each egress that takes lookups gives the site a turn per interval.
    egresses = max(1, site_open_egresses(site=gate.site))
    turns_per_second = egresses / max(settings.REGISTRADURIA_MIN_INTERVAL_SECONDS, 0.1)
    # Little's law: to hand out a token per turn, turns/s * seconds per solve / the share that succeeds.
    target = math.ceil(turns_per_second * latency / success) + settings.CAPTCHA_READY_TARGET
    target = min(target, settings.CAPTCHA_MAX_IN_FLIGHT + ready, waiting)
    start = max(0, min(target - ready - in_flight, settings.CAPTCHA_MAX_IN_FLIGHT - in_flight))
    if state and state.failures_in_a_row:
        start = min(start, max(0, 1 - in_flight))  # after a failure of the service, one probe at a time
    left = budget_left(now)
    if left is not None:
        start = min(start, max(0, left - in_flight))
        if left == 0:
            _notify_budget_spent(now)
    return SolvePlan(
        site=gate.site,
        sitekey=gate.sitekey,
        page_url=gate.page_url,
        start=start,
        waiting=waiting,
        ready=ready,
        in_flight=in_flight,
        target=target,
        latency_s=latency,
        success=success,
    )


def _notify_budget_spent(now: datetime) -> None:
    """Once a day: tell staff (the log's warning reaches the operators; /metrics and the support
    console show it while it lasts)."""
    today = timezone.localdate(now)
    if (
        CaptchaPipelineState.objects.filter(name=PIPELINE)
        .exclude(budget_notified_on=today)
        .update(budget_notified_on=today)
    ):
        logger.warning(
            "captcha daily budget of %s solves spent: new solves pause until it renews or is raised",
            settings.CAPTCHA_DAILY_BUDGET,
        )


def captcha_solve_begin(plan: SolvePlan, *, holder: str) -> int:
    solve = CaptchaSolve.objects.create(
        site=plan.site,
        sitekey=plan.sitekey,
        page_url=plan.page_url,
        origin="pipeline",
        status=Status.SOLVING,
        holder=holder,
        requested_at=timezone.now(),
    )
    return solve.pk


def captcha_solve_finish(
    *, solve_id: int, token: str | None, reason: str, seconds: float, solved_at: datetime | None = None
) -> None:
    """A pipeline solve came back: a ready token, or a failure (the service's failures back the
    pipeline off, doubling; an answer resets it). `solved_at`: the earliest the token may have been
    solved, its lifetime counts from then (an adopted solve found solved at the first look may be as
    old as its request); default now."""
    now = timezone.now()
    with transaction.atomic():
        state, _ = CaptchaPipelineState.objects.select_for_update().get_or_create(name=PIPELINE)
        solving = CaptchaSolve.objects.filter(pk=solve_id, status=Status.SOLVING)
        if token:
            solving.update(status=Status.READY, token=token, solved_at=solved_at or now, seconds=seconds)
            if state.failures_in_a_row or state.backoff_until:
                state.failures_in_a_row, state.backoff_until, state.backoff_reason = 0, None, ""
                state.save(update_fields=["failures_in_a_row", "backoff_until", "backoff_reason"])
            return
        solving.update(status=Status.FAILED, reason=reason[:64], seconds=seconds)
        if reason in SERVICE_FAILURES:
            if state.backoff_until and state.backoff_until > now:
                return  # one round's failures count once: the backoff already runs
            state.failures_in_a_row += 1
            pause = min(BACKOFF_MAX_SECONDS, BACKOFF_BASE_SECONDS * 2 ** (state.failures_in_a_row - 1))
            state.backoff_until, state.backoff_reason = now + timedelta(seconds=pause), reason
            state.save(update_fields=["failures_in_a_row", "backoff_until", "backoff_reason"])
            logger.warning("captcha service failed (%s): pipeline backs off %.0f s", reason, pause)


# --- Spend --------------------------------------------------------------------------------------


def captcha_spend(*, since: datetime | None = None) -> dict[str, float | int | None]:
    """Solves requested / used / wasted / failed (since `since`, default today), solves per completed
    lookup, the estimated cost, the budget and whether new solves are paused."""
    now = timezone.now()
    since = since or _day_start(now)
    counts = CaptchaSolve.objects.filter(requested_at__gte=since).aggregate(
        requested=Count("id"),
        used=Count("id", filter=Q(status=Status.USED)),
        wasted=Count("id", filter=Q(status=Status.WASTED)),
        failed=Count("id", filter=Q(status=Status.FAILED)),
        in_flight=Count("id", filter=Q(status=Status.SOLVING)),
        ready=Count("id", filter=Q(status=Status.READY)),
        inline=Count("id", filter=Q(origin="inline")),
        mean_seconds=Avg("seconds", filter=~Q(status=Status.FAILED)),
    )
    final = (CedulaStatus.ACTIVE, CedulaStatus.CANCELLED, CedulaStatus.NOT_FOUND)
    completed = CedulaInfo.objects.filter(last_checked_at__gte=since, status__in=final).count()
    paid = counts["requested"] - counts["failed"]
    left = budget_left(now)
    return {
        **counts,
        "paid": paid,
        "per_completed_lookup": round(paid / completed, 3) if completed else None,
        "estimated_cost": round(paid * settings.CAPTCHA_PRICE_PER_1000 / 1000, 4),
        "budget": settings.CAPTCHA_DAILY_BUDGET or None,
        "budget_left": left,
        "paused": int(left == 0),
    }
