"""Benchmark: a campaign's worth of people on PostgreSQL.

    .venv/bin/python bench/bench_scale.py [--people 1000000] [--server postgres://…/postgres]

What it does, all on loopback:
1. creates a throw-away database on the server (dropped at the end), migrates it and seeds `people`
   people in bulk (INSERT ... SELECT generate_series, no password hashing): their
   users, their CedulaInfo rows in every state (85% active, 4% cancelled, 3% not found, 4% pending,
   2% error, 2% blocked, with sites, reasons, result fields and planned retries spread over the
   hours after the run) and the audit rows each record's history leaves (request, then its result);
2. adds, through the product's own services (registration, the record-opening consumer, the
   lookup's result), 100 people whose automatic retry is due and 50 whose check is stuck past the
   deadline: the sweeper's pass then does real work on consistent event streams (the bulk rows have
   projections and audit rows, not events, so nothing else reads their streams);
3. measures in-process, with the Django test client on the real database, each repeated and given
   as p50/p95: the support console's first page and its filters, a pending person's unchanged poll
   and a settled person's badge, one sweeper pass (with that due work, then an idle one),
   `verification_stats` and `/metrics`;
4. runs EXPLAIN on every SELECT those paths issued that took 5 ms or more, and lists each that
   scans a big table sequentially.
Goals (exit status 1 when missed): console first page and badge p95 <= 100 ms, sweeper pass <= 2 s,
stats <= 1 s, and no sequential scan of a big table on those paths. Results go to bench/results/.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

BIG_TABLES = ("accounts_user", "verification_cedulainfo", "verification_transitionlog")
GOALS_MS = {"console": 100.0, "badge": 100.0, "sweeper": 2000.0, "stats": 1000.0}
DUE_RETRIES, STUCK = 100, 50
CHUNK = 100_000
SLOW_S = 0.005  # a statement this slow on these paths has its plan looked at

# One statement per table and chunk; n is the person's number (1-based), also every row's id.
# Buckets of n % 100: 0-84 active, 85-88 cancelled, 89-91 not found, 92-95 pending, 96-97 error,
# 98-99 blocked. Pending checks are recent (inside the deadline); retries are planned ahead.
SEED_USERS = """
INSERT INTO accounts_user (id, password, last_login, is_superuser, cedula, nombres, apellidos, email,
                           is_active, is_staff, date_joined)
SELECT n, %(password)s, NULL, false, (1000000000 + n)::text, 'Persona', 'Campaña ' || n,
       'persona' || n || '@example.org', true, false, now() - (n %% 864000) * interval '1 second'
FROM generate_series(%(lo)s, %(hi)s) AS n
"""
SEED_INFOS = """
INSERT INTO verification_cedulainfo (id, user_id, status, version, request_id, requested_at, attempts,
    last_checked_at, next_retry_at, reason, site, departamento, municipio, zona, puesto, direccion, mesa,
    novedad, resolucion, fecha_novedad, evidence, updated_at)
SELECT n, n, s.status, CASE WHEN s.status = 'pending' THEN 1 ELSE 2 END, gen_random_uuid(), s.requested_at, 1,
       CASE WHEN s.status = 'pending' THEN NULL ELSE s.requested_at + interval '25 seconds' END,
       CASE WHEN s.status IN ('error', 'blocked') THEN now() + (3600 + n %% 7200) * interval '1 second' END,
       CASE s.status WHEN 'error' THEN 'http_503' WHEN 'blocked' THEN 'waf_block'
                     WHEN 'pending' THEN '' ELSE 'ok' END,
       CASE WHEN s.status = 'pending' THEN '' WHEN n %% 3 = 0 THEN 'infovotantes' ELSE 'wsp' END,
       CASE WHEN s.status = 'active' THEN 'BOGOTA D.C.' ELSE '' END,
       CASE WHEN s.status = 'active' THEN 'BOGOTA D.C.' ELSE '' END,
       CASE WHEN s.status = 'active' THEN (n %% 20)::text ELSE '' END,
       CASE WHEN s.status = 'active' THEN 'PUESTO ' || (n %% 500) ELSE '' END,
       CASE WHEN s.status = 'active' THEN 'CALLE ' || (n %% 200) || ' # 10-20' ELSE '' END,
       CASE WHEN s.status = 'active' THEN (n %% 40)::text ELSE '' END,
       CASE WHEN s.status = 'cancelled' THEN 'CANCELADA POR MUERTE' ELSE '' END,
       CASE WHEN s.status = 'cancelled' THEN (n %% 9000)::text ELSE '' END,
       CASE WHEN s.status = 'cancelled' THEN '2017-11-19' ELSE '' END,
       '[]'::jsonb, s.requested_at + interval '25 seconds'
