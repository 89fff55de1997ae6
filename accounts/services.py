from django.db import IntegrityError, transaction

from accounts.cedula import CedulaError, normalize
from accounts.events import UserErased, UserRegistered
from accounts.models import User
from core import event_store, personal_data
from core.event_store import Metadata
from core.events import subject_name
from core.exceptions import ApplicationError

DUPLICATE_CEDULA_MESSAGE = "Ya existe una cuenta con esta cédula."


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
    try:
        with transaction.atomic():
            if User.objects.filter(cedula=cedula).exists():
                raise ApplicationError(DUPLICATE_CEDULA_MESSAGE, code="cedula_taken", field="cedula")
            user = User(cedula=cedula, nombres=nombres.strip(), apellidos=apellidos.strip())
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
    event_store.append(stream_id=user_id, events=[UserErased(user_id=user_id)], metadata=Metadata.new(actor=actor))
    personal_data.erase_subject(subject=subject_name("user_id", user_id), user_id=user_id, actor=actor)
    User.objects.filter(pk=user_id).delete()
