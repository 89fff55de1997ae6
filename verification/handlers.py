"""What the verification app does when events arrive (listed in docs/events.md)."""

from accounts.events import EmailConfirmed, UserRegistered
from core.consumers import Defer, current_task_id
from core.events import EventEnvelope
from core.handlers import handler
from verification.events import CedulaVerificationRequested
from verification.services import LookupBusy, cedula_info_open, cedula_verification_run


@handler(UserRegistered.TYPE, name="verification.open_cedula_check")
def open_cedula_check(envelope: EventEnvelope) -> None:
    """Accounts registered before e-mail confirmation existed (v1) are looked up at once; the others
    wait for `EmailConfirmed`."""
    event = envelope.event
    assert isinstance(event, UserRegistered)  # the only event type this handler is registered for
    if not event.awaits_email_confirmation:
        cedula_info_open(user_id=event.user_id, cause=envelope)


@handler(EmailConfirmed.TYPE, name="verification.open_cedula_check_on_confirmation")
def open_cedula_check_on_confirmation(envelope: EventEnvelope) -> None:
    event = envelope.event
    assert isinstance(event, EmailConfirmed)  # the only event type this handler is registered for
    cedula_info_open(user_id=event.user_id, cause=envelope)


# Long-running (a browser lookup): runs outside a transaction, on its own lane (cluster);
# idempotent through request_id and its claim.
@handler(CedulaVerificationRequested.TYPE, name="verification.run_lookup", transactional=False, lane="lookups")
def run_lookup(envelope: EventEnvelope) -> None:
    event = envelope.event
    assert isinstance(event, CedulaVerificationRequested)  # the only event type this handler is registered for
    try:
        cedula_verification_run(
            cedula_info_id=event.cedula_info_id, request_id=event.request_id, cause=envelope, task_id=current_task_id()
        )
    except LookupBusy as busy:
        # Another delivery of this request is looking it up (LookupBusy: the message stays open
        # until that claim's lease ends; its holder finishes it, or died and left it to us), or the
        # cédula's re-checks are spent (LookupNotYet: it waits until the limit allows it).
        raise Defer(busy.until) from None
