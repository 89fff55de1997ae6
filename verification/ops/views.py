"""Operations endpoints: a health check for load balancers and Prometheus metrics. No personal data."""

import hmac

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from verification.ops.operations import health, prometheus_metrics


@never_cache
@require_GET
def health_view(request: HttpRequest) -> JsonResponse:
    """200 while this node can serve ("ok" or "degraded"); 503 when it cannot ("fail").
    `?strict=1` also answers 503 when degraded, for monitoring rather than load balancing."""
    status, details = health()
    failing = status == "fail" or (status == "degraded" and request.GET.get("strict") == "1")
    return JsonResponse(details, status=503 if failing else 200)


@never_cache
@require_GET
def metrics_view(request: HttpRequest) -> HttpResponse:
    token = settings.METRICS_TOKEN
    if token:
        supplied = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
        if not hmac.compare_digest(supplied, token):
            return HttpResponse("No autorizado.\n", status=401, content_type="text/plain; charset=utf-8")
    return HttpResponse(prometheus_metrics(), content_type="text/plain; version=0.0.4; charset=utf-8")
