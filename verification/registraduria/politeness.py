"""Politeness toward the Registraduría, shared by every worker process on every machine.

The state lives in the database (`EgressGate`, `SiteLease`), so two qclusters on two machines see the
same turns, the same breaker and the same Retry-After pause. It is kept per (site, egress): the site
limits each client address, and each egress (`egress.py`) is one address it sees.

- turns: two lookup starts on one site through one egress are at least
  REGISTRADURIA_MIN_INTERVAL_SECONDS apart, and so are their submissions (the query itself: a
  lookup whose page loaded faster than the one before waits before it submits). A worker
  reserves the earliest free start among the site's egresses under their rows' locks and then
  waits for it outside any transaction (the reservation, not a per-process sleep, is what spaces
  the lookups). Turns are handed out oldest request first, so no worker is starved by one that
  keeps coming back;
- browsers per site: a worker holds one of the (site, egress)'s REGISTRADURIA_BROWSERS_PER_SITE
  leases while its browser is on the site; a lease expires on its own if its worker dies;
- circuit breaker: REGISTRADURIA_BREAKER_THRESHOLD blocks in a row open it for the cool-down (the
  reason is recorded); after the cool-down one lookup probes the site: a block opens it again at once,
  an answer closes it;
- Retry-After: a site that asked us to wait is paused for that long (through that egress); an
  egress whose proxy fails rests for REGISTRADURIA_EGRESS_COOLDOWN_SECONDS.

A site refuses lookups (`site_refusal`) only when every egress does.
"""

import logging
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from verification.lookup import FINAL_OUTCOMES, holder_id
from verification.models import EgressGate, SiteLease, SiteTurnRequest
from verification.registraduria import egress as egress_pool

logger = logging.getLogger(__name__)

# Blocks that count toward the breaker: the site refused us (not: we had no captcha solver).
BREAKER_REASONS = frozenset({"waf_block", "js_challenge", "captcha_rejected"})
# The egress itself failed (its proxy is down or refused us): it rests, the site is not to blame.
EGRESS_REASON = "egress_failed"
LEASE_POLL_SECONDS = 0.2
# A lease outlives the lookup's deadline by this much, then frees itself (its worker died).
LEASE_MARGIN_SECONDS = 30.0
# Submissions through one egress are kept this much more than the interval apart.
SUBMIT_MARGIN_SECONDS = 0.05


@dataclass(frozen=True)
class Turn:
    """Permission to run one lookup on `site` through `egress` (a label), starting at `starts_at`."""

    site: str
    holder: str
    starts_at: datetime
    egress: str = egress_pool.DIRECT

    @property
    def proxy(self) -> dict[str, str] | None:
        """The browser context's proxy for this turn's egress (None: direct)."""
        return egress_pool.by_label(self.egress).proxy

    def wait(self) -> None:
        """Wait for this turn's start: the spacing every worker agreed on. Called right before the
        lookup's first request (after the browser is ready), so the site sees that spacing."""
        wait = _seconds_until(self.starts_at, timezone.now())
        if wait:
            time.sleep(wait)


@dataclass(frozen=True)
class Refusal:
    """No lookup on `site` now: `reason` is breaker_open, site_paused or site_busy."""

    site: str
    reason: str
    retry_after: float | None


def _ensure_rows(site: str) -> None:
    labels = egress_pool.labels()
    gates = set(EgressGate.objects.filter(site=site, egress__in=labels).values_list("egress", flat=True))
    leases = set(SiteLease.objects.filter(site=site, egress__in=labels).values_list("egress", "slot"))
    for label in labels:
        if label not in gates:
            EgressGate.objects.get_or_create(site=site, egress=label)
        for slot in range(settings.REGISTRADURIA_BROWSERS_PER_SITE):
            if (label, slot) not in leases:
                SiteLease.objects.get_or_create(site=site, egress=label, slot=slot)


def _seconds_until(moment: datetime | None, now: datetime) -> float:
    return max(0.0, (moment - now).total_seconds()) if moment else 0.0


