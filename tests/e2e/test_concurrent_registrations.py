"""50 people register at the same moment through a real web server (gunicorn, several workers and
threads), with a real qcluster and relay behind it: no 500s, no "database is locked", and every
user has exactly one UserRegistered event and one CedulaInfo. CI runs it on SQLite and PostgreSQL."""

import threading
import time

import pytest

from accounts.models import User
from core.models import StoredEvent
from tests.processes import (
    VENV_BIN,
    database_env,
    free_port,
    product_env,
    register_over_http,
    running,
    running_qclusters,
    wait_for_port,
)
from verification.models import CedulaInfo

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PEOPLE = 50


def _register(base_url: str, cedula: str) -> tuple[int, str]:
    _session, response = register_over_http(base_url, cedula, apellidos="De Carga")
    return response.status_code, response.text


def test_fifty_concurrent_registrations(tmp_path):
    port = free_port()
    env = product_env(
        DJANGO_SETTINGS_MODULE="core.test_settings",
        VERIFICATION_LOOKUP_BACKEND="tests.fakes.lookup",
        Q_WORKERS="2",
        Q_POLL="0.1",
        RELAY_INTERVAL_SECONDS="0.2",
        **database_env(),
    )
    env.pop("REDIS_URL", None)
    web_cmd = [
        str(VENV_BIN / "gunicorn"),
        "core.wsgi:application",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        "3",
        "--threads",
        "8",
    ]
    python = str(VENV_BIN / "python")
    with (
        running(web_cmd, env=env, log_path=tmp_path / "web.log") as web,
        running_qclusters(env=env, log_path=tmp_path / "q.log"),
        running([python, "manage.py", "relay"], env=env, log_path=tmp_path / "relay.log"),
    ):
        wait_for_port(port, timeout=60, proc=web)
        base_url = f"http://127.0.0.1:{port}"
        barrier = threading.Barrier(PEOPLE)
        results: list[tuple[int, str]] = []

        def person(n: int) -> None:
            barrier.wait()
            try:
                results.append(_register(base_url, f"1050{n:06d}"))
            except Exception as exc:  # a refused or reset connection is a failure too
                results.append((0, repr(exc)))

        threads = [threading.Thread(target=person, args=(n,)) for n in range(PEOPLE)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=120)
        failures = [(code, body[:300]) for code, body in results if code != 302]
        assert failures == []
        assert len(results) == PEOPLE
        deadline = time.monotonic() + 120
        while CedulaInfo.objects.count() < PEOPLE and time.monotonic() < deadline:
            time.sleep(0.2)
    log = (tmp_path / "web.log").read_text() + (tmp_path / "q.log").read_text()
    assert "database is locked" not in log
    assert " 500 " not in (tmp_path / "web.log").read_text()
    users = User.objects.filter(cedula__startswith="1050")
    assert users.count() == PEOPLE
    for user in users:
        assert StoredEvent.objects.filter(event_type="accounts.UserRegistered", stream_id=str(user.pk)).count() == 1
    assert CedulaInfo.objects.filter(user__in=users).count() == PEOPLE
