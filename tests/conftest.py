import os

import pytest

# Playwright's sync API runs an event loop in this thread; the ORM calls our tests make around it
# are still synchronous, so Django's async-safety guard is relaxed for the test process only.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# The long drills (kill -9, the hostile site, 300 lookups in one worker, the lanes under a backlog):
# one xdist worker runs them one after another (`--dist loadgroup`), so no two of them share the
# machine's two cores, while the other workers take the rest of the suite.
DRILLS = "drills"


def _is_drill(item: pytest.Item) -> bool:
    marker = item.get_closest_marker("xdist_group")
    return marker is not None and (marker.args[:1] == (DRILLS,) or marker.kwargs.get("name") == DRILLS)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--slow",
        action="store_true",
        help="also run the tests marked slow (the 10-minute drills; bench/drill_kill.py runs one)",
    )


def pytest_runtest_setup(item: pytest.Item) -> None:
    if item.get_closest_marker("slow") and not item.config.getoption("--slow"):
        pytest.skip("a slow drill: run it with bench/drill_kill.py (or pytest --slow)")


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Start the drills as early as the database order allows: right where the first of them stands
    once pytest-randomly shuffled and pytest-django put transactional tests after the others (every
    drill is transactional or uses no test database, so that order still holds)."""
    drills = [item for item in items if _is_drill(item)]
    if not drills:
        return
    first = items.index(drills[0])
    rest = [item for item in items[first:] if not _is_drill(item)]
    items[first:] = drills + rest


@pytest.fixture(scope="session")
def playwright_instance():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright_instance):
    from verification.chromium import BASE_LAUNCH_ARGS, chromium_executable

    browser = playwright_instance.chromium.launch(
        executable_path=chromium_executable(), headless=True, args=list(BASE_LAUNCH_ARGS)
    )
    yield browser
    browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="es-CO", timezone_id="America/Bogota")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def admin_user(db, django_user_model):
    """A superuser for the admin tests (our users are identified by cédula, not a username)."""
    return django_user_model.objects.create_superuser(
        cedula="900000001", password="clave-admin-2026", nombres="Ada", apellidos="Admin", email="admin@example.org"
    )


class ReceivedMail:
    """The messages a loopback SMTP server received, parsed (`email.message.EmailMessage`)."""

    def __init__(self) -> None:
        import threading

        self.messages: list = []
        self._lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):  # aiosmtpd calls this hook by name
        from email import message_from_bytes, policy

        message = message_from_bytes(envelope.content, policy=policy.default)
        with self._lock:
            self.messages.append(message)
        return "250 OK"

    def wait_for(self, count: int, timeout: float = 30.0) -> list:
        """The first `count` messages, once they arrived (an AssertionError after `timeout`)."""
        import time

        deadline = time.monotonic() + timeout
        while True:
            with self._lock:
                if len(self.messages) >= count:
                    return list(self.messages[:count])
            if time.monotonic() > deadline:
                raise AssertionError(f"{len(self.messages)} of {count} messages arrived in {timeout:.0f} s")
            time.sleep(0.05)


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server (aiosmtpd) on 127.0.0.1, and the settings that send this process's mail to it."""
    from aiosmtpd.controller import Controller

    from tests.processes import free_port

    received = ReceivedMail()
    controller = Controller(received, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", controller.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    yield received
    controller.stop()
