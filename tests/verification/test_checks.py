import subprocess

from tests.processes import REPO_ROOT, VENV_BIN, product_env
from verification.checks import egress_pool_check, lookup_timing_check


def test_default_timings_pass():
    assert lookup_timing_check(None) == []


def test_a_task_timeout_below_the_lookup_deadline_is_flagged(settings):
    settings.VERIFICATION_LOOKUP_DEADLINE_SECONDS = 60
    settings.Q_CLUSTER = {**settings.Q_CLUSTER, "timeout": 30}
    assert [w.id for w in lookup_timing_check(None)] == ["verification.W001"]


def test_a_short_outbox_lease_is_harmless_with_lookup_claims(settings):
    settings.VERIFICATION_LOOKUP_DEADLINE_SECONDS = 60
    settings.OUTBOX_LEASE_SECONDS = 20  # a copy re-sent while the lookup runs finds its claim and waits
    assert lookup_timing_check(None) == []


def test_the_default_egress_pool_passes():
    assert egress_pool_check(None) == []


def test_an_egress_pool_that_does_not_parse_stops_manage_check_without_showing_its_password():
    env = product_env(REGISTRADURIA_EGRESS="direct,http://usuario:clave-secreta@proxy.example")  # no port
    done = subprocess.run(
        [str(VENV_BIN / "python"), "manage.py", "check"], cwd=REPO_ROOT, env=env, capture_output=True, text=True
    )
    assert done.returncode != 0
    assert "verification.E001" in done.stderr and "http://proxy.example" in done.stderr
    assert "clave-secreta" not in done.stderr + done.stdout
