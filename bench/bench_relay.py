"""Relay benchmark: relay throughput as a ratio to raw `async_task` enqueue, and commit → task-start
latency through a real qcluster, on SQLite and on PostgreSQL, each with the ORM broker and with Redis.

    .venv/bin/python bench/bench_relay.py                       # SQLite, then PostgreSQL if reachable
    .venv/bin/python bench/bench_relay.py --database-url postgres://postgres@127.0.0.1:5432/postgres
    .venv/bin/python bench/bench_relay.py --sqlite-only
    .venv/bin/python bench/bench_relay.py --redis-url redis://127.0.0.1:6379/15   # the Redis broker's db

Every measurement runs in real `manage.py` processes with `tests.settings_kernel` (the product's
settings plus the kernel's test app, whose `kernel.Ticked` event has two consumers). PostgreSQL runs
use a throw-away database (`pm_bench_<pid>`) created on the given server and dropped at the end;
Redis runs use the given Redis database (its queue is purged before and after each measurement), and
are skipped when Redis does not answer. The goal printed for the ORM broker: relay at least 0.9 times raw.

1. raw: one process calls `async_task` N times (ORM broker) — the ceiling for any relay.
2. relay: N events are appended with the wake-up off, then `relay_drain_once` claims and enqueues
   their 2N deliveries; throughput = deliveries/s, reported as a ratio to (1).
3. latency: a qcluster (2 workers) and a relay run; events are appended one at a time, 50 ms apart,
   each waking the relay on commit; latency = handler start - commit, p50 and p99.
"""

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(Path(sys.executable))

RAW_SNIPPET = """
import time
from django_q.tasks import async_task
n = {n}
start = time.perf_counter()
for i in range(n):
    async_task("math.floor", i, group="bench", save=False)
print(n / (time.perf_counter() - start))
"""

RELAY_SNIPPET = """
import time
from core.models import OutboxMessage
from core.relay import relay_drain_once
n = OutboxMessage.objects.filter(status="pending").count()
start = time.perf_counter()
dispatched = relay_drain_once(batch_size=100)
assert dispatched == n, (dispatched, n)
print(dispatched / (time.perf_counter() - start))
"""

CLEAR_SNIPPET = """
from django_q.brokers import get_broker
from django_q.models import OrmQ
OrmQ.objects.all().delete()
get_broker().purge_queue()
print("cleared")
"""
RATIO_GOAL = 0.9

LATENCY_SNIPPET = """
import json
from tests.kernel_app.models import Effect
print(json.dumps({str(e.event_id): e.started for e in Effect.objects.filter(handler="kernel.record_tick")}))
"""


def _env(db: dict[str, str], **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    for name in ("DATABASE_URL", "REDIS_URL", "SQLITE_PATH"):
        env.pop(name, None)
    env.update(
        DJANGO_SETTINGS_MODULE="tests.settings_kernel",
        DJANGO_ENV="test",
        LOG_LEVEL="WARNING",
        Q_WORKERS="2",
        Q_POLL="0.05",
        Q_NAME="bench",
        RELAY_INTERVAL_SECONDS="1",
        OUTBOX_LEASE_SECONDS="300",
    )
    env.update(db)
    env.update(extra)
    return env


def _manage(env: dict[str, str], *args: str) -> str:
    done = subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"manage.py {' '.join(args)} failed:\n{done.stderr[-3000:]}")
    return done.stdout


def _shell(env: dict[str, str], code: str) -> str:
    # `shell` may print a line about auto-imports first: the answer is the last line.
    return _manage(env, "shell", "-c", code).strip().splitlines()[-1]


def _percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


