"""Two relays and two Django-Q2 clusters (real processes) drain the outbox together while events are
being written: every delivery is dispatched once, its effect happens once, and each stream's events
reach each handler in order. Afterwards `replay --verify` finds the live projection equal to a
rebuild from the events, and reports a row corrupted on purpose.
"""

import pytest

from tests.core.kernel_stack import exactly_once

pytestmark = [pytest.mark.e2e, pytest.mark.one_pass]  # each test names its own database


def _run(stack, *, streams: int, per_stream: int, timeout: float) -> None:
    deliveries = streams * per_stream * 2  # two handlers consume kernel.Ticked
    # A lease longer than the run, for every claimer: a second dispatch of a row could then only come
    # from a claiming race, never from a lease that legitimately ran out under the backlog.
    stack.env["OUTBOX_LEASE_SECONDS"] = "600"
    for _ in range(2):
        stack.relay()
        stack.qcluster()
    # The writer wakes the relay on commit too: three processes claim from the same outbox.
    stack.manage("kernel_seed", "--streams", str(streams), "--per-stream", str(per_stream))
    stack.wait_until(
        lambda: stack.scalar("SELECT count(*) FROM core_outboxmessage WHERE status = 'done'") == deliveries,
        timeout=timeout,
        what=f"{deliveries} deliveries to be processed",
    )
    report = stack.report()
    assert len(report["events"]) == streams * per_stream
    assert {m[4] for m in report["outbox"]} == {1}  # no double dispatch by the concurrent claimers
    expected_order = {f"tick:s{n}": list(range(1, per_stream + 1)) for n in range(1, streams + 1)}
    for handler in ("kernel.record_tick", "kernel.tick_totals"):
        assert exactly_once(report, handler, "tick") == expected_order
    assert len({e[4] for e in report["effects"]}) >= 2  # work was spread over several workers
    assert report["status"]["lag_seconds"] == 0

    verify = stack.manage("replay", "--verify", "--no-progress")
    assert "verify: projections match the events" in verify.stdout
    assert stack.manage("kernel_corrupt", "s3").stdout.strip() == "corrupted 1"
    broken = stack.manage("replay", "--verify", "--no-progress", check=False)
    assert broken.returncode == 1
    assert [line for line in broken.stdout.splitlines() if line.startswith("DIFF")] == [
        f"DIFF kernel.tick_totals s3: ticks: events={per_stream} live={per_stream + 1}"
    ]
    assert "1 difference(s)" in broken.stderr


@pytest.mark.postgres
def test_two_relays_two_clusters_postgres_1000_events(stack_factory):
    _run(stack_factory("postgres"), streams=100, per_stream=10, timeout=240)


def test_two_relays_two_clusters_sqlite(stack_factory):
    _run(stack_factory("sqlite"), streams=20, per_stream=5, timeout=120)
