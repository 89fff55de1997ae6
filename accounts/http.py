"""Request helpers: the client's address, and request types for the type checker in views that only
a logged-in person reaches."""

from django.http import HttpRequest

from accounts.models import User
from core.http import HtmxHttpRequest


class AuthenticatedHttpRequest(HttpRequest):
    """A request to a `login_required` view: `request.user` is an account, never AnonymousUser.
    Only an annotation: views receive Django's own request objects."""

    user: User


class AuthenticatedHtmxHttpRequest(AuthenticatedHttpRequest, HtmxHttpRequest):
    """A logged-in person's request that htmx may have sent."""


def client_ip(request: HttpRequest) -> str:
    """The client's address as the web server saw it (behind a proxy, see docs/deploy.md)."""
    return str(request.META.get("REMOTE_ADDR", "unknown"))
