"""Signal adapters of the accounts app: thin, each calls one service."""

from typing import Any

from django.http import HttpRequest

from accounts.models import User
from accounts.services import user_session_seconds


def set_session_lifetime(sender: Any, request: HttpRequest, user: User, **kwargs: Any) -> None:
    request.session.set_expiry(user_session_seconds(user=user))
