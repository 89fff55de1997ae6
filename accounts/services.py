import logging

from django.conf import settings
from django.contrib.auth import authenticate
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from accounts.cedula import CedulaError, normalize
from accounts.events import PasswordResetRequested, UserErased, UserRegistered
from accounts.models import User
from accounts.names import PersonNameError, clean_person_name
from accounts.proof_of_work import pow_challenge_create, pow_solution_level
from accounts.throttle import (
    login_pow_level,
    login_record_failure,
    login_record_success,
    password_reset_mail_allowed,
)
from core import event_store, personal_data
from core.event_store import Metadata
from core.events import subject_name
from core.exceptions import ApplicationError

logger = logging.getLogger(__name__)

DUPLICATE_CEDULA_MESSAGE = "Ya existe una cuenta con esta cédula."
INVALID_LOGIN_MESSAGE = "Cédula o contraseña incorrecta."
POW_REQUIRED_MESSAGE = (
    "Hubo varios intentos fallidos desde su red. Por seguridad, espere a que su navegador termine la "
    "comprobación automática y vuelva a escribir su contraseña."
)
LOGIN_PURPOSE = "login"


class ProofOfWorkRequired(ApplicationError):
    """The attempt must bring a proof of work of at least `level`; `challenge` is a fresh one."""

    def __init__(self, *, level: int) -> None:
        super().__init__(POW_REQUIRED_MESSAGE, code="pow_required")
        self.level = level
        self.challenge = pow_challenge_create(level=level, purpose=LOGIN_PURPOSE)


def login_challenge(*, client_ip: str) -> str | None:
    """The challenge a login form shows before anything is typed (the network's level), if any."""
    level = login_pow_level(cedula=None, client_ip=client_ip)
    return pow_challenge_create(level=level, purpose=LOGIN_PURPOSE) if level else None


def user_authenticate(
    *, request: HttpRequest | None, cedula: str, password: str, client_ip: str, pow_payload: str | None
) -> User:
    """Check a login attempt (the person's and the admin's). Failures are counted per (cédula,
    network) and per network; past their allowance the attempt must bring a proof of work, whose
    level grows with the failures, before the password is even checked. Nothing is ever locked:
    raises ProofOfWorkRequired (with a new challenge) or ApplicationError(code="invalid_login")."""
    try:
        key = normalize(cedula)
    except CedulaError:
        key = cedula.strip()
    required = login_pow_level(cedula=key, client_ip=client_ip)
    if required and pow_solution_level(payload=pow_payload, purpose=LOGIN_PURPOSE) < required:
        raise ProofOfWorkRequired(level=required)
    user = authenticate(request, username=key, password=password)
    if not isinstance(user, User):
        login_record_failure(cedula=key, client_ip=client_ip)
        raise ApplicationError(INVALID_LOGIN_MESSAGE, code="invalid_login")
    login_record_success(cedula=key, client_ip=client_ip)
    return user


def user_session_seconds(*, user: User) -> int:
    """How long a login of `user` lasts: staff sessions are shorter than people's."""
    seconds: int = settings.STAFF_SESSION_SECONDS if user.is_staff else settings.PERSON_SESSION_SECONDS
    return seconds


def user_register(
    *, cedula: str, nombres: str, apellidos: str, email: str, password: str, actor: str | None = None
) -> User:
    """Create a person's account and record `UserRegistered` (with its outbox deliveries).

    The user row, the event and the deliveries commit together or not at all. The cédula is
    normalised here; duplicates raise ApplicationError. `actor`: who registered them (default: the
    person; "staff:<id>" from the admin).
    """
    try:
        cedula = normalize(cedula)
    except CedulaError as exc:
        raise ApplicationError(str(exc), code="cedula_invalid", field="cedula") from exc
    names: dict[str, str] = {}
    for field, value in (("nombres", nombres), ("apellidos", apellidos)):
        try:
            names[field] = clean_person_name(value)
        except PersonNameError as exc:
            raise ApplicationError(str(exc), code="name_invalid", field=field) from exc
    try:
        with transaction.atomic():
            if User.objects.filter(cedula=cedula).exists():
                raise ApplicationError(DUPLICATE_CEDULA_MESSAGE, code="cedula_taken", field="cedula")
            user = User(cedula=cedula, nombres=names["nombres"], apellidos=names["apellidos"])
            user.email = User.objects.normalize_email(email)
            user.set_password(password)
            user.save()
            event_store.append(
                stream_id=user.pk,
                events=[UserRegistered(user_id=user.pk)],
                metadata=Metadata.new(actor=actor or f"user:{user.pk}"),
                expected_version=0,
            )
    except IntegrityError as exc:
        # Two registrations of one cédula raced past the check: the unique index decides.
        raise ApplicationError(DUPLICATE_CEDULA_MESSAGE, code="cedula_taken", field="cedula") from exc
    return user


@transaction.atomic
def user_erase(*, user: User, actor: str) -> None:
    """Delete a person's account and personal data (a habeas-data request, Ley 1581 de 2012).

    Records `UserErased`, lets every app remove its personal data of the person, shreds the key of
    their encrypted event fields, and deletes the account — all in one transaction. The event log
    stays complete and replayable; nothing readable about the person remains.
    """
    user_id = user.pk
    # Locked first, as the consumer that opens the person's record does: that record either exists
    # (and is erased below) or is never opened.
    User.objects.select_for_update().filter(pk=user_id).values_list("pk", flat=True).first()
    event_store.append(stream_id=user_id, events=[UserErased(user_id=user_id)], metadata=Metadata.new(actor=actor))
    personal_data.erase_subject(subject=subject_name("user_id", user_id), user_id=user_id, actor=actor)
    User.objects.filter(pk=user_id).delete()


def user_password_reset_request(*, email: str, client_ip: str) -> int:
    """Someone asks for a password-reset link to `email`: records `PasswordResetRequested` for each
    active account with that address and a usable password (a consumer mails the links). Returns how
    many; the caller answers the same whatever it is. Throttled per address and per network."""
    if not password_reset_mail_allowed(email=email, client_ip=client_ip):
        logger.info("password reset: throttled for a network or an address; nothing sent")
        return 0
    users = [u for u in User.objects.filter(email__iexact=email.strip(), is_active=True) if u.has_usable_password()]
    for user in users:
        with transaction.atomic():
            event_store.append(
                stream_id=user.pk,
                events=[PasswordResetRequested(user_id=user.pk)],
                metadata=Metadata.new(actor="anonymous"),
            )
    return len(users)


def user_password_reset_mail(*, user_id: int) -> bool:
    """Mail the account a one-time link to choose a new password (Spanish). False when the account is
    gone or can no longer use one (erased, deactivated)."""
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None or not user.has_usable_password():
        return False
    context = {
        "user": user,
        "link": settings.SITE_URL
        + reverse(
            "accounts:password_reset_confirm",
            kwargs={
                "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                "token": default_token_generator.make_token(user),
            },
        ),
        "hours": settings.PASSWORD_RESET_TIMEOUT // 3600,
    }
    send_mail(
        subject=render_to_string("accounts/password_reset_subject.txt", context).strip(),
        message=render_to_string("accounts/password_reset_email.txt", context),
        from_email=None,
        recipient_list=[user.email],
    )
    return True
