from django.urls import path

from verification import views

app_name = "verification"

urlpatterns = [
    # The person's own record: no cédula and no id in any of these URLs.
    path("estado/", views.badge_view, name="badge"),
    path("historial/", views.timeline_view, name="timeline"),
    path("actualizar/", views.refresh_view, name="refresh"),
    # Support staff.
    path("soporte/", views.console_view, name="console"),
    path("soporte/reintentar/", views.console_retry_view, name="console_retry"),
    path("soporte/<int:cedula_info_id>/", views.console_record_view, name="console_record"),
]
