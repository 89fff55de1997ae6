import logging
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import authenticate
from django.contrib.auth.hashers import make_password
from django.contrib.auth.tokens import default_token_generator
from django.core import signing
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode

from accounts.cedula import CedulaError, normalize
from accounts.events import (
    CedulaClaimDecided,
    CedulaClaimFiled,
    EmailChanged,
    EmailChangeRequested,
    EmailConfirmationRequested,
    EmailConfirmed,
    PasswordChanged,
    PasswordResetRequested,
    RegistrationForTakenCedula,
    UserErased,
    UserRegistered,
)
from accounts.models import CedulaClaim, CedulaClaimStatus, User
from accounts.names import PersonNameError, clean_person_name
from accounts.proof_of_work import pow_challenge_create, pow_level_clamp, pow_solution_level
from accounts.throttle import (
    confirmation_mail_allowed,
    login_pow_level,
    login_record_failure,
    login_record_success,
    network_key,
    password_reset_mail_allowed,
    registration_prefixes,
    release_slot,
    slots_held,
    take_slot,
)
from accounts.tokens import email_change_tokens, email_confirmation_tokens
from core import event_store, personal_data
from core.event_store import Metadata
from core.events import DomainEvent, subject_name
from core.exceptions import ApplicationError
from core.models import StoredEvent

logger = logging.getLogger(__name__)

DUPLICATE_CEDULA_MESSAGE = "Ya existe una cuenta con esta cédula."
INVALID_LOGIN_MESSAGE = "Cédula o contraseña incorrecta."
POW_REQUIRED_MESSAGE = (
    "Hubo varios intentos fallidos desde su red. Por seguridad, espere a que su navegador termine la "
    "comprobación automática y vuelva a escribir su contraseña."
)
LOGIN_PURPOSE = "login"


REGISTRATION_PURPOSE = "registro"
REGISTRATION_POW_MESSAGE = (
    "Estamos recibiendo muchos registros. Por seguridad, espere a que su navegador termine la comprobación "
    "automática y vuelva a escribir su contraseña."
)
REGISTRATION_LIMITED_MESSAGE = "Se crearon muchas cuentas desde su red en la última hora. Inténtelo de nuevo más tarde."
REGISTRATION_BUSY_MESSAGE = (
    "En este momento hay demasiados registros pendientes de confirmar. Inténtelo de nuevo en unos minutos."
)
INVALID_CLAIM_LINK_MESSAGE = "Este enlace para reclamar la cédula no vale: venció o está incompleto."
ALREADY_CONFIRMED_MESSAGE = "Su correo ya está confirmado. Ingrese con su cédula y su contraseña."
INVALID_CONFIRMATION_MESSAGE = (
    "Este enlace de confirmación no vale: venció, ya no corresponde a su correo o está incompleto. "
    "Ingrese y pida uno nuevo."
)


class ProofOfWorkRequired(ApplicationError):
    """The attempt must bring a proof of work of at least `level`; `challenge` is a fresh one."""

    def __init__(self, *, level: int, purpose: str = LOGIN_PURPOSE, message: str = POW_REQUIRED_MESSAGE) -> None:
        super().__init__(message, code="pow_required")
        self.level = level
        self.challenge = pow_challenge_create(level=level, purpose=purpose)


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


def _clean_names(*, nombres: str, apellidos: str) -> dict[str, str]:
    """Both names cleaned (`clean_person_name`), or ApplicationError naming the field."""
    names: dict[str, str] = {}
    for field, value in (("nombres", nombres), ("apellidos", apellidos)):
        try:
            names[field] = clean_person_name(value)
        except PersonNameError as exc:
            raise ApplicationError(str(exc), code="name_invalid", field=field) from exc
    return names


