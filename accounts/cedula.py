"""Cédula de ciudadanía: pure normalisation and validation rules (no Django imports).

People type their number with dots, spaces or dashes ("1.023.456.789"). We keep ASCII digits only:
other Unicode digits (Arabic-Indic, full-width…) are refused, never silently converted, because the
Registraduría's form accepts ASCII digits only.
"""

import re

MIN_LENGTH = 6
MAX_LENGTH = 10
_SEPARATORS = re.compile(r"[.\s\-]+")
_ASCII_DIGITS = frozenset("0123456789")


class CedulaError(ValueError):
    """The input is not a cédula. The message is meant for the person (Spanish)."""


def normalize(raw: str) -> str:
    """Return the cédula as a string of ASCII digits, or raise CedulaError with a Spanish message."""
    value = _SEPARATORS.sub("", raw or "")
    if not value:
        raise CedulaError("Escriba su número de cédula.")
    if any(ch not in _ASCII_DIGITS for ch in value):
        if all(ch.isdigit() for ch in value):
            raise CedulaError("Escriba la cédula con los dígitos 0 a 9 (sin otros sistemas de numeración).")
        raise CedulaError("La cédula solo puede tener números (puede usar puntos o espacios como separadores).")
    if value[0] == "0":
        raise CedulaError("La cédula no puede empezar por 0.")
    if not MIN_LENGTH <= len(value) <= MAX_LENGTH:
        raise CedulaError(f"La cédula debe tener entre {MIN_LENGTH} y {MAX_LENGTH} dígitos.")
    return value


def is_valid(raw: str) -> bool:
    try:
        normalize(raw)
    except CedulaError:
        return False
    return True


def mask(cedula: str) -> str:
    """Show only the last three digits ("•••••789"), for lists and logs read by staff."""
    if len(cedula) <= 3:
        return "•" * len(cedula)
    return "•" * (len(cedula) - 3) + cedula[-3:]
