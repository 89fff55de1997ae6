"""Pagina-Madre settings.

Every value that differs between machines is read from the environment (see `.env.example`).
The defaults give a working single machine: SQLite in WAL mode and Django-Q2's ORM broker.
`DATABASE_URL` switches to PostgreSQL and `REDIS_URL` switches the broker and the cache to Redis.
"""

from django.core.exceptions import ImproperlyConfigured

from core.env import BASE_DIR, env

# --- Environment ---------------------------------------------------------------------------
# "development" (default), "test" or "production". Production fails loudly on missing secrets.
DJANGO_ENV = env.str("DJANGO_ENV", default="development")
if DJANGO_ENV not in {"development", "test", "production"}:
    raise ImproperlyConfigured(f"DJANGO_ENV must be development, test or production, not {DJANGO_ENV!r}")
PRODUCTION = DJANGO_ENV == "production"

DEBUG = env.bool("DJANGO_DEBUG", default=not PRODUCTION)

if PRODUCTION:
    SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="")
    if len(SECRET_KEY) < 50:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY must be set to a random value of at least 50 characters in production."
        )
else:
    SECRET_KEY = env.str(
        "DJANGO_SECRET_KEY", default="insecure-local-development-key-never-use-in-production-0123456789"
    )

ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=[] if PRODUCTION else ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

# --- Applications ----------------------------------------------------------------------------
INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "csp",
    "django_fsm",
    "django_q",
    "template_partials",
    "core",
    "accounts",
    "verification",
]

MIDDLEWARE = [
    "core.logging.CorrelationMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "core.urls"
WSGI_APPLICATION = "core.wsgi.application"
ASGI_APPLICATION = "core.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# --- Database --------------------------------------------------------------------------------
# Default: one SQLite file in WAL mode. IMMEDIATE transactions take the write lock up front, so a
# read-then-write inside atomic() waits on busy_timeout instead of failing with "database is locked".
SQLITE_PATH = BASE_DIR / env.str("SQLITE_PATH", default="db.sqlite3")
DATABASE_URL = env.str("DATABASE_URL", default="") or f"sqlite:///{SQLITE_PATH}"
DATABASES = {"default": env.db_url_config(DATABASE_URL)}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DB_CONN_MAX_AGE", default=600)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DATABASE_IS_SQLITE = DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"
if DATABASE_IS_SQLITE:
    DATABASES["default"]["OPTIONS"] = {
        "init_command": (
            "PRAGMA journal_mode=WAL;PRAGMA synchronous=NORMAL;"
            f"PRAGMA busy_timeout={env.int('SQLITE_BUSY_TIMEOUT_MS', default=20000)};"
        ),
        "transaction_mode": "IMMEDIATE",
        "timeout": env.int("SQLITE_BUSY_TIMEOUT_MS", default=20000) / 1000,
    }
    # Tests run against a file, not :memory:, so concurrent connections (threads, qcluster
    # processes) share one database.
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / env.str("SQLITE_TEST_PATH", default="test-db.sqlite3"))}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache (login throttling, rate limits) ---------------------------------------------------
# Shared by every process: the database by default, Redis when REDIS_URL is set.
REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "cache_table"}}

# --- Django-Q2 -------------------------------------------------------------------------------
# A lookup's own deadline (VERIFICATION_LOOKUP_DEADLINE) stays well below `timeout`, and `retry`
# stays well above `timeout`, so a slow task is never handed to a second worker while it runs.
Q_CLUSTER = {
    # The site's name: the default cluster's queue, and the salt that signs every queue's tasks. (Not
    # Q_CLUSTER_NAME: Django-Q2 reads that variable to pick which cluster a qcluster process runs.)
    "name": env.str("Q_NAME", default="pagina-madre"),
    "workers": env.int("Q_WORKERS", default=2),
    "recycle": env.int("Q_RECYCLE", default=200),
    "timeout": env.int("Q_TIMEOUT", default=120),
    "retry": env.int("Q_RETRY", default=300),
    "max_attempts": env.int("Q_MAX_ATTEMPTS", default=3),
    "ack_failures": True,
    # Successes older than the newest 1000 are pruned: enough for support to look back over a
    # busy day, small enough that the ORM broker's table stays fast. Failures are always kept.
    "save_limit": env.int("Q_SAVE_LIMIT", default=1000),
    "catch_up": False,
    "poll": env.float("Q_POLL", default=0.2),
    "label": "Tareas (Django-Q2)",
}
if REDIS_URL:
    Q_CLUSTER["redis"] = REDIS_URL
