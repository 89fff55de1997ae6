"""300 real lookups in one Django-Q2 worker keep its memory flat and leave no Chromium behind.

A real `qcluster` with a single worker (Q_RECYCLE far above 300, so one process does them all) runs
300 lookups through the real scraper, Playwright and Debian Chromium, against an in-process
simulator; each task (worker_probe.py) reports the worker's resident memory and its browser processes
right after its lookup. The browser is recycled every RECYCLE_LOOKUPS lookups, as in production.
Then the worker is killed with SIGKILL in the middle of a lookup (the site is holding its answer):
its driver and every Chromium process must go with it. Then the cluster stops (SIGTERM to the
parent only): nothing it started may be left, orphaned or not.

Every process the cluster starts inherits a marker variable, and its TMPDIR (where Playwright puts
Chromium's profile), so what is left behind is told apart from other test runs on the machine.
The task results are Django-Q2's own Task rows (Q_SAVE_LIMIT above 300); the relay is not involved.

Why mid-lookup: Django-Q2 workers wait for work in a blocking `multiprocessing.Queue.get()`, which
holds the queue's read lock; a worker SIGKILLed while idle takes the lock with it, and the cluster
never runs another task nor stops on SIGTERM (django-q2/django-q2#23, reproduced here with a plain
task). That is Django-Q2's, not the browser's; a worker killed while working does not hit it.
"""

import os
import shutil
import signal
import statistics
import tempfile
import time
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django_q.models import Task
from django_q.tasks import async_task

from devtools.registraduria_simulator import Simulator
from tests.processes import VENV_BIN, database_env, descendants, pid_alive, product_env, running
from tests.verification.registraduria.worker_probe import cmdline, ppid

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.xdist_group("drills"),  # one at a time (tests/conftest.py)
    pytest.mark.one_pass,  # a worker's memory and its Chromium: the same on either database
]

LOOKUPS = 300
# Not a divisor of LOOKUPS: the browser of the last lookups is still up when the worker is killed.
RECYCLE_LOOKUPS = 90
EXPECTED = {"1000000010": "active", "1000000013": "active", "1000000030": "not_found", "1000000020": "cancelled"}
SLOW_CEDULA = "1000000043"  # the simulator holds its answer for `slow_seconds`: the worker is killed meanwhile
WARM_UP = range(20, 41)  # lookups whose median RSS is the baseline
MAX_GROWTH = 0.10
# 300 lookups take 1.5 min on a quiet machine and up to 7 min when other browser runs share its CPUs
# (in CI on 2026-12-04, beside the other xdist worker's browser and process tests, 282 in 10 min):
# the overall bound only stops a run that would never end; a worker that stops making progress
# fails at once (STALL_SECONDS).
TEST_DEADLINE_SECONDS = 20 * 60
STALL_SECONDS = 60
CLEANUP_SECONDS = 15
MARKER = "WORKER_RESOURCES_RUN"
PROBE = "tests.verification.registraduria.worker_probe.lookup_and_measure"
SOLVER_KEY = "clave-de-prueba"
PROFILE_PREFIX = "playwright_chromiumdev_profile"


@pytest.fixture
def simulator(tmp_path):
    sim = Simulator(
        port=0,
        solver_port=0,
        ca_path=tmp_path / "ca.pem",
        solver_key=SOLVER_KEY,
        slow_seconds=60.0,
        solve_seconds=0.0,
    ).start()
    yield sim
    sim.stop()


def _identity(pid: int) -> tuple[int, str] | None:
    """The pid with its start time: pids wrap quickly here (pid_max 32768), a reused pid is someone else."""
    try:
        return pid, Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[19]
    except (OSError, IndexError):
        return None


def _still_running(identity: tuple[int, str]) -> bool:
    return _identity(identity[0]) == identity and pid_alive(identity[0])


def _live_pids() -> list[int]:
    return [int(entry.name) for entry in Path("/proc").iterdir() if entry.name.isdigit()]


