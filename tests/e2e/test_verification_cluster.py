"""End to end with real processes: a `qcluster` and a `relay` against the test database.

Registrations lead to exactly one terminal state each, with an audit trail matching the events one
for one; a worker killed in the middle of a lookup still ends in a terminal state (the relay
re-dispatches the delivery when its lease runs out; that copy waits for the dead worker's lookup
claim to expire, then takes it over), and `replay --verify` is clean afterwards.
"""

import os
import signal
import time
from pathlib import Path

import pytest
from django.core.management import call_command

from core.models import StoredEvent
from tests.processes import VENV_BIN, database_env, pid_alive, product_env, running, running_qclusters
from tests.verification.helpers import register
from verification.models import CedulaInfo, TransitionLog
from verification.ops.operations import health
from verification.states import CedulaStatus as S

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

TERMINAL = {S.ACTIVE, S.CANCELLED, S.NOT_FOUND}


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = product_env(
        DJANGO_SETTINGS_MODULE="core.test_settings",
        VERIFICATION_LOOKUP_BACKEND="tests.fakes.lookup",
        FAKE_LOOKUP_LOG=str(tmp_path / "lookups.log"),
        Q_WORKERS="2",
        Q_TIMEOUT="20",
        Q_RETRY="40",
        Q_POLL="0.1",
        OUTBOX_LEASE_SECONDS="6",
        RELAY_INTERVAL_SECONDS="0.2",
        **database_env(),
    )
    env.pop("REDIS_URL", None)
    env.update(extra)
    return env


def _wait_until(condition, *, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def _lookups(tmp_path: Path) -> list[tuple[int, str]]:
    path = tmp_path / "lookups.log"
    if not path.exists():
        return []
    return [(int(pid), digest) for pid, digest in (line.split() for line in path.read_text().splitlines())]


def _assert_audit_matches_events():
    for info in CedulaInfo.objects.all():
        events = StoredEvent.objects.filter(stream_type="cedula", stream_id=str(info.pk)).order_by("version")
        logs = TransitionLog.objects.filter(cedula_info=info).order_by("position")
        assert [e.event_id for e in events] == [log.event_id for log in logs]
        assert info.version == events.count()


def _processes(tmp_path, env):
    cluster = running_qclusters(env=env, log_path=tmp_path / "q.log")
    relay = running([str(VENV_BIN / "python"), "manage.py", "relay"], env=env, log_path=tmp_path / "relay.log")
    return cluster, relay


def test_registrations_reach_one_terminal_state_with_matching_audit(tmp_path, settings):
    settings.RELAY_WAKE_ON_COMMIT = True
    env = _env(tmp_path)
    cluster_cm, relay_cm = _processes(tmp_path, env)
    with cluster_cm, relay_cm:
        users = [register(f"10300000{n:02d}") for n in range(12) if n % 10 in (0, 1, 2, 3)]
        _wait_until(
            lambda: CedulaInfo.objects.filter(status__in=TERMINAL).count() == len(users),
            timeout=90,
            what="every registration to reach a final state",
        )
        # The running cluster's heartbeat shows in the health check; the outbox drained.
        _wait_until(lambda: health()[1]["checks"]["cluster"]["ok"], timeout=30, what="a cluster heartbeat")
        _wait_until(lambda: health()[0] == "ok", timeout=30, what="health to be ok")
    infos = CedulaInfo.objects.all()
    assert infos.count() == len(users)
    for info in infos:
        # Exactly one terminal transition: request → result, nothing after.
        trail = list(info.transitions.all())
        assert trail[0].transition == "request"
        assert trail[-1].to_state == info.status
        assert sum(t.to_state in TERMINAL for t in trail) == 1
    assert len(_lookups(tmp_path)) == len(users)  # each lookup ran once
    _assert_audit_matches_events()
    call_command("replay", "--verify", "--no-progress")


def test_worker_killed_mid_lookup_still_ends_in_a_terminal_state(tmp_path, settings):
    # The dead worker's lookup claim holds the request for the lookup's deadline plus a margin: a
    # short deadline keeps the takeover inside the test's wait.
    env = _env(tmp_path, FAKE_LOOKUP_DELAY="3", VERIFICATION_LOOKUP_DEADLINE_SECONDS="10")
    cluster_cm, relay_cm = _processes(tmp_path, env)
    with cluster_cm, relay_cm:
        user = register("1030000100")
        _wait_until(lambda: _lookups(tmp_path), timeout=60, what="the lookup to start")
        worker_pid = _lookups(tmp_path)[0][0]
        os.kill(worker_pid, signal.SIGKILL)  # the worker dies in the middle of the lookup
        _wait_until(lambda: not pid_alive(worker_pid), timeout=10, what="the worker to die")
        assert CedulaInfo.objects.get(user=user).status == S.PENDING
        _wait_until(
            lambda: CedulaInfo.objects.get(user=user).status in TERMINAL,
            timeout=90,
            what="the retried lookup to finish",
        )
    info = CedulaInfo.objects.get(user=user)
    lookups = _lookups(tmp_path)
    assert len(lookups) >= 2 and lookups[0][0] == worker_pid and lookups[-1][0] != worker_pid
    assert [t.transition for t in info.transitions.all()] == ["request", "complete_active"]
    _assert_audit_matches_events()
    call_command("replay", "--verify", "--no-progress")