else:
    Q_CLUSTER["orm"] = "default"
Q_CLUSTER["sync"] = env.bool("Q_SYNC", default=False)
# Lanes: handlers that name a lane run on that Django-Q2 cluster, with its own queue and workers, so
# record creation, kernel consumers, the sweeper and mail never wait behind browser lookups. Start it
# with `Q_CLUSTER_NAME=lookups manage.py qcluster` (the Procfile does). Q_LOOKUP_CLUSTER empty: the
# default cluster runs lookups too (one qcluster process for everything).
Q_LANES = {"lookups": env.str("Q_LOOKUP_CLUSTER", default="lookups")}
Q_CLUSTER["ALT_CLUSTERS"] = {
    Q_LANES["lookups"]: {"workers": env.int("Q_LOOKUP_WORKERS", default=2)},
}

# --- Mail ------------------------------------------------------------------------------------
# EMAIL_URL, e.g. smtp+tls://user:password@smtp.example.org:587 (django-environ's schemes). Production
# must name one; elsewhere mail is printed by the process that sends it (`make run`: its terminal).
if PRODUCTION and not env.str("EMAIL_URL", default=""):
    raise ImproperlyConfigured("EMAIL_URL must name the SMTP server in production (e.g. smtp+tls://…:587).")
_email = env.email_url("EMAIL_URL", default="consolemail://")
EMAIL_BACKEND = _email["EMAIL_BACKEND"]
EMAIL_HOST = _email.get("EMAIL_HOST") or "localhost"
EMAIL_PORT = int(_email.get("EMAIL_PORT") or 25)
EMAIL_HOST_USER = _email.get("EMAIL_HOST_USER") or ""
EMAIL_HOST_PASSWORD = _email.get("EMAIL_HOST_PASSWORD") or ""
EMAIL_USE_TLS = bool(_email.get("EMAIL_USE_TLS", False))
EMAIL_USE_SSL = bool(_email.get("EMAIL_USE_SSL", False))
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Pagina-Madre <no-responder@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=20)
# The site's address in mails' links (scheme and host, no trailing slash).
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000")

# --- Auth ------------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:home"
LOGOUT_REDIRECT_URL = "accounts:login"
# How long a login lasts (seconds): people keep theirs two days, staff a working day (their pages
# show what support can act on). Set at each login, the admin's included.
PERSON_SESSION_SECONDS = env.int("PERSON_SESSION_SECONDS", default=2 * 24 * 3600)
STAFF_SESSION_SECONDS = env.int("STAFF_SESSION_SECONDS", default=8 * 3600)
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Login throttling (accounts/throttle.py), never a lock-out: failed logins free per (cédula, network)
# inside the window (a network is an IPv4 /24 or IPv6 /64), and NETWORK_FACTOR times as many per
# network across cédulas; past them each failure adds a level of proof of work to the next attempt.
LOGIN_THROTTLE_FREE_FAILURES = env.int("LOGIN_THROTTLE_FREE_FAILURES", default=5)
LOGIN_THROTTLE_NETWORK_FACTOR = env.int("LOGIN_THROTTLE_NETWORK_FACTOR", default=4)
LOGIN_THROTTLE_WINDOW_SECONDS = env.int("LOGIN_THROTTLE_WINDOW_SECONDS", default=900)
LOGIN_THROTTLE_IPV4_PREFIX = env.int("LOGIN_THROTTLE_IPV4_PREFIX", default=24)
LOGIN_THROTTLE_IPV6_PREFIX = env.int("LOGIN_THROTTLE_IPV6_PREFIX", default=64)