def _marked(marker: str) -> dict[int, str]:
    """Live processes that inherited this run's marker, with their command lines."""
    needle = f"{MARKER}={marker}".encode()
    found = {}
    for pid in _live_pids():
        try:
            environ = Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
        except OSError:
            continue
        if needle in environ and pid_alive(pid):
            found[pid] = " ".join(cmdline(pid))[:160]
    return found


def _orphaned_chromium() -> dict[int, str]:
    """Live Chromium processes of a Playwright profile whose parent is init (orphans)."""
    found = {}
    for pid in _live_pids():
        line = " ".join(cmdline(pid))
        if settings.CHROMIUM_EXECUTABLE in line and PROFILE_PREFIX in line and ppid(pid) == 1 and pid_alive(pid):
            found[pid] = line
    return found


def _wait_until(condition, *, timeout: float, what) -> float:
    """Poll `condition` until it holds; the seconds it took. `what` may be a callable (evaluated on failure)."""
    started = time.monotonic()
    while not condition():
        if time.monotonic() - started > timeout:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what() if callable(what) else what}")
        time.sleep(0.2)
    return time.monotonic() - started


def _cluster_env(sim: Simulator, tmpdir: Path, marker: str) -> dict[str, str]:
    env = product_env(
        DJANGO_SETTINGS_MODULE="core.test_settings",
        # As in production: with DEBUG on, Django keeps every query of the process (up to 9,000;
        # only a request resets the log), which a worker's memory would show as a steady climb.
        DJANGO_DEBUG="false",
        Q_WORKERS="1",
        Q_RECYCLE="10000",
        Q_TIMEOUT="60",
        Q_RETRY="120",
        Q_POLL="0.1",
        Q_SAVE_LIMIT="1000",
        REGISTRADURIA_FRONTS="wsp",
        REGISTRADURIA_WSP_URL=sim.wsp_url,
        REGISTRADURIA_MIN_INTERVAL_SECONDS="0",
        REGISTRADURIA_RESPONSE_TIMEOUT_SECONDS="20",
        REGISTRADURIA_BROWSER_RECYCLE_LOOKUPS=str(RECYCLE_LOOKUPS),
        CAPTCHA_PROVIDER="2captcha",
        CAPTCHA_API_KEY=SOLVER_KEY,
        CAPTCHA_SERVER=sim.solver_server,
        CAPTCHA_CA_BUNDLE=sim.ca_path,
        CAPTCHA_POLL_SECONDS="1",
        TMPDIR=str(tmpdir),
        **{MARKER: marker},
        **database_env(),
    )
    env.pop("REGISTRADURIA_SIMULATOR", None)
    return env


def _wait_for_results(group: str, cluster, log: Path, *, deadline: float) -> list[dict]:
    last_count, last_progress = 0, time.monotonic()
    while (count := Task.objects.filter(group=group).count()) < LOOKUPS:
        now = time.monotonic()
        if count > last_count:
            last_count, last_progress = count, now
        problem = (
            (cluster.poll() is not None and "the cluster exited")
            or (now - last_progress > STALL_SECONDS and f"no result for {STALL_SECONDS} s")
            or (now > deadline and "the test's deadline passed")
        )
        assert not problem, f"{problem} after {count} results\n{log.read_text()[-3000:]}"
        time.sleep(0.5)
    tasks = list(Task.objects.filter(group=group))
    assert [t.result for t in tasks if not t.success] == []
    return sorted((t.result for t in tasks), key=lambda r: r["lookups"])


def _tree_kb(result: dict) -> int:
    return result["rss_kb"] + result["driver_rss_kb"] + result["chromium_rss_kb"]


