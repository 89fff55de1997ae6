"""System checks for timing settings that only work in one order.

A lookup may wait for its token and its turn on the site and then run until its deadline. If
Django-Q2 kills its task (Q_CLUSTER["timeout"]) before that, the lookup is lost with the token it
paid for, and the request waits for its claim to expire before another delivery takes it over. (An
outbox re-send while the lookup runs is harmless: the copy finds the live claim and waits.)
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
                hint="A lookup killed at its timeout is lost, with the captcha token it paid for.",
                id="verification.W001",
            )
        )
    return problems