# Registration (accounts/services.py): a new account's address must be confirmed by the mailed link
# within ACCOUNTS_CONFIRMATION_HOURS (then the account is erased and the cédula free again) before
# anything is looked up. Registrations an hour per address and per network; past the network's free
# ones a proof of work is asked; no registration while ACCOUNTS_UNCONFIRMED_CAP accounts wait for
# their confirmation (the proof of work from half of it on).
ACCOUNTS_CONFIRMATION_HOURS = env.int("ACCOUNTS_CONFIRMATION_HOURS", default=48)
ACCOUNTS_CONFIRMATION_MAILS_PER_HOUR = env.int("ACCOUNTS_CONFIRMATION_MAILS_PER_HOUR", default=3)
ACCOUNTS_REGISTRATIONS_PER_ADDRESS = env.int("ACCOUNTS_REGISTRATIONS_PER_ADDRESS", default=20)
ACCOUNTS_REGISTRATIONS_PER_NETWORK = env.int("ACCOUNTS_REGISTRATIONS_PER_NETWORK", default=60)
ACCOUNTS_REGISTRATIONS_FREE_PER_NETWORK = env.int("ACCOUNTS_REGISTRATIONS_FREE_PER_NETWORK", default=5)
ACCOUNTS_UNCONFIRMED_CAP = env.int("ACCOUNTS_UNCONFIRMED_CAP", default=2000)
# How long the link to claim a taken cédula ("Esta cédula es mía"), mailed to that address, is valid.
ACCOUNTS_CLAIM_LINK_HOURS = env.int("ACCOUNTS_CLAIM_LINK_HOURS", default=72)

# Password reset by e-mail (Django's views): links last PASSWORD_RESET_TIMEOUT seconds; at most this
# many mails an hour to one address and requests an hour from one network (the page answers the same).
PASSWORD_RESET_TIMEOUT = env.int("PASSWORD_RESET_TIMEOUT", default=3 * 3600)
PASSWORD_RESET_MAILS_PER_ADDRESS = env.int("PASSWORD_RESET_MAILS_PER_ADDRESS", default=3)
PASSWORD_RESET_REQUESTS_PER_NETWORK = env.int("PASSWORD_RESET_REQUESTS_PER_NETWORK", default=20)

# Proof of work (ALTCHA, self-hosted: accounts/proof_of_work.py). Each try is a PBKDF2-SHA-256 of
# POW_COST iterations; level n hides the answer among POW_BASE_COUNTER * 2**n tries (each level
# doubles the work; level 1 is about a second in a desktop browser), up to POW_MAX_LEVEL.
POW_HMAC_KEY = env.str("POW_HMAC_KEY", default=SECRET_KEY)
POW_COST = env.int("POW_COST", default=1000)
POW_BASE_COUNTER = env.int("POW_BASE_COUNTER", default=200)
POW_MAX_LEVEL = env.int("POW_MAX_LEVEL", default=6)
POW_EXPIRES_SECONDS = env.int("POW_EXPIRES_SECONDS", default=600)

# --- Language and time -----------------------------------------------------------------------
LANGUAGE_CODE = "es-co"
LANGUAGES = [("es-co", "Español (Colombia)")]
TIME_ZONE = "America/Bogota"
USE_I18N = True
USE_TZ = True

