"""Replay and verify of the verification projection, a chunk of streams at a time (bounded memory):
the same rows as the services wrote, the same differences found, stale rows removed."""

import pytest

from core import projections
from core.models import StoredEvent
from core.projections import replay
from tests.verification.helpers import drain_outbox, register
from verification.events import STREAM_TYPE
from verification.models import CedulaInfo, TransitionLog

pytestmark = pytest.mark.django_db


def _snapshot():
    infos = {i.pk: (i.status, i.reason, i.mesa, i.novedad, i.version, i.evidence) for i in CedulaInfo.objects.all()}
    logs = sorted(TransitionLog.objects.values_list("event_id", "from_state", "to_state", "reason"))
    return infos, logs


def test_chunked_rebuild_and_verify_match_the_services_and_catch_stale_rows(monkeypatch):
    monkeypatch.setattr(projections, "REPLAY_CHUNK_STREAMS", 2)  # 7 records: four chunks
    for n in range(7):
        register(f"10234567{n:02d}")
    drain_outbox()
    written = _snapshot()
    events = StoredEvent.objects.filter(stream_type=STREAM_TYPE).count()

    report = replay(verify=True)
    assert report.differences == []
    assert report.events == events
    assert report.rows["verification"] == CedulaInfo.objects.count() + TransitionLog.objects.count()

    # A row no event explains, and a changed one, written behind the services' back.
    CedulaInfo.objects.bulk_create([CedulaInfo(pk=99_999)])
    victim = CedulaInfo.objects.exclude(pk=99_999).order_by("pk").last()
    assert victim is not None
    CedulaInfo.objects.filter(pk=victim.pk).update(reason="alterado")
    found = {(d.key, d.kind) for d in replay(verify=True).differences}
    assert found == {(("cedula_info", 99_999), "unexpected"), (("cedula_info", victim.pk), "changed")}

    rebuilt = replay()
    assert rebuilt.events == events
    assert _snapshot() == written  # the stale row is gone, the changed one repaired
    assert replay(verify=True).differences == []
