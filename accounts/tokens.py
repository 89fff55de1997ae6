"""The one-time token of an e-mail confirmation link (Django's reset-token scheme, its own salt).

A token names the address it confirms: it stops working once that address is confirmed or changed,
and after ACCOUNTS_CONFIRMATION_HOURS."""

from django.conf import settings
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.utils.crypto import constant_time_compare
from django.utils.http import base36_to_int

from accounts.models import User


class EmailConfirmationTokenGenerator(PasswordResetTokenGenerator):
    key_salt = "pagina-madre.accounts.EmailConfirmationTokenGenerator"

    def _make_hash_value(self, user: User, timestamp: int) -> str:
        confirmed = "" if user.email_confirmed_at is None else user.email_confirmed_at.isoformat()
        return f"{user.pk}{user.email}{confirmed}{timestamp}"

    def check_token(self, user: User | None, token: str | None) -> bool:
        """Django's check, with the confirmation's own lifetime instead of PASSWORD_RESET_TIMEOUT."""
        if user is None or not token:
            return False
        try:
            ts_b36, _ = token.split("-")
            ts = base36_to_int(ts_b36)
        except ValueError:
            return False
        if not any(
            constant_time_compare(self._make_token_with_timestamp(user, ts, secret), token)
            for secret in [self.secret, *self.secret_fallbacks]
        ):
            return False
        lifetime: int = settings.ACCOUNTS_CONFIRMATION_HOURS * 3600
        return self._num_seconds(self._now()) - ts <= lifetime


email_confirmation_tokens = EmailConfirmationTokenGenerator()


class EmailChangeTokenGenerator(EmailConfirmationTokenGenerator):
    """The link mailed to a new address: it names that address and the current one, so it stops
    working once the change is made, another new address is asked for, or the lifetime ends."""

    key_salt = "pagina-madre.accounts.EmailChangeTokenGenerator"

    def _make_hash_value(self, user: User, timestamp: int) -> str:
        return f"{user.pk}{user.email}{user.pending_email}{timestamp}"


email_change_tokens = EmailChangeTokenGenerator()
