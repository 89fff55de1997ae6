"""CedulaInfo and the audit log as projections of the `cedula` streams.

`apply` folds events into plain rows (no I/O) through the model's own transition methods, called
with what each event recorded; replay writes the rows back and `replay --verify` compares them with
the rows the services wrote. The services build each audit row with the same function.
"""

from collections.abc import Iterable
from datetime import datetime
from typing import Any, cast

from django.db import transaction

from core.events import EventEnvelope
from core.projections import Rows, register_projection
from verification.events import (
    STREAM_TYPE,
    CedulaEvent,
    CedulaPersonalDataErased,
    CedulaVerificationCompleted,
    CedulaVerificationFailed,
    CedulaVerificationRequested,
)
from verification.lookup import RESULT_FIELDS
from verification.states import CedulaStatus, Transition

INFO_FIELDS = (
    "user_id",
    "status",
    "version",
    "request_id",
    "requested_at",
    "attempts",
    "last_checked_at",
    "next_retry_at",
    "reason",
    "site",
    *RESULT_FIELDS,
    "evidence",
)
LOG_FIELDS = (
    "cedula_info_id",
    "event_id",
    "position",
    "from_state",
    "to_state",
    "transition",
    "actor",
    "reason",
    "attempt",
    "task_id",
    "correlation_id",
    "causation_id",
    "created_at",
    "duration_ms",
)


def _dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _at(value: str) -> datetime:
    return datetime.fromisoformat(value)


def audit_row_from_envelope(envelope: EventEnvelope) -> dict[str, Any]:
    """The audit-log row for one transition event."""
    event = cast(CedulaEvent, envelope.event)  # a `cedula` stream holds nothing else
    if isinstance(event, CedulaVerificationRequested):
        from_state, to_state, reason, task_id = event.from_state, "pending", event.reason, ""
    elif isinstance(event, CedulaPersonalDataErased):
        from_state, to_state, reason, task_id = event.from_state, event.state, "habeas data", ""
    else:
        from_state, to_state, task_id = "pending", event.outcome, event.task_id
        # A plain answer has no reason; a not-found checked on a second front says how it went.
        reason = "" if event.reason == "ok" else event.reason
    return {
        "cedula_info_id": event.cedula_info_id,
        "event_id": envelope.event_id,
        "position": envelope.position,
        "from_state": from_state,
        "to_state": to_state,
        "transition": event.transition,
        "actor": envelope.actor,
        "reason": reason,
        "attempt": event.attempt,
        "task_id": task_id,
        "correlation_id": envelope.correlation_id,
        "causation_id": envelope.causation_id,
        "created_at": envelope.occurred_at,
        "duration_ms": getattr(event, "duration_ms", None),
    }


def _apply_info(row: dict[str, Any] | None, envelope: EventEnvelope) -> dict[str, Any]:
    """Fold one event into the record's row through the model's own code: the transition method the
    service called, with the arguments the event recorded (the FSM checks each step again, so a log
    that could not have happened fails loudly here)."""
    from verification.models import TRANSITION_METHODS, CedulaInfo

    event = cast(CedulaEvent, envelope.event)  # a `cedula` stream holds nothing else
    if row is None:
        # Every stream starts with the request that creates the record.
        if not (isinstance(event, CedulaVerificationRequested) and event.transition == Transition.REQUEST):
            raise ValueError(f"stream {envelope.stream_id} starts with {event.transition!r}, not a request")
        info = CedulaInfo.opened(
            user_id=event.user_id, request_id=event.request_id, requested_at=_at(event.requested_at)
        )
    else:
        info = CedulaInfo(**row)
        if isinstance(event, CedulaPersonalDataErased):
            if event.state == CedulaStatus.ERASED:
                info.erase()
            elif event.state == event.from_state:
                info.forget_person()  # version 1: erased the data, kept the state
            else:
                raise ValueError(f"erasure from {event.from_state!r} to {event.state!r} cannot have happened")
        else:
            transition = getattr(info, TRANSITION_METHODS[Transition(event.transition)])
            if isinstance(event, CedulaVerificationRequested):
                transition(request_id=event.request_id, requested_at=_at(event.requested_at))
            elif isinstance(event, CedulaVerificationCompleted):
                kwargs: dict[str, Any] = {"fields": event.fields} if event.outcome != "not_found" else {}
                transition(
                    site=event.site,
                    checked_at=_at(event.checked_at),
                    reason=event.reason,
                    evidence=event.evidence,
                    **kwargs,
                )
            elif isinstance(event, CedulaVerificationFailed):
                transition(
                    reason=event.reason,
                    site=event.site,
                    checked_at=_at(event.checked_at),
                    next_retry_at=_dt(event.next_retry_at),
                    evidence=event.evidence,
                )
            else:
                raise TypeError(f"no projection for {type(event).__name__}")
    info.version = envelope.version
    values = {name: getattr(info, name) for name in INFO_FIELDS}
    values["request_id"] = str(values["request_id"])
    return values


