"""What operators read: counts per state, relay lag, retry backlog, breaker state, queue depth,
cluster heartbeat, lookups by outcome and duration. Read-only selectors (one place for the health
endpoint, the Prometheus metrics and `manage.py verification_stats`)."""

import hashlib
import logging
from dataclasses import asdict, dataclass, field
from datetime import datetime

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import Count, Min, Q
from django.utils import timezone

from core.relay import outbox_lag_seconds
from verification.models import CedulaInfo, TransitionLog
from verification.registraduria.tokens import captcha_spend
from verification.states import CedulaStatus, Transition

logger = logging.getLogger(__name__)

LOOKUP_TRANSITIONS = (
    Transition.COMPLETE_ACTIVE,
    Transition.COMPLETE_CANCELLED,
    Transition.COMPLETE_NOT_FOUND,
    Transition.FAIL_ERROR,
    Transition.FAIL_BLOCKED,
)
DURATION_BUCKETS_MS = (500, 1000, 2500, 5000, 10000, 20000, 30000, 60000)


def breaker_states() -> dict[str, dict]:
    """The scraper's circuit breaker per site ({} when the scraper does not report one)."""
    from verification.registraduria import breaker_states as scraper_breaker_states

    try:
        return scraper_breaker_states()
    except Exception:  # the operations view must answer even when the scraper's state store is down
        logger.exception("could not read the circuit breaker state")
        return {"*": {"state": "unknown"}}


def queue_depth() -> int | None:
    """Tasks waiting in the broker, over every lane's queue (the default one and the lookups')."""
    from django_q.brokers import get_broker

    queues = dict.fromkeys([settings.Q_CLUSTER["name"], *(name for name in settings.Q_LANES.values() if name)])
    try:
        return sum(get_broker(name).queue_size() or 0 for name in queues)
    except Exception:
        logger.exception("could not read the broker's queue size")
        return None


def _queue_names() -> list[str]:
    return list(dict.fromkeys([settings.Q_CLUSTER["name"], *(name for name in settings.Q_LANES.values() if name)]))


def _queue_head(name: str) -> str | None:
    """An id of the task at the head of queue `name` (the next one a worker takes), None when empty."""
    from django_q.brokers import get_broker

    broker = get_broker(name)
    if "redis" in settings.Q_CLUSTER:
        head = broker.connection.lindex(broker.list_key, 0)  # RPUSH in, BLPOP out: the oldest first
        return hashlib.sha256(head).hexdigest()[:16] if head else None
    from django_q.models import OrmQ

    # Waiting tasks have a lock in the past (when they were queued, or when a dead worker's lease
    # ran out); a task a worker took is locked into the future.
    first = OrmQ.objects.filter(key=broker.list_key, lock__lte=timezone.now()).order_by("id").values("id").first()
    return str(first["id"]) if first else None


def queue_stall_seconds(*, now: datetime | None = None) -> float | None:
    """How long the head of the slowest-moving queue has stayed the same task (0: every queue is
    empty or moved since the last look; None: unknown). Each look remembers, in the cache shared by
    every web process, which task was at each head and since when: the watchdog works for both
    brokers, and a busy lane whose workers keep taking tasks never looks stalled."""
    now = now or timezone.now()
    worst = 0.0
    try:
        for name in _queue_names():
            head = _queue_head(name)
            key = f"pm:queue-head:{name}"
            if head is None:
                cache.delete(key)
                continue
            seen = cache.get(key)
            if not seen or seen[0] != head:
                cache.set(key, (head, now.timestamp()), timeout=None)
                continue
            worst = max(worst, now.timestamp() - seen[1])
    except Exception:
        logger.exception("could not read the queues' heads")
        return None
    return round(worst, 1)


def cluster_heartbeats(*, now: datetime | None = None) -> list[dict]:
    """Django-Q2 clusters that reported recently (their sentinel saves a Stat every few seconds)."""
    from django_q.status import Stat

    now = now or timezone.now()
    try:
        stats = Stat.get_all()
    except Exception:
        logger.exception("could not read the cluster heartbeats")
        return []
    return [
        {
            "cluster": str(stat.cluster_id),
            "host": stat.host,
            "status": stat.status,
            "workers": len(stat.workers or []),
            "age_seconds": round((now - stat.timestamp).total_seconds(), 1),
        }
        for stat in stats
    ]


@dataclass
class VerificationStats:
    states: dict[str, int]
    relay_lag_seconds: float
    retry_backlog: int
    retry_due: int
    oldest_pending_seconds: float
    queue_depth: int | None
    breaker: dict[str, dict]
    clusters: list[dict] = field(default_factory=list)
    captcha: dict = field(default_factory=dict)  # today's solves and their estimated cost
    queue_stall_seconds: float | None = 0.0  # how long a queue's head has not moved
    stalled: bool = False  # a queue stalled while a cluster reports itself alive (the watchdog)

    def as_dict(self) -> dict:
        return asdict(self)


