from collections.abc import Iterable

from core.events import EventEnvelope
from core.projections import Rows, register_projection
from tests.kernel_app.models import TickTotal


class TickTotals:
    name = "kernel.tick_totals"
    stream_types: tuple[str, ...] = ("tick",)

    def load(self, *, stream_ids: Iterable[str] | None = None) -> Rows:
        qs = TickTotal.objects.all()
        if stream_ids is not None:
            qs = qs.filter(stream_id__in=list(stream_ids))
        return {r.stream_id: {"ticks": r.ticks, "last_version": r.last_version} for r in qs}

    def apply(self, rows: Rows, envelope: EventEnvelope) -> None:
        row = rows.setdefault(envelope.stream_id, {"ticks": 0, "last_version": 0})
        row["ticks"] += 1
        row["last_version"] = envelope.version

    def live_stream_ids(self) -> set[str]:
        return set(TickTotal.objects.values_list("stream_id", flat=True))

    def store(self, rows: Rows, *, stream_ids: Iterable[str] | None = None) -> None:
        qs = TickTotal.objects.all()
        if stream_ids is not None:
            qs = qs.filter(stream_id__in=list(stream_ids))
        qs.delete()
        TickTotal.objects.bulk_create(TickTotal(stream_id=k, **v) for k, v in rows.items())


register_projection(TickTotals())
