from django.contrib import admin

from verification.models import CedulaInfo, TransitionLog


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
        return str(obj.user)


@admin.register(TransitionLog)
class TransitionLogAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("created_at", "cedula_info", "from_state", "to_state", "transition", "actor", "attempt")
    list_filter = ("transition", "to_state", "created_at")
    search_fields = ("=correlation_id", "=event_id", "=cedula_info__user__cedula")
    list_select_related = ("cedula_info",)
