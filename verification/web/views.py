"""The person's own record: the live badge, the timeline and "Actualizar" (thin views over the
selectors and services; the presentation rules are in `verification.web.presentation`).

A person's URLs carry no cédula and no id: they always mean "my own record". Every view that can
answer htmx varies on HX-Request; a plain (no-JavaScript) request gets the whole page instead.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import HTMX_STOP_POLLING, HttpResponseClientRedirect, trigger_client_event

from accounts.http import AuthenticatedHtmxHttpRequest
from core.exceptions import ApplicationError
from core.http import HtmxHttpRequest
from verification.models import CedulaInfo
from verification.selectors import (
    BadgeState,
    cedula_info_badge_state,
    cedula_info_get_for_user,
    cedula_info_timeline,
    cedula_queue_position_for,
)
from verification.services import cedula_verification_refresh
from verification.web import presentation as ui

PANEL = "verification/panel.html"
CONSOLE = "verification/console.html"
RECORD = "verification/console_record.html"
SUPPORT_PERMISSION = "verification.retry_cedulainfo"
CONSOLE_PAGE_SIZE = 25


# --- The person's own record ----------------------------------------------------------------
def _badge_response(
    request: HttpRequest, info: CedulaInfo | None, *, message: str = "", status: int | None = None
) -> HttpResponse:
    badge = ui.badge_for(info, now=timezone.now(), queue=cedula_queue_position_for(info))
    if request.method == "GET" and request.GET.get("k") == badge.fingerprint:
        return HttpResponse(status=204)  # the page already shows exactly this
    context = {"info": info, **ui.badge_context(badge, message=message, oob=True)}
    if status is None:
        status = HTMX_STOP_POLLING if badge.final else 200
    response = render(request, f"{PANEL}#badge_response", context, status=status)
    # The client says which version it shows; when it is stale the timeline is told to reload.
    if request.GET.get("v", request.POST.get("v")) != str(badge.version):
        # On <body> by name: htmx 4 fires HX-Trigger events after the swap, on the element that asked,
        # which the swap has just replaced (detached, the event would reach no listener).
        trigger_client_event(response, ui.BADGE_CHANGED_EVENT, {"target": "body"})
    return response


def _person(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Logged in with a confirmed address; when a poll finds the session gone, send the whole page to
    the login (HX-Redirect) instead of swapping a login form into the badge."""

    @wraps(view)
    def wrapper(request: HtmxHttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.htmx and not request.user.is_authenticated:
            return HttpResponseClientRedirect(f"{resolve_url(settings.LOGIN_URL)}?next=/")
        if getattr(request.user, "awaits_email_confirmation", False):
            # Nothing is looked up or shown before the address is confirmed: the home page says so.
            return HttpResponseClientRedirect("/") if request.htmx else redirect("accounts:home")
        return login_required(view)(request, *args, **kwargs)

    return wrapper


def _badge_of_state(state: BadgeState | None) -> ui.Badge:
    return ui.badge_for(state, now=timezone.now(), queue=cedula_queue_position_for(state))


@never_cache
@require_GET
@vary_on_headers("HX-Request")
@_person
def badge_view(request: AuthenticatedHtmxHttpRequest) -> HttpResponse:
    """The polled status badge (htmx); a plain request goes to the page that shows it.

    The hot path: a poll that says which badge its page shows (`k`) and finds it unchanged is
    answered 204 from the badge's own fields (one light query beyond authentication); only a
    changed badge loads the whole record to render it.
    """
    if not request.htmx:
        return redirect("accounts:home")
    shown = request.GET.get("k")
    if shown is not None and _badge_of_state(cedula_info_badge_state(user_id=request.user.pk)).fingerprint == shown:
        return HttpResponse(status=204)  # the page already shows exactly this
    return _badge_response(request, cedula_info_get_for_user(user=request.user))


@never_cache
@require_GET
@vary_on_headers("HX-Request")
@_person
def timeline_view(request: AuthenticatedHtmxHttpRequest) -> HttpResponse:
    if not request.htmx:
        return redirect("accounts:home")
    info = cedula_info_get_for_user(user=request.user)
    badge = ui.badge_for(info, now=timezone.now(), queue=cedula_queue_position_for(info))
    logs = cedula_info_timeline(cedula_info=info) if info else []
    status = HTMX_STOP_POLLING if badge.final else 200
    return render(request, f"{PANEL}#timeline", ui.timeline_context(badge, logs), status=status)


@never_cache
@require_POST
@vary_on_headers("HX-Request")
@_person
def refresh_view(request: AuthenticatedHtmxHttpRequest) -> HttpResponse:
    """The "Actualizar" button: ask for a fresh lookup (the service enforces the rate limit)."""
    message = ""
    try:
        cedula_verification_refresh(user=request.user)
    except ApplicationError as exc:
        message = exc.message
    if not request.htmx:
        if message:
            messages.warning(request, message)
        else:
            messages.success(request, "Estamos verificando su cédula de nuevo.")
        return redirect("accounts:home")
    info = cedula_info_get_for_user(user=request.user)
    return _badge_response(request, info, message=message or "Estamos verificando su cédula de nuevo.", status=200)
