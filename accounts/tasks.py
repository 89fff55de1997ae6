"""Django-Q2 entry points of the accounts app."""

from accounts.services import user_unconfirmed_purge
from core.logging import fresh_correlation


def purge_unconfirmed() -> dict[str, int]:
    """Scheduled every 15 minutes: erase accounts whose address was never confirmed in time."""
    with fresh_correlation():
        return {"erased": user_unconfirmed_purge()}
