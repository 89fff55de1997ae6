from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "Pagina-Madre: administración"
admin.site.site_title = "Pagina-Madre"
admin.site.index_title = "Administración"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("verification.ops.urls")),
    path("verificacion/", include("verification.urls")),
    path("", include("accounts.urls")),
]
