"""The stall watchdog: a Django-Q2 cluster that keeps its heartbeat and hands out no task (upstream
django-q2 #23 and #339) turns /salud/ red, and a restarted cluster turns it green again.

The stall is made real: the cluster's pusher (the process that takes tasks from the broker and hands
them to the workers) is stopped with SIGSTOP, while its sentinel goes on reporting the cluster alive.
"""

import os
import signal
import time

import pytest
from django.core.management import call_command
from django_q.status import Stat
from django_q.tasks import async_task

from tests.processes import VENV_BIN, database_env, descendants, product_env, running

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _until(predicate, *, timeout: float = 90.0, what: str):
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.2)


def _cluster(tmp_path, name: str):
    env = product_env(
        DJANGO_SETTINGS_MODULE="core.test_settings",
        Q_LOOKUP_CLUSTER="",  # one cluster runs every queue
        Q_WORKERS="1",
        Q_POLL="0.1",
        **database_env(),
    )
    env.pop("REDIS_URL", None)
    return running([str(VENV_BIN / "python"), "manage.py", "qcluster"], env=env, log_path=tmp_path / f"{name}.log")


def _health(client) -> tuple[int, dict]:
    response = client.get("/salud/")
    return response.status_code, response.json()


def _failing(client) -> dict | None:
    status, body = _health(client)
    return body if status == 503 else None


def _flowing(client) -> bool:
    """A task queued now is taken, and /salud/ is not failing."""
    async_task("math.floor", 1.5)
    from django_q.models import OrmQ

    _until(lambda: not OrmQ.objects.filter(lock__lte=time_now()).exists(), what="the queue to drain")
    return _health(client)[0] == 200


def time_now():
    from django.utils import timezone

    return timezone.now()


def test_a_cluster_alive_but_taking_no_task_turns_salud_red_and_a_restart_turns_it_green(
    client, settings, tmp_path, capsys
):
    settings.HEALTH_QUEUE_STALL_SECONDS = 3
    with _cluster(tmp_path, "first") as cluster:
        # This cluster's heartbeat (the cache may still hold an earlier test's: its pusher is gone).
        stat = _until(
            lambda: next((s for s in Stat.get_all() if s.pusher in descendants(cluster.pid)), None),
            what="the cluster's heartbeat",
        )
        assert _flowing(client)
        os.kill(stat.pusher, signal.SIGSTOP)  # the cluster stops taking tasks; its sentinel reports on
        try:
            async_task("math.floor", 2.5)
            body = _until(lambda: _failing(client), what="/salud/ to fail")
            assert body["status"] == "fail"
            assert body["reason"].startswith("stalled_queue: the next task has waited ")
            beats = Stat.get_all()  # the sentinel still reports the cluster alive
            assert beats and all(
                (time_now() - beat.timestamp).total_seconds() <= settings.HEALTH_CLUSTER_MAX_AGE_SECONDS
                for beat in beats
            )
            call_command("verification_stats")
            assert "STALLED" in capsys.readouterr().out
        finally:
            os.kill(stat.pusher, signal.SIGKILL)  # the restart below ends the rest of the cluster
    with _cluster(tmp_path, "restarted"):
        from django_q.models import OrmQ

        _until(lambda: not OrmQ.objects.filter(lock__lte=time_now()).exists(), what="the waiting task to run")
        assert _health(client)[0] == 200  # work flows again
        call_command("verification_stats")
        assert "STALLED" not in capsys.readouterr().out
