"""Domain events: immutable, past-tense, versioned.

An event class is a frozen dataclass registered under a stable type name with a schema version.
When its payload changes, bump `version` and register an upcaster from the old version: stored events
are never edited, they are upcast when read.
"""

import dataclasses
import uuid
from collections.abc import Callable
from datetime import datetime
from typing import Any, ClassVar, TypeVar

_EVENT_TYPES: dict[str, type["DomainEvent"]] = {}
Upcaster = Callable[[dict[str, Any]], dict[str, Any]]
_UPCASTERS: dict[tuple[str, int], Upcaster] = {}


@dataclasses.dataclass(frozen=True, kw_only=True)
class DomainEvent:
    """Base class. Subclasses set TYPE, VERSION and STREAM_TYPE, and declare payload fields."""

    TYPE: ClassVar[str]
    VERSION: ClassVar[int] = 1
    STREAM_TYPE: ClassVar[str]
    # Payload fields that carry personal data: stored encrypted with the key of the person named by
    # SUBJECT_FIELD (see core.personal_data); they read back as their defaults once that key is shredded.
    PERSONAL_FIELDS: ClassVar[tuple[str, ...]] = ()
    SUBJECT_FIELD: ClassVar[str | None] = None

    def payload(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    def subject(self) -> str | None:
        if not self.PERSONAL_FIELDS:
            return None
        # register_event refuses an event type with PERSONAL_FIELDS and no SUBJECT_FIELD.
        assert self.SUBJECT_FIELD is not None
        return subject_name(self.SUBJECT_FIELD, getattr(self, self.SUBJECT_FIELD))


def subject_name(field: str, value: object) -> str:
    """How a data subject is named in core.personal_data (e.g. "user_id:42")."""
    return f"{field}:{value}"


@dataclasses.dataclass(frozen=True)
class EventEnvelope:
    """A stored event as read back: the (upcast) domain event plus its metadata."""

    position: int
    event_id: uuid.UUID
    stream_type: str
    stream_id: str
    version: int
    event: DomainEvent
    occurred_at: datetime
    actor: str
    correlation_id: uuid.UUID
    causation_id: uuid.UUID | None
    # True when the event's personal fields were erased (the person's key was shredded).
    erased: bool = False

    @property
    def event_type(self) -> str:
        return self.event.TYPE


class UnknownEventTypeError(LookupError):
    pass


_EventClass = TypeVar("_EventClass", bound=type[DomainEvent])


def register_event(cls: _EventClass) -> _EventClass:
    """Class decorator: make an event type known to the store (for reading and the catalogue)."""
    if cls.PERSONAL_FIELDS:
        fields = {f.name: f for f in dataclasses.fields(cls)}
        if cls.SUBJECT_FIELD not in fields:
            raise TypeError(f"{cls.TYPE} has PERSONAL_FIELDS but no SUBJECT_FIELD naming whose they are")
        for name in cls.PERSONAL_FIELDS:
            field = fields[name]
            if field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING:
                raise TypeError(f"{cls.TYPE}.{name} is personal, so it needs a default (its erased value)")
    existing = _EVENT_TYPES.get(cls.TYPE)
    if existing is not None and existing is not cls:
        raise ValueError(f"event type {cls.TYPE!r} registered twice ({existing} and {cls})")
    _EVENT_TYPES[cls.TYPE] = cls
    return cls


def register_upcaster(event_type: str, from_version: int) -> Callable[[Upcaster], Upcaster]:
    """Decorator: a function turning a payload of `from_version` into one of `from_version + 1`."""

    def decorator(func: Upcaster) -> Upcaster:
        _UPCASTERS[(event_type, from_version)] = func
        return func

    return decorator


def event_types() -> dict[str, type[DomainEvent]]:
    return dict(_EVENT_TYPES)


def event_class(event_type: str) -> type[DomainEvent]:
    try:
        return _EVENT_TYPES[event_type]
    except KeyError:
        raise UnknownEventTypeError(event_type) from None


def upcast(event_type: str, schema_version: int, payload: dict[str, Any]) -> DomainEvent:
    """Bring a stored payload up to the current schema version and build the event object."""
    cls = event_class(event_type)
    data = dict(payload)
    version = schema_version
    while version < cls.VERSION:
        try:
            data = _UPCASTERS[(event_type, version)](data)
        except KeyError:
            raise UnknownEventTypeError(f"no upcaster for {event_type} v{version}") from None
        version += 1
    return cls(**data)


@register_event
@dataclasses.dataclass(frozen=True, kw_only=True)
class OutboxRequeued(DomainEvent):
    """Staff put dead or backing-off deliveries back in the queue (the audit record of the action).

    `message_ids` are the outbox rows actually requeued; the actor ("staff:<id>") is in the metadata.
    """

    TYPE = "core.OutboxRequeued"
    VERSION = 1
    STREAM_TYPE = "outbox"

    message_ids: list[int]
