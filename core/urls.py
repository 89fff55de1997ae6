from django.contrib import admin
from django.urls import include, path

from accounts.forms import AdminLoginForm

admin.site.site_header = "Pagina-Madre: administración"
admin.site.site_title = "Pagina-Madre"
admin.site.index_title = "Administración"
# The admin's login is throttled as the person's is (accounts/throttle.py): no lock-outs.
admin.site.login_form = AdminLoginForm
admin.site.login_template = "admin/pm_login.html"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("verification.ops.urls")),
    path("verificacion/", include("verification.urls")),
    path("", include("accounts.urls")),
]