FROM (
    SELECT n,
           CASE WHEN n %% 100 < 85 THEN 'active' WHEN n %% 100 < 89 THEN 'cancelled'
                WHEN n %% 100 < 92 THEN 'not_found' WHEN n %% 100 < 96 THEN 'pending'
                WHEN n %% 100 < 98 THEN 'error' ELSE 'blocked' END AS status,
           CASE WHEN n %% 100 BETWEEN 92 AND 95 THEN now() - (n %% 60) * interval '1 second'
                ELSE now() - (60 + n %% 864000) * interval '1 second' END AS requested_at
    FROM generate_series(%(lo)s, %(hi)s) AS n
) AS s
"""
SEED_LOGS = """
INSERT INTO verification_transitionlog (event_id, position, from_state, to_state, transition, actor, reason,
    attempt, task_id, correlation_id, causation_id, created_at, duration_ms, cedula_info_id)
SELECT gen_random_uuid(), 2 * i.id - 1, '', 'pending', 'request', 'system', 'registro', 1, '',
       gen_random_uuid(), NULL::uuid, i.requested_at, NULL::integer, i.id
FROM verification_cedulainfo AS i WHERE i.id BETWEEN %(lo)s AND %(hi)s
UNION ALL
SELECT gen_random_uuid(), 2 * i.id, 'pending', i.status,
       CASE i.status WHEN 'active' THEN 'complete_active' WHEN 'cancelled' THEN 'complete_cancelled'
                     WHEN 'not_found' THEN 'complete_not_found' WHEN 'error' THEN 'fail_error'
                     ELSE 'fail_blocked' END,
       'system', CASE WHEN i.reason = 'ok' THEN '' ELSE i.reason END, 1, '', gen_random_uuid(), NULL::uuid,
       i.last_checked_at, 8000 + (i.id %% 40) * 1000, i.id
FROM verification_cedulainfo AS i WHERE i.id BETWEEN %(lo)s AND %(hi)s AND i.status <> 'pending'
"""


def _database_url(server: str, name: str) -> str:
    parts = urlsplit(server)
    return urlunsplit(parts._replace(path=f"/{name}"))


def _psql(server: str, sql: str) -> None:
    import psycopg

    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(sql)


def seed(people: int) -> float:
    """Bulk rows for `people` people; returns the seconds it took."""
    from django.contrib.auth.hashers import make_password
    from django.db import connection, transaction

    started = time.monotonic()
    password = make_password("clave-de-campaña-2026")  # one hash for everyone: no hashing per row
    for lo in range(1, people + 1, CHUNK):
        hi = min(people, lo + CHUNK - 1)
        with transaction.atomic(), connection.cursor() as cursor:
            for statement in (SEED_USERS, SEED_INFOS, SEED_LOGS):
                cursor.execute(statement, {"lo": lo, "hi": hi, "password": password})
        print(f"  seeded {hi:,} of {people:,} people ({time.monotonic() - started:.0f} s)", flush=True)
    with connection.cursor() as cursor:
        for table in ("accounts_user", "verification_cedulainfo", "verification_transitionlog"):
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))"  # noqa: S608
            )
        cursor.execute("ANALYZE")
    return time.monotonic() - started


def add_live_work(people: int) -> None:
    """People made through the services, so the sweeper's writes meet consistent streams."""
    from datetime import timedelta

    from django.utils import timezone

    from core.consumers import outbox_deliver
    from core.models import OutboxMessage
    from verification.models import CedulaInfo

    base = 2_000_000_000 + people
    # Last digit 4: the stand-in lookup answers a transient error (a retry is planned).
    errored = [_register(str(base + n * 10 + 4), n) for n in range(DUE_RETRIES)]
    stuck = [_register(str(base + 100_000 + n * 10), DUE_RETRIES + n) for n in range(STUCK)]
    for message in OutboxMessage.objects.filter(handler="verification.open_cedula_check_on_confirmation", done_at=None):
        outbox_deliver(message_id=message.pk)
    lost = {str(pk) for pk in CedulaInfo.objects.filter(user__in=stuck).values_list("pk", flat=True)}
    while True:
        due = [
            m.pk
            for m in OutboxMessage.objects.filter(done_at=None).select_related("event").order_by("id")
            if not (m.handler == "verification.run_lookup" and m.event.stream_id in lost)
        ]
        if not due:
            break
        for message_id in due:
            outbox_deliver(message_id=message_id)
    # The stuck checks' lookups were lost (as after a broker loss), and the checks are old now.
    OutboxMessage.objects.filter(done_at=None).update(status="done", done_at=timezone.now())
    CedulaInfo.objects.filter(user__in=stuck).update(requested_at=timezone.now() - timedelta(hours=2))
    CedulaInfo.objects.filter(user__in=errored).update(next_retry_at=timezone.now() - timedelta(minutes=1))
    assert CedulaInfo.objects.filter(user__in=errored, status="error").count() == DUE_RETRIES
    assert CedulaInfo.objects.filter(user__in=stuck, status="pending").count() == STUCK


