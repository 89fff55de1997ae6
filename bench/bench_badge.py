"""Benchmark: the person's status badge under concurrent pollers, on a real gunicorn, driven by wrk.

    .venv/bin/python bench/bench_badge.py [--pollers 16] [--seconds 5] [--rounds 3]

What it does, all on loopback and bounded in time:
1. makes a throw-away SQLite database (WAL) in a temp folder, migrates it and registers `pollers`
   people whose check is still pending (their record is open, no lookup has run) and `pollers`
   whose check settled to `active` with the deterministic stand-in lookup;
2. starts gunicorn (`--workers 1 --threads 4`; the Procfile runs 2 workers, but then the kernel
   splits wrk's few connections between them unevenly from run to run) with `bench.settings`, the
   product plus a trivial view behind login (`/bench/trivial-logged-in/`: the session and user
   queries every person's request pays) as the baseline on the same server;
3. drives each target with wrk (Debian's `wrk`; `pollers` keep-alive connections, each request
   from one of the people, round robin) for `seconds`, after a short warm-up, in `rounds` rounds
   that interleave the targets (each target's median round counts):
   - the unchanged pending poll: a pending person's htmx poll that says which badge the page
     shows (`?k=` fingerprint) and is answered 204 with no body: the hot path of a waiting crowd;
   - a changed poll: the same people with a stale fingerprint, answered 200 with the fragment;
   - the final fragment: a settled person's poll, answered 286 (htmx stops polling);
   - the trivial views (anonymous, and behind login);
   every answer's status is counted and checked (a login redirect is not a badge);
4. prints requests/second, p50/p95/p99 latency, each badge target's ratio to the logged-in trivial
   view measured in the same run, and each badge target's queries per request (counted in-process
   with CaptureQueriesContext on the same views).
Goals (exit status 1 when missed): the unchanged pending poll >= 0.8x the logged-in trivial view,
and at most 3 queries for it (session, user, the badge's fields; a changed poll then loads the
whole record to render it: 4). wrk shares the 2 cores with the server, so absolute
numbers are conservative; the ratios are the figures to compare. Results go to bench/results/.
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
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
VENV_BIN = Path(sys.executable).parent
BADGE = "/verificacion/estado/"
UNCHANGED_RATIO_GOAL = 0.8
WRK_THREADS = 1  # wrk needs far less than one core; the rest is the server's
MAX_QUERIES = 3

# wrk's script: each request is one of the people (round robin over the connections' requests);
# every status is counted per thread and reported as one JSON line when the run ends.
WRK_SCRIPT = """
local targets = {%(targets)s}
local threads = {}
local n = 0
function setup(thread)
  thread:set("offset", #threads)
  table.insert(threads, thread)
end
function init(args)
  statuses = {}
  n = offset
end
function request()
  n = n + 1
  local t = targets[(n %% #targets) + 1]
  return wrk.format("GET", t[1], {["Cookie"] = "sessionid=" .. t[2], ["HX-Request"] = "true"})
end
function response(status, headers, body)
  local key = tostring(status)
  statuses[key] = (statuses[key] or 0) + 1
end
function done(summary, latency, requests)
  local merged = {}
  for _, thread in ipairs(threads) do
    for key, count in pairs(thread:get("statuses")) do
      merged[key] = (merged[key] or 0) + count
    end
  end
  local parts = {}
  for key, count in pairs(merged) do
    table.insert(parts, string.format('"%%s": %%d', key, count))
  end
  io.write(string.format(
    'RESULT {"requests": %%d, "seconds": %%.3f, "errors": %%d, '
    .. '"p50_ms": %%.2f, "p95_ms": %%.2f, "p99_ms": %%.2f, "statuses": {%%s}}\\n',
    summary.requests, summary.duration / 1e6,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    table.concat(parts, ", ")))
end
"""


@dataclass(frozen=True)
class Target:
    name: str
    label: str
    requests: list[tuple[str, str]]  # (path with query, session id), one per person
    status: int  # the answer every request must get


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _person(n: int, cedula: str):
    from accounts.services import user_register

    return user_register(
        cedula=cedula,
        nombres="Bench",
        apellidos=f"Persona {n}",
        email=f"bench{n}@example.org",
        password="clave-de-benchmark-2026",  # noqa: S106 - a throw-away bench database
        email_vouched_by="staff:bench",  # confirmed at once, as staff registering someone in person
    )


def prepare(env: dict[str, str], pollers: int) -> tuple[list[Target], dict[str, float]]:
    """Migrate, register pending and settled people; return the targets and queries per request."""
    for args in (["migrate", "--noinput"], ["createcachetable"]):
        subprocess.run([sys.executable, "manage.py", *args], cwd=REPO, env=env, check=True, capture_output=True)
    os.environ.update(env)
    import django

    django.setup()
    from datetime import timedelta

    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from core.consumers import outbox_deliver
    from core.models import OutboxMessage
    from core.relay import outbox_claim_batch
    from verification.models import CedulaInfo
    from verification.web.presentation import badge_for

    # Last digit 0: the stand-in lookup says "active".
    settled = [_person(n, str(1_050_000_000 + n * 10)) for n in range(pollers)]
    while ids := outbox_claim_batch(limit=1000):
        for message_id in ids:
            outbox_deliver(message_id=message_id)
    pending = [_person(pollers + n, str(1_060_000_000 + n * 10)) for n in range(pollers)]
    # Open their records (the default lane's consumer) but run no lookup: they stay pending.
    for message in OutboxMessage.objects.filter(handler="verification.open_cedula_check_on_confirmation", done_at=None):
        outbox_deliver(message_id=message.pk)
    pending_ids = [user.pk for user in pending]
    # Pending "for a while" (the badge says so): its fingerprint stays the same during the run.
    CedulaInfo.objects.filter(user_id__in=pending_ids).update(requested_at=timezone.now() - timedelta(hours=1))
    assert CedulaInfo.objects.filter(status="active").count() == pollers, "the settled checks did not settle"
    assert CedulaInfo.objects.filter(user_id__in=pending_ids, status="pending").count() == pollers

    def session(user) -> str:
        client = Client()
        client.force_login(user)
        return client.cookies["sessionid"].value

    unchanged, changed, final, logged_in = [], [], [], []
    for user in pending:
        info = CedulaInfo.objects.get(user_id=user.pk)
        badge = badge_for(info, now=timezone.now())
        sid = session(user)
        unchanged.append((f"{BADGE}?v={badge.version}&k={badge.fingerprint}", sid))
        changed.append((f"{BADGE}?v={badge.version}&k=stale", sid))
        logged_in.append(("/bench/trivial-logged-in/", sid))
    for user in settled:
        info = CedulaInfo.objects.get(user_id=user.pk)
        final.append((f"{BADGE}?v={info.version}", session(user)))
    targets = [
        Target("trivial", "trivial view (anonymous)", [("/bench/trivial/", "none")], 200),
        Target("trivial_logged_in", "trivial view behind login", logged_in, 200),
        Target("unchanged_poll", "unchanged pending poll (204)", unchanged, 204),
        Target("changed_poll", "changed poll (200, fragment)", changed, 200),
        Target("final", "final fragment (286)", final, 286),
    ]
    # Queries per request, on the same views and database, each with a fresh client (cold session).
    queries: dict[str, float] = {}
    for target in targets[1:]:
        counts = []
        for path, sid in target.requests[:5]:
            client = Client(HTTP_HOST="127.0.0.1")
            client.cookies["sessionid"] = sid
            with CaptureQueriesContext(connection) as captured:
                response = client.get(path, headers={"HX-Request": "true"})
            assert response.status_code == target.status, (target.name, response.status_code)
            counts.append(len(captured))
        queries[target.name] = sum(counts) / len(counts)
    connection.close()
    return targets, queries


def drive(port: int, target: Target, *, seconds: float, connections: int, workdir: Path) -> dict:
    """Run wrk against `target` and return its figures; every answer must have the target's status."""
    entries = ", ".join(f'{{"{path}", "{sid}"}}' for path, sid in target.requests)
    script = workdir / f"{target.name}.lua"
    script.write_text(WRK_SCRIPT % {"targets": entries})
    run = subprocess.run(
        [
            *("wrk", "--threads", str(WRK_THREADS), "--connections", str(connections), "--duration", f"{seconds:.0f}s"),
            *("--timeout", "10s", "--script", str(script), f"http://127.0.0.1:{port}/"),
        ],
        capture_output=True,
        text=True,
        timeout=seconds + 60,
        check=True,
    )
    line = next((x for x in run.stdout.splitlines() if x.startswith("RESULT ")), None)
    if line is None:
        raise RuntimeError(f"wrk printed no result:\n{run.stdout}\n{run.stderr}")
    result = json.loads(line.removeprefix("RESULT "))
    result["rps"] = result["requests"] / result["seconds"]
    result["unexpected"] = sum(n for status, n in result["statuses"].items() if int(status) != target.status)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pollers", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=5.0, help="per target and round")
    parser.add_argument(
        "--workers",
        type=int,
        default=1,
        help="gunicorn workers (the Procfile runs 2; with 2 the kernel splits wrk's connections between"
        " them unevenly from run to run, and the figures swing by 2x)",
    )
    parser.add_argument("--rounds", type=int, default=3, help="rounds over all targets; the median counts")
    args = parser.parse_args()
    rounds = max(1, min(args.rounds, 9))
    pollers = max(1, min(args.pollers, 64))
    seconds = max(2.0, min(args.seconds, 60.0))
    if shutil.which("wrk") is None:
        print("bench_badge needs wrk: sudo apt-get install wrk", file=sys.stderr)
        return 2

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
    results: dict[str, dict] = {}
    try:
        targets, queries = prepare(env, pollers)
        server = subprocess.Popen(
            [
                *(str(VENV_BIN / "gunicorn"), "core.wsgi:application", "--bind", f"127.0.0.1:{port}"),
                *("--workers", str(args.workers), "--threads", "4", "--log-level", "warning"),
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
        for target in targets:  # warm-up: every worker has imported, compiled and connected
            drive(port, target, seconds=2, connections=pollers, workdir=workdir)
        # Rounds interleave the targets, so a passing disturbance (another process, a checkpoint)
        # does not land on one target only; each target's round with the median req/s counts.
        runs: dict[str, list[dict]] = {target.name: [] for target in targets}
        for _ in range(rounds):
            for target in targets:
                runs[target.name].append(drive(port, target, seconds=seconds, connections=pollers, workdir=workdir))
        for name, measured in runs.items():
            measured.sort(key=lambda r: r["rps"])
            results[name] = {**measured[len(measured) // 2], "rounds_rps": [round(r["rps"], 1) for r in measured]}
    finally:
        if server is not None and server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
        shutil.rmtree(workdir, ignore_errors=True)

    baseline = results["trivial_logged_in"]["rps"]
    print(f"{pollers} keep-alive connections (wrk), {rounds} rounds of {seconds:.0f} s per target (median round),")
    print(f"gunicorn {args.workers} worker(s) x 4 threads, SQLite WAL; ratio = req/s over the logged-in trivial view's")
    for target in targets:
        r = results[target.name]
        ratio = f"{r['rps'] / baseline:5.2f}x" if target.name != "trivial" else "   - "
        q = f"{queries[target.name]:.0f} queries" if target.name in queries else ""
        print(
            f"{target.label:31} {r['rps']:8.1f} req/s {ratio}  p50 {r['p50_ms']:6.1f}  p95 {r['p95_ms']:6.1f}"
            f"  p99 {r['p99_ms']:6.1f} ms  {q:10} ({r['requests']} requests, {r['unexpected']} unexpected,"
            f" {r['errors']} errors)"
        )
    unchanged_ratio = results["unchanged_poll"]["rps"] / baseline
    print(f"unchanged pending poll / logged-in trivial view: {unchanged_ratio:.2f} (goal >= {UNCHANGED_RATIO_GOAL})")
    print(f"queries per request: {queries} (goal: the unchanged poll at most {MAX_QUERIES})")
    out = REPO / "bench" / "results"
    out.mkdir(exist_ok=True)
    record = {"pollers": pollers, "seconds": seconds, "rounds": rounds, "results": results, "queries": queries}
    (out / f"badge-{time.strftime('%Y%m%d-%H%M%S')}.json").write_text(json.dumps(record, indent=2))
    failed = (
        any(r["unexpected"] or r["errors"] for r in results.values())
        or unchanged_ratio < UNCHANGED_RATIO_GOAL
        or queries["unchanged_poll"] > MAX_QUERIES
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
