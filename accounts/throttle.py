"""Login throttling: failed attempts counted per cédula and per client address in the shared cache.

Keys hold a hash, never the raw cédula. With the Redis cache the counters are atomic across every
web process; with the database cache they are shared too (the cache table lives in the database).
"""

import hashlib

from django.conf import settings
from django.core.cache import cache


def _keys(*, cedula: str, client_ip: str) -> list[str]:
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{cedula}".encode()).hexdigest()[:32]
    return [f"login-fail:cedula:{digest}", f"login-fail:ip:{client_ip}"]


def login_is_locked(*, cedula: str, client_ip: str) -> bool:
    limit = settings.LOGIN_THROTTLE_MAX_FAILURES
    counts = cache.get_many(_keys(cedula=cedula, client_ip=client_ip))
    # The per-address limit is wider: several people may share one public address.
    cedula_key, ip_key = _keys(cedula=cedula, client_ip=client_ip)
    return counts.get(cedula_key, 0) >= limit or counts.get(ip_key, 0) >= limit * 4


def login_record_failure(*, cedula: str, client_ip: str) -> None:
    window = settings.LOGIN_THROTTLE_WINDOW_SECONDS
    for key in _keys(cedula=cedula, client_ip=client_ip):
        if not cache.add(key, 1, timeout=window):
            try:
                cache.incr(key)
            except ValueError:  # expired between add() and incr()
                cache.add(key, 1, timeout=window)


def login_record_success(*, cedula: str, client_ip: str) -> None:
    cache.delete(_keys(cedula=cedula, client_ip=client_ip)[0])
