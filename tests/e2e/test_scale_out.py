"""Scale-out: the same code on PostgreSQL + the Django-Q2 Redis broker + Redis cache, with two web
servers, two qcluster processes and two relays, all as real processes on this machine.

The test makes its own PostgreSQL database and Redis db number, so it runs the same whichever
database the rest of the suite uses.
"""

import re
import secrets
import threading
import time

import psycopg
import pytest
import redis
import requests

from tests.processes import VENV_BIN, free_port, manage, product_env, running, wait_for_port
from tests.services import require_postgres, require_redis

pytestmark = [pytest.mark.e2e, pytest.mark.postgres, pytest.mark.redis]

PEOPLE = 30
REDIS_DB = 13


@pytest.fixture
def scale_out_env(tmp_path):
    require_postgres()
    require_redis()
    name = f"pm_scaleout_{secrets.token_hex(4)}"
    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    redis.Redis.from_url(f"redis://127.0.0.1:6379/{REDIS_DB}").flushdb()
    env = product_env(
        DJANGO_SETTINGS_MODULE="core.test_settings",
        DATABASE_URL=f"postgres://postgres@127.0.0.1:5432/{name}",
        REDIS_URL=f"redis://127.0.0.1:6379/{REDIS_DB}",
        VERIFICATION_LOOKUP_BACKEND="tests.fakes.lookup",
        Q_WORKERS="2",
        RELAY_INTERVAL_SECONDS="0.2",
        OUTBOX_LEASE_SECONDS="20",
    )
    manage("migrate", "--noinput", env=env, timeout=300)
    try:
        yield env, name
    finally:
        redis.Redis.from_url(f"redis://127.0.0.1:6379/{REDIS_DB}").flushdb()
        with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _register(base_url: str, cedula: str) -> int:
    session = requests.Session()
    form = session.get(f"{base_url}/registro/", timeout=60)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)
    return session.post(
        f"{base_url}/registro/",
        data={
            "csrfmiddlewaretoken": token,
            "nombres": "Persona",
            "apellidos": "Escalada",
            "cedula": cedula,
            "email": f"{cedula}@example.org",
            "password1": "una-clave-larga-2026",
            "password2": "una-clave-larga-2026",
        },
        allow_redirects=False,
        timeout=60,
    ).status_code


def _query(name: str, sql: str):
    with psycopg.connect(f"postgresql://postgres@127.0.0.1:5432/{name}") as conn:
        return conn.execute(sql).fetchall()


def test_two_webs_two_clusters_two_relays_on_postgres_and_redis(tmp_path, scale_out_env):
    env, name = scale_out_env
    python = str(VENV_BIN / "python")
    ports = [free_port(), free_port()]
    procs = [
        ([str(VENV_BIN / "gunicorn"), "core.wsgi:application", "--bind", f"127.0.0.1:{p}", "--workers", "2"], f"web{i}")
        for i, p in enumerate(ports)
    ]
    procs += [([python, "manage.py", "qcluster"], f"q{i}") for i in range(2)]
    procs += [([python, "manage.py", "relay"], f"relay{i}") for i in range(2)]
    managers = [running(cmd, env=env, log_path=tmp_path / f"{label}.log") for cmd, label in procs]
    for manager in managers:
        manager.__enter__()
    try:
        for port in ports:
            wait_for_port(port, timeout=60)
        results: list[int] = []
        threads = [
            threading.Thread(
                target=lambda n=n: results.append(_register(f"http://127.0.0.1:{ports[n % 2]}", f"1060{n:06d}"))
            )
            for n in range(PEOPLE)
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=120)
        assert results == [302] * PEOPLE
        final_states = "SELECT count(*) FROM verification_cedulainfo WHERE status <> 'pending'"
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            done = _query(name, final_states)[0][0]
            if done == PEOPLE:
                break
            time.sleep(0.3)
        assert done == PEOPLE
        # Each delivery handled once in effect.
        assert _query(name, "SELECT count(*) FROM core_outboxmessage WHERE status <> 'done'")[0][0] == 0
        # Both clusters run on the Redis broker: it keeps their heartbeats under its own keys (the ORM
        # broker would keep them in the Django cache, under the cache's ":1:" prefix).
        heartbeats = redis.Redis.from_url(f"redis://127.0.0.1:6379/{REDIS_DB}").keys("django_q:pagina-madre:cluster*")
        assert len(heartbeats) == 2
        assert (
            _query(name, "SELECT count(*) FROM core_processedmessage")[0][0]
            == _query(name, "SELECT count(*) FROM core_outboxmessage")[0][0]
        )
    finally:
        for manager in reversed(managers):
            manager.__exit__(None, None, None)
    # Audit rows match events one for one, and a replay proves the projections.
    assert (
        _query(name, "SELECT count(*) FROM verification_transitionlog")[0][0]
        == _query(name, "SELECT count(*) FROM core_storedevent WHERE stream_type = 'cedula'")[0][0]
    )
    result = manage("replay", "--verify", "--no-progress", env=env)
    assert "projections match the events" in result.stdout
