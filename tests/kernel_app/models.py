from typing import ClassVar

from django.db import models


class Effect(models.Model):
    """One row per handler run that committed. No unique constraint on purpose: duplicates would show."""

    handler = models.CharField(max_length=128)
    stream = models.CharField(max_length=140)
    version = models.PositiveIntegerField()
    event_id = models.UUIDField()
    pid = models.PositiveIntegerField()
    started = models.FloatField()  # time.time() when the handler started (the benchmark's latency)

    # django-stubs adds `objects` only to the models of core.settings' INSTALLED_APPS; this app is
    # installed by tests/settings_kernel.py alone.
    objects: ClassVar[models.Manager["Effect"]]

    def __str__(self) -> str:
        return f"{self.handler} {self.stream} v{self.version}"


class TickTotal(models.Model):
    """A projection: per tick stream, how many events and the last version seen."""

    stream_id = models.CharField(max_length=64, unique=True)
    ticks = models.PositiveIntegerField()
    last_version = models.PositiveIntegerField()

    objects: ClassVar[models.Manager["TickTotal"]]  # see Effect.objects

    def __str__(self) -> str:
        return f"{self.stream_id}: {self.ticks}"
