"""Erasure at every point of the pipeline, with a real qcluster (both lanes) and relay: before the
record exists, while its lookup waits in the queue, during the lookup, and after a block. Every
delivery ends done (none failing, none dead), the relay lag returns to 0, /salud/ stays healthy and
the sweeper finds nothing to do, on the suite's database (SQLite or PostgreSQL)."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from accounts.models import User
from accounts.services import user_erase
from core.models import OutboxMessage, OutboxStatus
from core.relay import outbox_lag_seconds
from tests.processes import VENV_BIN, database_env, product_env, running, running_qclusters
from tests.verification.helpers import register
from verification.models import CedulaInfo, LookupClaim
from verification.ops.operations import health
from verification.services import verification_sweep
from verification.states import CedulaStatus as S

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

TIMEOUT = 90.0


def wait_until(predicate, *, what: str, timeout: float = TIMEOUT) -> None:
    import time

    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.1)


def _erase(cedula: str) -> None:
    user = User.objects.get(cedula=cedula)
    user_erase(user=user, actor=f"user:{user.pk}")


def _record(user_id: int) -> CedulaInfo | None:
    return CedulaInfo.objects.filter(user_id=user_id).first()


def test_erasure_at_every_point_leaves_the_pipeline_healthy(settings, tmp_path):
    settings.RELAY_WAKE_ON_COMMIT = False  # the relay process dispatches (it sweeps every 0.2 s)
    before_open = register("1023456780")
    _erase("1023456780")  # its record-opening delivery waits for workers that do not run yet

    env = product_env(
        DJANGO_SETTINGS_MODULE="core.test_settings",
        VERIFICATION_LOOKUP_BACKEND="tests.fakes.lookup",
        FAKE_LOOKUP_DELAY="4",  # slow lookups: one is in flight while the next waits in the queue
        Q_WORKERS="2",
        Q_LOOKUP_WORKERS="1",
        Q_TIMEOUT="30",
        Q_RETRY="60",
        Q_POLL="0.1",
        RELAY_INTERVAL_SECONDS="0.2",
        **database_env(),
    )
    env.pop("REDIS_URL", None)
    python = str(VENV_BIN / "python")
    with (
        running_qclusters(env=env, log_path=tmp_path / "q.log"),
        running([python, "manage.py", "relay"], env=env, log_path=tmp_path / "relay.log"),
    ):
        looked_up = register("1023456781")  # takes the only lookup worker for 4 s
        queued = register("1023456782")  # its lookup waits behind it
        wait_until(lambda: LookupClaim.objects.filter(cedula_info__user=looked_up).exists(), what="a lookup to start")
        wait_until(lambda: _record(queued.pk) is not None, what="the second record to be opened")
        assert not LookupClaim.objects.filter(cedula_info__user=queued).exists()
        during = _record(looked_up.pk)
        pending = _record(queued.pk)
        _erase("1023456782")  # pending, its lookup still queued
        _erase("1023456781")  # in the middle of its lookup

        blocked_user = register("1023456786")  # captcha_unsolved: blocked, waits for support
        wait_until(
            lambda: getattr(_record(blocked_user.pk), "status", None) == S.BLOCKED,
            what="the blocked record",
        )
        blocked = _record(blocked_user.pk)
        _erase("1023456786")

        def drained() -> bool:
            open_rows = OutboxMessage.objects.exclude(status=OutboxStatus.DONE)
            return not open_rows.exists() and outbox_lag_seconds() == 0

        wait_until(drained, what="every delivery to be done")
        status, details = health()
        assert status == "ok", details
        assert details["checks"]["relay"]["lag_seconds"] == 0

    assert not CedulaInfo.objects.filter(user_id=before_open.pk).exists()
    for info in (during, pending, blocked):
        assert info is not None
        info.refresh_from_db()
        assert (info.status, info.user_id) == (S.ERASED, None)
    assert list(OutboxMessage.objects.exclude(failure_count=0).values_list("handler", "last_error")) == []
    assert not LookupClaim.objects.exists()
    with time_machine.travel(timezone.now() + timedelta(days=2)):
        assert verification_sweep() == {"retried": 0, "resent": 0, "revalidated": 0}