def _register(cedula: str, n: int):
    from accounts.services import user_register

    return user_register(
        cedula=cedula,
        nombres="En vivo",
        apellidos=f"Persona {n}",
        email=f"vivo{n}@example.org",
        password="clave-de-campaña-2026",  # noqa: S106 - a throw-away bench database
        email_vouched_by="staff:bench",  # confirmed at once, as staff registering someone in person
    )


def _timed(fn, repeat: int) -> dict:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return {
        "p50_ms": statistics.median(times),
        "p95_ms": times[min(len(times) - 1, max(0, round(0.95 * len(times)) - 1))],
        "n": repeat,
    }


def measure() -> tuple[dict[str, dict], list[str]]:
    from datetime import timedelta

    from django.contrib.auth.models import Group
    from django.core.signals import request_started
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from accounts.models import User
    from verification.models import CedulaInfo
    from verification.ops.operations import verification_stats
    from verification.services import verification_sweep
    from verification.web.presentation import badge_for

    staff, _ = User.objects.get_or_create(
        cedula="9999999999",
        defaults={"nombres": "Soporte", "apellidos": "Bench", "email": "soporte@example.org", "is_staff": True},
    )
    staff.groups.add(Group.objects.get(name="Soporte"))
    console = Client(HTTP_HOST="127.0.0.1")
    console.force_login(staff)
    pending = CedulaInfo.objects.filter(status="pending", user__cedula__startswith="1").order_by("pk")[500]
    settled = CedulaInfo.objects.filter(status="active").order_by("pk")[123_456 % CedulaInfo.objects.count()]
    # Pending for half an hour: its poll interval has settled at its longest, so the badge the page
    # shows stays the same for the whole run.
    CedulaInfo.objects.filter(pk=pending.pk).update(requested_at=timezone.now() - timedelta(minutes=30))
    pending.refresh_from_db()
    person, settled_person = Client(HTTP_HOST="127.0.0.1"), Client(HTTP_HOST="127.0.0.1")
    assert pending.user is not None and settled.user is not None
    person.force_login(pending.user)
    settled_person.force_login(settled.user)
    badge = badge_for(pending, now=timezone.now())
    unchanged = f"/verificacion/estado/?v={badge.version}&k={badge.fingerprint}"
    hx = {"HX-Request": "true"}

    def get(client, path, status, **headers):
        def call():
            response = client.get(path, headers=headers)
            assert response.status_code == status, (path, response.status_code)

        return call

    paths = {
        "console first page": get(console, "/verificacion/soporte/", 200),
        "console: blocked": get(console, "/verificacion/soporte/?status=blocked", 200),
        "console: site wsp, error": get(console, "/verificacion/soporte/?status=error&site=wsp", 200),
        "console: reason waf_block": get(console, "/verificacion/soporte/?reason=waf_block", 200),
        "console: page 40": get(console, "/verificacion/soporte/?page=40", 200),
        "console: htmx list poll": get(console, "/verificacion/soporte/", 200, **hx),
        "badge: unchanged pending poll": get(person, unchanged, 204, **hx),
        "badge: settled person": get(settled_person, "/verificacion/estado/", 286, **hx),
        "verification_stats": verification_stats,
        "/metrics": get(Client(HTTP_HOST="127.0.0.1"), "/metrics", 200),
    }
    # Keep the queries across requests: the test client's request_started would clear the log.
    request_started.disconnect(reset_queries)
    results: dict[str, dict] = {}
    selects: list[str] = []
    for name, fn in paths.items():
        fn()  # warm: the first call compiles templates and fills caches
        with CaptureQueriesContext(connection) as captured:
            fn()
        logged = list(captured)  # now: the log is read lazily
        sqls = [q["sql"] for q in logged]
        selects += [
            q["sql"] for q in logged if q["sql"].lstrip().upper().startswith("SELECT") and float(q["time"]) >= SLOW_S
        ]
        results[name] = {
            **_timed(fn, 5 if name in ("verification_stats", "/metrics") else 30),
            "queries": len(sqls),
        }
    with CaptureQueriesContext(connection) as captured:
        started = time.perf_counter()
        done = verification_sweep()
        busy = (time.perf_counter() - started) * 1000
    selects += [
        q["sql"] for q in captured if q["sql"].lstrip().upper().startswith("SELECT") and float(q["time"]) >= SLOW_S
    ]
    assert done == {"retried": DUE_RETRIES, "resent": STUCK}, done
    results[f"sweeper pass ({DUE_RETRIES} retries due, {STUCK} stuck)"] = {
        "p50_ms": busy,
        "p95_ms": busy,
        "n": 1,
        "queries": len(captured),
    }
    idle = _timed(lambda: verification_sweep(), 5)
    results["sweeper pass (nothing due)"] = {**idle, "queries": 0}
    return results, selects