def _gate_refusal(gate: EgressGate, now: datetime) -> Refusal | None:
    if gate.breaker_open_until and gate.breaker_open_until > now:
        return Refusal(gate.site, "breaker_open", _seconds_until(gate.breaker_open_until, now))
    if gate.paused_until and gate.paused_until > now:
        return Refusal(gate.site, "site_paused", _seconds_until(gate.paused_until, now))
    return None


def _first_refusal(refusals: list[Refusal]) -> Refusal:
    """Every egress refuses: the one that ends first (a breaker wins a tie: it says more)."""
    return min(refusals, key=lambda r: (r.retry_after or 0.0, r.reason != "breaker_open"))


def _egress_refusals(site: str) -> list[Refusal | None]:
    """Each configured egress's refusal on `site` now (None: it takes lookups)."""
    now = timezone.now()
    labels = egress_pool.labels()
    gates = {gate.egress: gate for gate in EgressGate.objects.filter(site=site, egress__in=labels)}
    return [_gate_refusal(gates[label], now) if label in gates else None for label in labels]


def site_refusal(*, site: str) -> Refusal | None:
    """Whether `site` refuses lookups now through every egress (breaker open or paused), without
    taking a turn; the refusal that ends first when it does."""
    refusals = _egress_refusals(site)
    if any(refusal is None for refusal in refusals):
        return None
    return _first_refusal([refusal for refusal in refusals if refusal is not None])


def site_open_egresses(*, site: str) -> int:
    """How many of the configured egresses take lookups on `site` now (each gives a turn per interval)."""
    return sum(1 for refusal in _egress_refusals(site) if refusal is None)


def _try_reserve(site: str, *, holder: str, within: float) -> Turn | Refusal | None:
    """One attempt, in one short transaction: a Turn on the egress whose next start comes first
    (starting within `within` seconds), a Refusal, or None when every usable egress's leases are
    taken or an older request is first in line."""
    with transaction.atomic():
        gates = list(
            EgressGate.objects.select_for_update().filter(site=site, egress__in=egress_pool.labels()).order_by("egress")
        )
        now = timezone.now()
        refusals, usable = [], []
        for gate in gates:
            refusal = _gate_refusal(gate, now)
            if refusal is None:
                usable.append(gate)
            else:
                refusals.append(refusal)
        if not usable:
            return _first_refusal(refusals)
        first = (
            SiteTurnRequest.objects.filter(site=site, expires_at__gt=now)
            .order_by("requested_at", "id")
            .values_list("holder", flat=True)
            .first()
        )
        if first is not None and first != holder:
            return None
        free: dict[str, SiteLease] = {}  # each usable egress's lowest free lease
        for lease in (
            SiteLease.objects.select_for_update()
            .filter(site=site, egress__in=[gate.egress for gate in usable])
            .filter(slot__lt=settings.REGISTRADURIA_BROWSERS_PER_SITE)
            .filter(Q(held_until__isnull=True) | Q(held_until__lt=now))
            .order_by("egress", "slot")
        ):
            free.setdefault(lease.egress, lease)
        candidates = [(max(now, gate.next_slot_at or now), gate) for gate in usable if gate.egress in free]
        if not candidates:
            return None
        # The earliest start; between equals, the egress used least recently (load spread over the pool).
        never = datetime.min.replace(tzinfo=UTC)
        starts_at, gate = min(candidates, key=lambda candidate: (candidate[0], candidate[1].next_slot_at or never))
        if starts_at > now + timedelta(seconds=within):
            return Refusal(site, "site_busy", _seconds_until(starts_at, now))
        lease = free[gate.egress]
        lease.holder = holder
        lease.held_until = now + timedelta(seconds=within + LEASE_MARGIN_SECONDS)
        lease.save(update_fields=["holder", "held_until"])
        gate.next_slot_at = starts_at + timedelta(seconds=settings.REGISTRADURIA_MIN_INTERVAL_SECONDS)
        gate.save(update_fields=["next_slot_at", "updated_at"])
        SiteTurnRequest.objects.filter(holder=holder).delete()
        return Turn(site=site, holder=holder, starts_at=starts_at, egress=gate.egress)


