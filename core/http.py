"""Request types for the type checker: what the project's middleware adds to Django's HttpRequest."""

from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails


class HtmxHttpRequest(HttpRequest):
    """A request that went through django-htmx's HtmxMiddleware: `request.htmx` says whether htmx sent
    it and what it asked for. Only an annotation: views receive Django's own request objects."""

    htmx: HtmxDetails
