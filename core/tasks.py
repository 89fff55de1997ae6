"""Django-Q2 entry points of the kernel. Thin: parse arguments, call one service."""

from core.consumers import outbox_deliver
from core.relay import relay_dispatch_due


def deliver(message_id: int) -> str:
    return outbox_deliver(message_id=message_id)


def relay_sweep() -> int:
    """Scheduled safety net: dispatch whatever is due (also run by `manage.py relay`)."""
    return relay_dispatch_due()
