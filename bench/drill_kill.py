"""The SIGKILL drill at the real captcha service's pace, in one command:

    .venv/bin/python bench/drill_kill.py [--seed N] [--postgres]

200 people register through a real gunicorn while every kind of product process is killed with
SIGKILL at random points, twice each: the web, the relay, the default qcluster (parent and workers:
its workers wait for work nearly all the time here, and a Django-Q2 worker killed while it waits can
stop its cluster, django-q2/django-q2#23), a worker of the lookups qcluster (in the middle of a
lookup), a Chromium browser and the captcha pipeline. The simulator's captcha solver takes 20 s per
solve (the real service: 10-40 s) and the site's interval is scaled down from 5 s to 2 s, per
client address (the simulator answers 429 to a lookup sooner), so the 200 lookups fit in about ten
minutes.

It is a test, marked slow (`make test` skips it): `tests/e2e/test_faults.py::
test_kill_minus_nine_with_a_20_s_captcha_service_at_the_sites_pace`. It passes when every person
ends with the census's answer and one record, effects happened once, `replay --verify` is clean and
no process or Chromium is left; and, counted by the simulator, when no lookup of a request reached
the site while an earlier one of it still ran (a lookup redone after its worker died at the site is
counted apart, at most one per such kill), none was refused as too soon, and the captcha service
did at most 1.05 paid solves per person. The figures are printed. Exit status: pytest's.
"""

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TEST = "tests/e2e/test_faults.py::test_kill_minus_nine_with_a_20_s_captcha_service_at_the_sites_pace"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, help="replay a kill plan (FAULTS_SEED)")
    parser.add_argument("--postgres", action="store_true", help="on the local PostgreSQL (default SQLite)")
    options = parser.parse_args()
    env = dict(os.environ)
    if options.seed is not None:
        env["FAULTS_SEED"] = str(options.seed)
    with tempfile.TemporaryDirectory(prefix="pm-drill-") as workdir:
        if options.postgres:
            env.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/pm_drill")
        else:
            env.pop("DATABASE_URL", None)
            env["SQLITE_TEST_PATH"] = str(Path(workdir) / "drill.sqlite3")
        command = [sys.executable, "-m", "pytest", TEST, "--slow", "-s", "-q", "-p", "no:randomly"]
        return subprocess.call(command, cwd=REPO, env=env)


if __name__ == "__main__":
    sys.exit(main())
