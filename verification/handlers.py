"""What the verification app does when events arrive (listed in docs/events.md)."""

from accounts.events import EmailConfirmed, UserRegistered
from core.consumers import Defer, current_task_id
from core.events import EventEnvelope
from core.handlers import handler
from verification.alerts import staff_alert_mail
from verification.events import (
    CedulaVerificationCompleted,
    CedulaVerificationFailed,
    CedulaVerificationRequested,
    StaffAlertRaised,
)
from verification.notifications import cedula_result_mail
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


# Outside a transaction: an SMTP server may take seconds, and no lock may wait on it. The mail's own
# row (ResultMail) makes a redelivery send nothing.
@handler(CedulaVerificationCompleted.TYPE, name="verification.mail_result", transactional=False)
def mail_result(envelope: EventEnvelope) -> None:
    event = envelope.event
    assert isinstance(event, CedulaVerificationCompleted)  # the only event type this handler is registered for
    cedula_result_mail(cedula_info_id=event.cedula_info_id, event_id=envelope.event_id, result=event.outcome)


@handler(CedulaVerificationFailed.TYPE, name="verification.mail_waiting_for_staff", transactional=False)
def mail_waiting_for_staff(envelope: EventEnvelope) -> None:
    """Only a failure that waits for support staff: one with an automatic retry planned says nothing yet."""
    event = envelope.event
    assert isinstance(event, CedulaVerificationFailed)  # the only event type this handler is registered for
    if event.next_retry_at is None:
        cedula_result_mail(cedula_info_id=event.cedula_info_id, event_id=envelope.event_id, result=event.outcome)


@handler(StaffAlertRaised.TYPE, name="verification.mail_staff_alert", transactional=False)
def mail_staff_alert(envelope: EventEnvelope) -> None:
    """Once per episode: the alert's own mail claim makes a redelivery send nothing."""
    event = envelope.event
    assert isinstance(event, StaffAlertRaised)  # the only event type this handler is registered for
    staff_alert_mail(alert_id=event.alert_id)
