"""Proof of work (ALTCHA, self-hosted) for the forms an attacker repeats: a person's browser spends a
moment of CPU once, a flood spends it on every try.

A challenge is signed (HMAC with a key derived from SECRET_KEY), carries its level and an expiry,
and is created here, never by a third party. The widget (static/vendor/altcha, from the `altcha`
npm package) finds the counter in a Web Worker; the server checks the result with one HMAC (the
derived key is signed too), so verifying costs us nothing. A solution is accepted once.

Levels: level 0 asks nothing; level n ≥ 1 hides a counter in [B·2^(n-1), B·2^n) (B =
POW_BASE_COUNTER), so each level doubles the expected work. POW_MAX_LEVEL caps it: the slowest
challenge a real person may meet is a few tens of seconds on a phone, never a lock-out.
"""

import json
import secrets
import time
from typing import Any

from altcha import Payload, create_challenge, verify_solution
from django.conf import settings
from django.core.cache import cache
from django.utils.crypto import salted_hmac

ALGORITHM = "PBKDF2/SHA-256"
FIELD_NAME = "altcha"  # the form field the widget fills in


def _secret(purpose: str) -> str:
    return salted_hmac(f"pagina-madre.proof-of-work.{purpose}", "v1", secret=settings.POW_HMAC_KEY).hexdigest()


def pow_level_clamp(level: int) -> int:
    max_level: int = settings.POW_MAX_LEVEL
    return max(0, min(level, max_level))


def pow_challenge_create(*, level: int, purpose: str) -> str:
    """A signed challenge of `level` (clamped to 1..POW_MAX_LEVEL) for the form `purpose`, as the
    JSON the widget's `challenge` attribute takes."""
    level = max(1, pow_level_clamp(level))
    base: int = settings.POW_BASE_COUNTER
    low = base * 2 ** (level - 1)
    counter = low + secrets.randbelow(low)
    challenge = create_challenge(
        algorithm=ALGORITHM,
        cost=settings.POW_COST,
        counter=counter,
        expires_at=int(time.time()) + settings.POW_EXPIRES_SECONDS,
        data={"level": level, "purpose": purpose},
        hmac_secret=_secret("challenge"),
        hmac_key_secret=_secret("key"),
    )
    return json.dumps(challenge.to_dict(), separators=(",", ":"))


def pow_solution_level(*, payload: str | None, purpose: str) -> int:
    """The level of a valid, unexpired, unused solution for `purpose` (it is then used up), or 0.

    Whatever the payload holds (garbage, another form's challenge, a replay, a forged level), the
    answer is a number: nothing here raises on what a client sends."""
    if not payload or len(payload) > 8192:
        return 0
    try:
        parsed = Payload.from_base64(payload)
        data: Any = parsed.challenge.parameters.data or {}
        nonce = str(parsed.challenge.parameters.nonce)
        level = int(data.get("level", 0)) if isinstance(data, dict) else 0
        if not isinstance(data, dict) or data.get("purpose") != purpose:
            return 0
        result = verify_solution(parsed, _secret("challenge"), hmac_key_secret=_secret("key"))
    except (ValueError, KeyError, TypeError, AttributeError):
        return 0
    if not result.verified:
        return 0
    # Once only: the nonce is remembered until the challenge would have expired anyway.
    if not cache.add(f"pow-used:{nonce}", 1, timeout=settings.POW_EXPIRES_SECONDS + 60):
        return 0
    return pow_level_clamp(level)