def run(name: str, db: dict[str, str], *, events: int, latency_events: int, workdir: Path) -> dict:
    env = _env(db)
    _manage(env, "migrate", "--noinput")
    _manage(env, "createcachetable")
    _shell(env, CLEAR_SNIPPET)
    _shell(env, "from core.models import OutboxMessage; OutboxMessage.objects.all().delete(); print('ok')")

    # 1. Raw enqueue: as many tasks as the relay will enqueue below.
    raw = float(_shell(env, RAW_SNIPPET.format(n=2 * events)))
    _shell(env, CLEAR_SNIPPET)

    # 2. Relay throughput: every event is its stream's head, so all 2N deliveries are due at once.
    _manage({**env, "RELAY_WAKE_ON_COMMIT": "0"}, "kernel_seed", "--streams", str(events), "--per-stream", "1")
    relay = float(_shell(env, RELAY_SNIPPET))
    _shell(env, CLEAR_SNIPPET)
    _shell(env, "from core.models import OutboxMessage; OutboxMessage.objects.update(status='done')")

    # 3. Latency through real processes: wake-on-commit in the writer, a sweeping relay, a qcluster.
    logs = [open(workdir / f"{name.replace('/', '-')}-{p}.log", "wb") for p in ("qcluster", "relay")]  # noqa: SIM115 - closed below
    procs = [
        subprocess.Popen([PYTHON, "manage.py", cmd], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        for cmd, log in zip(("qcluster", "relay"), logs, strict=True)
    ]
    try:
        time.sleep(3)  # let the cluster start its workers (a benchmark, not a test)
        commits = json.loads(
            _manage(
                env,
                "kernel_seed",
                "--streams",
                str(latency_events),
                "--prefix",
                "lat",
                "--per-stream",
                "1",
                "--pause",
                "0.05",
                "--commit-times",
            )
        )
        deadline = time.monotonic() + 120
        while True:
            started = json.loads(_shell(env, LATENCY_SNIPPET))
            if all(k in started for k in commits) or time.monotonic() > deadline:
                break
            time.sleep(0.5)
    finally:
        for proc in procs:
            proc.terminate()  # SIGTERM to the qcluster parent only; it stops its workers
        for proc in procs:
            proc.wait(timeout=30)
        for log in logs:
            log.close()
    latencies = [(started[k] - commits[k]) * 1000 for k in commits if k in started]
    return {
        "name": name,
        "raw_enqueue_per_s": raw,
        "relay_dispatch_per_s": relay,
        "ratio": relay / raw,
        "latency_n": len(latencies),
        "latency_missing": len(commits) - len(latencies),
        "p50_ms": statistics.median(latencies) if latencies else float("nan"),
        "p99_ms": _percentile(latencies, 99) if latencies else float("nan"),
    }


def _reachable(url: str, default_port: int) -> bool:
    parts = urlsplit(url)
    try:
        with socket.create_connection((parts.hostname or "127.0.0.1", parts.port or default_port), timeout=1):
            return True
    except OSError:
        return False


def bench(args) -> int:
    results = []
    workdir = Path(tempfile.mkdtemp(prefix="bench-relay-"))
    try:
        db = {"SQLITE_PATH": str(workdir / "bench.sqlite3")}
        redis = {"REDIS_URL": args.redis_url} if _reachable(args.redis_url, 6379) else None
        if redis is None:
            print(f"Redis not reachable at {args.redis_url}: the Redis broker is skipped", file=sys.stderr)
        kwargs = {"events": args.events, "latency_events": args.latency_events, "workdir": workdir}
        results.append(run("sqlite/orm", db, **kwargs))
        if redis:
            redis_db = {"SQLITE_PATH": str(workdir / "bench-redis.sqlite3"), **redis}
            results.append(run("sqlite/redis", redis_db, **kwargs))
        if not args.sqlite_only:
            if not _reachable(args.database_url, 5432):
                print(f"PostgreSQL not reachable at {args.database_url}: skipped", file=sys.stderr)
            else:
                import psycopg

                admin = urlunsplit(urlsplit(args.database_url)._replace(path="/postgres"))
                # Each broker on a database of its own, as SQLite's runs have their own files: the
                # consumers' inbox (append-only) keeps the outbox rows of an earlier run.
                for broker, extra in (("orm", {}), ("redis", redis)):
                    if extra is None:
                        continue
                    name = f"pm_bench_{os.getpid()}_{broker}"
                    with psycopg.connect(admin, autocommit=True) as conn:
                        conn.execute(f'CREATE DATABASE "{name}"')
                    try:
                        url = urlunsplit(urlsplit(args.database_url)._replace(path=f"/{name}"))
                        results.append(run(f"postgresql/{broker}", {"DATABASE_URL": url, **extra}, **kwargs))
                    finally:
                        with psycopg.connect(admin, autocommit=True) as conn:
                            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    print(f"{'database/broker':<17} {'raw enqueue/s':>13} {'relay/s':>8} {'ratio':>6} {'p50 ms':>7} {'p99 ms':>7}  n")
    for r in results:
        print(
            f"{r['name']:<17} {r['raw_enqueue_per_s']:>13.0f} {r['relay_dispatch_per_s']:>8.0f} {r['ratio']:>6.2f} "
            f"{r['p50_ms']:>7.1f} {r['p99_ms']:>7.1f}  {r['latency_n']}"
            + (f" ({r['latency_missing']} not started in time)" if r["latency_missing"] else "")
        )
    orm = [r for r in results if r["name"].endswith("/orm")]
    print(
        "goal (ORM broker): relay at least "
        + f"{RATIO_GOAL} x raw enqueue: "
        + ", ".join(f"{r['name']} {r['ratio']:.2f} {'met' if r['ratio'] >= RATIO_GOAL else 'MISSED'}" for r in orm)
    )
    missed = any(r["ratio"] < RATIO_GOAL for r in orm)
    return 0 if all(r["latency_missing"] == 0 for r in results) and not missed else 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--sqlite-only", action="store_true")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/15", help="Redis for the Redis-broker runs")
    parser.add_argument("--events", type=int, default=500)
    parser.add_argument("--latency-events", type=int, default=200)
    args = parser.parse_args()
    raise SystemExit(bench(args))


if __name__ == "__main__":
    main()
