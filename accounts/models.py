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
    # When the person opened the link mailed to `email` (or staff vouched for it). Until then nothing
    # is looked up for them and no census answer is shown to them.
    email_confirmed_at = models.DateTimeField("correo confirmado", null=True, blank=True)
    # A new address the person asked to use instead, until they open the link mailed to it (then it
    # becomes `email`, confirmed); `email` stays in use meanwhile.
    pending_email = models.EmailField("correo nuevo por confirmar", blank=True)
    # Registered since confirmation exists (its first lookup waits for it; unconfirmed in time, the
    # account is erased). False for accounts registered before, which were looked up at once.
    email_confirmation_required = models.BooleanField("requiere confirmar el correo", default=False)
    # The network the person registered from, as a keyed hash (accounts.throttle.network_key): the
    # lookup queue takes turns between networks (verification's fair turn). Blank: staff or a script.
    registration_source = models.CharField("origen del registro", max_length=32, blank=True)
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
        indexes = [
            # The accounts waiting for their confirmation: the registration cap counts them, the
            # sweeper erases the stale ones.
            models.Index(
                fields=["date_joined"],
                condition=models.Q(email_confirmation_required=True, email_confirmed_at__isnull=True),
                name="accounts_user_unconfirmed",
            )
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(cedula__regex=rf"^[1-9][0-9]{{{MIN_LENGTH - 1},{MAX_LENGTH - 1}}}$"),
                name="accounts_user_cedula_normalised",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_full_name()} ({self.cedula_masked})"

    @property
    def awaits_email_confirmation(self) -> bool:
        """Their address is not confirmed yet: no census answer is shown to them, and nothing is
        looked up for an account registered since confirmation exists. (An account registered
        before was looked up at once; its answer waits for the confirmation all the same.)"""
        return self.email_confirmed_at is None

    @property
    def cedula_masked(self) -> str:
        return mask(self.cedula)

    def get_full_name(self) -> str:
        return f"{self.nombres} {self.apellidos}".strip()

    def get_short_name(self) -> str:
        return self.nombres


class CedulaClaimStatus(models.TextChoices):
    OPEN = "open", "En revisión"
    TRANSFERRED = "transferred", "Aprobado: cédula transferida"
    REJECTED = "rejected", "Rechazado"


class CedulaClaim(models.Model):
    """ "Esta cédula es mía": someone whose registration found their cédula taken, filed from the link
    mailed to their address (so the address is theirs). Support staff decide it: transfer (the holding
    account is erased, the claimant's opened with that cédula) or reject; each step is an event with
    its actor (`accounts.CedulaClaimFiled`, `accounts.CedulaClaimDecided`). Written only by
    `accounts.services`."""

    cedula = models.CharField("cédula", max_length=MAX_LENGTH)
    holder = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="claims_against", verbose_name="cuenta"
    )
    nombres = models.CharField("nombres", max_length=120)
    apellidos = models.CharField("apellidos", max_length=120)
    email = models.EmailField("correo electrónico")
    password = models.CharField("contraseña (hash)", max_length=128)
    statement = models.TextField("lo que cuenta la persona", max_length=2000)
    status = models.CharField(
        "estado", max_length=16, choices=CedulaClaimStatus.choices, default=CedulaClaimStatus.OPEN
    )
    filed_at = models.DateTimeField("fecha", default=timezone.now)
    decided_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="decidido por"
    )
    decided_at = models.DateTimeField("fecha de la decisión", null=True, blank=True)
    decision_reason = models.CharField("motivo de la decisión", max_length=300, blank=True)

    class Meta:
        verbose_name = "reclamo de cédula"
        verbose_name_plural = "reclamos de cédula"
        permissions = [("decide_cedulaclaim", "Puede decidir reclamos de cédula")]
        indexes = [models.Index(fields=["status", "filed_at"], name="accounts_claim_status_filed")]
        constraints = [
            models.UniqueConstraint(
                fields=["cedula", "email"],
                condition=models.Q(status="open"),
                name="accounts_claim_one_open_per_address",
            )
        ]

    def __str__(self) -> str:
        return f"reclamo {self.pk} ({mask(self.cedula)})"

    @property
    def cedula_masked(self) -> str:
        return mask(self.cedula)
