import os
import time
from pathlib import Path

from django.conf import settings

from core.events import EventEnvelope
from core.handlers import handler
from tests.kernel_app.events import Ticked
from tests.kernel_app.models import Effect, TickTotal


def _record(name: str, envelope: EventEnvelope, started: float | None = None) -> None:
    Effect.objects.create(
        started=started or time.time(),
        handler=name,
        stream=f"{envelope.stream_type}:{envelope.stream_id}",
        version=envelope.version,
        event_id=envelope.event_id,
        pid=os.getpid(),
    )


@handler("kernel.Ticked", name="kernel.record_tick")
def record_tick(envelope: EventEnvelope) -> None:
    _record("kernel.record_tick", envelope, started=time.time())
    event = envelope.event
    assert isinstance(event, Ticked)  # the only event type this handler is registered for
    if event.hold:
        # KERNEL_MARKER_DIR is set by tests/settings_kernel.py; mypy reads core.settings.
        marker = Path(settings.KERNEL_MARKER_DIR) / f"hold-{envelope.event_id}"  # type: ignore[misc]
        if not marker.exists():
            # First delivery: the effect row is written but not committed; tell the test which
            # process to kill, then stay in the middle of the handler until it does.
            marker.write_text(str(os.getpid()))
            time.sleep(60)


@handler("kernel.Ticked", name="kernel.tick_totals")
def tick_totals(envelope: EventEnvelope) -> None:
    row, _ = TickTotal.objects.get_or_create(stream_id=envelope.stream_id, defaults={"ticks": 0, "last_version": 0})
    row.ticks += 1
    row.last_version = envelope.version
    row.save()
    _record("kernel.tick_totals", envelope)


@handler("accounts.UserRegistered", name="kernel.count_registration")
def count_registration(envelope: EventEnvelope) -> None:
    _record("kernel.count_registration", envelope)
