"""Politeness toward the Registraduría, shared by every worker process on every machine.

The state lives in the database (`SiteGate`, `SiteLease`), so two qclusters on two machines see the
same turns, the same breaker and the same Retry-After pause:

- turns: two lookup starts on one site are at least REGISTRADURIA_MIN_INTERVAL_SECONDS apart. A
  worker reserves the next free start under the gate's row lock and then waits for it outside any
  transaction (the reservation, not a per-process sleep, is what spaces the lookups). Turns are
  handed out oldest request first, so no worker is starved by one that keeps coming back;
- browsers per site: a worker holds one of the site's REGISTRADURIA_BROWSERS_PER_SITE leases while its
  browser is on the site; a lease expires on its own if its worker dies;
- circuit breaker: REGISTRADURIA_BREAKER_THRESHOLD blocks in a row open it for the cool-down (the
  reason is recorded); after the cool-down one lookup probes the site: a block opens it again at once,
  an answer closes it;
- Retry-After: a site that asked us to wait is paused for that long.
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
from verification.models import SiteGate, SiteLease, SiteTurnRequest

logger = logging.getLogger(__name__)

# Blocks that count toward the breaker: the site refused us (not: we had no captcha solver).
BREAKER_REASONS = frozenset({"waf_block", "js_challenge", "captcha_rejected"})
LEASE_POLL_SECONDS = 0.2
# A lease outlives the lookup's deadline by this much, then frees itself (its worker died).
LEASE_MARGIN_SECONDS = 30.0


@dataclass(frozen=True)
class Turn:
    """Permission to run one lookup on `site`, starting at `starts_at`."""

    site: str
    holder: str
    starts_at: datetime

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
    SiteGate.objects.get_or_create(site=site)
    existing = set(SiteLease.objects.filter(site=site).values_list("slot", flat=True))
    for slot in range(settings.REGISTRADURIA_BROWSERS_PER_SITE):
        if slot not in existing:
            SiteLease.objects.get_or_create(site=site, slot=slot)


def _seconds_until(moment: datetime | None, now: datetime) -> float:
    return max(0.0, (moment - now).total_seconds()) if moment else 0.0


def _gate_refusal(gate: SiteGate, now: datetime) -> Refusal | None:
    if gate.breaker_open_until and gate.breaker_open_until > now:
        return Refusal(gate.site, "breaker_open", _seconds_until(gate.breaker_open_until, now))
    if gate.paused_until and gate.paused_until > now:
        return Refusal(gate.site, "site_paused", _seconds_until(gate.paused_until, now))
    return None


def site_refusal(*, site: str) -> Refusal | None:
    """Whether `site` refuses lookups now (breaker open or paused), without taking a turn."""
    gate = SiteGate.objects.filter(site=site).first()
    return _gate_refusal(gate, timezone.now()) if gate else None


def _try_reserve(site: str, *, holder: str, within: float) -> Turn | Refusal | None:
    """One attempt, in one short transaction: a Turn (starting within `within` seconds), a Refusal,
    or None when every lease is taken or an older request is first in line."""
    with transaction.atomic():
        gate = SiteGate.objects.select_for_update().get(site=site)
        now = timezone.now()
        refusal = _gate_refusal(gate, now)
        if refusal is not None:
            return refusal
        first = (
            SiteTurnRequest.objects.filter(site=site, expires_at__gt=now)
            .order_by("requested_at", "id")
            .values_list("holder", flat=True)
            .first()
        )
        if first is not None and first != holder:
            return None
        lease = (
            SiteLease.objects.select_for_update()
            .filter(site=site, slot__lt=settings.REGISTRADURIA_BROWSERS_PER_SITE)
            .filter(Q(held_until__isnull=True) | Q(held_until__lt=now))
            .order_by("slot")
            .first()
        )
        if lease is None:
            return None
        starts_at = max(now, gate.next_slot_at or now)
        if starts_at > now + timedelta(seconds=within):
            return Refusal(site, "site_busy", _seconds_until(starts_at, now))
        lease.holder = holder
        lease.held_until = now + timedelta(seconds=within + LEASE_MARGIN_SECONDS)
        lease.save(update_fields=["holder", "held_until"])
        gate.next_slot_at = starts_at + timedelta(seconds=settings.REGISTRADURIA_MIN_INTERVAL_SECONDS)
        gate.save(update_fields=["next_slot_at", "updated_at"])
        SiteTurnRequest.objects.filter(holder=holder).delete()
        return Turn(site=site, holder=holder, starts_at=starts_at)


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


def _release_lease(turn: Turn) -> None:
    SiteLease.objects.filter(site=turn.site, holder=turn.holder).update(holder="", held_until=None)


@transaction.atomic
def site_turn_release(
    *, turn: Turn, outcome: str, reason: str, retry_after: float | None = None, started_at: float | None = None
) -> None:
    """Hand the turn back and feed the result to the breaker and the Retry-After pause.

    `started_at` (epoch seconds) is when the lookup's first request really went out: a start that
    slipped behind its reserved time (a slow browser) pushes the next start back with it, so the
    site never sees two lookups closer than the interval.
    """
    gate = SiteGate.objects.select_for_update().get(site=turn.site)
    _release_lease(turn)
    now = timezone.now()
    fields = ["updated_at"]
    if started_at is not None:
        earliest_next = datetime.fromtimestamp(started_at, tz=UTC) + timedelta(
            seconds=settings.REGISTRADURIA_MIN_INTERVAL_SECONDS
        )
        if gate.next_slot_at is None or earliest_next > gate.next_slot_at:
            gate.next_slot_at = earliest_next
            fields.append("next_slot_at")
    if outcome == "blocked" and reason in BREAKER_REASONS:
        gate.blocks_in_a_row += 1
        fields.append("blocks_in_a_row")
        if gate.blocks_in_a_row >= settings.REGISTRADURIA_BREAKER_THRESHOLD:
            gate.breaker_open_until = now + timedelta(seconds=settings.REGISTRADURIA_BREAKER_COOLDOWN_SECONDS)
            gate.breaker_reason = reason
            fields += ["breaker_open_until", "breaker_reason"]
            logger.warning("circuit breaker open for %s after %s blocks (%s)", turn.site, gate.blocks_in_a_row, reason)
    elif outcome in FINAL_OUTCOMES and (gate.blocks_in_a_row or gate.breaker_open_until):
        gate.blocks_in_a_row, gate.breaker_open_until, gate.breaker_reason = 0, None, ""
        fields += ["blocks_in_a_row", "breaker_open_until", "breaker_reason"]
        logger.info("circuit breaker closed for %s", turn.site)
    if retry_after:
        gate.paused_until = now + timedelta(seconds=retry_after)
        gate.pause_reason = reason
        fields += ["paused_until", "pause_reason"]
    gate.save(update_fields=fields)


@transaction.atomic
def site_gate_reset(*, site: str) -> None:
    """Close the breaker and lift any pause on `site` (an operator decided the site is fine)."""
    SiteGate.objects.filter(site=site).update(
        blocks_in_a_row=0, breaker_open_until=None, breaker_reason="", paused_until=None, pause_reason=""
    )


def _epoch(moment: datetime | None) -> float | None:
    return moment.timestamp() if moment else None


def breaker_states(*, now: datetime | None = None) -> dict[str, dict]:
    """Each known site's breaker, pause and spacing, for the support console, /salud/ and metrics."""
    now = now or timezone.now()
    report = {}
    gates = {gate.site: gate for gate in SiteGate.objects.all()}
    for site in dict.fromkeys([*settings.REGISTRADURIA_FRONTS, *gates]):
        gate = gates.get(site) or SiteGate(site=site)
        open_ = bool(gate.breaker_open_until and gate.breaker_open_until > now)
        paused = bool(gate.paused_until and gate.paused_until > now)
        report[site] = {
            "state": "open" if open_ else ("paused" if paused else "closed"),
            "breaker": {"until": _epoch(gate.breaker_open_until), "reason": gate.breaker_reason} if open_ else None,
            "pause": {"until": _epoch(gate.paused_until), "reason": gate.pause_reason} if paused else None,
            "blocks_in_a_row": gate.blocks_in_a_row,
            "next_slot_at": _epoch(gate.next_slot_at),
        }
    return report
