from datetime import datetime

from django.conf import settings
from django.db.models import Q

from core.models import OutboxMessage, OutboxStatus, StoredEvent
from verification.events import STREAM_TYPE, CedulaVerificationRequested
from verification.models import CedulaInfo, TransitionLog
from verification.states import CedulaStatus, Transition


def cedula_info_get_for_user(*, user) -> CedulaInfo | None:
    return CedulaInfo.objects.filter(user=user).first()


def cedula_info_timeline(*, cedula_info: CedulaInfo) -> list[TransitionLog]:
    return list(cedula_info.transitions.order_by("position"))


def cedula_info_refreshes_since(*, cedula_info_id: int, since: datetime) -> int:
    """Re-checks the person asked for (support re-checks don't count against their limit)."""
    return TransitionLog.objects.filter(
        cedula_info_id=cedula_info_id, transition=Transition.REFRESH, actor__startswith="user:", created_at__gte=since
    ).count()


def cedula_info_list_retry_due(*, now: datetime) -> list[int]:
    return list(
        CedulaInfo.objects.filter(
            status__in=[CedulaStatus.ERROR, CedulaStatus.BLOCKED],
            next_retry_at__lte=now,
            attempts__lt=settings.VERIFICATION_MAX_ATTEMPTS,
        )
        .order_by("next_retry_at")
        .values_list("pk", flat=True)[:500]
    )


def cedula_info_list_stuck(*, stuck_before: datetime) -> list[int]:
    return list(
        CedulaInfo.objects.filter(status=CedulaStatus.PENDING, requested_at__lt=stuck_before)
        .order_by("requested_at")
        .values_list("pk", flat=True)[:500]
    )


def cedula_info_request_in_flight(*, info: CedulaInfo) -> bool:
    """Whether the current request's lookup delivery is still queued or running (not lost)."""
    event = (
        StoredEvent.objects.filter(
            stream_type=STREAM_TYPE, stream_id=str(info.pk), event_type=CedulaVerificationRequested.TYPE
        )
        .order_by("-version")
        .first()
    )
    if event is None or event.payload.get("request_id") != str(info.request_id):
        return False
    return OutboxMessage.objects.filter(
        Q(status=OutboxStatus.PENDING) | Q(status=OutboxStatus.DISPATCHED), event=event
    ).exists()
