from django.conf import settings
from django.db import IntegrityError, transaction

from accounts.cedula import CedulaError, normalize
from accounts.events import UserErased, UserRegistered
from accounts.models import User
from accounts.names import PersonNameError, clean_person_name
from core import event_store, personal_data
from core.event_store import Metadata
from core.events import subject_name
from core.exceptions import ApplicationError

DUPLICATE_CEDULA_MESSAGE = "Ya existe una cuenta con esta cédula."


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
