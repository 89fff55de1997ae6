"""What the accounts app does when events arrive (listed in docs/events.md)."""

from accounts.events import PasswordResetRequested
from accounts.services import user_password_reset_mail
from core.events import EventEnvelope
from core.handlers import handler


# Outside a transaction: an SMTP server may take seconds, and no database lock may wait on it. A
# delivery that dies after sending and before it is recorded sends the link once more (harmless).
@handler(PasswordResetRequested.TYPE, name="accounts.mail_password_reset", transactional=False)
def mail_password_reset(envelope: EventEnvelope) -> None:
    event = envelope.event
    assert isinstance(event, PasswordResetRequested)  # the only event type this handler is registered for
    user_password_reset_mail(user_id=event.user_id)
