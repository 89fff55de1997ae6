"""Verification events read back from old payloads."""

from core.events import upcast
from verification.events import CedulaVerificationCompleted

V1_COMPLETED = {
    "cedula_info_id": 7,
    "user_id": 3,
    "request_id": "5f0c3b1e-0000-4000-8000-000000000000",
    "transition": "complete_not_found",
    "outcome": "not_found",
    "site": "wsp",
    "fields": {},
    "attempt": 1,
    "checked_at": "2026-11-20T10:00:00+00:00",
    "task_id": "t",
    "duration_ms": 900,
}


def test_a_v1_completion_reads_as_a_plain_answer_without_evidence():
    event = upcast(CedulaVerificationCompleted.TYPE, 1, V1_COMPLETED)
    assert isinstance(event, CedulaVerificationCompleted)
    assert (event.reason, event.evidence, event.outcome) == ("ok", [], "not_found")
