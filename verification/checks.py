"""System checks: timing settings that only work in one order, and an egress pool that parses.

A lookup may wait for its token and its turn on the site and then run until its deadline. If
Django-Q2 kills its task (Q_CLUSTER["timeout"]) before that, the lookup is lost with the token it
paid for, and the request waits for its claim to expire before another delivery takes it over. (An
outbox re-send while the lookup runs is harmless: the copy finds the live claim and waits.)
"""

from django.conf import settings
from django.core.checks import Error, Warning, register
from django.core.exceptions import ImproperlyConfigured


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


@register()
def egress_pool_check(app_configs, **kwargs):
    """A REGISTRADURIA_EGRESS that does not parse stops `manage.py check` and every process at start,
    not the first lookup."""
    from verification.registraduria import egress

    try:
        egress.pool()
    except ImproperlyConfigured as error:
        return [
            Error(
                str(error),
                hint="Each entry is 'direct' or a proxy URL: http://[user:password@]host:port, https://…, socks5://…",
                id="verification.E001",
            )
        ]
    return []
