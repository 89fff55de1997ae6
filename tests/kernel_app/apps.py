from django.apps import AppConfig


class KernelAppConfig(AppConfig):
    """A test-only app (tests/settings_kernel.py) whose handlers leave countable effects."""

    name = "tests.kernel_app"
    label = "kernel_app"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.conf import settings

        from tests.kernel_app import events, faults, handlers, projections  # noqa: F401 - registrations

        # RELAY_TEST_FAULTS is set by tests/settings_kernel.py only; mypy reads core.settings.
        test_faults = settings.RELAY_TEST_FAULTS  # type: ignore[misc]
        if test_faults:
            faults.install(test_faults)
