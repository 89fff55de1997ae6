"""System checks for timing settings that only work in one order.

A lookup may wait for its turn on the site and then run until its deadline. If the outbox re-sends
its delivery (OUTBOX_LEASE_SECONDS) or Django-Q2 kills its task (Q_CLUSTER["timeout"]) before that,
a second worker looks the same cédula up while the first still runs: the record stays right (the
second result is ignored), but the Registraduría gets twice the traffic.
"""

from django.conf import settings
from django.core.checks import Warning, register


@register()
def lookup_timing_check(app_configs, **kwargs):
    deadline = settings.VERIFICATION_LOOKUP_DEADLINE_SECONDS
    problems = []
    if settings.Q_CLUSTER["timeout"] <= deadline:
        problems.append(
            Warning(
                f"Q_TIMEOUT ({settings.Q_CLUSTER['timeout']} s) should be above the lookup deadline ({deadline} s).",
                hint="A task killed at its timeout is retried while the site may still be answering the first.",
                id="verification.W001",
            )
        )
    if deadline >= settings.OUTBOX_LEASE_SECONDS:
        problems.append(
            Warning(
                f"OUTBOX_LEASE_SECONDS ({settings.OUTBOX_LEASE_SECONDS} s) should be above the lookup deadline "
                f"({deadline} s).",
                hint="A delivery re-sent while its lookup still runs sends the Registraduría a second lookup.",
                id="verification.W002",
            )
        )
    return problems
