from dataclasses import dataclass
from typing import Any

from core.events import DomainEvent, register_event, register_upcaster


@register_event
@dataclass(frozen=True, kw_only=True)
class UserRegistered(DomainEvent):
    """A person created their account. The payload names them by id only (no cédula, no name).

    v2: `awaits_email_confirmation` — their first lookup waits for `EmailConfirmed`. Accounts of v1
    (before confirmation existed) were looked up at registration."""

    TYPE = "accounts.UserRegistered"
    VERSION = 2
    STREAM_TYPE = "user"

    user_id: int
    awaits_email_confirmation: bool


@register_upcaster(UserRegistered.TYPE, from_version=1)
def _registered_v1_to_v2(payload: dict[str, Any]) -> dict[str, Any]:
    """v1 registrations were looked up at once."""
    return {**payload, "awaits_email_confirmation": False}


@register_event
@dataclass(frozen=True, kw_only=True)
class EmailConfirmationRequested(DomainEvent):
    """A confirmation link is to be mailed to the account's address (at registration, or the person
    asked for it again)."""

    TYPE = "accounts.EmailConfirmationRequested"
    VERSION = 1
    STREAM_TYPE = "user"

    user_id: int


@register_event
@dataclass(frozen=True, kw_only=True)
class EmailConfirmed(DomainEvent):
    """The account's address is confirmed: the person opened the mailed link (`method` "link") or
    staff vouched for it ("staff"). Their first lookup follows from this."""

    TYPE = "accounts.EmailConfirmed"
    VERSION = 1
    STREAM_TYPE = "user"

    user_id: int
    method: str


@register_event
@dataclass(frozen=True, kw_only=True)
class RegistrationForTakenCedula(DomainEvent):
    """Someone tried to register a cédula that already has an account (`user_id`): nothing was
    created, the page answered as for any registration, and the address they gave is told by mail
    (it is kept encrypted under the account's key, so erasing that account erases it too)."""

    TYPE = "accounts.RegistrationForTakenCedula"
    VERSION = 1
    STREAM_TYPE = "user"
    PERSONAL_FIELDS = ("email",)
    SUBJECT_FIELD = "user_id"

    user_id: int
    email: str = ""


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


@register_event
@dataclass(frozen=True, kw_only=True)
class CedulaClaimFiled(DomainEvent):
    """Someone claimed the cédula held by account `holder_id` (0: none any more) as theirs."""

    TYPE = "accounts.CedulaClaimFiled"
    VERSION = 1
    STREAM_TYPE = "claim"

    claim_id: int
    holder_id: int


@register_event
@dataclass(frozen=True, kw_only=True)
class CedulaClaimDecided(DomainEvent):
    """Support staff decided a claim: `decision` "transfer" (the holding account, `holder_id`, was
    erased and the claimant's account `claimant_id` opened with the cédula) or "reject"."""

    TYPE = "accounts.CedulaClaimDecided"
    VERSION = 1
    STREAM_TYPE = "claim"

    claim_id: int
    decision: str
    reason: str
    holder_id: int = 0
    claimant_id: int = 0


@register_event
@dataclass(frozen=True, kw_only=True)
class EmailChangeRequested(DomainEvent):
    """The person asked to use a new address (`User.pending_email`): a link is to be mailed to it; the
    current address stays in use until it is opened."""

    TYPE = "accounts.EmailChangeRequested"
    VERSION = 1
    STREAM_TYPE = "user"

    user_id: int


@register_event
@dataclass(frozen=True, kw_only=True)
class EmailChanged(DomainEvent):
    """The person opened the link mailed to their new address: it is now theirs, confirmed. The
    previous address (encrypted under the person's key) is told, in case it was not them."""

    TYPE = "accounts.EmailChanged"
    VERSION = 1
    STREAM_TYPE = "user"
    PERSONAL_FIELDS = ("previous_email",)
    SUBJECT_FIELD = "user_id"

    user_id: int
    previous_email: str = ""


@register_event
@dataclass(frozen=True, kw_only=True)
class PasswordChanged(DomainEvent):
    """The person changed their password on their account page (their other sessions end); the
    address is told, in case it was not them."""

    TYPE = "accounts.PasswordChanged"
    VERSION = 1
    STREAM_TYPE = "user"

    user_id: int
