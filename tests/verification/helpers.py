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


def register(cedula: str):
    from accounts.services import user_register

    user = user_register(
        cedula=cedula, nombres="Ana", apellidos="Prueba", email=f"{cedula}@example.org", password="clave-larga-2026"
    )
    return user


def open_outbox_count() -> int:
    return OutboxMessage.objects.exclude(status=OutboxStatus.DONE).count()


__all__ = ["UserFactory", "drain_outbox", "open_outbox_count", "register"]
