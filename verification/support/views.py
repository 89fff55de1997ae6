"""The support console: records that need a person, one record's history, and retries (thin views
over the selectors and services)."""

from datetime import timedelta
from typing import Any, cast

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import HTMX_STOP_POLLING

from accounts.http import AuthenticatedHttpRequest
from core.exceptions import ApplicationError
from core.http import HtmxHttpRequest
from verification.alerts import TITLES, staff_alerts_open
from verification.selectors import (
    AttentionRecords,
    captcha_spend_today,
    cedula_info_get_for_support,
    cedula_info_list_for_support,
    cedula_info_support_filter_options,
    cedula_info_support_retryable,
    cedula_info_timeline,
    verification_breaker_states,
)
from verification.services import cedula_verification_retry_many
from verification.states import FINAL_STATES
from verification.support.forms import RetryForm, SupportFilterForm
from verification.web import presentation as ui

PANEL = "verification/panel.html"
CONSOLE = "verification/console.html"
RECORD = "verification/console_record.html"
SUPPORT_PERMISSION = "verification.retry_cedulainfo"
CONSOLE_PAGE_SIZE = 25


# --- Support console ------------------------------------------------------------------------
class BoundedPaginator(Paginator):
    """Counts at most COUNT_CAP records (a campaign can have tens of thousands needing attention,
    and an exact count would read them all on every poll); `capped` says the count is a floor."""

    COUNT_CAP = 1000

    def __init__(self, records: AttentionRecords, per_page: int) -> None:
        # AttentionRecords pages like a QuerySet (count, bounded slices), not as django-stubs' protocol.
        super().__init__(cast(Any, records), per_page)
        self.records = records

    @cached_property
    def count(self) -> int:
        return self.records.count_up_to(self.COUNT_CAP + 1)

    @property
    def capped(self) -> bool:
        return self.count > self.COUNT_CAP


def _support(view):
    """Logged-in staff with the retry permission; everyone else gets 403 (anonymous: login)."""
    return login_required(permission_required(SUPPORT_PERMISSION, raise_exception=True)(view))


def _console_context(request: HttpRequest) -> dict:
    options = cedula_info_support_filter_options()
    form = SupportFilterForm(request.GET or None, sites=options["sites"], reasons=options["reasons"])
    filters = form.cleaned_filters()
    stuck_before = timezone.now() - timedelta(seconds=settings.VERIFICATION_PENDING_DEADLINE_SECONDS)
    records = cedula_info_list_for_support(stuck_before=stuck_before, **filters)
    page = BoundedPaginator(records, CONSOLE_PAGE_SIZE).get_page(request.GET.get("page"))
    query = {k: v for k, v in filters.items() if v}
    return {
        "form": form,
        "page": page,
        "query": query,
        "list_url": request.get_full_path(),
        "breakers": verification_breaker_states(known_sites=options["sites"]),
        "alerts": [(alert, TITLES.get(alert.kind, alert.kind)) for alert in staff_alerts_open()],
        "captcha": captcha_spend_today(),
        "console_trigger": ui.poll_trigger(ui.console_poll_seconds()),
    }


@require_GET
@_support
@vary_on_headers("HX-Request")
def console_view(request: HtmxHttpRequest) -> HttpResponse:
    """Records that need a person, filterable and paginated; htmx polls the #list partial."""
    template = f"{CONSOLE}#list" if request.htmx else CONSOLE
    context = _console_context(request)
    if not request.htmx:
        context["retry_form"] = RetryForm()
    return render(request, template, context)


@require_GET
@_support
@vary_on_headers("HX-Request")
def console_record_view(request: HtmxHttpRequest, cedula_info_id: int) -> HttpResponse:
    info = cedula_info_get_for_support(cedula_info_id=cedula_info_id)
    if info is None:
        raise Http404
    final = info.status in FINAL_STATES
    context = {
        "info": info,
        "logs": [(log, ui.actor_label(log.actor)) for log in reversed(cedula_info_timeline(cedula_info=info))],
        "record_trigger": "" if final else ui.poll_trigger(ui.console_poll_seconds()),
        "retry_form": RetryForm(initial={"ids": [info.pk]}),
        "retryable": cedula_info_support_retryable(info=info),
    }
    if request.htmx:
        return render(request, f"{RECORD}#record", context, status=HTMX_STOP_POLLING if final else 200)
    return render(request, RECORD, context)


@require_POST
@_support
def console_retry_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Retry the selected records with a reason (each through the state-machine service, audited)."""
    form = RetryForm(request.POST)
    back = request.POST.get("next") or ""
    if not back.startswith(reverse("verification:console")):
        back = reverse("verification:console")
    if not form.is_valid():
        for error in form.errors.values():
            # ErrorList[i] is the message text at run time; django-stubs types it as the stored ValidationError.
            messages.error(request, error[0])  # type: ignore[arg-type]
        return redirect(back)
    try:
        report = cedula_verification_retry_many(
            cedula_info_ids=form.cleaned_data["ids"], staff_user=request.user, reason=form.cleaned_data["reason"]
        )
    except PermissionError as exc:
        raise PermissionDenied from exc
    except ApplicationError as exc:
        messages.error(request, exc.message)
        return redirect(back)
    if report.retried:
        messages.success(request, f"Reintento pedido para {len(report.retried)} verificación(es).")
    for pk, why in report.refused.items():
        messages.warning(request, f"#{pk}: {why}")
    return redirect(back)
