from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Cuentas"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from accounts import events, handlers  # noqa: F401 - registers the event types and consumers
        from accounts.signals import set_session_lifetime

        # Every login (ours and the admin's) gets its lifetime from the service.
        user_logged_in.connect(set_session_lifetime, dispatch_uid="accounts.set_session_lifetime")
