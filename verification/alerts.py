"""Staff alerts: conditions support staff must know about without watching the console.

The sweeper calls `staff_alerts_evaluate` every minute. A condition that begins opens an episode
(`StaffAlert` row + `StaffAlertRaised`, in one transaction); its consumer mails the support staff
once (the row's mail claim makes a redelivery send nothing); the console shows a banner while the
episode is open; the condition's end closes it (`StaffAlertCleared`). Conditions:

- failure_rate: of the last VERIFICATION_ALERT_WINDOW lookups, at least VERIFICATION_ALERT_FAILURE_RATE
  failed or were blocked (once VERIFICATION_ALERT_MIN_SAMPLES are there); it clears below 80 % of that
  rate, so a rate hovering at the threshold is one episode, not one per minute;
- breaker_open: a site's circuit breaker is open;
- captcha_budget_low: today's captcha budget is down to VERIFICATION_ALERT_BUDGET_LEFT_FRACTION;
- pending_overdue: the oldest pending check is older than VERIFICATION_PENDING_DEADLINE_SECONDS.
"""

import logging
from datetime import datetime

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Min, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from core import event_store
from core.event_store import Metadata
from verification.events import StaffAlertCleared, StaffAlertRaised
from verification.models import CedulaInfo, StaffAlert, TransitionLog
from verification.states import CedulaStatus, Transition

logger = logging.getLogger(__name__)

TITLES = {
    "failure_rate": "Muchas consultas fallan o son bloqueadas",
    "breaker_open": "Un sitio de la Registraduría está en pausa (cortacircuitos abierto)",
    "captcha_budget_low": "Queda poco presupuesto de captcha para hoy",
    "pending_overdue": "Hay verificaciones pendientes que pasaron su plazo",
}
SUPPORT_GROUP = "Soporte"
LOOKUP_ENDS = (
    Transition.COMPLETE_ACTIVE,
    Transition.COMPLETE_CANCELLED,
    Transition.COMPLETE_NOT_FOUND,
    Transition.FAIL_ERROR,
    Transition.FAIL_BLOCKED,
)


def _failure_rate(*, is_open: bool) -> str | None:
    window = settings.VERIFICATION_ALERT_WINDOW
    recent = list(
        TransitionLog.objects.filter(transition__in=LOOKUP_ENDS)
        .order_by("-position")
        .values_list("transition", flat=True)[:window]
    )
    if len(recent) < settings.VERIFICATION_ALERT_MIN_SAMPLES:
        return None
    failed = sum(t in (Transition.FAIL_ERROR, Transition.FAIL_BLOCKED) for t in recent)
    rate = failed / len(recent)
    threshold = settings.VERIFICATION_ALERT_FAILURE_RATE * (0.8 if is_open else 1.0)
    if rate < threshold:
        return None
    return f"{failed} de las últimas {len(recent)} consultas fallaron o fueron bloqueadas ({rate:.0%})."


def _breaker_open() -> str | None:
    from verification.ops.operations import breaker_states

    sites = sorted(site for site, state in breaker_states().items() if state.get("state") == "open")
    return f"Cortacircuitos abierto en: {', '.join(sites)}." if sites else None


def _captcha_budget_low() -> str | None:
    from verification.registraduria.tokens import captcha_spend

    spend = captcha_spend()
    budget, left = spend["budget"], spend["budget_left"]
    if not budget or left is None or left > budget * settings.VERIFICATION_ALERT_BUDGET_LEFT_FRACTION:
        return None
    return f"Quedan {left:.0f} de {budget:.0f} soluciones de captcha de hoy."


def _pending_overdue(*, now: datetime) -> str | None:
    oldest = CedulaInfo.objects.filter(status=CedulaStatus.PENDING).aggregate(t=Min("requested_at"))["t"]
    if oldest is None:
        return None
    waited = (now - oldest).total_seconds()
    if waited <= settings.VERIFICATION_PENDING_DEADLINE_SECONDS:
        return None
    return f"La verificación pendiente más antigua lleva {waited / 60:.0f} minutos."


def _conditions(*, now: datetime, open_kinds: set[str]) -> dict[str, str | None]:
    return {
        "failure_rate": _failure_rate(is_open="failure_rate" in open_kinds),
        "breaker_open": _breaker_open(),
        "captcha_budget_low": _captcha_budget_low(),
        "pending_overdue": _pending_overdue(now=now),
    }


def staff_alerts_evaluate(*, now: datetime | None = None) -> dict[str, list[str]]:
    """Open an episode for each condition that began, close the ones that ended. Idempotent."""
    now = now or timezone.now()
    open_alerts = {alert.kind: alert for alert in StaffAlert.objects.filter(cleared_at__isnull=True)}
    raised, cleared = [], []
    for kind, detail in _conditions(now=now, open_kinds=set(open_alerts)).items():
        current = open_alerts.get(kind)
        if detail and current is None:
            with transaction.atomic():
                alert = StaffAlert.objects.create(kind=kind, detail=detail[:300], raised_at=now)
                event_store.append(
                    stream_id=alert.pk,
                    events=[StaffAlertRaised(alert_id=alert.pk, kind=kind, detail=alert.detail)],
                    metadata=Metadata.new(actor="system"),
                )
            raised.append(kind)
        elif not detail and current is not None:
            with transaction.atomic():
                if not StaffAlert.objects.filter(pk=current.pk, cleared_at__isnull=True).update(cleared_at=now):
                    continue  # another sweeper closed it
                event_store.append(
                    stream_id=current.pk,
                    events=[StaffAlertCleared(alert_id=current.pk, kind=kind, detail=current.detail)],
                    metadata=Metadata.new(actor="system"),
                )
            cleared.append(kind)
    return {"raised": raised, "cleared": cleared}


def staff_alert_mail(*, alert_id: int) -> bool:
    """Mail the support staff that episode `alert_id` began, once: the claim is taken before the send
    (a redelivery, or a send that may have gone, sends nothing more). False when nothing was sent."""
    now = timezone.now()
    if not StaffAlert.objects.filter(pk=alert_id, mail_claimed_at__isnull=True).update(mail_claimed_at=now):
        return False
    alert = StaffAlert.objects.get(pk=alert_id)
    recipients = sorted(
        set(
            User.objects.filter(is_active=True, email_confirmed_at__isnull=False)
            .filter(Q(is_superuser=True) | Q(is_staff=True, groups__name=SUPPORT_GROUP))
            .exclude(email="")
            .values_list("email", flat=True)
        )
    )
    if not recipients:
        logger.warning("staff alert %s (%s): nobody in the support group to mail", alert.pk, alert.kind)
        return False
    context = {
        "title": TITLES.get(alert.kind, alert.kind),
        "detail": alert.detail,
        "raised_at": alert.raised_at,
        "console": settings.SITE_URL + reverse("verification:console"),
    }
    try:
        EmailMessage(
            subject=render_to_string("verification/staff_alert_subject.txt", context).strip(),
            body=render_to_string("verification/staff_alert_email.txt", context),
            to=recipients,
        ).send()
    except Exception:
        StaffAlert.objects.filter(pk=alert_id).update(mail_claimed_at=None)  # not sent: the retry sends it
        raise
    StaffAlert.objects.filter(pk=alert_id).update(mailed_at=timezone.now())
    return True


def staff_alerts_open() -> list[StaffAlert]:
    """The open episodes, for the console's banner (newest first)."""
    return list(StaffAlert.objects.filter(cleared_at__isnull=True).order_by("-raised_at"))