def _report_memory(by_lookup: dict[int, dict]) -> float:
    """Print the figures; the worker's growth from the warm-up to the last lookup."""
    print(f"\n{'lookup':>6} {'worker kB':>10} {'driver kB':>10} {'Chromium kB':>12} {'tree kB':>10}  Chromium")
    for n in (1, 20, 30, 40, 60, 89, 91, 120, 150, 179, 181, 210, 240, 269, 271, 285, LOOKUPS):
        r = by_lookup[n]
        print(
            f"{n:>6} {r['rss_kb']:>10} {r['driver_rss_kb']:>10} {r['chromium_rss_kb']:>12} {_tree_kb(r):>10}"
            f"  {r['chromium_kinds']}"
        )
    final = by_lookup[LOOKUPS]
    worker_base = statistics.median(by_lookup[n]["rss_kb"] for n in WARM_UP)
    growth = final["rss_kb"] / worker_base - 1
    after = [n for n in by_lookup if n >= WARM_UP.stop]
    peak = max(by_lookup[n]["rss_kb"] for n in after)

    def trend(lookups: list[int]) -> float:
        return statistics.linear_regression(lookups, [by_lookup[n]["rss_kb"] for n in lookups]).slope

    print(
        f"worker RSS: warm-up median (lookups {WARM_UP.start}-{WARM_UP.stop - 1}) {worker_base:.0f} kB;"
        f" at lookup {LOOKUPS} {final['rss_kb']} kB ({growth:+.1%}); peak after warm-up {peak} kB;"
        f" trend {trend(after):+.1f} kB/lookup over {after[0]}-{LOOKUPS}, {trend(after[-100:]):+.1f} over the last 100"
    )
    # A sample of the tree depends on whether the last context's renderer has exited yet: medians.
    tree_base = statistics.median(_tree_kb(by_lookup[n]) for n in WARM_UP)
    tree_end = statistics.median(_tree_kb(by_lookup[n]) for n in after[-len(WARM_UP) :])
    print(
        f"tree RSS (worker + driver + Chromium): warm-up median {tree_base:.0f} kB; at lookup {LOOKUPS}"
        f" {_tree_kb(final)} kB; median of the last {len(WARM_UP)} {tree_end:.0f} kB ({tree_end / tree_base - 1:+.1%})"
    )
    return growth


@pytest.fixture
def short_tmpdir():
    """A TMPDIR for the cluster with a short path: Chromium's profile folder goes there, and the Unix
    socket it makes inside must fit in 108 bytes (under pytest's deep tmp_path Chromium cannot start)."""
    path = Path(tempfile.mkdtemp(prefix="pm-wr-"))
    yield path
    shutil.rmtree(path, ignore_errors=True)


