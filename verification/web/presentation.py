"""What the person's live badge and timeline show, and how often they poll (pure rules, no I/O).

Polling policy (docs in README "Using it"):
- no record yet (registration is still being processed) or `pending`: poll, backing off as the
  check runs long (2 s for the first half minute, then 5 s, 15 s, and at most 30 s);
- `error` / `blocked`: the state can still change (an automatic retry when `next_retry_at` is set,
  or a support retry when it is not), so poll slowly: 60 s, or sooner when the retry is due;
- `active` / `cancelled` / `not_found` (FINAL_STATES): nothing changes by itself, so the fragment
  carries no poll trigger and its response is HTTP 286 (htmx 2 also cancels the poll on that).
Every poll trigger is filtered on `document.visibilityState`, so a hidden tab sends nothing.
A poll whose answer would be the very same badge gets 204 (htmx swaps nothing): screen readers do
not re-announce an unchanged live region, and the poll keeps its interval.

The intervals can be tuned with settings (tests shorten them); defaults are below.
"""

import math
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from django.conf import settings

from verification.models import TransitionLog
from verification.states import FINAL_STATES, CedulaStatus, Transition

if TYPE_CHECKING:
    from verification.selectors import QueuePosition

S = CedulaStatus


class BadgeSource(Protocol):
    """What the badge reads of a record: a CedulaInfo, or the poll's `BadgeState`."""

    @property
    def status(self) -> str: ...
    @property
    def version(self) -> int: ...
    @property
    def requested_at(self) -> datetime: ...
    @property
    def next_retry_at(self) -> datetime | None: ...


# A check pending for longer than this is called "taking longer than usual" on the badge.
SLOW_CHECK_SECONDS = 60


def poll_seconds(info: BadgeSource | None, *, now: datetime) -> int | None:
    """Seconds until the badge asks again, or None when it must stop polling."""
    if info is None:
        return settings.VERIFICATION_POLL_PENDING_STEPS[0][1]
    if info.status in FINAL_STATES:
        return None
    if info.status == S.PENDING:
        elapsed = (now - info.requested_at).total_seconds()
        for below, every in settings.VERIFICATION_POLL_PENDING_STEPS:
            if elapsed < below:
                return every
        return settings.VERIFICATION_POLL_PENDING_MAX_SECONDS
    slow = settings.VERIFICATION_POLL_FAILURE_SECONDS
    if info.next_retry_at is not None:
        due_in = (info.next_retry_at - now).total_seconds()
        floor = settings.VERIFICATION_POLL_FAILURE_MIN_SECONDS
        return int(max(floor, min(slow, due_in)))
    return slow


def console_poll_seconds() -> int:
    return settings.VERIFICATION_CONSOLE_POLL_SECONDS


VISIBLE = "document.visibilityState === 'visible'"


def poll_trigger(seconds: int | None, *, event: str | None = None) -> str:
    """An hx-trigger value: poll only while the tab is visible, and ask at once when it shows again.

    A poll's filter goes after the interval for htmx 2 (`every 2s [cond]`) and right after the event
    name for htmx 4 (`every[cond] 2s`). Measured in Chromium: htmx 4.0.1 ignores a filter written the
    htmx 2 way and polls a hidden tab (its own polling guide shows that spelling), and htmx 2 never
    polls with the htmx 4 one. An event's filter (`visibilitychange[cond]`) reads the same in both."""
    parts = []
    if seconds is not None:
        major: int = settings.HTMX_MAJOR
        parts.append(f"every[{VISIBLE}] {seconds}s" if major == 4 else f"every {seconds}s [{VISIBLE}]")
        parts.append(f"visibilitychange[{VISIBLE}] from:document")
    if event:
        parts.append(f"{event} from:body")
    return ", ".join(parts)


@dataclass(frozen=True)
class Badge:
    """Everything the badge template needs; built without touching the database."""

    state: str  # a CedulaStatus value, or "opening" before the record exists
    version: int
    poll: int | None
    slow: bool = False
    retry_planned: bool = False
    # While pending: the checks ahead of this one (at least that many when `ahead_more`) and about how
    # many minutes until it is done; None when not known (not pending).
    ahead: int | None = None
    ahead_more: bool = False
    wait_minutes: int | None = None

    @property
    def final(self) -> bool:
        return self.poll is None

    @property
    def fingerprint(self) -> str:
        """Everything the rendered badge depends on: equal fingerprints mean identical HTML."""
        return (
            f"{self.state}.{self.version}.{self.poll}.{int(self.slow)}.{int(self.retry_planned)}"
            f".{self.ahead}.{int(self.ahead_more)}.{self.wait_minutes}"
        )

    @property
    def queue_text(self) -> str:
        """ "Hay 37 consultas antes que la suya; unos 4 minutos." (empty when not known)."""
        if self.ahead is None or self.wait_minutes is None:
            return ""
        if self.ahead == 0:
            ahead = "No hay consultas antes que la suya"
        elif self.ahead_more:
            ahead = f"Hay más de {self.ahead} consultas antes que la suya"
        else:
            ahead = f"Hay {self.ahead} consulta{'' if self.ahead == 1 else 's'} antes que la suya"
        return f"{ahead}; {'más de ' if self.ahead_more else ''}{_duration(self.wait_minutes)}."

    @property
    def running(self) -> bool:
        return self.state in ("opening", S.PENDING)

    @property
    def can_refresh(self) -> bool:
        """The button is offered in final states; the service still applies the rate limit."""
        return self.state in FINAL_STATES