def user_register(
    *,
    cedula: str,
    nombres: str,
    apellidos: str,
    email: str,
    password: str,
    actor: str | None = None,
    email_vouched_by: str | None = None,
    source: str = "",
) -> User:
    """Create a person's account and record `UserRegistered` (with its outbox deliveries).

    The user row, the events and the deliveries commit together or not at all. The cédula is
    normalised here; duplicates raise ApplicationError. `actor`: who registered them (default: the
    person; "staff:<id>" from the admin). The address must be confirmed before anything is looked
    up: a confirmation link is mailed (`EmailConfirmationRequested`), unless `email_vouched_by`
    (staff, registering someone in person) confirms it at once (`EmailConfirmed`, method "staff").
    `source`: the keyed hash of the network the person registered from (their lookups take turns
    with other networks'), blank for staff and scripts.
    """
    try:
        cedula = normalize(cedula)
    except CedulaError as exc:
        raise ApplicationError(str(exc), code="cedula_invalid", field="cedula") from exc
    names = _clean_names(nombres=nombres, apellidos=apellidos)
    try:
        with transaction.atomic():
            if User.objects.filter(cedula=cedula).exists():
                raise ApplicationError(DUPLICATE_CEDULA_MESSAGE, code="cedula_taken", field="cedula")
            user = User(cedula=cedula, nombres=names["nombres"], apellidos=names["apellidos"])
            user.email = User.objects.normalize_email(email)
            user.email_confirmation_required = True
            user.registration_source = source
            if email_vouched_by:
                user.email_confirmed_at = timezone.now()
            user.set_password(password)
            user.save()
            then: DomainEvent = (
                EmailConfirmed(user_id=user.pk, method="staff")
                if email_vouched_by
                else EmailConfirmationRequested(user_id=user.pk)
            )
            event_store.append(
                stream_id=user.pk,
                events=[UserRegistered(user_id=user.pk, awaits_email_confirmation=True), then],
                metadata=Metadata.new(actor=actor or f"user:{user.pk}"),
                expected_version=0,
            )
    except IntegrityError as exc:
        # Two registrations of one cédula raced past the check: the unique index decides.
        raise ApplicationError(DUPLICATE_CEDULA_MESSAGE, code="cedula_taken", field="cedula") from exc
    return user


def user_registration_submit(
    *, cedula: str, nombres: str, apellidos: str, email: str, password: str, client_ip: str, pow_payload: str | None
) -> None:
    """A person's registration form. The answer is the same whether or not the cédula has an account:
    a new account gets a confirmation link by mail; for a cédula that has one, nothing is created and
    the address given is told by mail what to do (`RegistrationForTakenCedula`). Malformed input still
    raises its ApplicationError (it says nothing about anyone). Limited per address and per network,
    with a proof of work under load, and by a global cap on accounts waiting for their confirmation
    (ProofOfWorkRequired / ApplicationError code "registration_limited")."""
    registration_admit(client_ip=client_ip, pow_payload=pow_payload)
    try:
        user_register(
            cedula=cedula,
            nombres=nombres,
            apellidos=apellidos,
            email=email,
            password=password,
            source=network_key(client_ip),
        )
    except ApplicationError as exc:
        if exc.code != "cedula_taken":
            raise
        make_password(password)  # the same work as a new account: the time of the answer says nothing
        with transaction.atomic():
            existing = User.objects.filter(cedula=normalize(cedula)).first()
            if existing is not None:
                event_store.append(
                    stream_id=existing.pk,
                    events=[RegistrationForTakenCedula(user_id=existing.pk, email=User.objects.normalize_email(email))],
                    metadata=Metadata.new(actor="anonymous"),
                )


def _unconfirmed_count() -> int:
    """Accounts waiting for their confirmation (an index on the flag keeps this a range count)."""
    return User.objects.filter(
        email_confirmation_required=True,
        email_confirmed_at__isnull=True,
        date_joined__gte=timezone.now() - timedelta(hours=settings.ACCOUNTS_CONFIRMATION_HOURS),
    ).count()


