"""Drive the outbox by hand in service tests: deliver every due message, as workers would."""

from core.consumers import outbox_deliver
from core.models import OutboxMessage, OutboxStatus
from core.relay import outbox_claim_batch
from tests.factories import UserFactory


def drain_outbox(max_rounds: int = 20) -> int:
    delivered = 0
    for _ in range(max_rounds):
        ids = outbox_claim_batch(limit=1000)
        if not ids:
            return delivered
        for message_id in ids:
            outbox_deliver(message_id=message_id)
            delivered += 1
    raise AssertionError("outbox did not drain")


def register(cedula: str, *, confirm: bool = True):
    """A person registers (`user_register`) and, unless `confirm` is False, opens the confirmation link
    mailed to them (`user_email_confirm`), which asks for their first lookup."""
    from accounts.services import user_register

    user = user_register(
        cedula=cedula, nombres="Ana", apellidos="Prueba", email=f"{cedula}@example.org", password="clave-larga-2026"
    )
    if confirm:
        confirm_email(user)
    return user


def confirmation_path(user) -> str:
    """The path of the link mailed to `user` to confirm their address (what the mail shows)."""
    user.refresh_from_db()
    return confirmation_path_for(user_id=user.pk, email=user.email)


def confirmation_path_for(*, user_id: int, email: str) -> str:
    """The same, for an unconfirmed account known by its id and address only (read from another
    process's database): the token depends on nothing else but the secret key and the time."""
    from django.urls import reverse
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    from accounts.models import User
    from accounts.tokens import email_confirmation_tokens

    unconfirmed = User(pk=user_id, email=email, email_confirmed_at=None)
    token = email_confirmation_tokens.make_token(unconfirmed)
    return reverse(
        "accounts:email_confirm", kwargs={"uidb64": urlsafe_base64_encode(force_bytes(user_id)), "token": token}
    )


def confirm_email(user) -> None:
    """Open the confirmation link, as the person does from their mail."""
    from accounts.services import user_email_confirm

    *_, uidb64, token, _ = confirmation_path(user).split("/")
    user_email_confirm(uidb64=uidb64, token=token)


def open_outbox_count() -> int:
    return OutboxMessage.objects.exclude(status=OutboxStatus.DONE).count()


__all__ = [
    "UserFactory",
    "confirm_email",
    "confirmation_path",
    "confirmation_path_for",
    "drain_outbox",
    "open_outbox_count",
    "register",
]