# --- Static files ----------------------------------------------------------------------------
STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / env.str("STATIC_ROOT", default="staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = not PRODUCTION

# --- Security --------------------------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # htmx reads no cookie: every htmx POST is a form with its own token.
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if PRODUCTION:
    SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

# htmx: the major version served (django-htmx vendors both; docs/architecture.md says what differs).
# 2 is the default until htmx 4 becomes npm's default tag; 4 is tested in CI as well.
HTMX_MAJOR = env.int("HTMX_MAJOR", default=2)
if HTMX_MAJOR not in (2, 4):
    raise ImproperlyConfigured(f"HTMX_MAJOR must be 2 or 4, not {HTMX_MAJOR!r}")

# Content-Security-Policy: scripts and styles only from our own origin (htmx is served from our
# static files; no inline scripts anywhere). 'unsafe-eval' is there for htmx alone: it evaluates the
# `[document.visibilityState === 'visible']` filters that pause polling in hidden tabs (both 2 and 4
# compile them with Function). htmx's own indicator styles are switched off in base.html (the
# htmx-config meta names both versions' keys), so styles stay strict.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-eval'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "font-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# --- Logging ---------------------------------------------------------------------------------
# Every record carries the correlation id of the events at hand (registration → final transition).
# LOG_FORMAT=json writes one JSON object per line for log shippers.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"()": "core.logging.PlainFormatter"},
        "json": {"()": "core.logging.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": env.str("LOG_FORMAT", default="plain"),
        }
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}

# --- Browser ---------------------------------------------------------------------------------
# Debian's Chromium binary, driven by Playwright (`make run`/`make test` install it with apt).
CHROMIUM_EXECUTABLE = env.str("CHROMIUM_EXECUTABLE", default="/usr/lib/chromium/chromium")

# --- Event store, outbox and relay -----------------------------------------------------------
# Seconds a dispatched delivery may stay unprocessed before the relay dispatches it again
# (longer than a task may run, so a slow handler is not run twice while alive).
OUTBOX_LEASE_SECONDS = env.int("OUTBOX_LEASE_SECONDS", default=Q_CLUSTER["timeout"] + 30)
# A delivery whose handler failed this many times becomes a dead letter (requeue from the admin).
OUTBOX_MAX_FAILURES = env.int("OUTBOX_MAX_FAILURES", default=8)
OUTBOX_BACKOFF_BASE_SECONDS = env.float("OUTBOX_BACKOFF_BASE_SECONDS", default=2.0)
OUTBOX_BACKOFF_MAX_SECONDS = env.float("OUTBOX_BACKOFF_MAX_SECONDS", default=300.0)
# Rows claimed per relay round, and seconds between sweeps when idle.
RELAY_BATCH_SIZE = env.int("RELAY_BATCH_SIZE", default=100)
RELAY_INTERVAL_SECONDS = env.float("RELAY_INTERVAL_SECONDS", default=1.0)
# Dispatch right after the writing transaction commits (low latency); the sweep is the safety net.
RELAY_WAKE_ON_COMMIT = env.bool("RELAY_WAKE_ON_COMMIT", default=True)
# PostgreSQL only: writers NOTIFY inside their transaction (delivered at commit) and `manage.py relay`
# LISTENs on its own connection, so any commit on any machine is dispatched at once, not at the next
# sweep. False: no NOTIFY, the relay only polls (e.g. behind a transaction-pooling PgBouncer, which
# cannot keep a LISTEN session). Ignored on SQLite.
RELAY_LISTEN = env.bool("RELAY_LISTEN", default=True)
# Keep Django-Q2 result rows of successful deliveries? The outbox row already records each delivery
# (status, times, last error). Measured: with results saved (and pruned at Q_SAVE_LIMIT) the cluster's
# monitor fell behind on 2,000 deliveries, tasks stayed unacknowledged past Q_RETRY and were handed
# out again (157 s vs 22 s to drain). Failed tasks are always kept.
RELAY_SAVE_TASK_RESULTS = env.bool("RELAY_SAVE_TASK_RESULTS", default=False)

