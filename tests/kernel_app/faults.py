"""Fault injection for the no-loss tests, installed only by this test app (tests/settings_kernel.py
sets `RELAY_TEST_FAULTS` from the environment; the product never defines it).

Each fault SIGKILLs the current process at a precise point that a real crash could hit but a test
cannot otherwise reach on demand, by wrapping the relay's own seams:
  "kill-before-wake":       right after the writing transaction committed, before the on-commit wake-up;
  "kill-after-dispatch:N":  after this process built N tasks, in the middle of a claimed batch (with the
                            ORM broker: inside the batch's transaction, before anything reaches a queue).
"""

import os
import signal

from core import relay


def _die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def _parse(faults: list[str]) -> dict[str, str]:
    parsed = {}
    for fault in faults:
        key, _, arg = fault.partition(":")
        parsed[key] = arg
    return parsed


def install(faults: list[str]) -> None:
    parsed = _parse(faults)
    if "kill-before-wake" in parsed:

        def wake() -> None:
            _die()

        relay._wake = wake
    if "kill-after-dispatch" in parsed:
        kill_after = int(parsed["kill-after-dispatch"])
        enqueue = relay._enqueue
        dispatched = 0

        def counted_enqueue(message_id: int, cluster: str, collector: relay._Collector) -> str:
            nonlocal dispatched
            if dispatched >= kill_after:
                _die()
            dispatched += 1
            return enqueue(message_id, cluster, collector)

        relay._enqueue = counted_enqueue
