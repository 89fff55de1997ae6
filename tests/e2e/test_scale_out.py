"""Scale-out: the same code on PostgreSQL + the Django-Q2 Redis broker + Redis cache, with two web
servers, two qcluster processes and two relays, all as real processes on this machine.

The test makes its own PostgreSQL database and Redis db number, so it runs the same whichever
database the rest of the suite uses. The workers run the real scraper against the Registraduría
simulator: four worker processes with four Chromiums in two clusters share one rate limit and one
circuit breaker (rows in PostgreSQL), which the simulator sees from its side.
"""

import itertools
import re
import secrets
import threading
import time

import psycopg
import pytest
import redis
import requests

from devtools.registraduria_simulator import Simulator, scenario_for
from tests.processes import (
    VENV_BIN,
    confirm_over_http,
    free_port,
    manage,
    product_env,
    running,
    scraper_env,
    wait_for_port,
)
from tests.services import require_postgres, require_redis

pytestmark = [pytest.mark.e2e, pytest.mark.postgres, pytest.mark.redis, pytest.mark.one_pass]  # its own database

PEOPLE = 30
REDIS_DB = 13
INTERVAL = 0.5  # seconds between lookup starts on one site, for everybody together


@pytest.fixture
def simulator(tmp_path):
    sim = Simulator(port=0, solver_port=0, ca_path=tmp_path / "ca.pem", solve_seconds=0.0).start()
    yield sim
    sim.stop()


@pytest.fixture
def scale_out_env(tmp_path, simulator):
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
        Q_WORKERS="2",
        RELAY_INTERVAL_SECONDS="0.2",
        # Longer than a lookup may wait for its turn plus its deadline: a delivery re-sent while its
        # lookup still runs would send the site a second lookup (harmless to the record, not to the site).
        OUTBOX_LEASE_SECONDS="120",
        **scraper_env(
            simulator,
            REGISTRADURIA_FRONTS="wsp",
            REGISTRADURIA_MIN_INTERVAL_SECONDS=str(INTERVAL),
            REGISTRADURIA_BREAKER_THRESHOLD="3",
            # Four workers queue for one site's turns: room for the wait, within Q_TIMEOUT (120 s).
            VERIFICATION_LOOKUP_DEADLINE_SECONDS="60",
        ),
    )
    manage("migrate", "--noinput", env=env, timeout=300)
    try:
        yield env, name
    finally:
        redis.Redis.from_url(f"redis://127.0.0.1:6379/{REDIS_DB}").flushdb()
        with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _answer(cedula: str) -> str:
    """What the simulator's census says about a cédula of this test (always a valid one)."""
    scenario = scenario_for(cedula)
    assert scenario is not None
    return scenario.answer


def _register(base_url: str, cedula: str, *, database: str) -> int:
    """Register through the form, then open the mailed confirmation link (its token computed from the
    account's row in `database`): the status of the confirmation (302) or of a refused registration."""
    session = requests.Session()
    form = session.get(f"{base_url}/registro/", timeout=60)
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text)
    assert match is not None
    token = match.group(1)
    registered = session.post(
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
    )
    if registered.status_code != 302:
        return registered.status_code
    [(user_id, email)] = _query(database, "SELECT id, email FROM accounts_user WHERE cedula = %s", (cedula,))
    return confirm_over_http(session, base_url, cedula, account=(user_id, email)).status_code


def _query(name: str, sql: str, params: tuple = ()):
    with psycopg.connect(f"postgresql://postgres@127.0.0.1:5432/{name}") as conn:
        return conn.execute(sql, params or None).fetchall()


def _wait_until_settled(name: str, expected: int, *, timeout: float) -> int:
    settled = "SELECT count(*) FROM verification_cedulainfo WHERE status <> 'pending'"
    deadline = time.monotonic() + timeout
    done = 0
    while time.monotonic() < deadline:
        done = _query(name, settled)[0][0]
        if done >= expected:
            break
        time.sleep(0.3)
    return done


