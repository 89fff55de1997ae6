from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.urls import path

from core.urls import urlpatterns as product_urlpatterns


def trivial(request):
    """The baseline: the same server, middleware and worker, no work of its own."""
    return HttpResponse("ok", content_type="text/plain")


@login_required
def trivial_logged_in(request):
    """The same, behind the session and user look-ups every person's request pays (2 queries)."""
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [
    path("bench/trivial/", trivial),
    path("bench/trivial-logged-in/", trivial_logged_in),
    *product_urlpatterns,
]