# --- Verification (CedulaInfo state machine) -------------------------------------------------
# Dotted path of the lookup function the workers call (the Playwright scraper by default).
VERIFICATION_LOOKUP_BACKEND = env.str("VERIFICATION_LOOKUP_BACKEND", default="verification.registraduria.lookup")
# A lookup's own deadline: well below Q_CLUSTER["timeout"].
VERIFICATION_LOOKUP_DEADLINE_SECONDS = env.float("VERIFICATION_LOOKUP_DEADLINE_SECONDS", default=60.0)
# Automatic retries of transient errors: attempts per check, then it rests in `error`.
VERIFICATION_MAX_ATTEMPTS = env.int("VERIFICATION_MAX_ATTEMPTS", default=5)
VERIFICATION_RETRY_BASE_SECONDS = env.float("VERIFICATION_RETRY_BASE_SECONDS", default=30.0)
VERIFICATION_RETRY_MAX_SECONDS = env.float("VERIFICATION_RETRY_MAX_SECONDS", default=3600.0)
# A blocked lookup waits at least this long (or the site's Retry-After) before an automatic retry.
VERIFICATION_BLOCKED_COOLDOWN_SECONDS = env.float("VERIFICATION_BLOCKED_COOLDOWN_SECONDS", default=900.0)
# A pending record older than this whose lookup is no longer queued is re-sent by the sweeper.
VERIFICATION_PENDING_DEADLINE_SECONDS = env.float("VERIFICATION_PENDING_DEADLINE_SECONDS", default=600.0)
# Re-validation: results older than this many days are checked again by the sweeper (0: never), at
# low priority (only while no other check is pending; at most _IN_FLIGHT at once) and at most
# _PER_DAY a day. A changed result is an audited transition and the person is mailed.
VERIFICATION_REVALIDATE_AFTER_DAYS = env.int("VERIFICATION_REVALIDATE_AFTER_DAYS", default=90)
VERIFICATION_REVALIDATE_IN_FLIGHT = env.int("VERIFICATION_REVALIDATE_IN_FLIGHT", default=1)
VERIFICATION_REVALIDATE_PER_DAY = env.int("VERIFICATION_REVALIDATE_PER_DAY", default=500)
# Staff alerts (verification/alerts.py, checked by the sweeper every minute): a failure/block rate of
# at least _FAILURE_RATE over the last _WINDOW lookups (once _MIN_SAMPLES are there; it clears below
# 80 % of the rate), an open breaker, a captcha budget down to _BUDGET_LEFT_FRACTION, a pending check
# past VERIFICATION_PENDING_DEADLINE_SECONDS. One mail to the support staff per episode.
VERIFICATION_ALERT_WINDOW = env.int("VERIFICATION_ALERT_WINDOW", default=50)
VERIFICATION_ALERT_MIN_SAMPLES = env.int("VERIFICATION_ALERT_MIN_SAMPLES", default=20)
VERIFICATION_ALERT_FAILURE_RATE = env.float("VERIFICATION_ALERT_FAILURE_RATE", default=0.5)
VERIFICATION_ALERT_BUDGET_LEFT_FRACTION = env.float("VERIFICATION_ALERT_BUDGET_LEFT_FRACTION", default=0.1)
# A person's manual "Actualizar": at most this many per hour and per day.
# The lookup queue takes turns between the networks people registered from: a network that had a
# lookup start within this many seconds waits while a person of another network waits (0: off).
VERIFICATION_FAIR_WINDOW_SECONDS = env.int("VERIFICATION_FAIR_WINDOW_SECONDS", default=10)
VERIFICATION_REFRESH_PER_HOUR = env.int("VERIFICATION_REFRESH_PER_HOUR", default=1)
VERIFICATION_REFRESH_PER_DAY = env.int("VERIFICATION_REFRESH_PER_DAY", default=5)
# Attempts kept in a record's evidence summary.
VERIFICATION_EVIDENCE_MAX_ITEMS = env.int("VERIFICATION_EVIDENCE_MAX_ITEMS", default=5)
# How often the badge polls: while a check is pending, every N seconds while it is younger than
# `below` seconds ("below:every,below:every,…"), then every VERIFICATION_POLL_PENDING_MAX_SECONDS;
# after a failure, every VERIFICATION_POLL_FAILURE_SECONDS (sooner when a retry is due, but no more
# often than …_MIN_SECONDS); the support console every VERIFICATION_CONSOLE_POLL_SECONDS.
VERIFICATION_POLL_PENDING_STEPS = tuple(
    (int(below), int(every))
    for below, _, every in (
        step.partition(":") for step in env.list("VERIFICATION_POLL_PENDING_STEPS", default=["30:2", "120:5", "600:15"])
    )
)
VERIFICATION_POLL_PENDING_MAX_SECONDS = env.int("VERIFICATION_POLL_PENDING_MAX_SECONDS", default=30)
VERIFICATION_POLL_FAILURE_SECONDS = env.int("VERIFICATION_POLL_FAILURE_SECONDS", default=60)
VERIFICATION_POLL_FAILURE_MIN_SECONDS = env.int("VERIFICATION_POLL_FAILURE_MIN_SECONDS", default=5)
VERIFICATION_CONSOLE_POLL_SECONDS = env.int("VERIFICATION_CONSOLE_POLL_SECONDS", default=5)

