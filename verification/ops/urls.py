from django.urls import path

from verification.ops import views as ops_views

app_name = "ops"

urlpatterns = [
    path("salud/", ops_views.health_view, name="health"),
    path("metrics", ops_views.metrics_view, name="metrics"),
]