def registration_admit(*, client_ip: str, pow_payload: str | None) -> None:
    """Let one more registration in from `client_ip`, or raise why not.

    Each admitted registration holds a slot of its address and one of its network for an hour
    (`take_slot`: exact under concurrency, whatever the cache). The network's first
    ACCOUNTS_REGISTRATIONS_FREE_PER_NETWORK slots are free; each further one asks a proof of work one
    level higher, and so does every slot once half of ACCOUNTS_UNCONFIRMED_CAP accounts wait for their
    confirmation. A refused attempt gives its slots back."""
    unconfirmed = _unconfirmed_count()
    if unconfirmed >= settings.ACCOUNTS_UNCONFIRMED_CAP:
        logger.warning("registration refused: %s accounts wait for their confirmation (the cap)", unconfirmed)
        raise ApplicationError(REGISTRATION_BUSY_MESSAGE, code="registration_limited")
    ip_prefix, net_prefix = registration_prefixes(client_ip)
    ip_slot = take_slot(ip_prefix, limit=settings.ACCOUNTS_REGISTRATIONS_PER_ADDRESS, window=3600)
    if ip_slot is None:
        raise ApplicationError(REGISTRATION_LIMITED_MESSAGE, code="registration_limited")
    net_slot = take_slot(net_prefix, limit=settings.ACCOUNTS_REGISTRATIONS_PER_NETWORK, window=3600)
    if net_slot is None:
        release_slot(ip_prefix, ip_slot)
        raise ApplicationError(REGISTRATION_LIMITED_MESSAGE, code="registration_limited")
    required = _registration_level(net_slot, unconfirmed=unconfirmed)
    if required and pow_solution_level(payload=pow_payload, purpose=REGISTRATION_PURPOSE) < required:
        release_slot(ip_prefix, ip_slot)
        release_slot(net_prefix, net_slot)
        raise ProofOfWorkRequired(level=required, purpose=REGISTRATION_PURPOSE, message=REGISTRATION_POW_MESSAGE)


def _registration_level(net_slot: int, *, unconfirmed: int) -> int:
    level = net_slot - settings.ACCOUNTS_REGISTRATIONS_FREE_PER_NETWORK
    if unconfirmed * 2 >= settings.ACCOUNTS_UNCONFIRMED_CAP:
        level = max(level, 1)
    return pow_level_clamp(level)


def registration_pow_level(*, client_ip: str) -> int:
    """The proof of work the next registration from `client_ip` will be asked for (for the form)."""
    _, net_prefix = registration_prefixes(client_ip)
    held = slots_held(net_prefix, limit=settings.ACCOUNTS_REGISTRATIONS_PER_NETWORK)
    return _registration_level(held + 1, unconfirmed=_unconfirmed_count())


def registration_challenge(*, client_ip: str) -> str | None:
    level = registration_pow_level(client_ip=client_ip)
    return pow_challenge_create(level=level, purpose=REGISTRATION_PURPOSE) if level else None


def _confirmation_link(user: User) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = email_confirmation_tokens.make_token(user)
    site: str = settings.SITE_URL
    return site + reverse("accounts:email_confirm", kwargs={"uidb64": uid, "token": token})


def user_email_confirm(*, uidb64: str, token: str) -> User:
    """The person opened their confirmation link: their address is confirmed (`EmailConfirmed`, which
    causes their first lookup) and the caller may log them in. A link opened again, wrong, expired or
    for an address that changed raises ApplicationError (code "already_confirmed" or
    "confirmation_invalid") and confirms nobody."""
    try:
        user_id = int(urlsafe_base64_decode(uidb64).decode())
    except (ValueError, UnicodeDecodeError):
        user_id = None
    with transaction.atomic():
        user = User.objects.select_for_update().filter(pk=user_id, is_active=True).first() if user_id else None
        if user is not None and not user.awaits_email_confirmation:
            # Confirmed already (this link, or another): nothing to do, and no login from a used link.
            raise ApplicationError(ALREADY_CONFIRMED_MESSAGE, code="already_confirmed")
        if user is None or not email_confirmation_tokens.check_token(user, token):
            raise ApplicationError(INVALID_CONFIRMATION_MESSAGE, code="confirmation_invalid")
        user.email_confirmed_at = timezone.now()
        user.save(update_fields=["email_confirmed_at"])
        event_store.append(
            stream_id=user.pk,
            events=[EmailConfirmed(user_id=user.pk, method="link")],
            metadata=Metadata.new(actor=f"user:{user.pk}"),
        )
    return user


