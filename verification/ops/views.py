"""Operations endpoints: a health check for load balancers and Prometheus metrics. No personal data.

Who may read the details: staff (logged in) or a caller with `Authorization: Bearer <METRICS_TOKEN>`.
Anyone else gets the health status alone (enough for a load balancer); in production `/metrics`
stays closed until METRICS_TOKEN is set.
"""

import hmac

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from verification.ops.operations import health, prometheus_metrics


def _bearer_ok(request: HttpRequest) -> bool:
    token: str = settings.METRICS_TOKEN
    supplied = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
    return bool(token) and hmac.compare_digest(supplied, token)


def _may_read_details(request: HttpRequest) -> bool:
    return _bearer_ok(request) or bool(getattr(request.user, "is_staff", False))


@never_cache
@require_safe
def health_view(request: HttpRequest) -> JsonResponse:
    """200 while this node can serve and work flows ("ok" or "degraded"); 503 when it cannot or the
    work stalled ("fail", with a `reason`). `?scope=node` checks this node only (database, broker):
    for load balancers, which must not drop every web node when the workers stall.
    `?strict=1` also answers 503 when degraded, for monitoring rather than load balancing. HEAD
    answers the same status without a body (load balancers probe with it)."""
    status, details = health(node_only=request.GET.get("scope") == "node")
    failing = status == "fail" or (status == "degraded" and request.GET.get("strict") == "1")
    body = details if _may_read_details(request) else {k: v for k, v in details.items() if k in ("status", "reason")}
    return JsonResponse(body, status=503 if failing else 200)


@never_cache
@require_safe
def metrics_view(request: HttpRequest) -> HttpResponse:
    token: str = settings.METRICS_TOKEN
    production = settings.DJANGO_ENV == "production"
    if (token or production) and not _bearer_ok(request):
        return HttpResponse("No autorizado.\n", status=401, content_type="text/plain; charset=utf-8")
    return HttpResponse(prometheus_metrics(), content_type="text/plain; version=0.0.4; charset=utf-8")
