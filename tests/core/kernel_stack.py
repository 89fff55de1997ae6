"""Real processes for the kernel's end-to-end tests: a dedicated database, relays, qclusters, a web server.

Every process runs `tests.settings_kernel` (the test settings plus `tests.kernel_app`, whose handlers
leave countable `Effect` rows). Each test gets its own database, copied from a template migrated once
per session: a SQLite file, or a PostgreSQL database named after this pytest process (so parallel
runs by other people on the same server never share one).
"""

import json
import os
import shutil
import sqlite3
import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from tests import services
from tests.processes import REPO_ROOT, VENV_BIN, free_port, product_env, running, wait_for_port

SETTINGS = "tests.settings_kernel"


def postgres_base_url() -> str:
    url = os.environ.get("DATABASE_URL", "")
    return url if url.startswith("postgres") else services.POSTGRES_URL


def _with_db(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


def _pg_admin(sql: str) -> None:
    import psycopg

    with psycopg.connect(_with_db(postgres_base_url(), "postgres"), autocommit=True) as conn:
        conn.execute(sql)


def base_env(**overrides: str) -> dict[str, str]:
    env = product_env(
        DJANGO_SETTINGS_MODULE=SETTINGS,
        DJANGO_ENV="test",
        LOG_LEVEL="WARNING",
        Q_WORKERS="2",
        # retry stays well above timeout, both short enough for a test to see a redelivery.
        Q_TIMEOUT="10",
        Q_RETRY="25",
        Q_POLL="0.1",
        Q_NAME="kernel-e2e",
        Q_LOOKUP_CLUSTER="",  # one cluster runs every delivery: these tests are about the outbox
        OUTBOX_LEASE_SECONDS="30",
        OUTBOX_BACKOFF_BASE_SECONDS="0.2",
        RELAY_INTERVAL_SECONDS="0.2",
        RELAY_BATCH_SIZE="50",
    )
    env.pop("REDIS_URL", None)  # the ORM broker: its queue and results are rows the tests can read
    env.pop("RELAY_TEST_FAULTS", None)
    env.update(overrides)
    return env


class Templates:
    """One migrated template database per backend, made on first use and removed at session end."""

    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        self.made: dict[str, str] = {}
        self.pg_names: list[str] = []

    def sqlite(self) -> Path:
        if "sqlite" not in self.made:
            path = self.workdir / "kernel-template.sqlite3"
            env = base_env(SQLITE_PATH=str(path))
            env.pop("DATABASE_URL", None)
            _manage(env, "migrate", "--noinput")
            _manage(env, "createcachetable")
            self.made["sqlite"] = str(path)
        return Path(self.made["sqlite"])

    def postgres(self) -> str:
        if "postgres" not in self.made:
            name = f"pm_kernel_{os.getpid()}_tpl"
            _pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            _pg_admin(f'CREATE DATABASE "{name}"')
            self.pg_names.append(name)
            env = base_env(DATABASE_URL=_with_db(postgres_base_url(), name))
            _manage(env, "migrate", "--noinput")
            _manage(env, "createcachetable")
            self.made["postgres"] = name
        return self.made["postgres"]

    def cleanup(self) -> None:
        for name in self.pg_names:
            _pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _manage(env: dict[str, str], *args: str, check: bool = True, timeout: float = 180) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(VENV_BIN / "python"), "manage.py", *args],
        cwd=REPO_ROOT,
        env=env,
        check=check,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