def site_turn_acquire(*, site: str, deadline: float) -> Turn | Refusal:
    """Reserve this worker's turn on `site`, waiting in line until `deadline` (a time.monotonic() value).

    Returns a Turn (its `starts_at` may still be ahead: the caller waits for it, as close to its first
    request as it can — see `Turn.wait`), or a Refusal (breaker open, paused, or still busy at the
    deadline). The caller must hand the Turn back with `site_turn_release`.
    """
    _ensure_rows(site)
    holder = holder_id()
    now = timezone.now()
    SiteTurnRequest.objects.create(
        site=site,
        holder=holder,
        requested_at=now,
        expires_at=now + timedelta(seconds=max(deadline - time.monotonic(), 0.0) + 1.0),
    )
    try:
        while True:
            remaining = deadline - time.monotonic()
            outcome = _try_reserve(site, holder=holder, within=max(remaining, 0.0))
            if outcome is not None:
                return outcome
            if remaining <= LEASE_POLL_SECONDS:
                return Refusal(site, "site_busy", settings.REGISTRADURIA_MIN_INTERVAL_SECONDS)
            time.sleep(LEASE_POLL_SECONDS)  # a browser slot is in use or an older request is first: ask again
    finally:
        SiteTurnRequest.objects.filter(holder=holder).delete()


def site_submit_reserve(*, turn: Turn, not_before: float | None = None) -> float:
    """The moment (epoch seconds) this turn's next submission may go out, reserved on its egress: the
    egress's next free submission moment (not before `not_before`), which then moves an interval on.
    The site limits queries, and with several browsers on it at once a page that loads faster than
    the one before would otherwise submit too soon after it. A submission reserved and never sent
    (its worker died) still keeps the next one the interval away. SUBMIT_MARGIN_SECONDS more than the
    interval: the site's clock sees requests a few milliseconds apart from ours."""
    spacing = timedelta(seconds=settings.REGISTRADURIA_MIN_INTERVAL_SECONDS + SUBMIT_MARGIN_SECONDS)
    with transaction.atomic():
        gate, _ = EgressGate.objects.select_for_update().get_or_create(site=turn.site, egress=turn.egress)
        now = timezone.now()
        moments = [now, gate.next_submit_at or now]
        if not_before is not None:
            moments.append(datetime.fromtimestamp(not_before, tz=UTC))
        at = max(moments)
        gate.next_submit_at = at + spacing
        gate.save(update_fields=["next_submit_at", "updated_at"])
    return at.timestamp()


def _release_lease(turn: Turn) -> None:
    SiteLease.objects.filter(site=turn.site, egress=turn.egress, holder=turn.holder).update(holder="", held_until=None)


@transaction.atomic
def site_turn_release(
    *,
    turn: Turn,
    outcome: str,
    reason: str,
    retry_after: float | None = None,
    started_at: float | None = None,
    submitted_at: float | None = None,
) -> None:
    """Hand the turn back and feed the result to the breaker and the Retry-After pause.

    `started_at` (epoch seconds) is when the lookup's first request really went out: a start that
    slipped behind its reserved time (a slow browser) pushes the next start back with it, so the
    site never sees two lookups closer than the interval. `submitted_at` is when its last submission
    went out: the next lookup's submission waits for it plus the interval.
    """
    gate, _ = EgressGate.objects.select_for_update().get_or_create(site=turn.site, egress=turn.egress)
    _release_lease(turn)
    now = timezone.now()
    fields = ["updated_at"]
    # A request that went out later than reserved pushes the next one back with it.
    for field, sent_at in (("next_slot_at", started_at), ("next_submit_at", submitted_at)):
        if sent_at is None:
            continue
        earliest = datetime.fromtimestamp(sent_at, tz=UTC) + timedelta(
            seconds=settings.REGISTRADURIA_MIN_INTERVAL_SECONDS
        )
        if getattr(gate, field) is None or earliest > getattr(gate, field):
            setattr(gate, field, earliest)
            fields.append(field)
    if outcome == "blocked" and reason in BREAKER_REASONS:
        gate.blocks_in_a_row += 1
        fields.append("blocks_in_a_row")
        if gate.blocks_in_a_row >= settings.REGISTRADURIA_BREAKER_THRESHOLD:
            gate.breaker_open_until = now + timedelta(seconds=settings.REGISTRADURIA_BREAKER_COOLDOWN_SECONDS)
            gate.breaker_reason = reason
            fields += ["breaker_open_until", "breaker_reason"]
            logger.warning(
                "circuit breaker open for %s via %s after %s blocks (%s)",
                turn.site,
                turn.egress,
                gate.blocks_in_a_row,
                reason,
            )
    elif outcome in FINAL_OUTCOMES and (gate.blocks_in_a_row or gate.breaker_open_until):
        gate.blocks_in_a_row, gate.breaker_open_until, gate.breaker_reason = 0, None, ""
        fields += ["blocks_in_a_row", "breaker_open_until", "breaker_reason"]
        logger.info("circuit breaker closed for %s via %s", turn.site, turn.egress)
    if reason == EGRESS_REASON:
        retry_after = max(retry_after or 0.0, settings.REGISTRADURIA_EGRESS_COOLDOWN_SECONDS)
        logger.warning("egress %s failed on %s: it rests %.0f s", turn.egress, turn.site, retry_after)
    if retry_after:
        gate.paused_until = now + timedelta(seconds=retry_after)
        gate.pause_reason = reason
        fields += ["paused_until", "pause_reason"]
    gate.save(update_fields=fields)


