from django.urls import path

from verification.support import views

urlpatterns = [
    path("soporte/", views.console_view, name="console"),
    path("soporte/reintentar/", views.console_retry_view, name="console_retry"),
    path("soporte/<int:cedula_info_id>/", views.console_record_view, name="console_record"),
]
