"""Test settings: the real settings with fast password hashing and in-memory email."""

from core.env import env
from core.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# In-memory mail, unless EMAIL_URL names a server: the end-to-end tests hand their worker processes
# the loopback SMTP server they listen on.
if not env.str("EMAIL_URL", default=""):
    EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

# WhiteNoise serves from STATIC_ROOT (plus the finders outside production); it only warns when the
# folder is missing, which `make run` fills with collectstatic.
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405

# The suite registers many people from 127.0.0.1 (one /24) in one session, and the database cache's
# table outlives each transactional test's flush: the registration limits are lifted unless a test
# sets them (the throttle tests through `settings`, the flood test through the environment).
ACCOUNTS_REGISTRATIONS_PER_ADDRESS = env.int("ACCOUNTS_REGISTRATIONS_PER_ADDRESS", default=1_000_000)
ACCOUNTS_REGISTRATIONS_PER_NETWORK = env.int("ACCOUNTS_REGISTRATIONS_PER_NETWORK", default=1_000_000)
ACCOUNTS_REGISTRATIONS_FREE_PER_NETWORK = env.int("ACCOUNTS_REGISTRATIONS_FREE_PER_NETWORK", default=1_000_000)
