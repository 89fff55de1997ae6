"""Django-Q2 entry points of the kernel. Thin: parse arguments, call one service."""

from core.consumers import outbox_deliver
from core.logging import fresh_correlation


def deliver(message_id: int) -> str:
    # A worker process runs task after task: none logs under the previous one's correlation id.
    with fresh_correlation():
        return outbox_deliver(message_id=message_id)
