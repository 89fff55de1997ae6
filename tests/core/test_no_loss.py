"""No loss with real processes: a process killed with SIGKILL at the worst moment loses no event, and
every event's effect still happens exactly once.

Each test uses its own database (the suite's backend: SQLite, or PostgreSQL when DATABASE_URL points
there) and real `gunicorn`, `manage.py relay` and `manage.py qcluster` processes running
`tests.settings_kernel`. The kill points the tests cannot reach by timing alone are hit with the
test-only fault switches of tests/kernel_app/faults.py (RELAY_TEST_FAULTS): the process SIGKILLs itself at that
exact line, which is what a crash there would do. The worker is killed from outside, by the test.
"""

import http.client
import os
import re
import signal
import urllib.error
import urllib.request
from http.cookiejar import CookieJar

import pytest

from tests.core.conftest import suite_backend
from tests.core.kernel_stack import exactly_once
from tests.processes import descendants, pid_alive

pytestmark = pytest.mark.e2e

CEDULA = "1098765432"


def _register_through_the_web(base_url: str) -> None:
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
    form = opener.open(f"{base_url}/registro/", timeout=30).read().decode()
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form)
    assert match is not None
    token = match.group(1)
    data = urllib.parse.urlencode(
        {
            "csrfmiddlewaretoken": token,
            "nombres": "Valentina",
            "apellidos": "Ospina",
            "cedula": "1.098.765.432",
            "email": "valentina@example.org",
            "password1": "una-clave-larga-2026",
            "password2": "una-clave-larga-2026",
        }
    ).encode()
    opener.open(f"{base_url}/registro/", data=data, timeout=30)


def test_web_process_killed_after_commit_and_before_the_wake_up(stack_factory):
    stack = stack_factory(suite_backend())
    # The web worker commits the registration, then SIGKILLs itself where the on-commit wake-up would run.
    _web, base_url = stack.web(RELAY_TEST_FAULTS="kill-before-wake")
    with pytest.raises((http.client.RemoteDisconnected, ConnectionError, urllib.error.URLError)):
        _register_through_the_web(base_url)

    before = stack.report()
    assert before["users"] == 1  # the transaction committed...
    assert [e[3] for e in before["events"]] == ["accounts.UserRegistered", "accounts.EmailConfirmationRequested"]
    assert sorted((m[1], m[3], m[4]) for m in before["outbox"]) == [
        ("accounts.mail_email_confirmation", "pending", 0),
        ("kernel.count_registration", "pending", 0),
        ("verification.open_cedula_check", "pending", 0),
    ]
    assert before["ormq"] == 0  # ...and nothing was enqueued: the process died before the wake-up

    # The relay's sweep finds the deliveries the dead process never announced.
    stack.relay(RELAY_SAVE_TASK_RESULTS="1")  # keep the Task rows, to inspect their arguments
    stack.qcluster()
    stack.wait_until(
        lambda: (
            # The kernel's consumer, the product's (nothing to open before the address is confirmed)
            # and the one that mails the confirmation link.
            stack.scalar("SELECT count(*) FROM core_outboxmessage WHERE status = 'done'") == 3
            and stack.scalar("SELECT count(*) FROM django_q_task") == 3
        ),
        timeout=60,
        what="the registration's delivery to be processed and its task result saved",
    )
    after = stack.report(dump=True)
    exactly_once(after, "kernel.count_registration", "user", "accounts.UserRegistered")
    assert after["tasks"] == 3
    assert CEDULA not in after["dump"]  # payloads, outbox rows, queued and finished task arguments
    assert CEDULA not in stack.logs()  # gunicorn's access log, the relay's and the workers' logs


def test_relay_killed_in_the_middle_of_a_batch(stack_factory):
    stack = stack_factory(suite_backend())
    stack.manage("kernel_seed", "--streams", "12", "--per-stream", "2", RELAY_WAKE_ON_COMMIT="0")
    # 12 streams x 2 handlers = 24 stream heads due; the relay claims 10, builds 3 tasks, dies. With the
    # ORM broker claim, enqueue and mark are one transaction: the whole batch rolls back.
    dying = stack.relay(RELAY_TEST_FAULTS="kill-after-dispatch:3", RELAY_BATCH_SIZE="10", OUTBOX_LEASE_SECONDS="3")
    stack.wait_until(lambda: dying.poll() is not None, timeout=60, what="the relay to kill itself")
    assert dying.returncode == -signal.SIGKILL
    assert stack.scalar("SELECT count(*) FROM core_outboxmessage WHERE status = 'dispatched'") == 0
    assert stack.scalar("SELECT count(*) FROM core_outboxmessage WHERE dispatch_count > 0") == 0
    assert stack.scalar("SELECT count(*) FROM django_q_ormq") == 0

    stack.relay()  # the default lease (minutes): a row dispatched twice would mean the batch leaked
    stack.qcluster()
    stack.wait_until(
        lambda: stack.scalar("SELECT count(*) FROM core_outboxmessage WHERE status = 'done'") == 48,
        timeout=90,
        what="all 48 deliveries to be processed",
    )
    report = stack.report()
    for handler in ("kernel.record_tick", "kernel.tick_totals"):
        exactly_once(report, handler, "tick")
    order = exactly_once(report, "kernel.record_tick", "tick")
    assert order == {f"tick:s{n}": [1, 2] for n in range(1, 13)}
    # Nothing of the dead relay's batch survived, so nothing needed its lease: each row went out once.
    assert sorted(m[4] for m in report["outbox"]) == [1] * 48
    assert report["tick_totals"] == {f"s{n}": [2, 2] for n in range(1, 13)}


def test_qcluster_worker_killed_in_the_middle_of_a_handler(stack_factory):
    stack = stack_factory(suite_backend())
    stack.manage("kernel_seed", "--streams", "3", "--per-stream", "3", "--hold", "s2:1", RELAY_WAKE_ON_COMMIT="0")
    cluster = stack.qcluster()
    stack.relay(OUTBOX_LEASE_SECONDS="3")
    stack.wait_until(lambda: any(stack.tmp_path.glob("hold-*")), timeout=60, what="the holding handler to start")
    marker = next(stack.tmp_path.glob("hold-*"))
    worker = int(marker.read_text())
    assert worker in descendants(cluster.pid)  # a qcluster worker, not the cluster's parent
    # The handler wrote its effect row and holds its transaction open: kill the worker right there.
    os.kill(worker, signal.SIGKILL)

    stack.wait_until(
        lambda: stack.scalar("SELECT count(*) FROM core_outboxmessage WHERE status = 'done'") == 18,
        timeout=90,
        what="all 18 deliveries to be processed",
    )
    assert cluster.poll() is None and not pid_alive(worker)  # the cluster replaced its worker
    report = stack.report()
    order = exactly_once(report, "kernel.record_tick", "tick")
    exactly_once(report, "kernel.tick_totals", "tick")
    # s2's later events waited for the interrupted first one: per-stream order survived the crash.
    assert order == {f"tick:s{n}": [1, 2, 3] for n in range(1, 4)}
    held = next(m for m in report["outbox"] if m[1] == "kernel.record_tick" and m[2] == "tick:s2")
    assert held[4] >= 2  # delivered again after the kill
