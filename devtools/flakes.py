"""Hunt flaky tests: run the same tests again and again (each run a fresh pytest session, in a random
order), optionally while extra processes keep every core busy, and report every failure with its log.

    .venv/bin/python -m devtools.flakes [-n 20] [--load] [--keep-going] [PYTEST ARGS…]
    make flakes N=20 LOAD=1 TESTS="tests/verification/registraduria/test_scraper.py"

Without PYTEST ARGS it runs the tests that drive Chromium or real processes (`-m "browser or e2e"`).
Each run's output goes to var/flakes/<stamp>/run-<k>.log; the summary lists the runs that failed,
the failed test ids and the random seed of each (pytest-randomly), so a failure can be replayed with
`-p randomly -p "randomly_seed=<seed>"`. The load processes (one per core, pure CPU) stop with it.
Exit status 1 when any run failed.
"""

import argparse
import multiprocessing
import os
import re
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_ARGS = ["-m", "browser or e2e"]


def _burn(stop_at: float) -> None:
    """Keep one core busy until `stop_at` (a time.monotonic() value) or until killed."""
    x = 0
    while time.monotonic() < stop_at:
        x = (x * 1103515245 + 12345) % 2**31


def _load(cores: int, seconds: float) -> list[multiprocessing.Process]:
    stop_at = time.monotonic() + seconds
    workers = [multiprocessing.Process(target=_burn, args=(stop_at,), daemon=True) for _ in range(cores)]
    for worker in workers:
        worker.start()
    return workers


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m devtools.flakes", description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", "--runs", type=int, default=20, help="how many runs (default 20)")
    parser.add_argument("--load", action="store_true", help="one busy process per core during the runs")
    parser.add_argument("--keep-going", action="store_true", help="do every run even after a failure")
    parser.add_argument("--hours", type=float, default=6.0, help="stop starting runs after this long (default 6)")
    options, pytest_args = parser.parse_known_args(argv)
    pytest_args = pytest_args or DEFAULT_ARGS
    folder = REPO / "var" / "flakes" / time.strftime("%Y%m%d-%H%M%S")
    folder.mkdir(parents=True, exist_ok=True)
    load = _load(os.cpu_count() or 1, options.hours * 3600) if options.load else []
    deadline = time.monotonic() + options.hours * 3600
    failures: list[tuple[int, str, list[str], Path]] = []
    runs = 0
    try:
        for run in range(1, max(1, options.runs) + 1):
            if time.monotonic() > deadline:
                break
            log = folder / f"run-{run}.log"
            with log.open("wb") as out:
                code = subprocess.call(
                    [sys.executable, "-m", "pytest", "-p", "randomly", "-rf", *pytest_args],
                    cwd=REPO,
                    stdout=out,
                    stderr=subprocess.STDOUT,
                )
            runs += 1
            text = log.read_text(errors="replace")
            seed = (re.findall(r"randomly-seed=(\d+)", text) or ["?"])[0]
            failed = sorted(set(re.findall(r"^(?:FAILED|ERROR) (\S+)", text, re.M)))
            tail = (text.strip().splitlines() or [""])[-1]
            print(f"run {run}: {'ok' if code == 0 else 'FAILED'} (seed {seed}) {tail}", flush=True)
            if code != 0:
                failures.append((run, seed, failed, log))
                if not options.keep_going:
                    break
    finally:
        for worker in load:
            worker.terminate()
    print(f"\n{runs - len(failures)} of {runs} runs passed{' under load' if load else ''}; logs in {folder}")
    for run, seed, failed, log in failures:
        print(f"run {run} (seed {seed}), {log}:")
        for test in failed or ["(no test id in the log: see its end)"]:
            print(f"  {test}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
