"""Django-Q2 entry points of the verification app."""

from verification.services import verification_sweep


def sweep() -> dict[str, int]:
    """Scheduled every minute: automatic retries that are due, and lost pending requests."""
    return verification_sweep()