# --- Registraduría lookup (verification/registraduria/) -------------------------------------
# Fronts tried in this order; a front that is down, blocked or broken hands over to the next.
REGISTRADURIA_FRONTS = env.list("REGISTRADURIA_FRONTS", default=["wsp", "consultacenso", "infovotantes"])
# A not-found is asked again on the next enabled front that is healthy (its breaker closed, not paused)
# before it is final: both not found, or the second's active/cancelled answer wins (kept in evidence).
REGISTRADURIA_CONFIRM_NOT_FOUND = env.bool("REGISTRADURIA_CONFIRM_NOT_FOUND", default=True)
# The simulator (`python -m devtools.registraduria_simulator`, started by `make run`): when set, every front and
# the captcha solver default to it. Unset, the fronts are the real sites.
REGISTRADURIA_SIMULATOR = env.str("REGISTRADURIA_SIMULATOR", default="").rstrip("/")
_SIM = REGISTRADURIA_SIMULATOR
REGISTRADURIA_WSP_URL = env.str(
    "REGISTRADURIA_WSP_URL",
    default=f"{_SIM}/censo/consultar/" if _SIM else "https://wsp.registraduria.gov.co/censo/consultar/",
)
REGISTRADURIA_CONSULTACENSO_URL = env.str(
    "REGISTRADURIA_CONSULTACENSO_URL",
    default=f"{_SIM}/consultacenso/" if _SIM else "https://consultacenso.registraduria.gov.co/",
)
REGISTRADURIA_INFOVOTANTES_URL = env.str(
    "REGISTRADURIA_INFOVOTANTES_URL",
    default=f"{_SIM}/infovotantes/identificacion"
    if _SIM
    else "https://eleccionescolombia.registraduria.gov.co/identificacion",
)
# Where the single-page app's API lives (not confirmed for the real site: see shared notes).
REGISTRADURIA_INFOVOTANTES_API_URL = env.str(
    "REGISTRADURIA_INFOVOTANTES_API_URL",
    default=f"{_SIM}/infovotantes/api/v1/" if _SIM else "https://eleccionescolombia.registraduria.gov.co/api/v1/",
)
REGISTRADURIA_INFOVOTANTES_ELECTION_CODE = env.str("REGISTRADURIA_INFOVOTANTES_ELECTION_CODE", default="")
# Politeness, shared by every worker process on every machine (rows in the database): the least
# spacing between two lookup starts on one site, browsers on one site at once, and the circuit
# breaker (this many blocks in a row open it for the cool-down).
REGISTRADURIA_MIN_INTERVAL_SECONDS = env.float("REGISTRADURIA_MIN_INTERVAL_SECONDS", default=5.0)
REGISTRADURIA_BROWSERS_PER_SITE = env.int("REGISTRADURIA_BROWSERS_PER_SITE", default=1)
REGISTRADURIA_BREAKER_THRESHOLD = env.int("REGISTRADURIA_BREAKER_THRESHOLD", default=3)
REGISTRADURIA_BREAKER_COOLDOWN_SECONDS = env.float("REGISTRADURIA_BREAKER_COOLDOWN_SECONDS", default=900.0)
# The egress pool (verification/registraduria/egress.py): each entry is an address the site sees,
# `direct` or a forward proxy URL (http://, https:// or socks5://host:port, http ones may carry
# user:password@). A lookup's browser goes out through one of them; turns, leases, the breaker and
# Retry-After are kept per (site, egress), so N egresses allow N lookups per interval on each site.
REGISTRADURIA_EGRESS = env.list("REGISTRADURIA_EGRESS", default=["direct"])
# An egress whose proxy cannot be reached (or refuses us) rests this long; the others go on.
REGISTRADURIA_EGRESS_COOLDOWN_SECONDS = env.float("REGISTRADURIA_EGRESS_COOLDOWN_SECONDS", default=60.0)
# How long one page load or one submission may take to answer (the site's own upstream gives up
# after 15 s); a hung site then hands over to the next front within the lookup's deadline.
REGISTRADURIA_RESPONSE_TIMEOUT_SECONDS = env.float("REGISTRADURIA_RESPONSE_TIMEOUT_SECONDS", default=20.0)
# The worker's browser is replaced after this many lookups (and after a crash).
REGISTRADURIA_BROWSER_RECYCLE_LOOKUPS = env.int("REGISTRADURIA_BROWSER_RECYCLE_LOOKUPS", default=100)
# The Playwright that drives Chromium: "patchright" (pages cannot see the DevTools protocol attached:
# no Runtime.enable; checked on every launch) or "playwright" (docs/registraduria.md, "Driver").
REGISTRADURIA_DRIVER = env.str("REGISTRADURIA_DRIVER", default="patchright")
if REGISTRADURIA_DRIVER not in ("patchright", "playwright"):
    raise ImproperlyConfigured(f"REGISTRADURIA_DRIVER must be patchright or playwright, not {REGISTRADURIA_DRIVER!r}")
