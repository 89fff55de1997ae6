"""Which handlers consume which event types. Apps register here; the outbox and relay read it.

A handler is `func(envelope) -> None`. Each (event, handler) pair gets one outbox row, and the
consumer runs it once in effect:

- transactional handlers (the default) run inside the same transaction that records the message as
  processed, so their database effects and the inbox row commit together or not at all;
- long-running handlers (`transactional=False`, e.g. a browser lookup) run outside any transaction and
  must be idempotent by their own state checks; the inbox row is written after they return.
"""

from collections.abc import Callable
from dataclasses import dataclass

from core.events import EventEnvelope

HandlerFunc = Callable[[EventEnvelope], None]


@dataclass(frozen=True)
class Handler:
    name: str
    event_type: str
    func: HandlerFunc
    transactional: bool = True
    # The Django-Q2 cluster that runs it, by lane name (settings.Q_LANES); "" is the default cluster.
    lane: str = ""


_HANDLERS: dict[str, Handler] = {}


def handler(
    event_type: str, *, name: str, transactional: bool = True, lane: str = ""
) -> Callable[[HandlerFunc], HandlerFunc]:
    """Decorator registering `func` as the consumer `name` of `event_type`. Names are stable ids:
    they are stored in the outbox, so renaming one orphans its pending deliveries. `lane` puts its
    deliveries on their own Django-Q2 cluster, so slow work never delays the rest."""

    def decorator(func: HandlerFunc) -> HandlerFunc:
        existing = _HANDLERS.get(name)
        if existing is not None and existing.func is not func:
            raise ValueError(f"handler name {name!r} registered twice")
        _HANDLERS[name] = Handler(name=name, event_type=event_type, func=func, transactional=transactional, lane=lane)
        return func

    return decorator


def handler_names_for(event_type: str) -> list[str]:
    return sorted(h.name for h in _HANDLERS.values() if h.event_type == event_type)


def get_handler(name: str) -> Handler:
    return _HANDLERS[name]


def cluster_for(name: str) -> str:
    """The Django-Q2 cluster (queue) a delivery to handler `name` goes to. Always explicit: a process
    of another cluster (a lookup worker dispatching on commit) would otherwise use its own queue."""
    from django.conf import settings

    spec = _HANDLERS.get(name)
    lanes: dict[str, str] = settings.Q_LANES
    default: str = settings.Q_CLUSTER["name"]
    return (lanes.get(spec.lane) if spec and spec.lane else None) or default


def all_handlers() -> list[Handler]:
    return sorted(_HANDLERS.values(), key=lambda h: h.name)
