"""People's names as we store and show them: what they typed, without what nobody can see.

Invisible and direction-control characters (U+202E RIGHT-TO-LEFT OVERRIDE, zero-width spaces, other
format and control characters) would let a name display as something else to support staff, or
hide text in it. They are removed; accents, ñ, apostrophes and hyphens stay; runs of whitespace
become one space.
"""

import unicodedata

# Unicode categories removed from names: format (bidi controls, zero-width), control, private use,
# surrogates, unassigned, and line/paragraph separators.
REMOVED_CATEGORIES = frozenset({"Cf", "Cc", "Co", "Cs", "Cn", "Zl", "Zp"})


class PersonNameError(ValueError):
    """The name is empty once cleaned (the message is Spanish)."""


def clean_person_name(value: str) -> str:
    """The name in NFC, without invisible characters, with single spaces; PersonNameError when nothing is left."""
    normalized = unicodedata.normalize("NFC", value or "")
    visible = "".join(ch for ch in normalized if unicodedata.category(ch) not in REMOVED_CATEGORIES)
    cleaned = " ".join(visible.split())
    if not cleaned:
        raise PersonNameError("Escriba el nombre con letras visibles.")
    return cleaned