# Empty: a desktop-Chrome user agent for this Chromium's own version and platform.
REGISTRADURIA_USER_AGENT = env.str("REGISTRADURIA_USER_AGENT", default="")
# reCAPTCHA solving: "none" (a captcha-guarded lookup ends blocked, reason captcha_unsolved) or
# "2captcha" (any 2Captcha-compatible service; CAPTCHA_SERVER is its host[:port], CAPTCHA_CA_BUNDLE
# an extra CA to trust, for the simulator's solver).
# With the simulator: its own 2Captcha-compatible solver on the next port, over HTTPS with the CA
# certificate it writes to var/simulator-ca.pem.
_SIM_SOLVER = ""
if _SIM:
    from urllib.parse import urlsplit

    _SIM_SOLVER = f"{urlsplit(_SIM).hostname}:{(urlsplit(_SIM).port or 80) + 1}"
CAPTCHA_PROVIDER = env.str("CAPTCHA_PROVIDER", default="2captcha" if _SIM else "none")
CAPTCHA_API_KEY = env.str("CAPTCHA_API_KEY", default="simulador" if _SIM else "")
CAPTCHA_SERVER = env.str("CAPTCHA_SERVER", default=_SIM_SOLVER or "2captcha.com")
CAPTCHA_CA_BUNDLE = env.str("CAPTCHA_CA_BUNDLE", default="var/simulator-ca.pem" if _SIM else "")
if CAPTCHA_CA_BUNDLE:
    CAPTCHA_CA_BUNDLE = str(BASE_DIR / CAPTCHA_CA_BUNDLE)