class VerificationProjection:
    """Both read models of the `cedula` streams, rebuilt together (the audit log points at CedulaInfo)."""

    name = "verification"
    stream_types: tuple[str, ...] = (STREAM_TYPE,)

    def apply(self, rows: Rows, envelope: EventEnvelope) -> None:
        key = ("cedula_info", int(envelope.stream_id))
        rows[key] = _apply_info(rows.get(key), envelope)
        log = audit_row_from_envelope(envelope)
        rows[("transition_log", str(log["event_id"]))] = log

    def load(self, *, stream_ids: Iterable[str] | None = None) -> Rows:
        from verification.models import CedulaInfo, TransitionLog

        infos = CedulaInfo.objects.all()
        logs = TransitionLog.objects.all()
        if stream_ids is not None:
            ids = [int(s) for s in stream_ids]
            infos, logs = infos.filter(pk__in=ids), logs.filter(cedula_info_id__in=ids)
        rows: Rows = {}
        for values in infos.values("pk", *INFO_FIELDS):
            pk = values.pop("pk")
            values["request_id"] = str(values["request_id"])
            rows[("cedula_info", pk)] = values
        for values in logs.values(*LOG_FIELDS):
            rows[("transition_log", str(values["event_id"]))] = values
        return rows

    def live_stream_ids(self) -> set[str]:
        from verification.models import CedulaInfo, TransitionLog

        infos = CedulaInfo.objects.values_list("pk", flat=True)
        logs = TransitionLog.objects.values_list("cedula_info_id", flat=True).distinct()
        return {str(pk) for pk in infos} | {str(pk) for pk in logs}

    def store(self, rows: Rows, *, stream_ids: Iterable[str] | None = None) -> None:
        from verification.models import CedulaInfo, TransitionLog

        infos = {key[1]: row for key, row in rows.items() if key[0] == "cedula_info"}
        logs = [row for key, row in rows.items() if key[0] == "transition_log"]
        with transaction.atomic():
            log_qs, info_qs = TransitionLog.objects.all(), CedulaInfo.objects.all()
            if stream_ids is not None:
                ids = [int(s) for s in stream_ids]
                log_qs, info_qs = log_qs.filter(cedula_info_id__in=ids), info_qs.filter(pk__in=ids)
            log_qs.rewrite_delete()
            info_qs.exclude(pk__in=list(infos)).delete()
            existing = set(info_qs.filter(pk__in=list(infos)).values_list("pk", flat=True))
            for pk in existing:
                # Replay writes the projection directly: this bypasses the FSM on purpose.
                CedulaInfo.objects.filter(pk=pk).update(**infos[pk])
            new = [CedulaInfo(pk=pk, **row) for pk, row in infos.items() if pk not in existing]
            CedulaInfo.objects.bulk_create(new, batch_size=500)
            TransitionLog.objects.bulk_create([TransitionLog(**row) for row in logs], batch_size=500)


register_projection(VerificationProjection())
