"""The event-sourcing kernel's tables: the event store, the outbox and the consumers' inbox.

`core` never imports `accounts` or `verification`: they register their events, handlers and
projections with the kernel, not the other way round.
"""

import uuid
from typing import Any, NoReturn, TypeVar

from django.db import models
from django.utils import timezone


class ImmutableRecordError(Exception):
    """Raised when code tries to change or remove an append-only record."""


_M = TypeVar("_M", bound=models.Model)


class AppendOnlyQuerySet(models.QuerySet[_M]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise ImmutableRecordError(f"{self.model.__name__} rows are append-only: update() is refused.")

    def delete(self) -> NoReturn:
        raise ImmutableRecordError(f"{self.model.__name__} rows are append-only: delete() is refused.")

    # bulk_update goes through update(); bulk_create stays allowed (it only inserts).

    def rewrite_delete(self) -> tuple[int, dict[str, int]]:
        """Delete rows of an append-only PROJECTION table while replay rebuilds it from the events.

        Only `core.projections.replay` (inside `core.db.allow_rewrite()`) may call this.
        """
        return super().delete()


class AppendOnlyModel(models.Model):
    """Rows are inserted once and never changed or deleted through the ORM.

    On PostgreSQL the migration also installs triggers that refuse UPDATE and DELETE, so raw SQL
    cannot do it either.
    """

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise ImmutableRecordError(f"{type(self).__name__} rows are append-only: they cannot be changed.")
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise ImmutableRecordError(f"{type(self).__name__} rows are append-only: they cannot be deleted.")


class StoredEvent(AppendOnlyModel):
    """One domain event. `position` is the global order; (stream, version) is unique per stream."""

    position = models.BigAutoField(primary_key=True)
    event_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    stream_type = models.CharField(max_length=64)
    stream_id = models.CharField(max_length=64)
    version = models.PositiveIntegerField()
    event_type = models.CharField(max_length=128, db_index=True)
    schema_version = models.PositiveSmallIntegerField()
    payload = models.JSONField()
    occurred_at = models.DateTimeField(default=timezone.now)
    actor = models.CharField(max_length=128)
    correlation_id = models.UUIDField(db_index=True)
    causation_id = models.UUIDField(null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = "evento"
        verbose_name_plural = "eventos"
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["stream_type", "stream_id", "version"], name="core_event_stream_version")
        ]
        indexes = [models.Index(fields=["stream_type", "stream_id", "version"], name="core_event_stream_idx")]

    def __str__(self) -> str:
        return f"#{self.position} {self.event_type} {self.stream_type}:{self.stream_id} v{self.version}"

    @property
    def stream(self) -> str:
        return f"{self.stream_type}:{self.stream_id}"


class OutboxStatus(models.TextChoices):
    PENDING = "pending", "pendiente"
    DISPATCHED = "dispatched", "enviado"
    DONE = "done", "procesado"
    DEAD = "dead", "fallido (dead letter)"


class OutboxMessage(models.Model):
    """A delivery of one event to one handler, written in the same transaction as the event.

    The relay claims pending rows (oldest first, only the head of each stream for that handler, so
    per-stream order holds), enqueues a Django-Q2 task, and marks them dispatched with a lease. A
    dispatched row whose lease ran out without being done is dispatched again: at-least-once.
    """

    event = models.ForeignKey(StoredEvent, on_delete=models.PROTECT, related_name="deliveries")
    handler = models.CharField(max_length=128)
    stream = models.CharField(max_length=140)  # copy of the event's stream, for ordering queries
    status = models.CharField(max_length=16, choices=OutboxStatus.choices, default=OutboxStatus.PENDING)
    created_at = models.DateTimeField(default=timezone.now)
    available_at = models.DateTimeField(default=timezone.now)
    lease_until = models.DateTimeField(null=True, blank=True)
    dispatch_count = models.PositiveIntegerField(default=0)
    failure_count = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    dispatched_at = models.DateTimeField(null=True, blank=True)
    done_at = models.DateTimeField(null=True, blank=True)
    task_id = models.CharField(max_length=64, blank=True)

    class Meta:
        verbose_name = "mensaje de salida"
        verbose_name_plural = "bandeja de salida"
        constraints = [models.UniqueConstraint(fields=["event", "handler"], name="core_outbox_event_handler")]
        indexes = [
            models.Index(fields=["status", "available_at"], name="core_outbox_due_idx"),
            models.Index(fields=["stream", "handler", "id"], name="core_outbox_stream_idx"),
            # The relay's "is there an earlier open delivery in this stream?" anti-join. Measured on
            # PostgreSQL with a freshly filled outbox (stale statistics): 235 ms per claim without it
            # (nested loop over all open rows), 1 ms with it.
            models.Index(
                fields=["stream", "handler", "id"],
                name="core_outbox_open_head_idx",
                condition=models.Q(status__in=["pending", "dispatched"]),
            ),
        ]
        permissions = [("requeue_outboxmessage", "Puede reencolar mensajes de la bandeja de salida")]

    def __str__(self) -> str:
        return f"outbox #{self.pk} {self.handler} ({self.status})"


class ProcessedMessage(AppendOnlyModel):
    """The consumers' inbox: one row per (outbox message) whose handler's effects committed."""

    message = models.OneToOneField(OutboxMessage, on_delete=models.PROTECT, related_name="processed")
    handler = models.CharField(max_length=128)
    event_id = models.UUIDField()
    processed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "mensaje procesado"
        verbose_name_plural = "mensajes procesados"

    def __str__(self) -> str:
        return f"processed #{self.message_id} by {self.handler}"


class SubjectKey(models.Model):
    """One data subject's (person's) key for the personal fields of their events.

    Deleting it is how a habeas-data erasure request is honoured: the events stay (the log remains
    replayable) but their personal fields can no longer be read by anyone ("crypto-shredding").
    """

    subject = models.CharField(max_length=64, unique=True)
    key = models.BinaryField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "clave de datos personales"
        verbose_name_plural = "claves de datos personales"

    def __str__(self) -> str:
        return f"key of {self.subject}"
