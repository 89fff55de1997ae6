from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import PermissionsMixin
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone

from accounts.cedula import MAX_LENGTH, MIN_LENGTH, mask
from accounts.managers import UserManager


class User(AbstractBaseUser, PermissionsMixin):
    """A person, identified by their cédula (stored normalised: ASCII digits only)."""

    cedula = models.CharField(
        "cédula",
        max_length=MAX_LENGTH,
        unique=True,
        validators=[RegexValidator(rf"^[1-9][0-9]{{{MIN_LENGTH - 1},{MAX_LENGTH - 1}}}$", "Cédula no válida.")],
        error_messages={"unique": "Ya existe una cuenta con esta cédula."},
    )
    nombres = models.CharField("nombres", max_length=120)
    apellidos = models.CharField("apellidos", max_length=120)
    email = models.EmailField("correo electrónico")
    is_active = models.BooleanField("activo", default=True)
    is_staff = models.BooleanField("equipo", default=False)
    date_joined = models.DateTimeField("fecha de registro", default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "cedula"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["nombres", "apellidos", "email"]

    class Meta:
        verbose_name = "usuario"
        verbose_name_plural = "usuarios"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(cedula__regex=rf"^[1-9][0-9]{{{MIN_LENGTH - 1},{MAX_LENGTH - 1}}}$"),
                name="accounts_user_cedula_normalised",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_full_name()} ({self.cedula_masked})"

    @property
    def cedula_masked(self) -> str:
        return mask(self.cedula)

    def get_full_name(self) -> str:
        return f"{self.nombres} {self.apellidos}".strip()

    def get_short_name(self) -> str:
        return self.nombres
