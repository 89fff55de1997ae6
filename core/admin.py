"""Support views of the kernel: a read-only event browser and the outbox (lag, dead letters, requeue).

Nothing here edits history: events cannot be added, changed or deleted from the admin; the only write
is the outbox requeue, gated by `core.requeue_outboxmessage` and recorded as a `core.OutboxRequeued`
event by the service.
"""

from typing import TYPE_CHECKING, Any

from django.contrib import admin, messages
from django.db.models import Model, QuerySet
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.http import urlencode

from core.consumers import outbox_requeue
from core.models import OutboxMessage, OutboxStatus, StoredEvent
from core.relay import outbox_status

if TYPE_CHECKING:
    # ModelAdmin is generic in django-stubs only: Django's class cannot be subscripted at run time.
    _ModelAdmin = admin.ModelAdmin[Model]
else:
    _ModelAdmin = admin.ModelAdmin


class ReadOnlyAdmin(_ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False


def _changelist(model: str, **params: str) -> str:
    return f"{reverse(f'admin:core_{model}_changelist')}?{urlencode(params)}"


@admin.register(StoredEvent)
class StoredEventAdmin(ReadOnlyAdmin):
    list_display = ("position", "event_type", "stream_link", "version", "occurred_at", "actor", "correlation_link")
    list_filter = ("event_type", "stream_type")
    search_fields = ("=stream_id", "=actor")
    search_help_text = "Busque por id de flujo (p. ej. 42) o actor (p. ej. staff:7)."
    ordering = ("-position",)
    list_per_page = 50
    fields = (
        "position",
        "event_id",
        "event_type",
        "schema_version",
        "stream_link",
        "version",
        "payload",
        "occurred_at",
        "actor",
        "correlation_link",
        "cause_link",
        "caused_links",
        "deliveries_links",
    )
    readonly_fields = fields

    @admin.display(description="flujo", ordering="stream_id")
    def stream_link(self, obj: StoredEvent) -> str:
        url = _changelist("storedevent", stream_type=obj.stream_type, stream_id=obj.stream_id)
        return format_html('<a href="{}">{}</a>', url, obj.stream)

    @admin.display(description="correlación")
    def correlation_link(self, obj: StoredEvent) -> str:
        url = _changelist("storedevent", correlation_id=str(obj.correlation_id))
        return format_html('<a href="{}">{}</a>', url, obj.correlation_id)

    @admin.display(description="causado por")
    def cause_link(self, obj: StoredEvent) -> str:
        if obj.causation_id is None:
            return "— (acción directa)"
        cause = StoredEvent.objects.filter(event_id=obj.causation_id).first()
        if cause is None:
            return f"{obj.causation_id} (no es un evento almacenado)"
        url = reverse("admin:core_storedevent_change", args=[cause.pk])
        return format_html('<a href="{}">{}</a>', url, cause)

    @admin.display(description="eventos que causó")
    def caused_links(self, obj: StoredEvent) -> str:
        caused = StoredEvent.objects.filter(causation_id=obj.event_id).order_by("position")
        if not caused:
            return "—"
        return format_html_join(
            ", ", '<a href="{}">{}</a>', ((reverse("admin:core_storedevent_change", args=[e.pk]), e) for e in caused)
        )

    @admin.display(description="entregas")
    def deliveries_links(self, obj: StoredEvent) -> str:
        deliveries = obj.deliveries.order_by("handler")
        if not deliveries:
            return "— (ningún consumidor)"
        return format_html_join(
            ", ",
            '<a href="{}">{} ({})</a>',
            (
                (reverse("admin:core_outboxmessage_change", args=[m.pk]), m.handler, m.get_status_display())
                for m in deliveries
            ),
        )


@admin.register(OutboxMessage)
class OutboxMessageAdmin(ReadOnlyAdmin):
    list_display = (
        "id",
        "handler",
        "stream",
        "status",
        "failure_count",
        "dispatch_count",
        "created_at",
        "available_at",
        "short_error",
    )
    list_filter = ("status", "handler")
    search_fields = ("=stream",)
    search_help_text = "Busque por flujo exacto (p. ej. user:42)."
    ordering = ("-id",)
    list_select_related = ("event",)
    actions = ("requeue",)
    readonly_fields = [f.name for f in OutboxMessage._meta.fields]

    @admin.display(description="último error")
    def short_error(self, obj: OutboxMessage) -> str:
        return obj.last_error[:80]

    def has_requeue_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("core.requeue_outboxmessage")

    @admin.action(description="Reencolar los mensajes seleccionados (fallidos o en espera)", permissions=["requeue"])
    def requeue(self, request: HttpRequest, queryset: QuerySet[OutboxMessage]) -> None:
        count = outbox_requeue(
            message_ids=list(queryset.values_list("id", flat=True)), actor=f"staff:{request.user.pk}"
        )
        skipped = queryset.count() - count
        self.message_user(request, f"{count} mensaje(s) reencolado(s).", messages.SUCCESS)
        if skipped:
            self.message_user(
                request, f"{skipped} mensaje(s) no se reencolaron: ya se procesaron o están en curso.", messages.WARNING
            )

    def changelist_view(self, request: HttpRequest, extra_context: dict[str, Any] | None = None) -> HttpResponse:
        state = outbox_status()
        extra_context = {
            **(extra_context or {}),
            "title": (
                f"Bandeja de salida — retraso: {state['lag_seconds']:.0f} s · pendientes: {state['pending']} · "
                f"en curso: {state['dispatched']} · fallidos (dead letter): {state[OutboxStatus.DEAD]}"
            ),
        }
        return super().changelist_view(request, extra_context)
