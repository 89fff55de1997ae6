"""Benchmark: the person's status badge fragment under concurrent pollers, on a real gunicorn.

    .venv/bin/python bench/bench_badge.py [--pollers 16] [--seconds 10] [--max-requests 50000]

What it does, all on loopback and bounded in time and count:
1. makes a throw-away SQLite database (WAL) in a temp folder, migrates it, registers one person per
   poller and settles each check to `active` with the deterministic stand-in lookup;
2. starts gunicorn (`--workers 2 --threads 4`, as the Procfile) with `bench.settings`, which is the
   product plus one trivial view (`/bench/trivial/`) for a baseline on the same server;
3. for each target, `pollers` threads (one logged-in person each, keep-alive connections) send
   requests for `seconds` (after a short warm-up) — htmx-style GETs of `/verificacion/estado/`;
4. prints requests/second of the badge and of the trivial view (and of a trivial view behind
   login, which pays the session and user queries), their ratio, p50/p95 latency, and
   the badge's queries per request (counted in-process with CaptureQueriesContext on the same view).
The load generator shares the 2 cores with the server, so absolute numbers are conservative; the
ratio is the figure to compare between runs. Results also go to bench/results/ (git-ignored).
"""

import argparse
import http.client
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
VENV_BIN = Path(sys.executable).parent


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def prepare(env: dict[str, str], pollers: int) -> tuple[list[str], float]:
    """Migrate, register the pollers' people, settle their checks; return session ids and queries."""
    for args in (["migrate", "--noinput"], ["createcachetable"]):
        subprocess.run([sys.executable, "manage.py", *args], cwd=REPO, env=env, check=True, capture_output=True)
    os.environ.update(env)
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from accounts.services import user_register
    from core.consumers import outbox_deliver
    from core.relay import outbox_claim_batch
    from verification.models import CedulaInfo

    users = [
        user_register(
            cedula=str(1_050_000_000 + n * 10),  # last digit 0: the stand-in says "active"
            nombres="Bench",
            apellidos=f"Persona {n}",
            email=f"bench{n}@example.org",
            password="clave-de-benchmark-2026",  # noqa: S106 - a throw-away bench database
        )
        for n in range(pollers)
    ]
    while ids := outbox_claim_batch(limit=1000):
        for message_id in ids:
            outbox_deliver(message_id=message_id)
    assert CedulaInfo.objects.filter(status="active").count() == pollers, "checks did not settle"
    sessions = []
    for user in users:
        client = Client()
        client.force_login(user)
        sessions.append(client.cookies["sessionid"].value)
    # Queries per badge request, on the same view and database, with a fresh client (cold session).
    client = Client()
    client.force_login(users[0])
    counts = []
    for _ in range(5):
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/verificacion/estado/", headers={"HX-Request": "true", "Host": "127.0.0.1"})
        assert response.status_code == 286
        counts.append(len(queries))
    connection.close()
    return sessions, sum(counts) / len(counts)


