"""`python -m devtools.flakes`: repeated runs, every failure reported with its test id, seed and log."""

import subprocess
import sys

from tests.processes import REPO_ROOT


def test_every_failing_run_is_reported_with_its_test_and_seed(tmp_path):
    flaky = tmp_path / "test_sometimes.py"
    flaky.write_text("def test_passes():\n    assert True\ndef test_always_fails():\n    assert False\n")
    done = subprocess.run(
        [sys.executable, "-m", "devtools.flakes", "-n", "3", "--keep-going", str(flaky), "-p", "no:cacheprovider"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert "0 of 3 runs passed" in done.stdout
    assert done.stdout.count("test_sometimes.py::test_always_fails") == 3
    assert len([line for line in done.stdout.splitlines() if line.startswith("run ") and "(seed " in line]) >= 3
