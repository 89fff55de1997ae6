from dataclasses import dataclass

from core.events import DomainEvent, register_event


@register_event
@dataclass(frozen=True, kw_only=True)
class Ticked(DomainEvent):
    """A test event. `hold` makes its first delivery block mid-handler (the worker-kill test)."""

    TYPE = "kernel.Ticked"
    VERSION = 1
    STREAM_TYPE = "tick"

    seq: int
    hold: bool = False
