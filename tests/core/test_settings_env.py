"""Settings come from the environment: production refuses to start without a secret and is deploy-clean;
DATABASE_URL and REDIS_URL switch backends with no code change."""

import secrets
import subprocess

from tests.processes import REPO_ROOT, VENV_BIN, product_env


def _run(*args: str, **env: str) -> subprocess.CompletedProcess:
    environment = product_env(DJANGO_SETTINGS_MODULE="core.settings", **env)
    environment.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set for Playwright in the test process only
    for name in ("DJANGO_SECRET_KEY", "DATABASE_URL", "REDIS_URL", "DJANGO_ENV", "EMAIL_URL", "REGISTRADURIA_DRIVER"):
        if name not in env:
            environment.pop(name, None)
    return subprocess.run(
        [str(VENV_BIN / "python"), *args], cwd=REPO_ROOT, env=environment, capture_output=True, text=True, timeout=60
    )


PRINT_SETTINGS = (
    "import django; django.setup(); from django.conf import settings as s; "
    "print(s.DATABASES['default']['ENGINE'], s.DATABASES['default'].get('OPTIONS', {}).get('transaction_mode'), "
    "'redis' in s.Q_CLUSTER, 'orm' in s.Q_CLUSTER, s.CACHES['default']['BACKEND'].rsplit('.', 1)[-1], "
    "s.LANGUAGE_CODE, s.TIME_ZONE)"
)


def test_production_refuses_to_start_without_a_secret_key():
    result = _run("manage.py", "check", DJANGO_ENV="production")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_a_mail_server():
    result = _run("manage.py", "check", DJANGO_ENV="production", DJANGO_SECRET_KEY=secrets.token_urlsafe(64))
    assert result.returncode != 0
    assert "EMAIL_URL must name the SMTP server" in result.stderr


def test_production_settings_pass_check_deploy_with_no_warnings():
    result = _run(
        "manage.py",
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_ENV="production",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(64),
        DJANGO_ALLOWED_HOSTS="portal.example.org",
        EMAIL_URL="smtp+tls://portal:clave@smtp.example.org:587",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_defaults_are_sqlite_wal_and_the_orm_broker():
    result = _run("-c", PRINT_SETTINGS)
    assert result.stdout.split() == [
        "django.db.backends.sqlite3",
        "IMMEDIATE",
        "False",
        "True",
        "DatabaseCache",
        "es-co",
        "America/Bogota",
    ], result.stderr


def test_database_url_and_redis_url_switch_backends():
    result = _run(
        "-c",
        PRINT_SETTINGS,
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/pagina_madre",
        REDIS_URL="redis://127.0.0.1:6379/0",
    )
    assert result.stdout.split() == [
        "django.db.backends.postgresql",
        "None",
        "True",
        "False",
        "RedisCache",
        "es-co",
        "America/Bogota",
    ], result.stderr


def test_htmx_major_is_2_by_default_4_on_request_and_nothing_else():
    show = "import django; django.setup(); from django.conf import settings as s; print(s.HTMX_MAJOR)"
    assert _run("-c", show).stdout.strip() == "2"
    assert _run("-c", show, HTMX_MAJOR="4").stdout.strip() == "4"
    refused = _run("manage.py", "check", HTMX_MAJOR="3")
    assert refused.returncode != 0
    assert "HTMX_MAJOR must be 2 or 4, not 3" in refused.stderr


def test_the_driver_is_patchright_by_default_playwright_on_request_and_nothing_else():
    show = "import django; django.setup(); from django.conf import settings as s; print(s.REGISTRADURIA_DRIVER)"
    assert _run("-c", show).stdout.strip() == "patchright"
    assert _run("-c", show, REGISTRADURIA_DRIVER="playwright").stdout.strip() == "playwright"
    refused = _run("manage.py", "check", REGISTRADURIA_DRIVER="selenium")
    assert refused.returncode != 0
    assert "REGISTRADURIA_DRIVER must be patchright or playwright, not 'selenium'" in refused.stderr