def verification_stats(*, now: datetime | None = None) -> VerificationStats:
    now = now or timezone.now()
    counts = dict(CedulaInfo.objects.values_list("status").annotate(n=Count("pk")).order_by())
    states = {status.value: counts.get(status.value, 0) for status in CedulaStatus}
    retrying = CedulaInfo.objects.filter(
        status__in=[CedulaStatus.ERROR, CedulaStatus.BLOCKED],
        next_retry_at__isnull=False,
        attempts__lt=settings.VERIFICATION_MAX_ATTEMPTS,
    ).aggregate(backlog=Count("pk"), due=Count("pk", filter=Q(next_retry_at__lte=now)))
    oldest = CedulaInfo.objects.filter(status=CedulaStatus.PENDING).aggregate(t=Min("requested_at"))["t"]
    clusters = cluster_heartbeats(now=now)
    stall = queue_stall_seconds(now=now)
    alive = any(c["age_seconds"] <= settings.HEALTH_CLUSTER_MAX_AGE_SECONDS for c in clusters)
    return VerificationStats(
        states=states,
        relay_lag_seconds=round(outbox_lag_seconds(now=now), 3),
        retry_backlog=retrying["backlog"],
        retry_due=retrying["due"],
        oldest_pending_seconds=round(max(0.0, (now - oldest).total_seconds()), 3) if oldest else 0.0,
        queue_depth=queue_depth(),
        breaker=breaker_states(),
        clusters=clusters,
        captcha=captcha_spend(),
        queue_stall_seconds=stall,
        stalled=alive and stall is not None and stall > settings.HEALTH_QUEUE_STALL_SECONDS,
    )


def health(*, now: datetime | None = None, node_only: bool = False) -> tuple[str, dict]:
    """("ok" | "degraded" | "fail", details). "fail" means this node cannot serve (database or
    broker down) or the work stalled (a queue's head unmoved past HEALTH_QUEUE_STALL_SECONDS while a
    cluster reports itself alive: restart the clusters); "degraded" means it serves but work is not
    flowing well (no cluster heartbeat, relay lag or pending checks past their deadline, an open
    breaker). `node_only`: the database and the broker only (for load balancers)."""
    now = now or timezone.now()
    checks: dict[str, dict] = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        checks["database"] = {"ok": True}
    except Exception as exc:
        checks["database"] = {"ok": False, "error": type(exc).__name__}
        return "fail", {"status": "fail", "checks": checks}
    from django_q.brokers import get_broker

    try:
        checks["broker"] = {"ok": bool(get_broker().ping())}
    except Exception as exc:
        checks["broker"] = {"ok": False, "error": type(exc).__name__}
    if node_only:
        status = "ok" if checks["broker"]["ok"] else "fail"
        return status, {"status": status, "checks": checks}
    stats = verification_stats(now=now)
    fresh = [c for c in stats.clusters if c["age_seconds"] <= settings.HEALTH_CLUSTER_MAX_AGE_SECONDS]
    checks["cluster"] = {"ok": bool(fresh), "clusters": stats.clusters}
    checks["relay"] = {
        "ok": stats.relay_lag_seconds <= settings.HEALTH_RELAY_MAX_LAG_SECONDS,
        "lag_seconds": stats.relay_lag_seconds,
    }
    checks["pending"] = {
        "ok": stats.oldest_pending_seconds <= settings.VERIFICATION_PENDING_DEADLINE_SECONDS,
        "oldest_seconds": stats.oldest_pending_seconds,
    }
    checks["breaker"] = {
        "ok": all(b.get("state") != "open" for b in stats.breaker.values()),
        "sites": stats.breaker,
    }
    checks["queue"] = {"ok": not stats.stalled, "stall_seconds": stats.queue_stall_seconds}
    if stats.stalled:
        # A cluster that keeps its heartbeat and hands out nothing: restart it (docs/deploy.md).
        reason = (
            f"stalled_queue: the next task has waited {stats.queue_stall_seconds:.0f} s while a cluster"
            " reports itself alive"
        )
        return "fail", {"status": "fail", "reason": reason, "checks": checks}
    if not checks["broker"]["ok"]:
        status = "fail"
    elif all(check["ok"] for check in checks.values()):
        status = "ok"
    else:
        status = "degraded"
    return status, {"status": status, "checks": checks}


def lookup_outcome_counts() -> dict[str, int]:
    """Lookups recorded, by outcome (monotonic: the audit log is append-only)."""
    rows = (
        TransitionLog.objects.filter(transition__in=LOOKUP_TRANSITIONS).values_list("to_state").annotate(n=Count("pk"))
    )
    counts = {state: 0 for state in ("active", "cancelled", "not_found", "error", "blocked")}
    counts.update(dict(rows.order_by()))
    return counts