def load(port: int, path: str, sessions: list[str], *, seconds: float, max_requests: int) -> dict:
    """`len(sessions)` keep-alive pollers hammer `path` for `seconds` (at most `max_requests` in all)."""
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds
    budget = [max_requests]

    def poller(session: str) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        headers = {"Cookie": f"sessionid={session}", "HX-Request": "true", "Connection": "keep-alive"}
        mine: list[float] = []
        bad = 0
        while time.monotonic() < stop_at:
            with lock:
                if budget[0] <= 0:
                    break
                budget[0] -= 1
            started = time.perf_counter()
            try:
                conn.request("GET", path, headers=headers)
                response = conn.getresponse()
                body = response.read()
                ok = response.status in (200, 286) and (body == b"ok" or b'data-state="active"' in body)
            except (OSError, http.client.HTTPException):
                ok = False
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            mine.append(time.perf_counter() - started)
            bad += not ok
        conn.close()
        with lock:
            latencies.extend(mine)
            errors[0] += bad

    started = time.monotonic()
    threads = [threading.Thread(target=poller, args=(s,)) for s in sessions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    latencies.sort()

    def pct(p: float) -> float:
        return latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000 if latencies else float("nan")

    return {
        "requests": len(latencies),
        "errors": errors[0],
        "rps": len(latencies) / elapsed,
        "p50_ms": pct(0.50),
        "p95_ms": pct(0.95),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pollers", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--max-requests", type=int, default=50_000)
    args = parser.parse_args()
    pollers = max(1, min(args.pollers, 64))
    seconds = max(1.0, min(args.seconds, 60.0))

    workdir = Path(tempfile.mkdtemp(prefix="bench-badge-"))
    port = free_port()
    env = dict(os.environ)
    for name in ("DATABASE_URL", "REDIS_URL"):
        env.pop(name, None)  # always its own throw-away SQLite database
    env.update(
        DJANGO_SETTINGS_MODULE="bench.settings",
        DJANGO_DEBUG="false",
        SQLITE_PATH=str(workdir / "bench.sqlite3"),
        VERIFICATION_LOOKUP_BACKEND="tests.fakes.lookup",
        RELAY_WAKE_ON_COMMIT="false",
        LOG_LEVEL="WARNING",
    )
    server = None
    try:
        sessions, queries = prepare(env, pollers)
        server = subprocess.Popen(
            [
                *(str(VENV_BIN / "gunicorn"), "core.wsgi:application", "--bind", f"127.0.0.1:{port}"),
                *("--workers", "2", "--threads", "4", "--log-level", "warning"),
            ],
            cwd=REPO,
            env=env,
            start_new_session=True,
        )
        deadline = time.monotonic() + 30
        while True:
            try:
                http.client.HTTPConnection("127.0.0.1", port, timeout=1).request("GET", "/bench/trivial/")
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError("gunicorn did not start") from None
                time.sleep(0.2)
        load(port, "/verificacion/estado/", sessions, seconds=2, max_requests=5_000)  # warm-up
        trivial = load(port, "/bench/trivial/", sessions, seconds=seconds, max_requests=args.max_requests)
        logged_in = load(port, "/bench/trivial-logged-in/", sessions, seconds=seconds, max_requests=args.max_requests)
        badge = load(port, "/verificacion/estado/?v=2", sessions, seconds=seconds, max_requests=args.max_requests)
    finally:
        if server is not None and server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
        shutil.rmtree(workdir, ignore_errors=True)

    result = {
        "pollers": pollers,
        "seconds": seconds,
        "badge": badge,
        "trivial": trivial,
        "trivial_logged_in": logged_in,
        "badge_to_trivial_rps_ratio": badge["rps"] / trivial["rps"],
        "badge_queries_per_request": queries,
    }
    print(f"pollers: {pollers}, {seconds:.0f} s per target, gunicorn 2 workers x 4 threads, SQLite WAL")
    for name in ("trivial", "trivial_logged_in", "badge"):
        r = result[name]
        print(
            f"{name:17} {r['rps']:8.1f} req/s  p50 {r['p50_ms']:6.1f} ms  p95 {r['p95_ms']:6.1f} ms"
            f"  ({r['requests']} requests, {r['errors']} errors)"
        )
    print(f"badge / trivial requests per second: {result['badge_to_trivial_rps_ratio']:.2f}")
    print(f"badge / trivial_logged_in requests per second: {badge['rps'] / logged_in['rps']:.2f}")
    print(f"badge p95 latency: {badge['p95_ms']:.1f} ms")
    print(f"badge queries per request: {queries:.1f} (goal: at most 3)")
    results = REPO / "bench" / "results"
    results.mkdir(exist_ok=True)
    (results / f"badge-{time.strftime('%Y%m%d-%H%M%S')}.json").write_text(json.dumps(result, indent=2))
    failed = badge["errors"] or trivial["errors"] or logged_in["errors"] or queries > 3
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
