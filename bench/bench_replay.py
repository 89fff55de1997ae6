"""Replay benchmark: rebuilding the verification projection from a large log, against a raw bulk
insert of the same rows, with the replay's peak memory.

    .venv/bin/python bench/bench_replay.py [--events 100000] [--database-url postgres://…/postgres]

What it does, on a throw-away database (SQLite in a temp folder, or a `pm_bench_<pid>` database on
the given PostgreSQL server, dropped at the end):
1. seeds about `events` events in bulk — people (no password hashing), their keys, and per person a
   verification stream as the services write it: requested → completed (active or cancelled, the
   personal fields sealed under the person's key) or requested → failed → auto-retry requested →
   completed — straight into the event store with bulk inserts (no relay, no consumers);
2. times `manage.py replay --no-progress` and `manage.py replay --verify --no-progress`, each in a
   process of its own, and reads each one's peak resident memory (ru_maxrss);
3. baseline: deletes the rebuilt rows and bulk-inserts the very same rows again (CedulaInfo and the
   audit log, 500 a statement): what writing the projection costs without reading or folding a log.
It prints seconds, events/s, the ratio raw/replay (goal: at least 0.25) and the peak memory.
Exit status 1 when a replay fails, verify finds a difference, or the goal is missed.
"""

import argparse
import base64
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
GOAL = 0.25
PLACE = {
    "departamento": "ANTIOQUIA",
    "municipio": "MEDELLÍN",
    "zona": "05",
    "puesto": "INSTITUCIÓN EDUCATIVA JAVIERA LONDOÑO",
    "direccion": "CARRERA 50 # 45-30",
    "mesa": "14",
}
NOVELTY = {"novedad": "CANCELADA POR MUERTE", "resolucion": "4521", "fecha_novedad": "2019-05-02"}


def _env(db: dict[str, str]) -> dict[str, str]:
    env = dict(os.environ)
    for name in ("DATABASE_URL", "REDIS_URL", "SQLITE_PATH", "REGISTRADURIA_SIMULATOR"):
        env.pop(name, None)
    env.update(DJANGO_SETTINGS_MODULE="core.settings", DJANGO_DEBUG="false", LOG_LEVEL="WARNING", **db)
    return env


def _run(env: dict[str, str], *args: str) -> tuple[float, float, str]:
    """(seconds, peak RSS in MiB, stdout) of one `manage.py` process."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "manage.py", *args], cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    out, err = proc.communicate()
    seconds = time.perf_counter() - started
    if proc.returncode:
        raise SystemExit(f"manage.py {' '.join(args)} failed:\n{err.decode()[-3000:]}{out.decode()[-2000:]}")
    # ru_maxrss of the children waited for so far: the largest is this one (they only grow in size).
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return seconds, peak, out.decode()


def _seal(payload: dict, fields: tuple[str, ...], subject: str, key: bytes) -> dict:
    """What core.personal_data.seal stores, with the key in hand (the seeding bypasses key lookups)."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    from core.personal_data import BLOB

    nonce = os.urandom(12)
    secret = json.dumps({name: payload[name] for name in fields}).encode()
    sealed = {k: v for k, v in payload.items() if k not in fields}
    sealed[BLOB] = {
        "subject": subject,
        "nonce": base64.b64encode(nonce).decode(),
        "ct": base64.b64encode(AESGCM(key).encrypt(nonce, secret, subject.encode())).decode(),
    }
    return sealed