def _minutes(seconds: float) -> int:
    """Whole minutes, rounded up; 0 for less than one."""
    return 0 if seconds < 60 else math.ceil(seconds / 60)


def _duration(minutes: int) -> str:
    if minutes <= 1:
        return "menos de un minuto" if minutes < 1 else "un minuto"
    if minutes < 90:
        return f"unos {minutes} minutos"
    hours = round(minutes / 60)
    return f"unas {hours} horas"


def badge_for(info: BadgeSource | None, *, now: datetime, queue: "QueuePosition | None" = None) -> Badge:
    """`queue`: where a pending check stands (selectors.cedula_queue_position_for), read by the caller."""
    if info is None:
        return Badge(state="opening", version=0, poll=poll_seconds(None, now=now))
    pending = info.status == S.PENDING
    return Badge(
        state=info.status,
        version=info.version,
        poll=poll_seconds(info, now=now),
        slow=pending and (now - info.requested_at).total_seconds() >= SLOW_CHECK_SECONDS,
        retry_planned=info.next_retry_at is not None,
        ahead=queue.ahead if pending and queue else None,
        ahead_more=bool(pending and queue and queue.more),
        wait_minutes=_minutes(queue.wait_seconds) if pending and queue else None,
    )


# What each audit row means for the person, in plain Spanish. Internals (reasons, sites, actors'
# ids) never appear: support sees those in the console.
_PERSON_TEXT: dict[str, str] = {
    Transition.REQUEST: "Recibimos su registro y empezamos a verificar su cédula.",
    Transition.COMPLETE_ACTIVE: "La Registraduría confirmó que su cédula está habilitada para votar.",
    Transition.COMPLETE_CANCELLED: "La Registraduría informa que su cédula está cancelada.",
    Transition.COMPLETE_NOT_FOUND: "Su cédula no aparece en el censo electoral.",
    Transition.FAIL_ERROR: "No pudimos completar la consulta.",
    Transition.FAIL_BLOCKED: "La consulta no se pudo completar por ahora.",
    Transition.AUTO_RETRY: "Volvimos a intentar la consulta.",
    Transition.SUPPORT_RETRY: "Nuestro equipo de soporte pidió una nueva consulta.",
    Transition.REFRESH: "Se pidió actualizar la verificación.",
    Transition.SWEEPER_REREQUEST: "La consulta se demoró y la enviamos de nuevo.",
    Transition.REVALIDATE: "Volvimos a consultar la Registraduría para confirmar que su resultado sigue vigente.",
}


def person_text(log: TransitionLog) -> str:
    if log.transition == Transition.REFRESH:
        if log.actor.startswith("user:"):
            return "Usted pidió actualizar la verificación."
        return "Nuestro equipo de soporte pidió una nueva consulta."
    return _PERSON_TEXT.get(log.transition, "La verificación cambió de estado.")


def actor_label(actor: str) -> str:
    """Who did it, for support staff."""
    kind, _, ident = actor.partition(":")
    return {"system": "sistema", "user": f"persona #{ident}", "staff": f"soporte #{ident}"}.get(kind, actor)


BADGE_CHANGED_EVENT = "verification-changed"


@dataclass(frozen=True)
class TimelineItem:
    created_at: datetime
    text: str


def timeline_poll_seconds(badge: Badge) -> int | None:
    """The timeline follows the badge (pushed by its event); its own poll is a slower safety net."""
    if badge.poll is None:
        return None
    return max(badge.poll * 3, 10)


def person_timeline(logs: list[TransitionLog]) -> list[TimelineItem]:
    """Newest first."""
    return [TimelineItem(log.created_at, person_text(log)) for log in reversed(logs)]


def badge_context(badge: Badge, *, message: str = "", oob: bool = False) -> dict:
    return {
        "badge": badge,
        "badge_trigger": poll_trigger(badge.poll),
        "message": message,
        "oob": oob,
    }


def timeline_context(badge: Badge, logs: list[TransitionLog]) -> dict:
    return {
        "timeline": person_timeline(logs),
        "timeline_trigger": poll_trigger(timeline_poll_seconds(badge), event=BADGE_CHANGED_EVENT),
        "timeline_final": badge.final,
    }