def _confirmation_mail_allowed_or_refuse(*, user_id: int) -> None:
    """At most ACCOUNTS_CONFIRMATION_MAILS_PER_HOUR links an hour to one account (a confirmation or a
    new address): past that, a Spanish refusal."""
    if not confirmation_mail_allowed(user_id=user_id):
        raise ApplicationError(
            "Ya le enviamos varios correos hace poco. Revise también la carpeta de correo no deseado.",
            code="confirmation_throttled",
        )


def user_email_confirmation_resend(*, user: User) -> None:
    """The person asks for their confirmation link again (at most ACCOUNTS_CONFIRMATION_MAILS_PER_HOUR)."""
    if not user.awaits_email_confirmation:
        raise ApplicationError("Su correo ya está confirmado.", code="already_confirmed")
    _confirmation_mail_allowed_or_refuse(user_id=user.pk)
    with transaction.atomic():
        event_store.append(
            stream_id=user.pk,
            events=[EmailConfirmationRequested(user_id=user.pk)],
            metadata=Metadata.new(actor=f"user:{user.pk}"),
        )


def user_email_confirmation_mail(*, user_id: int) -> bool:
    """Mail the account its confirmation link (Spanish, cédula masked). False when there is nothing to
    confirm any more (erased, confirmed meanwhile)."""
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None or not user.awaits_email_confirmation:
        return False
    context = {"user": user, "link": _confirmation_link(user), "hours": settings.ACCOUNTS_CONFIRMATION_HOURS}
    _send("accounts/email_confirmation", context, to=user.email)
    return True


def user_taken_cedula_mail(*, user_id: int, email: str, attempt_id: uuid.UUID) -> bool:
    """Tell an address that its registration found the cédula taken: how to get in if the account is
    theirs, and that they may claim the cédula if it is theirs and the account is not."""
    user = User.objects.filter(pk=user_id).first()
    if user is None or not email:
        return False  # erased since: the address was erased with it
    context = {
        "cedula_masked": user.cedula_masked,
        "login": settings.SITE_URL + reverse("accounts:login"),
        "reset": settings.SITE_URL + reverse("accounts:password_reset"),
        "claim": claim_link(attempt_id=attempt_id),
        "hours": settings.ACCOUNTS_CLAIM_LINK_HOURS,
    }
    _send("accounts/taken_cedula", context, to=email)
    return True


def _send(template: str, context: dict[str, object], *, to: str) -> None:
    send_mail(
        subject=render_to_string(f"{template}_subject.txt", context).strip(),
        message=render_to_string(f"{template}_email.txt", context),
        from_email=None,
        recipient_list=[to],
    )


