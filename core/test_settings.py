"""Test settings: the real settings with fast password hashing and in-memory email."""

from core.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

# WhiteNoise serves from STATIC_ROOT (plus the finders outside production); it only warns when the
# folder is missing, which `make run` fills with collectstatic.
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405
