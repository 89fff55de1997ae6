"""Django-Q2 entry points of the kernel. Thin: parse arguments, call one service."""

from core.consumers import outbox_deliver


def deliver(message_id: int) -> str:
    return outbox_deliver(message_id=message_id)
