"""Django-Q2 entry points of the verification app."""

from core.logging import fresh_correlation
from verification.services import verification_sweep


def sweep() -> dict[str, int]:
    """Scheduled every minute: automatic retries that are due, and lost pending requests."""
    with fresh_correlation():
        return verification_sweep()
