"""Every allowed and every forbidden transition of CedulaInfo, checked on the model (no database)."""

import uuid
from datetime import timedelta

import pytest
from django.utils import timezone
from django_fsm import TransitionNotAllowed

from verification.models import CedulaInfo
from verification.states import CedulaStatus as S

NOW = timezone.now()
PAST = NOW - timedelta(seconds=1)
FUTURE = NOW + timedelta(hours=1)

CALLS = {
    "complete_active": {"fields": {"departamento": "CAUCA"}, "site": "wsp", "checked_at": NOW},
    "complete_cancelled": {"fields": {"novedad": "CANCELADA POR MUERTE"}, "site": "wsp", "checked_at": NOW},
    "complete_not_found": {"site": "wsp", "checked_at": NOW},
    "fail_error": {"reason": "http_503", "site": "wsp", "checked_at": NOW, "next_retry_at": FUTURE},
    "fail_blocked": {"reason": "waf_block", "site": "wsp", "checked_at": NOW, "next_retry_at": None},
    "auto_retry": {"request_id": uuid.uuid4(), "requested_at": NOW},
    "support_retry": {"request_id": uuid.uuid4(), "requested_at": NOW},
    "refresh": {"request_id": uuid.uuid4(), "requested_at": NOW},
    "sweeper_rerequest": {"request_id": uuid.uuid4(), "requested_at": NOW},
}

ALLOWED = {
    (S.PENDING, "complete_active"): S.ACTIVE,
    (S.PENDING, "complete_cancelled"): S.CANCELLED,
    (S.PENDING, "complete_not_found"): S.NOT_FOUND,
    (S.PENDING, "fail_error"): S.ERROR,
    (S.PENDING, "fail_blocked"): S.BLOCKED,
    (S.PENDING, "sweeper_rerequest"): S.PENDING,
    (S.ERROR, "auto_retry"): S.PENDING,
    (S.BLOCKED, "auto_retry"): S.PENDING,
    (S.ERROR, "support_retry"): S.PENDING,
    (S.BLOCKED, "support_retry"): S.PENDING,
    (S.ACTIVE, "refresh"): S.PENDING,
    (S.CANCELLED, "refresh"): S.PENDING,
    (S.NOT_FOUND, "refresh"): S.PENDING,
}


@pytest.mark.parametrize("state", list(S))
@pytest.mark.parametrize("name", list(CALLS))
def test_transition_table(state, name):
    info = CedulaInfo(status=state, attempts=1, next_retry_at=PAST)
    method = getattr(info, name)
    if (state, name) in ALLOWED:
        method(**CALLS[name])
        assert info.status == ALLOWED[(state, name)]
    else:
        with pytest.raises(TransitionNotAllowed):
            method(**CALLS[name])
        assert info.status == state


def test_status_is_protected_from_direct_assignment():
    info = CedulaInfo(status=S.PENDING)
    with pytest.raises(AttributeError):
        info.status = S.ACTIVE


@pytest.mark.parametrize(("next_retry_at", "due"), [(None, False), (FUTURE, False), (PAST, True)])
def test_auto_retry_is_due_only_once_its_backoff_has_passed(next_retry_at, due):
    info = CedulaInfo(status=S.ERROR, attempts=1, next_retry_at=next_retry_at)
    assert info.auto_retry_due() is due


def test_results_fill_fields_and_retries_reset_the_request():
    info = CedulaInfo(status=S.PENDING, attempts=2)
    info.complete_active(**CALLS["complete_active"])
    assert (info.departamento, info.reason, info.next_retry_at) == ("CAUCA", "ok", None)
    new_request = uuid.uuid4()
    info.refresh(request_id=new_request, requested_at=NOW)
    assert (info.status, info.request_id, info.attempts) == (S.PENDING, new_request, 1)

    failed = CedulaInfo(status=S.ERROR, attempts=2, next_retry_at=PAST)
    failed.auto_retry(**CALLS["auto_retry"])
    assert failed.attempts == 3