def seed(events: int) -> dict[str, int]:
    """About `events` events for `events / 2.4` people, in bulk. Returns the counts."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    from django.contrib.auth.hashers import make_password
    from django.db import transaction

    from accounts.models import User
    from core.events import subject_name
    from core.models import StoredEvent, SubjectKey
    from verification.events import (
        STREAM_TYPE,
        CedulaVerificationCompleted,
        CedulaVerificationFailed,
        CedulaVerificationRequested,
    )
    from verification.states import Transition

    people = max(1, int(events / 2.4))
    unusable = make_password(None)  # no hashing: nobody logs in as these people
    start = datetime(2026, 11, 1, tzinfo=UTC)
    with transaction.atomic():
        User.objects.bulk_create(
            [
                User(cedula=str(1_100_000_000 + n), nombres="Persona", apellidos="De Carga", password=unusable)
                for n in range(people)
            ],
            batch_size=2000,
        )
        user_ids = list(User.objects.order_by("pk").values_list("pk", flat=True))
        keys = {uid: AESGCM.generate_key(bit_length=256) for uid in user_ids}
        SubjectKey.objects.bulk_create(
            [SubjectKey(subject=subject_name("user_id", uid), key=key) for uid, key in keys.items()], batch_size=2000
        )
    rows: list[StoredEvent] = []
    total = 0

    def add(stream: int, version: int, event, at: datetime, correlation: uuid.UUID) -> None:
        payload = event.payload()
        if event.PERSONAL_FIELDS:
            payload = _seal(payload, event.PERSONAL_FIELDS, event.subject(), keys[event.user_id])
        rows.append(
            StoredEvent(
                stream_type=STREAM_TYPE,
                stream_id=str(stream),
                version=version,
                event_type=event.TYPE,
                schema_version=event.VERSION,
                payload=payload,
                occurred_at=at,
                actor="system",
                correlation_id=correlation,
            )
        )

    for stream, uid in enumerate(user_ids, start=1):
        at = start + timedelta(seconds=stream)
        correlation = uuid.uuid4()
        request = str(uuid.uuid4())
        add(
            stream,
            1,
            CedulaVerificationRequested(
                cedula_info_id=stream,
                request_id=request,
                user_id=uid,
                transition=Transition.REQUEST,
                from_state="",
                attempt=1,
                reason="registro",
                requested_at=at.isoformat(),
            ),
            at,
            correlation,
        )
        version = 2
        if stream % 5 == 0:  # one in five fails once, then is retried automatically
            add(
                stream,
                2,
                CedulaVerificationFailed(
                    cedula_info_id=stream,
                    request_id=request,
                    transition=Transition.FAIL_ERROR,
                    outcome="error",
                    reason="server_error",
                    site="wsp",
                    attempt=1,
                    checked_at=(at + timedelta(seconds=5)).isoformat(),
                    next_retry_at=(at + timedelta(seconds=35)).isoformat(),
                    evidence=[{"front": "wsp", "status": 500, "ms": 900, "outcome": "error", "reason": "server_error"}],
                ),
                at + timedelta(seconds=5),
                correlation,
            )
            request = str(uuid.uuid4())
            add(
                stream,
                3,
                CedulaVerificationRequested(
                    cedula_info_id=stream,
                    request_id=request,
                    user_id=uid,
                    transition=Transition.AUTO_RETRY,
                    from_state="error",
                    attempt=2,
                    reason="reintento tras server_error",
                    requested_at=(at + timedelta(seconds=36)).isoformat(),
                ),
                at + timedelta(seconds=36),
                correlation,
            )
            version = 4
        cancelled = stream % 10 == 3
        add(
            stream,
            version,
            CedulaVerificationCompleted(
                cedula_info_id=stream,
                request_id=request,
                user_id=uid,
                transition=Transition.COMPLETE_CANCELLED if cancelled else Transition.COMPLETE_ACTIVE,
                outcome="cancelled" if cancelled else "active",
                site="wsp",
                fields=NOVELTY if cancelled else PLACE,
                attempt=2 if version == 4 else 1,
                checked_at=(at + timedelta(seconds=60)).isoformat(),
                duration_ms=800,
                evidence=[{"front": "wsp", "status": 200, "ms": 800, "outcome": "active", "reason": "ok"}],
            ),
            at + timedelta(seconds=60),
            correlation,
        )
        if len(rows) >= 5000:
            total += len(rows)
            StoredEvent.objects.bulk_create(rows, batch_size=1000)
            rows.clear()
    total += len(rows)
    StoredEvent.objects.bulk_create(rows, batch_size=1000)
    return {"people": people, "events": total}


def raw_insert_seconds() -> float:
    """The same projection rows as the replay wrote, bulk-inserted again: the baseline."""
    from django.db import transaction

    from core.db import allow_rewrite
    from verification.models import CedulaInfo, TransitionLog
    from verification.projections import INFO_FIELDS, LOG_FIELDS

    infos = list(CedulaInfo.objects.values("pk", *INFO_FIELDS))
    logs = list(TransitionLog.objects.values(*LOG_FIELDS))
    with transaction.atomic(), allow_rewrite():
        TransitionLog.objects.all().rewrite_delete()
        CedulaInfo.objects.all().delete()
    started = time.perf_counter()
    with transaction.atomic(), allow_rewrite():
        CedulaInfo.objects.bulk_create([CedulaInfo(**row) for row in infos], batch_size=500)
        TransitionLog.objects.bulk_create([TransitionLog(**row) for row in logs], batch_size=500)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=100_000, help="events to seed (default 100,000)")
    parser.add_argument("--database-url", default="", help="a PostgreSQL server (default: SQLite in a temp folder)")
    args = parser.parse_args()
    events = max(100, min(args.events, 2_000_000))
    workdir = Path(tempfile.mkdtemp(prefix="bench-replay-"))
    admin = name = None
    if args.database_url:
        import psycopg

        name = f"pm_bench_{os.getpid()}"
        admin = urlunsplit(urlsplit(args.database_url)._replace(path="/postgres"))
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        db = {"DATABASE_URL": urlunsplit(urlsplit(args.database_url)._replace(path=f"/{name}"))}
    else:
        db = {"SQLITE_PATH": str(workdir / "bench.sqlite3")}
    env = _env(db)
    try:
        _run(env, "migrate", "--noinput")
        os.environ.update(env)
        import django

        django.setup()
        from django.db import connection

        started = time.perf_counter()
        counts = seed(events)
        seeded = time.perf_counter() - started
        connection.close()

        replay_s, replay_mb, replay_out = _run(env, "replay", "--no-progress")
        verify_s, verify_mb, verify_out = _run(env, "replay", "--verify", "--no-progress")
        raw_s = raw_insert_seconds()
        connection.close()
        _, _, clean_out = _run(env, "replay", "--verify", "--no-progress")  # the baseline left them equal
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
        if admin and name:
            import psycopg

            with psycopg.connect(admin, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    n = counts["events"]
    ratio = raw_s / replay_s
    backend = "postgresql" if args.database_url else "sqlite"
    print(f"replay benchmark on {backend}: {n} events for {counts['people']} people (seeded in {seeded:.1f} s)")
    print(f"  {'':28} {'seconds':>8} {'events/s':>9} {'peak MiB':>9}")
    print(f"  {'replay (rebuild)':28} {replay_s:8.1f} {n / replay_s:9.0f} {replay_mb:9.0f}")
    print(f"  {'replay --verify':28} {verify_s:8.1f} {n / verify_s:9.0f} {verify_mb:9.0f}")
    print(f"  {'raw bulk insert, same rows':28} {raw_s:8.1f}")
    print(f"  replay: {replay_out.strip().splitlines()[-1]}")
    print(f"  verify: {verify_out.strip().splitlines()[-1]}")
    print(f"raw/replay = {ratio:.2f} (goal: at least {GOAL}); peak memory of the rebuild {replay_mb:.0f} MiB")
    ok = "projections match" in verify_out and "projections match" in clean_out and ratio >= GOAL
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