def user_unconfirmed_purge(*, now: datetime | None = None) -> int:
    """Erase accounts whose address was never confirmed within ACCOUNTS_CONFIRMATION_HOURS (a typo
    or a squatter must not hold a cédula): the cédula is free to register again. The sweeper calls it."""
    now = now or timezone.now()
    stale = User.objects.filter(
        email_confirmation_required=True,
        email_confirmed_at__isnull=True,
        is_staff=False,
        date_joined__lt=now - timedelta(hours=settings.ACCOUNTS_CONFIRMATION_HOURS),
    ).order_by("pk")[:200]
    erased = 0
    for user in stale:
        user_erase(user=user, actor="system")
        erased += 1
    return erased


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
    active account with that address confirmed and a usable password (a consumer mails the links). Returns how
    many; the caller answers the same whatever it is. Throttled per address and per network."""
    if not password_reset_mail_allowed(email=email, client_ip=client_ip):
        logger.info("password reset: throttled for a network or an address; nothing sent")
        return 0
    # Only a confirmed address gets a link: an address nobody proved to read cannot take an account.
    users = [
        u
        for u in User.objects.filter(email__iexact=email.strip(), is_active=True, email_confirmed_at__isnull=False)
        if u.has_usable_password()
    ]
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
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    link = settings.SITE_URL + reverse("accounts:password_reset_confirm", kwargs={"uidb64": uid, "token": token})
    context = {"user": user, "link": link, "hours": settings.PASSWORD_RESET_TIMEOUT // 3600}
    _send("accounts/password_reset", context, to=user.email)
    return True


# --- "Esta cédula es mía": claims -------------------------------------------------------------
CLAIM_SALT = "pagina-madre.accounts.cedula-claim"


def claim_link(*, attempt_id: uuid.UUID) -> str:
    """The link, mailed to an address whose registration found the cédula taken, to claim it. It
    names the attempt (`RegistrationForTakenCedula`'s event id), signed: the link proves the claimant
    reads that address, and carries neither the address nor the cédula (it ends up in access logs).
    Valid ACCOUNTS_CLAIM_LINK_HOURS."""
    token = signing.dumps(str(attempt_id), salt=CLAIM_SALT)
    site: str = settings.SITE_URL
    return site + reverse("accounts:claim", kwargs={"token": token})


@dataclass(frozen=True)
class ClaimTicket:
    """What a valid claim link says: the account that holds the cédula and the claimant's address."""

    holder: User
    email: str


def claim_ticket_read(*, token: str) -> ClaimTicket:
    """The claim link's content, or ApplicationError when it is forged, expired or its cédula's
    account is gone (nothing to claim any more: the cédula can be registered)."""
    try:
        attempt_id = uuid.UUID(signing.loads(token, salt=CLAIM_SALT, max_age=settings.ACCOUNTS_CLAIM_LINK_HOURS * 3600))
    except (signing.BadSignature, TypeError, ValueError) as exc:
        raise ApplicationError(INVALID_CLAIM_LINK_MESSAGE, code="claim_link_invalid") from exc
    row = StoredEvent.objects.filter(event_id=attempt_id, event_type=RegistrationForTakenCedula.TYPE).first()
    attempt = event_store.to_envelope(row).event if row is not None else None
    holder = (
        User.objects.filter(pk=attempt.user_id).first() if isinstance(attempt, RegistrationForTakenCedula) else None
    )
    if holder is None or not isinstance(attempt, RegistrationForTakenCedula) or not attempt.email:
        # The account was erased since (its key too, and with it the attempt's address).
        raise ApplicationError("Esa cuenta ya no existe: puede registrar la cédula de nuevo.", code="claim_holder_gone")
    return ClaimTicket(holder=holder, email=attempt.email)


def cedula_claim_file(*, token: str, nombres: str, apellidos: str, password: str, statement: str) -> CedulaClaim:
    """File a claim from its link (`CedulaClaimFiled`). One open claim per cédula and address."""
    ticket = claim_ticket_read(token=token)
    statement = statement.strip()
    if not statement:
        raise ApplicationError("Cuéntenos por qué la cédula es suya.", code="statement_required", field="statement")
    names = _clean_names(nombres=nombres, apellidos=apellidos)
    try:
        with transaction.atomic():
            claim = CedulaClaim.objects.create(
                cedula=ticket.holder.cedula,
                holder=ticket.holder,
                nombres=names["nombres"],
                apellidos=names["apellidos"],
                email=ticket.email,
                password=make_password(password),
                statement=statement[:2000],
            )
            event_store.append(
                stream_id=claim.pk,
                events=[CedulaClaimFiled(claim_id=claim.pk, holder_id=ticket.holder.pk)],
                metadata=Metadata.new(actor="anonymous"),
                expected_version=0,
            )
    except IntegrityError as exc:
        raise ApplicationError(
            "Ya recibimos su reclamo de esta cédula; el equipo de soporte le escribirá.", code="claim_open"
        ) from exc
    return claim


@transaction.atomic
def cedula_claim_decide(*, claim_id: int, staff_user: User, decision: str, reason: str) -> CedulaClaim:
    """Support staff decide an open claim (permission-gated, reason required; `CedulaClaimDecided`).

    "transfer": the account holding the cédula is erased (a habeas-data erasure by staff) and the
    claimant's account opened with it, their address confirmed by the claim link (so their cédula is
    looked up at once). "reject": the claim is closed. The claimant is mailed either way."""
    if not staff_user.has_perm("accounts.decide_cedulaclaim"):
        raise PermissionError("not allowed to decide claims")
    reason = (reason or "").strip()
    if not reason:
        raise ApplicationError("Escriba el motivo de la decisión.", code="reason_required", field="reason")
    if decision not in ("transfer", "reject"):
        raise ApplicationError("Elija aprobar o rechazar.", code="decision_invalid", field="decision")
    claim = CedulaClaim.objects.select_for_update().filter(pk=claim_id).first()
    if claim is None:
        raise ApplicationError("Ese reclamo no existe.", code="claim_missing")
    if claim.status != CedulaClaimStatus.OPEN:
        raise ApplicationError("Ese reclamo ya fue decidido.", code="claim_decided")
    actor = f"staff:{staff_user.pk}"
    holder_id = claimant_id = 0
    if decision == "transfer":
        holder = User.objects.filter(cedula=claim.cedula).first()
        if holder is not None:
            holder_id = holder.pk
            user_erase(user=holder, actor=actor)
        claimant = _claimant_account(claim, actor=actor)
        claimant_id = claimant.pk
        claim.status = CedulaClaimStatus.TRANSFERRED
    else:
        claim.status = CedulaClaimStatus.REJECTED
    claim.decided_by, claim.decided_at, claim.decision_reason = staff_user, timezone.now(), reason[:300]
    claim.save(update_fields=["status", "decided_by", "decided_at", "decision_reason"])
    event_store.append(
        stream_id=claim.pk,
        events=[
            CedulaClaimDecided(
                claim_id=claim.pk, decision=decision, reason=reason[:300], holder_id=holder_id, claimant_id=claimant_id
            )
        ],
        metadata=Metadata.new(actor=actor),
    )
    return claim


def _claimant_account(claim: CedulaClaim, *, actor: str) -> User:
    """The claimant's account, as a registration would make it (the password they chose when filing;
    the address confirmed by the claim link)."""
    user = User(cedula=claim.cedula, nombres=claim.nombres, apellidos=claim.apellidos, email=claim.email)
    user.password = claim.password
    user.email_confirmation_required = True
    user.email_confirmed_at = timezone.now()
    user.save()
    event_store.append(
        stream_id=user.pk,
        events=[
            UserRegistered(user_id=user.pk, awaits_email_confirmation=True),
            EmailConfirmed(user_id=user.pk, method="claim"),
        ],
        metadata=Metadata.new(actor=actor),
        expected_version=0,
    )
    return user


def cedula_claim_decision_mail(*, claim_id: int) -> bool:
    """Tell the claimant what support decided (Spanish)."""
    claim = CedulaClaim.objects.filter(pk=claim_id).first()
    if claim is None or claim.status == CedulaClaimStatus.OPEN:
        return False
    context = {
        "claim": claim,
        "transferred": claim.status == CedulaClaimStatus.TRANSFERRED,
        "login": settings.SITE_URL + reverse("accounts:login"),
    }
    _send("accounts/claim_decided", context, to=claim.email)
    return True


# --- The person's account page: a new e-mail (confirmed before it is used), a new password --------
EMAIL_CHANGE_WRONG_PASSWORD = "La contraseña no es correcta."  # noqa: S105 (a message, not a password)
EMAIL_CHANGE_INVALID = "El enlace para cambiar su correo no es válido o ya venció. Pídalo de nuevo desde su cuenta."


def user_email_change_request(*, user: User, new_email: str, password: str) -> None:
    """The person asks to use `new_email` (their password proves it is them): a link goes to it
    (`EmailChangeRequested`); `email` stays in use until the link is opened. A second request
    replaces the first (its link stops working)."""
    new_email = User.objects.normalize_email(new_email.strip())
    if not user.check_password(password):
        raise ApplicationError(EMAIL_CHANGE_WRONG_PASSWORD, code="wrong_password")
    if new_email.lower() == user.email.lower():
        raise ApplicationError("Ese ya es su correo.", code="same_email")
    _confirmation_mail_allowed_or_refuse(user_id=user.pk)
    with transaction.atomic():
        User.objects.filter(pk=user.pk).update(pending_email=new_email)
        user.pending_email = new_email
        event_store.append(
            stream_id=user.pk,
            events=[EmailChangeRequested(user_id=user.pk)],
            metadata=Metadata.new(actor=f"user:{user.pk}"),
        )


def user_email_change_mail(*, user_id: int) -> bool:
    """Mail the new address its link (Spanish, cédula masked). False when there is nothing to confirm
    any more (erased, confirmed or replaced meanwhile: a replaced one has its own event)."""
    user = User.objects.filter(pk=user_id, is_active=True).exclude(pending_email="").first()
    if user is None:
        return False
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = email_change_tokens.make_token(user)
    link = settings.SITE_URL + reverse("accounts:email_change_confirm", kwargs={"uidb64": uid, "token": token})
    context = {"user": user, "link": link, "hours": settings.ACCOUNTS_CONFIRMATION_HOURS}
    _send("accounts/email_change", context, to=user.pending_email)
    return True


def user_email_change_confirm(*, uidb64: str, token: str) -> User:
    """The person opened the link mailed to their new address: it replaces the old one, confirmed
    (`EmailChanged`, whose consumer tells the old address). A wrong, expired, used or replaced link
    raises ApplicationError (code "email_change_invalid") and changes nothing."""
    try:
        user_id = int(urlsafe_base64_decode(uidb64).decode())
    except (ValueError, UnicodeDecodeError):
        user_id = None
    with transaction.atomic():
        user = User.objects.select_for_update().filter(pk=user_id, is_active=True).first() if user_id else None
        if user is None or not user.pending_email or not email_change_tokens.check_token(user, token):
            raise ApplicationError(EMAIL_CHANGE_INVALID, code="email_change_invalid")
        previous = user.email
        user.email, user.pending_email, user.email_confirmed_at = user.pending_email, "", timezone.now()
        user.save(update_fields=["email", "pending_email", "email_confirmed_at"])
        event_store.append(
            stream_id=user.pk,
            events=[EmailChanged(user_id=user.pk, previous_email=previous)],
            metadata=Metadata.new(actor=f"user:{user.pk}"),
        )
    return user


def user_email_changed_mail(*, user_id: int, previous_email: str) -> bool:
    """Tell the previous address that the account now uses another one (not which)."""
    user = User.objects.filter(pk=user_id).first()
    if user is None or not previous_email:
        return False  # erased since (the previous address went with its key)
    context = {"user": user, "reset": settings.SITE_URL + reverse("accounts:password_reset")}
    _send("accounts/email_changed", context, to=previous_email)
    return True


def user_password_change(*, user: User, new_password: str) -> None:
    """Set the person's new password (the caller checked the old one and the validators: Django's
    PasswordChangeForm) and record `PasswordChanged`, whose consumer tells their address. Their other
    sessions end (the session hash changes); the caller keeps the current one."""
    with transaction.atomic():
        user.set_password(new_password)
        user.save(update_fields=["password"])
        event_store.append(
            stream_id=user.pk,
            events=[PasswordChanged(user_id=user.pk)],
            metadata=Metadata.new(actor=f"user:{user.pk}"),
        )


def user_password_changed_mail(*, user_id: int) -> bool:
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return False
    context = {"user": user, "reset": settings.SITE_URL + reverse("accounts:password_reset")}
    _send("accounts/password_changed", context, to=user.email)
    return True
