"""Personal fields of events are encrypted with a key per person (AES-GCM).

An event class lists its personal payload fields in PERSONAL_FIELDS; `append()` stores them as one
encrypted blob under the subject named in the metadata, and reading decrypts them. Erasing a person
deletes their key: their events keep every other field (so replay still works), and the personal
fields read back as erased.
"""

import base64
import json
import os
from typing import Any, Literal, Protocol, TypeVar, overload

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from core.models import SubjectKey

BLOB = "__personal__"


@overload
def _key_for(subject: str, *, create: Literal[True]) -> bytes: ...
@overload
def _key_for(subject: str, *, create: Literal[False]) -> bytes | None: ...
def _key_for(subject: str, *, create: bool) -> bytes | None:
    if create:
        created, _ = SubjectKey.objects.get_or_create(
            subject=subject, defaults={"key": AESGCM.generate_key(bit_length=256)}
        )
        return bytes(created.key)
    row = SubjectKey.objects.filter(subject=subject).first()
    return bytes(row.key) if row else None


def seal(payload: dict[str, Any], *, fields: tuple[str, ...], subject: str) -> dict[str, Any]:
    """Move `fields` of `payload` into an encrypted blob bound to `subject`."""
    if not fields:
        return payload
    secret = {name: payload[name] for name in fields}
    nonce = os.urandom(12)
    aad = subject.encode()
    ciphertext = AESGCM(_key_for(subject, create=True)).encrypt(nonce, json.dumps(secret).encode(), aad)
    sealed = {k: v for k, v in payload.items() if k not in fields}
    sealed[BLOB] = {
        "subject": subject,
        "nonce": base64.b64encode(nonce).decode(),
        "ct": base64.b64encode(ciphertext).decode(),
    }
    return sealed


def sealed_subject(payload: dict[str, Any]) -> str | None:
    """The subject whose key opens `payload`'s personal fields (None: it has none)."""
    blob = payload.get(BLOB)
    return blob["subject"] if isinstance(blob, dict) else None


def keys_for(subjects: set[str]) -> dict[str, bytes]:
    """The keys of `subjects` that still exist, in one query (a shredded key is simply absent)."""
    rows = SubjectKey.objects.filter(subject__in=list(subjects)).values_list("subject", "key")
    return {subject: bytes(key) for subject, key in rows}


def unseal(payload: dict[str, Any], *, keys: dict[str, bytes] | None = None) -> tuple[dict[str, Any], bool]:
    """The payload with its personal fields back, and whether they were erased (key shredded).
    `keys`: the subjects' keys already read (`keys_for`), for a reader of many events."""
    blob = payload.get(BLOB)
    if blob is None:
        return payload, False
    opened = {k: v for k, v in payload.items() if k != BLOB}
    key = keys.get(blob["subject"]) if keys is not None else _key_for(blob["subject"], create=False)
    if key is None:
        return opened, True
    plaintext = AESGCM(key).decrypt(
        base64.b64decode(blob["nonce"]), base64.b64decode(blob["ct"]), blob["subject"].encode()
    )
    opened.update(json.loads(plaintext))
    return opened, False


class Eraser(Protocol):
    def __call__(self, *, user_id: int, actor: str) -> None: ...


_E = TypeVar("_E", bound=Eraser)

_ERASERS: list[Eraser] = []


def register_eraser(func: _E) -> _E:
    """Register `func(user_id, actor)`: it removes an app's personal data of one person, inside the
    erasure's transaction (apps register in AppConfig.ready, like handlers and projections)."""
    if func not in _ERASERS:
        _ERASERS.append(func)
    return func


def erase_subject(*, subject: str, user_id: int, actor: str) -> None:
    """Run every app's eraser for the person, then shred their key (caller's transaction)."""
    for eraser in _ERASERS:
        eraser(user_id=user_id, actor=actor)
    shred(subject)


def shred(subject: str) -> bool:
    """Delete the subject's key. Irreversible: their personal event fields become unreadable."""
    deleted, _ = SubjectKey.objects.filter(subject=subject).delete()
    return bool(deleted)
