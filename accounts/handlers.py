"""What the accounts app does when events arrive (listed in docs/events.md)."""

from accounts.events import (
    CedulaClaimDecided,
    EmailChanged,
    EmailChangeRequested,
    EmailConfirmationRequested,
    PasswordChanged,
    PasswordResetRequested,
    RegistrationForTakenCedula,
)
from accounts.services import (
    cedula_claim_decision_mail,
    user_email_change_mail,
    user_email_changed_mail,
    user_email_confirmation_mail,
    user_password_changed_mail,
    user_password_reset_mail,
    user_taken_cedula_mail,
)
from core.events import EventEnvelope
from core.handlers import handler


# Outside a transaction: an SMTP server may take seconds, and no database lock may wait on it. A
# delivery that dies after sending and before it is recorded sends the link once more (harmless).
@handler(PasswordResetRequested.TYPE, name="accounts.mail_password_reset", transactional=False)
def mail_password_reset(envelope: EventEnvelope) -> None:
    event = envelope.event
    assert isinstance(event, PasswordResetRequested)  # the only event type this handler is registered for
    user_password_reset_mail(user_id=event.user_id)


@handler(EmailConfirmationRequested.TYPE, name="accounts.mail_email_confirmation", transactional=False)
def mail_email_confirmation(envelope: EventEnvelope) -> None:
    event = envelope.event
    assert isinstance(event, EmailConfirmationRequested)  # the only event type this handler is registered for
    user_email_confirmation_mail(user_id=event.user_id)


@handler(RegistrationForTakenCedula.TYPE, name="accounts.mail_taken_cedula", transactional=False)
def mail_taken_cedula(envelope: EventEnvelope) -> None:
    event = envelope.event
    assert isinstance(event, RegistrationForTakenCedula)  # the only event type this handler is registered for
    user_taken_cedula_mail(user_id=event.user_id, email=event.email, attempt_id=envelope.event_id)


@handler(CedulaClaimDecided.TYPE, name="accounts.mail_claim_decision", transactional=False)
def mail_claim_decision(envelope: EventEnvelope) -> None:
    event = envelope.event
    assert isinstance(event, CedulaClaimDecided)  # the only event type this handler is registered for
    cedula_claim_decision_mail(claim_id=event.claim_id)


@handler(EmailChangeRequested.TYPE, name="accounts.mail_email_change", transactional=False)
def mail_email_change(envelope: EventEnvelope) -> None:
    event = envelope.event
    assert isinstance(event, EmailChangeRequested)  # the only event type this handler is registered for
    user_email_change_mail(user_id=event.user_id)


@handler(EmailChanged.TYPE, name="accounts.mail_email_changed", transactional=False)
def mail_email_changed(envelope: EventEnvelope) -> None:
    event = envelope.event
    assert isinstance(event, EmailChanged)  # the only event type this handler is registered for
    user_email_changed_mail(user_id=event.user_id, previous_email=event.previous_email)


@handler(PasswordChanged.TYPE, name="accounts.mail_password_changed", transactional=False)
def mail_password_changed(envelope: EventEnvelope) -> None:
    event = envelope.event
    assert isinstance(event, PasswordChanged)  # the only event type this handler is registered for
    user_password_changed_mail(user_id=event.user_id)
