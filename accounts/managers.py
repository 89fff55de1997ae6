from django.contrib.auth.base_user import BaseUserManager

from accounts.cedula import normalize


class UserManager(BaseUserManager):
    """Low-level constructors. People register through `accounts.services.user_register`."""

    use_in_migrations = True

    def create_user(self, cedula: str, password: str | None = None, **extra_fields):
        user = self.model(cedula=normalize(cedula), **extra_fields)
        if "email" in extra_fields:
            user.email = self.normalize_email(extra_fields["email"])
        user.set_password(password)
        user.full_clean(exclude=["password"])
        user.save(using=self._db)
        return user

    def create_superuser(self, cedula: str, password: str | None = None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self.create_user(cedula, password, **extra_fields)
