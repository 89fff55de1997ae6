from django.apps import AppConfig


class VerificationConfig(AppConfig):
    name = "verification"
    verbose_name = "Verificación de cédula"

    def ready(self) -> None:
        # Register event types, handlers and projections with the kernel.
        from core.personal_data import register_eraser
        from verification import checks, events, handlers, projections  # noqa: F401
        from verification.services import cedula_info_forget_person

        register_eraser(cedula_info_forget_person)
