"""`manage.py replay`: rebuild, --dry-run, --stream, --since, the progress bar, upcasting on read, and
no side effects (no task enqueued, no outbox row written)."""

import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django_q.models import OrmQ

from core import projections
from core.event_store import load_stream
from core.models import OutboxMessage, StoredEvent
from tests.core.kernel_events import Pinged, ping

pytestmark = pytest.mark.django_db


class MemoryProjection:
    """A read model kept in a dict (its 'table'): per ping stream, the sum of counts and the sources."""

    stream_types: tuple[str, ...] = ("ping",)

    def __init__(self, name: str) -> None:
        self.name = name
        self.table: dict[str, dict] = {}
        self.stores = 0

    def load(self, *, stream_ids=None):
        return {k: dict(v) for k, v in self.table.items() if stream_ids is None or k in stream_ids}

    def apply(self, rows, envelope):
        row = rows.setdefault(envelope.stream_id, {"total": 0, "sources": []})
        row["total"] += envelope.event.count
        row["sources"] = [*row["sources"], envelope.event.source]

    def store(self, rows, *, stream_ids=None):
        self.stores += 1
        for key in [k for k in self.table if stream_ids is None or k in stream_ids]:
            del self.table[key]
        self.table.update({k: dict(v) for k, v in rows.items()})


@pytest.fixture
def totals():
    saved = dict(projections._PROJECTIONS)
    projections._PROJECTIONS.clear()
    projection = projections.register_projection(MemoryProjection("tests.totals"))
    yield projection
    projections._PROJECTIONS.clear()
    projections._PROJECTIONS.update(saved)


@pytest.fixture(autouse=True)
def _no_wake(settings):
    settings.RELAY_WAKE_ON_COMMIT = False


def _replay(*args):
    out, err = StringIO(), StringIO()
    call_command("replay", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_replay_rebuilds_and_writes_no_outbox_rows_and_enqueues_nothing(totals):
    ping("a", 2), ping("a", 3), ping("b", 5)
    outbox_before = OutboxMessage.objects.count()
    out, _ = _replay("--no-progress")
    assert totals.table == {
        "a": {"total": 5, "sources": ["unknown", "unknown"]},
        "b": {"total": 5, "sources": ["unknown"]},
    }
    assert "replay: 3 events applied; rows: tests.totals=2" in out
    assert OutboxMessage.objects.count() == outbox_before
    assert OrmQ.objects.count() == 0
    assert StoredEvent.objects.count() == 3


def test_dry_run_reports_differences_and_writes_nothing(totals):
    ping("a", 2)
    totals.table = {"a": {"total": 99, "sources": ["unknown"]}, "zombie": {"total": 1, "sources": []}}
    out, _ = _replay("--dry-run", "--no-progress")
    assert "DIFF tests.totals a: total: events=2 live=99" in out
    assert "DIFF tests.totals zombie: unexpected" in out
    assert totals.stores == 0
    assert totals.table["a"]["total"] == 99


def test_stream_rebuilds_only_that_stream(totals):
    ping("a", 2), ping("b", 5)
    totals.table = {"a": {"total": 0, "sources": []}, "b": {"total": 0, "sources": []}}
    _replay("--stream", "ping:a", "--no-progress")
    assert totals.table == {"a": {"total": 2, "sources": ["unknown"]}, "b": {"total": 0, "sources": []}}


def test_since_applies_only_later_events_on_top_of_the_live_rows(totals):
    ping("a", 2)
    _replay("--no-progress")
    later = ping("a", 10)
    position = StoredEvent.objects.filter(position__lt=later.position).order_by("-position")[0].position
    out, _ = _replay("--since", str(position), "--no-progress")
    assert "1 events applied" in out
    assert totals.table["a"]["total"] == 12


def test_progress_bar_total_counts_each_projection_that_reads_an_event(totals):
    projections.register_projection(MemoryProjection("tests.totals_again"))
    for n in range(5):
        ping(f"s{n}")
    _out, err = _replay()  # not a terminal: plain lines at every tenth
    frames = re.findall(r"replay: (\d+)/(\d+) events \((\d+)%\)", err)
    assert frames[-1] == ("10", "10", "100")  # 5 events x 2 projections, ending at 100%
    assert [int(done) for done, _total, _pct in frames] == list(range(1, 11))


def test_verify_refuses_since(totals):
    with pytest.raises(CommandError, match="--since"):
        _replay("--verify", "--since", "3")


def test_old_schema_versions_are_upcast_when_read(totals):
    with transaction.atomic():
        StoredEvent.objects.create(
            stream_type="ping",
            stream_id="old",
            version=1,
            event_type=Pinged.TYPE,
            schema_version=1,
            payload={"n": 4},
            actor="system",
            correlation_id="00000000-0000-0000-0000-000000000001",
        )
    assert [e.event for e in load_stream("ping", "old")] == [Pinged(count=4, source="v1")]
    _replay("--no-progress")
    assert totals.table["old"] == {"total": 4, "sources": ["v1"]}
    assert StoredEvent.objects.get(stream_id="old").payload == {"n": 4}  # the stored row is never rewritten
