from typing import TYPE_CHECKING, Any

from django.contrib.auth.base_user import BaseUserManager
from django.utils import timezone

from accounts.cedula import normalize

if TYPE_CHECKING:
    from accounts.models import User


class UserManager(BaseUserManager["User"]):
    """Low-level constructors. People register through `accounts.services.user_register`."""

    use_in_migrations = True

    def create_user(self, cedula: str, password: str | None = None, **extra_fields: Any) -> "User":
        user = self.model(cedula=normalize(cedula), **extra_fields)
        if "email" in extra_fields:
            user.email = self.normalize_email(extra_fields["email"])
        user.set_password(password)
        user.full_clean(exclude=["password"])
        user.save(using=self._db)
        return user

    def create_superuser(self, cedula: str, password: str | None = None, **extra_fields: Any) -> "User":
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        # `createsuperuser` is run by the operator, who vouches for the address they type.
        extra_fields.setdefault("email_confirmed_at", timezone.now())
        return self.create_user(cedula, password, **extra_fields)
