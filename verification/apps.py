from django.apps import AppConfig


class VerificationConfig(AppConfig):
    name = "verification"
    verbose_name = "Verificación de cédula"

    def ready(self) -> None:
        # Register event types, handlers and projections with the kernel.
        from verification import events, handlers, projections  # noqa: F401
