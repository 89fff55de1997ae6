"""Django-Q2 entry points of the verification app."""

from core.logging import fresh_correlation
from verification.services import person_lookup_requests_purge, verification_sweep


def sweep() -> dict[str, int]:
    """Scheduled every minute: automatic retries that are due, lost pending requests, and the
    people's lookup asks no allowance counts any more."""
    with fresh_correlation():
        return {**verification_sweep(), "purged": person_lookup_requests_purge()}
