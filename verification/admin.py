from typing import Any

from django.contrib import admin
from django.http import HttpRequest, HttpResponse

from verification.lookup import RESULT_FIELDS
from verification.models import CedulaInfo, TransitionLog
from verification.services import cedula_info_census_viewed

# What only superusers see of a record (support staff work from the reason and the site, as in the
# console): the census answer and the attempt's evidence.
CENSUS_FIELDS = (*RESULT_FIELDS, "evidence")


class ReadOnlyAdminMixin:
    """Projections are written by services only: the admin shows them and changes nothing."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class TransitionLogInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = TransitionLog
    fields = ("created_at", "from_state", "to_state", "transition", "actor", "reason", "attempt", "task_id")
    readonly_fields = fields
    ordering = ("position",)
    extra = 0
    can_delete = False


@admin.register(CedulaInfo)
class CedulaInfoAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("pk", "user_masked", "status", "reason", "attempts", "last_checked_at", "next_retry_at", "site")
    list_filter = ("status", "site", "reason", "requested_at", "last_checked_at")
    date_hierarchy = "requested_at"
    # Search by user: exact cédula (never a partial match on the number), names or e-mail.
    search_fields = ("=user__cedula", "user__nombres", "user__apellidos", "user__email")
    inlines = [TransitionLogInline]
    list_select_related = ("user",)

    @admin.display(description="persona")
    def user_masked(self, obj: CedulaInfo) -> str:
        return str(obj.user) if obj.user else "— (datos eliminados)"

    def get_fields(self, request: HttpRequest, obj: CedulaInfo | None = None) -> list[Any]:
        fields = [f for f in super().get_fields(request, obj) if f not in ("user", "user_masked")]
        if not getattr(request.user, "is_superuser", False):
            fields = [f for f in fields if f not in CENSUS_FIELDS]
        return ["user_masked", *fields]

    def get_readonly_fields(self, request: HttpRequest, obj: CedulaInfo | None = None) -> list[str]:
        return ["user_masked"]

    def change_view(
        self, request: HttpRequest, object_id: str, form_url: str = "", extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        response = super().change_view(request, object_id, form_url, extra_context)
        user = request.user
        if request.method == "GET" and response.status_code == 200 and getattr(user, "is_superuser", False):
            cedula_info_census_viewed(cedula_info_id=int(object_id), staff_user=user)  # type: ignore[arg-type]
        return response


@admin.register(TransitionLog)
class TransitionLogAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("created_at", "cedula_info", "from_state", "to_state", "transition", "actor", "attempt")
    list_filter = ("transition", "to_state", "created_at")
    search_fields = ("=correlation_id", "=event_id", "=cedula_info__user__cedula")
    list_select_related = ("cedula_info",)