def _register_all(ports: list[int], cedulas: list[str], *, database: str) -> list[int]:
    results: list[int] = []
    threads = [
        threading.Thread(
            target=lambda n=n, c=c: results.append(_register(f"http://127.0.0.1:{ports[n % 2]}", c, database=database))
        )
        for n, c in enumerate(cedulas)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    return results


def test_two_webs_two_clusters_two_relays_on_postgres_and_redis(tmp_path, scale_out_env, simulator):
    env, name = scale_out_env
    python = str(VENV_BIN / "python")
    ports = [free_port(), free_port()]
    procs = [
        ([str(VENV_BIN / "gunicorn"), "core.wsgi:application", "--bind", f"127.0.0.1:{p}", "--workers", "2"], f"web{i}")
        for i, p in enumerate(ports)
    ]
    procs += [([python, "manage.py", "qcluster"], f"q{i}") for i in range(2)]
    # Each "machine" also runs the lookups lane's cluster, as the Procfile does.
    procs += [([python, "manage.py", "qcluster"], f"lookups{i}") for i in range(2)]
    procs += [([python, "manage.py", "relay"], f"relay{i}") for i in range(2)]

    def env_of(label: str) -> dict[str, str]:
        return {**env, "Q_CLUSTER_NAME": "lookups"} if label.startswith("lookups") else env

    managers = [running(cmd, env=env_of(label), log_path=tmp_path / f"{label}.log") for cmd, label in procs]
    for manager in managers:
        manager.__enter__()
    try:
        for port in ports:
            wait_for_port(port, timeout=60)
        cedulas = [f"1060{n:06d}" for n in range(PEOPLE)]
        assert _register_all(ports, cedulas, database=name) == [302] * PEOPLE
        assert _wait_until_settled(name, PEOPLE, timeout=240) == PEOPLE
        # What the census says, through four browsers in two clusters.
        expected = {c: _answer(c) for c in cedulas}
        rows = _query(
            name,
            "SELECT u.cedula, i.status, i.reason FROM verification_cedulainfo i JOIN accounts_user u "
            "ON u.id = i.user_id",
        )
        assert {cedula: status for cedula, status, _ in rows} == expected, rows
        # One rate limit for everybody: the site saw one lookup per page load, each at least the
        # interval after the previous one, whichever process it came from (10% for the navigation's
        # own jitter between our clock and the GET's arrival).
        pages = sorted(simulator.state()["pages"]["wsp"])
        assert len(pages) == PEOPLE
        gaps = [b - a for a, b in itertools.pairwise(pages)]
        assert min(gaps) >= 0.9 * INTERVAL, gaps

        # One circuit breaker for everybody: the site turns hostile; three blocks from any of the
        # processes open it, and the next lookup is refused without reaching the site.
        simulator.set_mode(mode="all_waf")
        before = len(simulator.state()["pages"]["wsp"])
        hostile = [f"1070{n:06d}" for n in range(4)]
        assert _register_all(ports, hostile, database=name) == [302] * 4
        assert _wait_until_settled(name, PEOPLE + 4, timeout=120) == PEOPLE + 4
        reasons = sorted(
            r
            for (r,) in _query(
                name,
                "SELECT i.reason FROM verification_cedulainfo i JOIN accounts_user u ON u.id = i.user_id "
                "WHERE u.cedula LIKE '1070%'",
            )
        )
        assert reasons == ["breaker_open", "waf_block", "waf_block", "waf_block"]
        assert len(simulator.state()["pages"]["wsp"]) - before == 3
        # Each delivery handled once in effect.
        assert _query(name, "SELECT count(*) FROM core_outboxmessage WHERE status <> 'done'")[0][0] == 0
        # All four clusters (two machines' default and lookups ones) run on the Redis broker: it keeps
        # their heartbeats under its own keys (the ORM broker would keep them in the Django cache,
        # under the cache's ":1:" prefix).
        heartbeats = redis.Redis.from_url(f"redis://127.0.0.1:6379/{REDIS_DB}").keys("django_q:pagina-madre:cluster*")
        assert len(heartbeats) == 4
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
