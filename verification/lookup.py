"""The boundary to the Registraduría: which lookup function the workers call.

`VERIFICATION_LOOKUP_BACKEND` is a dotted path to `lookup(cedula, *, deadline_s) -> result`, where the
result has `outcome` (active | cancelled | not_found | blocked | error), `fields`, `reason`, `site`,
`retry_after` and `evidence`. It never raises for site behaviour: every failure comes back classified.
"""

from functools import cache

from django.conf import settings
from django.utils.module_loading import import_string

OUTCOMES = ("active", "cancelled", "not_found", "blocked", "error")


@cache
def _backend(path: str):
    return import_string(path)


def get_lookup():
    return _backend(settings.VERIFICATION_LOOKUP_BACKEND)