CAPTCHA_POLL_SECONDS = env.int("CAPTCHA_POLL_SECONDS", default=5)
# A solve is polled this long: the provider's own limit (2Captcha gives up after about 180 s). A
# lookup's own solve never waits longer than what is left of its deadline.
CAPTCHA_TIMEOUT_SECONDS = env.float("CAPTCHA_TIMEOUT_SECONDS", default=180.0)
# The captcha pipeline (`manage.py captcha_pipeline`, in the Procfile) solves ahead of the lookups:
# while it runs, lookups take its tokens. At most CAPTCHA_MAX_IN_FLIGHT solves at once, and never
# more than the lookups waiting; CAPTCHA_READY_TARGET solved tokens kept ready beyond what the
# rate needs; CAPTCHA_EXPECTED_SOLVE_SECONDS is the latency (90th percentile) assumed until solves
# were measured (public reports of 2Captcha: 10 to 40 s).
CAPTCHA_PIPELINE = env.bool("CAPTCHA_PIPELINE", default=True)
CAPTCHA_MAX_IN_FLIGHT = env.int("CAPTCHA_MAX_IN_FLIGHT", default=16)
CAPTCHA_READY_TARGET = env.int("CAPTCHA_READY_TARGET", default=4)
CAPTCHA_EXPECTED_SOLVE_SECONDS = env.float("CAPTCHA_EXPECTED_SOLVE_SECONDS", default=40.0)
# A token is good this long after its solve; the pool hands out none older than the lifetime minus
# the margin (the lookup still has to reach its submission), and books older ones as wasted.
CAPTCHA_TOKEN_LIFETIME_SECONDS = env.float("CAPTCHA_TOKEN_LIFETIME_SECONDS", default=110.0)
CAPTCHA_TOKEN_MARGIN_SECONDS = env.float("CAPTCHA_TOKEN_MARGIN_SECONDS", default=30.0)
# Spend: solves paid per day at most (0: no limit; reached, new solves pause until the day renews
# in TIME_ZONE or the budget is raised, and lookups wait in error for it), and the price per 1,000
# solves for the estimated cost (in CAPTCHA_PRICE_CURRENCY).
CAPTCHA_DAILY_BUDGET = env.int("CAPTCHA_DAILY_BUDGET", default=0)
CAPTCHA_PRICE_PER_1000 = env.float("CAPTCHA_PRICE_PER_1000", default=2.99)
CAPTCHA_PRICE_CURRENCY = env.str("CAPTCHA_PRICE_CURRENCY", default="USD")
if CAPTCHA_PROVIDER not in {"none", "2captcha"}:
    raise ImproperlyConfigured(f"CAPTCHA_PROVIDER must be none or 2captcha, not {CAPTCHA_PROVIDER!r}")

# --- Operations ------------------------------------------------------------------------------
# /salud/ reports "degraded" when no Django-Q2 cluster reported within this many seconds, or the
# relay's oldest undelivered record is older than the lag limit.
HEALTH_CLUSTER_MAX_AGE_SECONDS = env.float("HEALTH_CLUSTER_MAX_AGE_SECONDS", default=60.0)
HEALTH_RELAY_MAX_LAG_SECONDS = env.float("HEALTH_RELAY_MAX_LAG_SECONDS", default=120.0)
# The stall watchdog: /salud/ fails (503) when the task at the head of a queue has not moved for this
# many seconds while a cluster reports itself alive (Django-Q2 can keep its heartbeat and hand out
# nothing: upstream django-q2 #23, #339). Longer than a task may run (Q_TIMEOUT).
HEALTH_QUEUE_STALL_SECONDS = env.float("HEALTH_QUEUE_STALL_SECONDS", default=float(Q_CLUSTER["timeout"] * 3))
# When set, /metrics requires "Authorization: Bearer <token>".
METRICS_TOKEN = env.str("METRICS_TOKEN", default="")
