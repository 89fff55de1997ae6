"""Projections (read models) rebuilt from the event store, and the proof that they match.

A projection folds events into plain rows in memory (`apply`), so a rebuild needs no scratch tables
and `verify` writes nothing: it folds the whole log and compares the result with the live rows.

A projection that can name the streams its live rows belong to (`live_stream_ids`) is rebuilt and
verified a chunk of streams at a time (REPLAY_CHUNK_STREAMS), so memory stays bounded however long
the log is: each chunk's events are folded, then stored or compared, then dropped.
"""

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar, cast

from django.db import transaction

from core.db import allow_rewrite
from core.event_store import read_all
from core.events import EventEnvelope
from core.models import StoredEvent

Rows = dict[Any, dict[str, Any]]


class Projection(Protocol):
    name: str
    stream_types: tuple[str, ...]

    def load(self, *, stream_ids: Iterable[str] | None = None) -> Rows:
        """The live rows (optionally only those of some streams), keyed, as comparable dicts."""

    def apply(self, rows: Rows, envelope: EventEnvelope) -> None:
        """Fold one event into `rows` (pure: no I/O)."""

    def store(self, rows: Rows, *, stream_ids: Iterable[str] | None = None) -> None:
        """Replace the live rows (all of them, or those of `stream_ids`) by `rows`."""


class ChunkedProjection(Projection, Protocol):
    def live_stream_ids(self) -> set[str]:
        """The streams the live rows belong to (rows of a stream with no events are "unexpected")."""


# Streams folded together in one chunk of a full rebuild or verify.
REPLAY_CHUNK_STREAMS = 1000


_PROJECTIONS: dict[str, Projection] = {}
_P = TypeVar("_P", bound=Projection)


def register_projection(projection: _P) -> _P:
    _PROJECTIONS[projection.name] = projection
    return projection


def projections() -> list[Projection]:
    return [_PROJECTIONS[name] for name in sorted(_PROJECTIONS)]


@dataclass
class Difference:
    projection: str
    key: Any
    kind: str  # "missing" (in events, not live), "unexpected" (live, not in events), "changed"
    fields: dict[str, tuple[Any, Any]] = field(default_factory=dict)  # name -> (from events, live)

    def describe(self) -> str:
        if self.kind == "changed":
            detail = ", ".join(f"{k}: events={a!r} live={b!r}" for k, a, b in ((k, *v) for k, v in self.fields.items()))
            return f"{self.projection} {self.key}: {detail}"
        return f"{self.projection} {self.key}: {self.kind}"


@dataclass
class ReplayReport:
    events: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    differences: list[Difference] = field(default_factory=list)


def _fold(
    projection: Projection, *, initial: Rows, since: int, stream: str | None, progress: Callable[[int], None] | None
) -> tuple[Rows, int]:
    rows = initial
    count = 0
    for envelope in read_all(since=since, stream_types=projection.stream_types, stream=stream):
        projection.apply(rows, envelope)
        count += 1
        if progress is not None:
            progress(count)
    return rows, count


def _compare(name: str, expected: Rows, live: Rows) -> list[Difference]:
    differences = []
    for key in sorted(expected.keys() | live.keys(), key=str):
        if key not in live:
            differences.append(Difference(name, key, "missing"))
        elif key not in expected:
            differences.append(Difference(name, key, "unexpected"))
        else:
            changed = {
                f: (expected[key].get(f), live[key].get(f))
                for f in expected[key].keys() | live[key].keys()
                if expected[key].get(f) != live[key].get(f)
            }
            if changed:
                differences.append(Difference(name, key, "changed", changed))
    return differences


def _stream_filter(projection: Projection, stream: str | None) -> tuple[str | None, list[str] | None]:
    if stream is None:
        return None, None
    stream_type, _, stream_id = stream.partition(":")
    if stream_type not in projection.stream_types:
        return None, []
    return stream, [stream_id]