def test_300_lookups_keep_one_worker_flat_and_leave_no_chromium(simulator, tmp_path, short_tmpdir):
    started = time.monotonic()
    marker, tmpdir, log = uuid.uuid4().hex, short_tmpdir, tmp_path / "qcluster.log"
    orphans_before = _orphaned_chromium()
    cedulas = list(EXPECTED)
    group = f"worker-resources-{marker}"
    cmd = [str(VENV_BIN / "python"), "manage.py", "qcluster"]
    with running(cmd, env=_cluster_env(simulator, tmpdir, marker), log_path=log) as cluster:
        for n in range(LOOKUPS):
            async_task(PROBE, cedulas[n % len(cedulas)], group=group)
        enqueued = time.monotonic()
        results = _wait_for_results(group, cluster, log, deadline=started + TEST_DEADLINE_SECONDS)
        ran = time.monotonic() - enqueued
        print(f"\n{LOOKUPS} lookups in {ran:.1f} s ({ran / LOOKUPS:.2f} s each)")
        print(f"cluster start and enqueueing: {enqueued - started:.1f} s")

        # Every lookup classified right, all in one worker process whose browser host counted each once
        # (wsp is the only front here, so a not-found stands unconfirmed).
        assert [(r["outcome"], r["reason"], r["site"]) for r in results] == [
            (EXPECTED[r["cedula"]], "not_found_unconfirmed" if EXPECTED[r["cedula"]] == "not_found" else "ok", "wsp")
            for r in results
        ]
        assert {r["pid"] for r in results} == {results[0]["pid"]}
        assert [r["lookups"] for r in results] == list(range(1, LOOKUPS + 1))
        assert len(simulator.state()["lookups"]["wsp"]) == LOOKUPS  # each reached the site once
        # The browser was recycled every RECYCLE_LOOKUPS lookups: one browser process per stretch.
        browsers = {pid for r in results for pid in r["browser_pids"]}
        launches = -(-LOOKUPS // RECYCLE_LOOKUPS)
        print(f"browsers launched: {results[-1]['launches']}, browser processes seen: {len(browsers)}")
        assert results[-1]["launches"] == launches
        assert len(browsers) == launches >= 3

        assert _report_memory({r["lookups"]: r for r in results}) < MAX_GROWTH

        # One more lookup, held by the site; the worker is SIGKILLed while its page waits for the answer.
        last = results[-1]
        worker = last["pid"]
        assert worker in descendants(cluster.pid)
        async_task(PROBE, SLOW_CEDULA, group=group)
        _wait_until(
            lambda: len(simulator.state()["lookups"]["wsp"]) > LOOKUPS, timeout=STALL_SECONDS, what="the held lookup"
        )
        tree = descendants(worker)
        # The driver and the browser of the last lookups are the ones at work; the last lookup's own
        # renderer went with its context (a pid not below the worker now may already be someone else's).
        assert {*last["driver_pids"], *last["browser_pids"]} <= tree
        assert any(str(tmpdir) in " ".join(cmdline(p)) for p in last["browser_pids"])  # TMPDIR reached Chromium
        outside = {p: c for p, c in _marked(marker).items() if p != cluster.pid and p not in descendants(cluster.pid)}
        doomed = {i for p in {*tree, *outside} if (i := _identity(p))}
        print(
            f"worker {worker} at work: {len(tree)} processes below it"
            f" ({len(set(last['chromium_pids']) & tree)} of the last result's {len(last['chromium_pids'])} Chromium);"
            f" outside the cluster's tree: {outside}"
        )
        os.kill(worker, signal.SIGKILL)
        gone_in = _wait_until(
            lambda: not pid_alive(worker) and not any(_still_running(i) for i in doomed),
            timeout=CLEANUP_SECONDS,
            what=lambda: f"the killed worker's browser to end: {[cmdline(p)[:1] for p, _ in doomed if pid_alive(p)]}",
        )
        print(f"after the SIGKILL, the worker's {len(doomed)} browser processes were gone in {gone_in:.1f} s")

        # Stop the cluster (SIGTERM to the parent only): nothing it started survives it.
        cluster_tree = {i for p in descendants(cluster.pid) if (i := _identity(p))}
        stop_started = time.monotonic()
        cluster.send_signal(signal.SIGTERM)
        cluster.wait(timeout=30)
        _wait_until(
            lambda: not any(_still_running(i) for i in cluster_tree) and not _marked(marker),
            timeout=CLEANUP_SECONDS,
            what=lambda: f"the cluster's processes to end: {_marked(marker)}",
        )
        print(f"cluster stopped in {time.monotonic() - stop_started:.1f} s")
        new_orphans = {p: c for p, c in _orphaned_chromium().items() if p not in orphans_before}
        ours = {p: c for p, c in new_orphans.items() if str(tmpdir) in c}
        print(f"new orphaned Chromium processes: ours {len(ours)}, other runs' {len(new_orphans) - len(ours)}")
        assert ours == {}
        leftovers = sorted(p.name for p in tmpdir.iterdir())
        print(f"left in the cluster's TMPDIR: {leftovers}")
        assert not [name for name in leftovers if name.startswith(PROFILE_PREFIX)]
    print(f"total {time.monotonic() - started:.1f} s")
