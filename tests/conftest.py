import os

import pytest

# Playwright's sync API runs an event loop in this thread; the ORM calls our tests make around it
# are still synchronous, so Django's async-safety guard is relaxed for the test process only.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


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
