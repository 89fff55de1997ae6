"""Django-Q2 entry points of the verification app."""

from core.logging import fresh_correlation
from verification.alerts import staff_alerts_evaluate
from verification.services import person_lookup_requests_purge, verification_sweep


def sweep() -> dict[str, int]:
    """Scheduled every minute: automatic retries that are due, lost pending requests, re-validations,
    the people's lookup asks no allowance counts any more, and the staff alerts."""
    with fresh_correlation():
        alerts = staff_alerts_evaluate()
        return {
            **verification_sweep(),
            "purged": person_lookup_requests_purge(),
            "alerts_raised": len(alerts["raised"]),
            "alerts_cleared": len(alerts["cleared"]),
        }
