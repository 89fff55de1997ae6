from dataclasses import dataclass

from core.events import DomainEvent, register_event


@register_event
@dataclass(frozen=True, kw_only=True)
class UserRegistered(DomainEvent):
    """A person created their account. The payload names them by id only (no cédula, no name)."""

    TYPE = "accounts.UserRegistered"
    VERSION = 1
    STREAM_TYPE = "user"

    user_id: int


@register_event
@dataclass(frozen=True, kw_only=True)
class UserErased(DomainEvent):
    """A person's account and personal data were deleted at their request (habeas data). Their
    earlier events stay, with their personal fields unreadable (the key was shredded)."""

    TYPE = "accounts.UserErased"
    VERSION = 1
    STREAM_TYPE = "user"

    user_id: int


@register_event
@dataclass(frozen=True, kw_only=True)
class PasswordResetRequested(DomainEvent):
    """Somebody asked for a password-reset link to the account's e-mail (the mail goes out from a
    consumer, so the request's answer takes the same time whether or not the address has an account)."""

    TYPE = "accounts.PasswordResetRequested"
    VERSION = 1
    STREAM_TYPE = "user"

    user_id: int
