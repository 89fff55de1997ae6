from django.urls import path

from verification.web import views

# The person's own record: no cédula and no id in any of these URLs.
urlpatterns = [
    path("estado/", views.badge_view, name="badge"),
    path("historial/", views.timeline_view, name="timeline"),
    path("actualizar/", views.refresh_view, name="refresh"),
]
