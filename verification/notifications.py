"""Mail to the person when their check ends: once per result, never twice for one event.

The consumers of `CedulaVerificationCompleted` and of a `CedulaVerificationFailed` that waits for
support staff (no automatic retry planned) call `cedula_result_mail`. It takes a `ResultMail` row for
the event before asking the SMTP server, so a redelivered event finds the row and sends nothing; a
send that failed removes the row (the redelivery tries again); a worker that died during the send
leaves the row `sending`, and that mail is not sent again (it may have gone). A result the same as
the last one mailed (a re-check that changed nothing) is not mailed; a changed one is.
"""

import logging
import uuid
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from verification.models import CedulaInfo, ResultMail, ResultMailStatus
from verification.states import CedulaStatus

logger = logging.getLogger(__name__)

MAILED_RESULTS = frozenset(
    {CedulaStatus.ACTIVE, CedulaStatus.CANCELLED, CedulaStatus.NOT_FOUND, CedulaStatus.ERROR, CedulaStatus.BLOCKED}
)


def _skip_reason(info: CedulaInfo | None, *, result: str) -> str:
    if info is None or info.user is None or info.status == CedulaStatus.ERASED:
        return "erased"
    if not info.user.is_active or not info.user.email:
        return "inactive"
    if info.user.awaits_email_confirmation:
        return "unconfirmed"  # no census answer goes to an address nobody proved to read
    if info.status != result:
        return "superseded"  # the record moved on since this event: its own event mails it
    last = (
        ResultMail.objects.filter(cedula_info=info)
        .exclude(status=ResultMailStatus.SKIPPED)
        .order_by("-created_at")
        .values_list("result", flat=True)
        .first()
    )
    if last == result:
        return "same_result"
    return ""


def cedula_result_mail(*, cedula_info_id: int, event_id: uuid.UUID, result: str) -> str:
    """Mail the person the result `event_id` left their record in (Spanish, cédula masked, a link to
    their page, no census detail in the mail). Returns the ResultMail status: `sent`, `skipped`, or
    what an earlier delivery of the same event left."""
    if result not in MAILED_RESULTS:
        raise ValueError(f"no result mail for state {result!r}")
    with transaction.atomic():
        # Locked alone: on PostgreSQL a row lock cannot reach the nullable side of the join to the person.
        info = CedulaInfo.objects.select_for_update().filter(pk=cedula_info_id).first()
        existing = ResultMail.objects.filter(event_id=event_id).values_list("status", flat=True).first()
        if existing is not None:
            return existing  # a redelivery: this event was handled
        why = _skip_reason(info, result=result)
        ResultMail.objects.create(
            event_id=event_id,
            cedula_info_id=cedula_info_id,
            result=result,
            status=ResultMailStatus.SKIPPED if why else ResultMailStatus.SENDING,
            why=why,
            created_at=timezone.now(),
        )
        if why:
            return ResultMailStatus.SKIPPED
        assert info is not None and info.user is not None  # _skip_reason said so
        user = info.user
        context = {
            "nombres": user.nombres,
            "cedula_masked": user.cedula_masked,
            "result": result,
            "label": CedulaStatus(result).label,
            "link": settings.SITE_URL + reverse("accounts:home"),
        }
        to = user.email
    message = EmailMessage(
        subject=render_to_string("verification/result_subject.txt", context).strip(),
        body=render_to_string("verification/result_email.txt", context),
        to=[to],
        headers={"Message-ID": f"<result-{event_id}@{urlsplit(settings.SITE_URL).hostname or 'localhost'}>"},
    )
    try:
        message.send()
    except Exception:
        ResultMail.objects.filter(event_id=event_id, status=ResultMailStatus.SENDING).delete()
        raise  # not sent: the delivery fails and its retry sends it
    ResultMail.objects.filter(event_id=event_id).update(status=ResultMailStatus.SENT, sent_at=timezone.now())
    return ResultMailStatus.SENT