def sequential_scans(selects: list[str]) -> list[str]:
    """Each distinct statement whose plan scans a big table sequentially."""
    from django.db import connection

    found = []
    with connection.cursor() as cursor:
        for sql in dict.fromkeys(selects):
            cursor.execute(f"EXPLAIN {sql}")
            plan = "\n".join(row[0] for row in cursor.fetchall())
            scanned = [t for t in BIG_TABLES if f"Seq Scan on {t}" in plan]
            if scanned:
                found.append(f"{', '.join(scanned)}: {sql[:300]}")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--people", type=int, default=1_000_000)
    parser.add_argument("--server", default="postgres://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--keep", action="store_true", help="leave the database for a look (its name is printed)")
    args = parser.parse_args()
    people = max(10_000, min(args.people, 5_000_000))
    name = f"pm_bench_scale_{uuid.uuid4().hex[:8]}"
    _psql(args.server, f'CREATE DATABASE "{name}"')
    os.environ.pop("REDIS_URL", None)
    os.environ.update(
        DATABASE_URL=_database_url(args.server, name),
        DJANGO_SETTINGS_MODULE="core.settings",
        DJANGO_DEBUG="false",
        VERIFICATION_LOOKUP_BACKEND="tests.fakes.lookup",
        RELAY_WAKE_ON_COMMIT="false",
        LOG_LEVEL="WARNING",
        # The bulk pending checks stay inside their deadline for the whole run (they have no events
        # for the sweeper to re-send); the live stuck ones are two hours old.
        VERIFICATION_PENDING_DEADLINE_SECONDS="3600",
    )
    try:
        for command in (["migrate", "--noinput"], ["createcachetable"]):
            subprocess.run(
                [sys.executable, "manage.py", *command], cwd=REPO, env=os.environ, check=True, capture_output=True
            )
        import django

        django.setup()
        from django.db import connection

        print(f"seeding {people:,} people into {name} …", flush=True)
        seeded_in = seed(people)
        add_live_work(people)
        results, selects = measure()
        scans = sequential_scans(selects)
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM verification_cedulainfo")
            total = cursor.fetchone()[0]
    finally:
        from django.db import connections

        connections.close_all()
        if args.keep:
            print(f"kept the database {name}")
        else:
            _psql(args.server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    print(f"\n{total:,} records on PostgreSQL (seeded in {seeded_in:.0f} s)")
    print(f"{'path':48} {'p50 ms':>9} {'p95 ms':>9} {'queries':>8}")
    for path, r in results.items():
        print(f"{path:48} {r['p50_ms']:9.1f} {r['p95_ms']:9.1f} {r['queries']:8}")
    print("sequential scans of big tables on these paths:", "none" if not scans else "")
    for scan in scans:
        print("  " + scan)
    checks = {
        "console": max(r["p95_ms"] for p, r in results.items() if p.startswith("console")),
        "badge": max(r["p95_ms"] for p, r in results.items() if p.startswith("badge")),
        "sweeper": max(r["p95_ms"] for p, r in results.items() if p.startswith("sweeper")),
        "stats": results["verification_stats"]["p95_ms"],
    }
    print("goals: " + ", ".join(f"{k} p95 {v:.0f} ms (<= {GOALS_MS[k]:.0f})" for k, v in checks.items()))
    out = REPO / "bench" / "results"
    out.mkdir(exist_ok=True)
    record = {"records": total, "results": results, "sequential_scans": scans}
    (out / f"scale-{time.strftime('%Y%m%d-%H%M%S')}.json").write_text(json.dumps(record, indent=2))
    failed = scans or any(v > GOALS_MS[k] for k, v in checks.items())
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