def lookup_duration_histogram() -> tuple[dict[float, int], int, int]:
    """Cumulative bucket counts (le, in seconds), the count, and the sum in milliseconds."""
    timed = TransitionLog.objects.filter(transition__in=LOOKUP_TRANSITIONS, duration_ms__isnull=False)
    aggregates = {f"le_{b}": Count("pk", filter=Q(duration_ms__lte=b)) for b in DURATION_BUCKETS_MS}
    from django.db.models import Sum

    result = timed.aggregate(total=Count("pk"), sum_ms=Sum("duration_ms"), **aggregates)
    buckets = {b / 1000: result[f"le_{b}"] for b in DURATION_BUCKETS_MS}
    return buckets, result["total"], result["sum_ms"] or 0


def prometheus_metrics() -> str:
    stats = verification_stats()
    lines = [
        "# HELP pagina_madre_lookups_total Census lookups recorded, by outcome.",
        "# TYPE pagina_madre_lookups_total counter",
    ]
    lines += [f'pagina_madre_lookups_total{{outcome="{k}"}} {v}' for k, v in lookup_outcome_counts().items()]
    buckets, count, sum_ms = lookup_duration_histogram()
    lines += [
        "# HELP pagina_madre_lookup_duration_seconds Time one census lookup took.",
        "# TYPE pagina_madre_lookup_duration_seconds histogram",
    ]
    lines += [f'pagina_madre_lookup_duration_seconds_bucket{{le="{le:g}"}} {n}' for le, n in buckets.items()]
    lines += [
        f'pagina_madre_lookup_duration_seconds_bucket{{le="+Inf"}} {count}',
        f"pagina_madre_lookup_duration_seconds_sum {sum_ms / 1000:.3f}",
        f"pagina_madre_lookup_duration_seconds_count {count}",
        "# HELP pagina_madre_relay_lag_seconds Age of the oldest outbox delivery not yet processed.",
        "# TYPE pagina_madre_relay_lag_seconds gauge",
        f"pagina_madre_relay_lag_seconds {stats.relay_lag_seconds}",
        "# HELP pagina_madre_queue_depth Tasks waiting in the Django-Q2 broker.",
        "# TYPE pagina_madre_queue_depth gauge",
        f"pagina_madre_queue_depth {stats.queue_depth if stats.queue_depth is not None else 'NaN'}",
        "# HELP pagina_madre_verifications Verification records by state.",
        "# TYPE pagina_madre_verifications gauge",
    ]
    lines += [f'pagina_madre_verifications{{state="{k}"}} {v}' for k, v in stats.states.items()]
    lines += [
        "# HELP pagina_madre_retry_backlog Records in error/blocked with an automatic retry planned.",
        "# TYPE pagina_madre_retry_backlog gauge",
        f"pagina_madre_retry_backlog {stats.retry_backlog}",
        "# HELP pagina_madre_oldest_pending_seconds Age of the oldest pending check.",
        "# TYPE pagina_madre_oldest_pending_seconds gauge",
        f"pagina_madre_oldest_pending_seconds {stats.oldest_pending_seconds}",
        "# HELP pagina_madre_breaker_open Whether the circuit breaker of a site is open.",
        "# TYPE pagina_madre_breaker_open gauge",
    ]
    lines += [
        f'pagina_madre_breaker_open{{site="{s}"}} {int(b.get("state") == "open")}' for s, b in stats.breaker.items()
    ]
    lines += [
        "# HELP pagina_madre_egress_state Each site's politeness through each egress (1 for its state).",
        "# TYPE pagina_madre_egress_state gauge",
    ]
    lines += [
        f'pagina_madre_egress_state{{site="{s}",egress="{e}",state="{state}"}} {int(g.get("state") == state)}'
        for s, b in stats.breaker.items()
        for e, g in (b.get("egresses") or {}).items()
        for state in ("closed", "open", "paused")
    ]
    spend = stats.captcha
    per_lookup = spend["per_completed_lookup"]
    lines += [
        "# HELP pagina_madre_captcha_solves_today Captcha solves asked of the service today, by what became of them.",
        "# TYPE pagina_madre_captcha_solves_today gauge",
    ]
    lines += [
        f'pagina_madre_captcha_solves_today{{status="{k}"}} {spend[k]}'
        for k in ("requested", "used", "wasted", "failed", "in_flight", "ready")
    ]
    lines += [
        "# HELP pagina_madre_captcha_solves_per_completed_lookup Paid solves today per lookup completed today.",
        "# TYPE pagina_madre_captcha_solves_per_completed_lookup gauge",
        f"pagina_madre_captcha_solves_per_completed_lookup {'NaN' if per_lookup is None else per_lookup}",
        "# HELP pagina_madre_captcha_cost_today Estimated cost of today's paid solves (CAPTCHA_PRICE_PER_1000).",
        "# TYPE pagina_madre_captcha_cost_today gauge",
        f'pagina_madre_captcha_cost_today{{currency="{settings.CAPTCHA_PRICE_CURRENCY}"}} {spend["estimated_cost"]}',
        "# HELP pagina_madre_captcha_budget_paused Whether the daily solve budget is spent (new solves paused).",
        "# TYPE pagina_madre_captcha_budget_paused gauge",
        f"pagina_madre_captcha_budget_paused {spend['paused']}",
    ]
    return "\n".join(lines) + "\n"