@transaction.atomic
def site_gate_reset(*, site: str) -> None:
    """Close the breaker and lift any pause on `site`, through every egress (an operator decided the
    site is fine)."""
    EgressGate.objects.filter(site=site).update(
        blocks_in_a_row=0, breaker_open_until=None, breaker_reason="", paused_until=None, pause_reason=""
    )


def _epoch(moment: datetime | None) -> float | None:
    return moment.timestamp() if moment else None


def _gate_report(gate: EgressGate, now: datetime) -> dict:
    open_ = bool(gate.breaker_open_until and gate.breaker_open_until > now)
    paused = bool(gate.paused_until and gate.paused_until > now)
    return {
        "state": "open" if open_ else ("paused" if paused else "closed"),
        "breaker": {"until": _epoch(gate.breaker_open_until), "reason": gate.breaker_reason} if open_ else None,
        "pause": {"until": _epoch(gate.paused_until), "reason": gate.pause_reason} if paused else None,
        "blocks_in_a_row": gate.blocks_in_a_row,
        "next_slot_at": _epoch(gate.next_slot_at),
    }


def _site_report(reports: dict[str, dict]) -> dict:
    """A site through all its egresses: closed while one of them takes lookups; otherwise open when
    every breaker is, else paused, with the refusal that ends first."""
    closed = [report for report in reports.values() if report["state"] == "closed"]
    if closed:
        slots = [report["next_slot_at"] for report in closed if report["next_slot_at"] is not None]
        site = {
            "state": "closed",
            "breaker": None,
            "pause": None,
            "next_slot_at": min(slots) if slots else None,
        }
    else:
        state = "open" if all(report["state"] == "open" for report in reports.values()) else "paused"

        def ends(report: dict) -> float:
            return min(part["until"] for part in (report["breaker"], report["pause"]) if part)

        first = min((report for report in reports.values() if report["state"] == state), key=ends)
        site = {k: first[k] for k in ("state", "breaker", "pause", "next_slot_at")}
    site["blocks_in_a_row"] = max(report["blocks_in_a_row"] for report in reports.values())
    site["egresses"] = reports
    return site


def breaker_states(*, now: datetime | None = None) -> dict[str, dict]:
    """Each known site's breaker, pause and spacing (through every configured egress, and each one's
    under "egresses"), for the support console, /salud/ and metrics."""
    now = now or timezone.now()
    labels = egress_pool.labels()
    gates: dict[str, dict[str, EgressGate]] = {}
    for gate in EgressGate.objects.filter(egress__in=labels):
        gates.setdefault(gate.site, {})[gate.egress] = gate
    report = {}
    for site in dict.fromkeys([*settings.REGISTRADURIA_FRONTS, *gates]):
        known = gates.get(site, {})
        report[site] = _site_report(
            {label: _gate_report(known.get(label) or EgressGate(site=site, egress=label), now) for label in labels}
        )
    return report