class KernelStack:
    def __init__(self, *, backend: str, templates: Templates, tmp_path: Path, exit_stack: ExitStack) -> None:
        self.backend = backend
        self.tmp_path = tmp_path
        self._stack = exit_stack
        self._count = 0
        if backend == "sqlite":
            self.db_path = tmp_path / "kernel.sqlite3"
            shutil.copyfile(templates.sqlite(), self.db_path)
            self.env = base_env(SQLITE_PATH=str(self.db_path), KERNEL_MARKER_DIR=str(tmp_path))
            self.env.pop("DATABASE_URL", None)
        else:
            template = templates.postgres()
            self.db_name = f"pm_kernel_{os.getpid()}_{tmp_path.name[-40:].replace('-', '_').lower()}"
            _pg_admin(f'DROP DATABASE IF EXISTS "{self.db_name}" WITH (FORCE)')
            _pg_admin(f'CREATE DATABASE "{self.db_name}" TEMPLATE "{template}"')
            exit_stack.callback(_pg_admin, f'DROP DATABASE IF EXISTS "{self.db_name}" WITH (FORCE)')
            self.db_url = _with_db(postgres_base_url(), self.db_name)
            self.env = base_env(DATABASE_URL=self.db_url, KERNEL_MARKER_DIR=str(tmp_path))

    # --- reading the database directly (fast polling) -------------------------------------------
    def scalar(self, sql: str):
        if self.backend == "sqlite":
            with sqlite3.connect(self.db_path, timeout=30) as conn:
                row = conn.execute(sql).fetchone()
                assert row is not None  # an aggregate query always returns one row
                return row[0]
        import psycopg

        with psycopg.connect(self.db_url) as conn:
            pg_row = conn.execute(sql).fetchone()
            assert pg_row is not None  # an aggregate query always returns one row
            return pg_row[0]

    def wait_until(self, predicate: Callable[[], bool], *, timeout: float, what: str) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if predicate():
                return
            time.sleep(0.2)
        raise AssertionError(f"timed out after {timeout}s waiting for {what}; logs in {self.tmp_path}")

    # --- commands and processes -------------------------------------------------------------------
    def manage(self, *args: str, check: bool = True, **env: str) -> subprocess.CompletedProcess:
        return _manage({**self.env, **env}, *args, check=check)

    def report(self, *, dump: bool = False) -> dict:
        return json.loads(self.manage("kernel_report", *(["--dump"] if dump else [])).stdout)

    def _start(self, name: str, cmd: list[str], env: dict[str, str]):
        self._count += 1
        log = self.tmp_path / f"{self._count:02d}-{name}.log"
        return self._stack.enter_context(running(cmd, env={**self.env, **env}, log_path=log))

    def relay(self, **env: str):
        return self._start("relay", [str(VENV_BIN / "python"), "manage.py", "relay"], env)

    def qcluster(self, **env: str):
        return self._start("qcluster", [str(VENV_BIN / "python"), "manage.py", "qcluster"], env)

    def web(self, **env: str) -> tuple[subprocess.Popen, str]:
        port = free_port()
        cmd = [
            str(VENV_BIN / "gunicorn"),
            "core.wsgi:application",
            f"--bind=127.0.0.1:{port}",
            "--workers=1",
            "--access-logfile=-",
        ]
        proc = self._start("web", cmd, {"DJANGO_SETTINGS_MODULE": SETTINGS, **env})
        wait_for_port(port, timeout=60, proc=proc)
        return proc, f"http://127.0.0.1:{port}"

    def logs(self) -> str:
        return "\n".join(p.read_text(errors="replace") for p in sorted(self.tmp_path.glob("*.log")))


@contextmanager
def kernel_stack(backend: str, templates: Templates, tmp_path: Path) -> Iterator[KernelStack]:
    with ExitStack() as exit_stack:
        yield KernelStack(backend=backend, templates=templates, tmp_path=tmp_path, exit_stack=exit_stack)


def exactly_once(report: dict, handler: str, stream_type: str, event_type: str | None = None) -> dict[str, list[int]]:
    """Assert every event of `stream_type` (of `event_type`, when given) had exactly one committed
    effect of `handler`, and return the versions each stream's effects were committed in (their order)."""
    events = {
        e[0]: (e[1], e[2])
        for e in report["events"]
        if e[1].startswith(f"{stream_type}:") and (event_type is None or e[3] == event_type)
    }
    effects = [e for e in report["effects"] if e[0] == handler]
    seen = [e[3] for e in effects]
    duplicates = sorted({i for i in seen if seen.count(i) > 1})
    assert not duplicates, f"{len(duplicates)} events had their effect more than once"
    assert set(seen) == set(events), f"{len(set(events) - set(seen))} events never had their effect"
    order: dict[str, list[int]] = {}
    for _handler, stream, version, _event_id, _pid in effects:
        order.setdefault(stream, []).append(version)
    return order