def replay_event_count(*, stream: str | None = None, since: int = 0) -> int:
    """How many event applications a replay with these filters makes (the progress bar's total).

    An event read by two projections is applied twice; an event no projection reads is not applied.
    """
    total = 0
    for projection in projections():
        stream_filter, stream_ids = _stream_filter(projection, stream)
        if stream_ids == []:
            continue
        qs = StoredEvent.objects.filter(position__gt=since, stream_type__in=projection.stream_types)
        if stream_filter is not None:
            assert stream_ids is not None  # _stream_filter names the stream's id with every stream filter
            qs = qs.filter(stream_id=stream_ids[0])
        total += qs.count()
    return total


def _stream_id_chunks(projection: Projection, *, size: int) -> Iterator[list[str]]:
    """The ids of the streams that have events for `projection`, in order, `size` at a time (keyset
    pagination: nothing but one chunk of ids is held)."""
    events = StoredEvent.objects.filter(stream_type__in=projection.stream_types)
    last: str | None = None
    while True:
        page = events if last is None else events.filter(stream_id__gt=last)
        ids = list(page.order_by("stream_id").values_list("stream_id", flat=True).distinct()[:size])
        if not ids:
            return
        yield ids
        last = ids[-1]


def _replay_chunked(
    projection: ChunkedProjection, report: ReplayReport, *, write: bool, progress: Callable[[int], None] | None
) -> None:
    """A full rebuild (write) or verify/dry-run of `projection`, a chunk of streams at a time."""
    seen: set[str] = set()
    report.rows[projection.name] = 0
    with transaction.atomic(), allow_rewrite():  # readers never see a half-rebuilt projection
        if write:
            projection.store({}, stream_ids=None)  # rebuilt from nothing: no stale row survives
        for chunk in _stream_id_chunks(projection, size=REPLAY_CHUNK_STREAMS):
            seen.update(chunk)
            rows: Rows = {}
            for envelope in read_all(stream_types=projection.stream_types, stream_ids=chunk):
                projection.apply(rows, envelope)
                report.events += 1
                if progress is not None:
                    progress(report.events)
            report.rows[projection.name] += len(rows)
            if write:
                projection.store(rows, stream_ids=chunk)
            else:
                report.differences += _compare(projection.name, rows, projection.load(stream_ids=chunk))
        if not write:
            orphans = sorted(projection.live_stream_ids() - seen)
            for start in range(0, len(orphans), REPLAY_CHUNK_STREAMS):
                orphan_rows = projection.load(stream_ids=orphans[start : start + REPLAY_CHUNK_STREAMS])
                report.differences += _compare(projection.name, {}, orphan_rows)


def replay(
    *,
    dry_run: bool = False,
    verify: bool = False,
    stream: str | None = None,
    since: int = 0,
    progress: Callable[[int], None] | None = None,
) -> ReplayReport:
    """Rebuild every projection from the events (or only check them, with `verify`).

    Replay applies events to read models only: no handler runs, no task is enqueued, no lookup starts.
    `verify` always folds from the first event into memory (a scratch space) and compares with the
    live rows, so `since` does not apply to it.
    """
    if verify:
        since = 0
    report = ReplayReport()
    for projection in projections():
        stream_filter, stream_ids = _stream_filter(projection, stream)
        if stream_ids == []:
            continue
        if stream is None and not since and hasattr(projection, "live_stream_ids"):
            chunked = cast(ChunkedProjection, projection)
            _replay_chunked(chunked, report, write=not (verify or dry_run), progress=progress)
            continue
        initial = projection.load(stream_ids=stream_ids) if since else {}
        rows, count = _fold(projection, initial=initial, since=since, stream=stream_filter, progress=progress)
        report.events += count
        report.rows[projection.name] = len(rows)
        if verify or dry_run:
            report.differences += _compare(projection.name, rows, projection.load(stream_ids=stream_ids))
        if not (verify or dry_run):
            # Projection tables may be append-only (the audit log): rebuilding them needs the guard open.
            with transaction.atomic(), allow_rewrite():
                projection.store(rows, stream_ids=stream_ids)
    return report
