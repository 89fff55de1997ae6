import uuid
from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django_fsm import ConcurrentTransitionMixin, FSMField, transition

from core.models import AppendOnlyModel
from verification.lookup import RESULT_FIELDS
from verification.states import LIVE_STATES, RETRY_SOURCES, CedulaStatus, Transition

S = CedulaStatus


class CedulaInfo(ConcurrentTransitionMixin, models.Model):
    """What the census says about one person's cédula: a projection of the `cedula` event stream.

    Transition methods only change fields; `verification.services` calls them, saves, and appends the
    event and the audit row in the same transaction.
    """

    # Empty once the person erased their account (habeas data): the record stays, anonymous.
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="cedula_info", null=True, blank=True
    )
    status = FSMField("estado", default=S.PENDING, choices=S.choices, protected=True)
    # The event-stream version this row reflects (optimistic concurrency for appends).
    version = models.PositiveIntegerField(default=0)
    # The lookup currently asked for: a result for another request id is stale and ignored.
    request_id = models.UUIDField(default=uuid.uuid4)
    requested_at = models.DateTimeField(default=timezone.now)
    attempts = models.PositiveSmallIntegerField("intentos", default=0)
    last_checked_at = models.DateTimeField("última consulta", null=True, blank=True)
    next_retry_at = models.DateTimeField("próximo reintento", null=True, blank=True)
    reason = models.CharField("motivo", max_length=64, blank=True)
    site = models.CharField("sitio", max_length=32, blank=True)
    # Active voter.
    departamento = models.CharField(max_length=120, blank=True)
    municipio = models.CharField(max_length=120, blank=True)
    zona = models.CharField(max_length=60, blank=True)
    puesto = models.CharField(max_length=200, blank=True)
    direccion = models.CharField("dirección", max_length=200, blank=True)
    mesa = models.CharField(max_length=20, blank=True)
    # Cancelled document.
    novedad = models.CharField(max_length=200, blank=True)
    resolucion = models.CharField("resolución", max_length=100, blank=True)
    fecha_novedad = models.CharField("fecha de la novedad", max_length=40, blank=True)
    # Bounded, redacted summary of the last attempt (front, HTTP status, timings, classification).
    evidence = models.JSONField("evidencia", default=list, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "verificación de cédula"
        verbose_name_plural = "verificaciones de cédula"
        permissions = [("retry_cedulainfo", "Puede reintentar verificaciones bloqueadas o con error")]
        indexes = [
            models.Index(fields=["status", "next_retry_at"], name="verif_status_retry_idx"),
            models.Index(fields=["status", "requested_at"], name="verif_status_requested_idx"),
            # Lookups completed since a moment (solves per completed lookup, in /metrics and the console).
            models.Index(fields=["last_checked_at"], name="verif_last_checked_idx"),
            # ... and which of them ended in a final answer, read from the index alone.
            models.Index(fields=["last_checked_at", "status"], name="verif_checked_status_idx"),
            # The support console's failed records, newest first, walked a page at a time.
            models.Index(
                fields=["updated_at", "id"],
                condition=models.Q(status__in=list(RETRY_SOURCES)),  # error and blocked
                name="verif_failed_recent_idx",
            ),
            # ... and those of one state (the console's status filter).
            models.Index(
                fields=["status", "updated_at", "id"],
                condition=models.Q(status__in=list(RETRY_SOURCES)),  # error and blocked
                name="verif_failed_state_recent_idx",
            ),
        ]

    if TYPE_CHECKING:
        # django-fsm-2 decorates ConcurrentTransitionMixin.__init__ with `typing.override`, which does
        # not exist on Python 3.11 for mypy: the class would construct as Any and hide every use of it.
        def __init__(self, *args: Any, **kwargs: Any) -> None: ...

    def __str__(self) -> str:
        return f"verificación #{self.pk} ({self.get_status_display()})"

    RESULT_FIELDS = RESULT_FIELDS

    def _set_result(self, fields: dict[str, str | None]) -> None:
        for name in self.RESULT_FIELDS:
            setattr(self, name, fields.get(name) or "")

    def _set_checked(self, *, reason, site, checked_at, evidence) -> None:
        """A final answer: `reason` is "ok", or says how a not-found was confirmed or contradicted
        (`evidence` keeps every front's attempt)."""
        self.reason, self.site, self.last_checked_at, self.next_retry_at = reason, site, checked_at, None
        self.evidence = list(evidence)

    @classmethod
    def opened(cls, *, user_id: int, request_id: uuid.UUID | str, requested_at: datetime) -> "CedulaInfo":
        """A new record (not saved), pending its first lookup: the only way one starts."""
        return cls(user_id=user_id, request_id=request_id, requested_at=requested_at, attempts=1)

    # --- Transitions: field changes only, no I/O (the service does events and audit; replay
    # calls the same methods with the arguments each event recorded) ----------------------------
    @transition(field=status, source=S.PENDING, target=S.ACTIVE)
    def complete_active(self, *, fields, site, checked_at, reason="ok", evidence=()):
        self._set_result(fields)
        self._set_checked(reason=reason, site=site, checked_at=checked_at, evidence=evidence)

    @transition(field=status, source=S.PENDING, target=S.CANCELLED)
    def complete_cancelled(self, *, fields, site, checked_at, reason="ok", evidence=()):
        self._set_result(fields)
        self._set_checked(reason=reason, site=site, checked_at=checked_at, evidence=evidence)

    @transition(field=status, source=S.PENDING, target=S.NOT_FOUND)
    def complete_not_found(self, *, site, checked_at, reason="ok", evidence=()):
        self._set_result({})
        self._set_checked(reason=reason, site=site, checked_at=checked_at, evidence=evidence)

    def _set_failed(self, *, reason, site, checked_at, next_retry_at, evidence) -> None:
        self.reason, self.site, self.last_checked_at, self.next_retry_at = reason, site, checked_at, next_retry_at
        self.evidence = list(evidence)

    @transition(field=status, source=S.PENDING, target=S.ERROR)
    def fail_error(self, *, reason, site, checked_at, next_retry_at, evidence=()):
        self._set_failed(
            reason=reason, site=site, checked_at=checked_at, next_retry_at=next_retry_at, evidence=evidence
        )

    @transition(field=status, source=S.PENDING, target=S.BLOCKED)
    def fail_blocked(self, *, reason, site, checked_at, next_retry_at, evidence=()):
        self._set_failed(
            reason=reason, site=site, checked_at=checked_at, next_retry_at=next_retry_at, evidence=evidence
        )

    def forget_person(self) -> None:
        """Unlink the person and drop what the census said about them (no state change: how erasures
        recorded before the erased state were applied, and what `erase` does on its way there)."""
        self.user = None
        self._set_result({})
        self.evidence = []

    @transition(field=status, source=list(LIVE_STATES), target=S.ERASED)
    def erase(self) -> None:
        """The person erased their account: nothing about them stays, and nothing is planned."""
        self.forget_person()
        self.next_retry_at = None

    def _start_request(self, *, request_id, requested_at, attempts):
        self.request_id, self.requested_at, self.attempts = request_id, requested_at, attempts
        self.next_retry_at = None

    def auto_retry_due(self) -> bool:
        """The planned retry's time has come (the service checks this before `auto_retry`). Not an
        FSM condition: it reads the clock, and replay applies past retries at any later time, on
        any machine's clock."""
        return self.next_retry_at is not None and self.next_retry_at <= timezone.now()

    @transition(field=status, source=list(RETRY_SOURCES), target=S.PENDING)
    def auto_retry(self, *, request_id, requested_at):
        self._start_request(request_id=request_id, requested_at=requested_at, attempts=self.attempts + 1)

    @transition(field=status, source=list(RETRY_SOURCES), target=S.PENDING)
    def support_retry(self, *, request_id, requested_at):
        self._start_request(request_id=request_id, requested_at=requested_at, attempts=1)

    @transition(field=status, source=[S.ACTIVE, S.CANCELLED, S.NOT_FOUND], target=S.PENDING)
    def refresh(self, *, request_id, requested_at):
        self._start_request(request_id=request_id, requested_at=requested_at, attempts=1)

    @transition(field=status, source=[S.ACTIVE, S.CANCELLED, S.NOT_FOUND], target=S.PENDING)
    def revalidate(self, *, request_id, requested_at):
        self._start_request(request_id=request_id, requested_at=requested_at, attempts=1)

    @transition(field=status, source=S.PENDING, target=S.PENDING)
    def sweeper_rerequest(self, *, request_id, requested_at):
        self._start_request(request_id=request_id, requested_at=requested_at, attempts=self.attempts + 1)


TRANSITION_METHODS = {
    Transition.COMPLETE_ACTIVE: "complete_active",
    Transition.COMPLETE_CANCELLED: "complete_cancelled",
    Transition.COMPLETE_NOT_FOUND: "complete_not_found",
    Transition.FAIL_ERROR: "fail_error",
    Transition.FAIL_BLOCKED: "fail_blocked",
    Transition.AUTO_RETRY: "auto_retry",
    Transition.SUPPORT_RETRY: "support_retry",
    Transition.REFRESH: "refresh",
    Transition.SWEEPER_REREQUEST: "sweeper_rerequest",
    Transition.REVALIDATE: "revalidate",
    Transition.ERASE: "erase",
}


class TransitionLog(AppendOnlyModel):
    """The audit log: one row per transition, written with its event in the same transaction."""

    cedula_info = models.ForeignKey(CedulaInfo, on_delete=models.PROTECT, related_name="transitions")
    event_id = models.UUIDField("evento", unique=True)
    position = models.BigIntegerField("posición del evento")
    from_state = models.CharField("estado anterior", max_length=16, blank=True)
    to_state = models.CharField("estado nuevo", max_length=16)
    transition = models.CharField("transición", max_length=32, choices=Transition.choices)
    actor = models.CharField("actor", max_length=128)
    reason = models.CharField("motivo", max_length=300, blank=True)
    attempt = models.PositiveSmallIntegerField("intento")
    task_id = models.CharField("tarea", max_length=64, blank=True)
    correlation_id = models.UUIDField()
    causation_id = models.UUIDField(null=True, blank=True)
    created_at = models.DateTimeField("fecha")
    duration_ms = models.PositiveIntegerField("duración de la consulta (ms)", null=True, blank=True)

    class Meta:
        verbose_name = "registro de auditoría"
        verbose_name_plural = "registro de auditoría"
        ordering = ["position"]
        indexes = [models.Index(fields=["cedula_info", "position"], name="verif_log_info_pos_idx")]

    def __str__(self) -> str:
        return f"{self.from_state or '∅'} → {self.to_state} ({self.transition})"


class SiteGate(models.Model):
    """What a lookup learnt of one Registraduría front, shared by every worker: the reCAPTCHA its page
    carried (what the captcha pipeline solves ahead of demand). Operational state, not a projection:
    it is not rebuilt by replay. Politeness toward the front is per egress: `EgressGate`."""

    site = models.CharField("sitio", max_length=32, primary_key=True)
    # Empty until a lookup has seen the page.
    sitekey = models.CharField("clave del captcha", max_length=100, blank=True)
    page_url = models.CharField("página del captcha", max_length=500, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "sitio consultado"
        verbose_name_plural = "sitios consultados"

    def __str__(self) -> str:
        return self.site


class EgressGate(models.Model):
    """Politeness toward one front through one egress (`verification.registraduria.egress`: the
    address the site sees), shared by every worker on every machine: when the next lookup may start,
    and whether the circuit breaker or a Retry-After pause holds lookups back. Operational state, not a
    projection: it is not rebuilt by replay."""

    site = models.CharField("sitio", max_length=32)
    egress = models.CharField("salida", max_length=300, default="direct")
    next_slot_at = models.DateTimeField("próximo turno", null=True, blank=True)
    # The earliest the next lookup's submission (the query itself) may reach the site: the last
    # submission plus the interval, whatever its page took to load.
    next_submit_at = models.DateTimeField("próxima consulta", null=True, blank=True)
    blocks_in_a_row = models.PositiveIntegerField("bloqueos seguidos", default=0)
    breaker_open_until = models.DateTimeField("interruptor abierto hasta", null=True, blank=True)
    breaker_reason = models.CharField("motivo del interruptor", max_length=64, blank=True)
    paused_until = models.DateTimeField("en pausa hasta", null=True, blank=True)
    pause_reason = models.CharField("motivo de la pausa", max_length=64, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "sitio por salida"
        verbose_name_plural = "sitios por salida"
        constraints = [models.UniqueConstraint(fields=["site", "egress"], name="verif_egress_gate_uniq")]

    def __str__(self) -> str:
        return f"{self.site} vía {self.egress}"


class SiteTurnRequest(models.Model):
    """A worker waiting for a turn on a site: turns go to the oldest live request first, so a worker
    that just finished a lookup cannot take the next turn ahead of one that has been waiting."""

    site = models.CharField(max_length=32)
    holder = models.CharField(max_length=80, unique=True)
    requested_at = models.DateTimeField()
    expires_at = models.DateTimeField()

    class Meta:
        indexes = [models.Index(fields=["site", "requested_at"], name="verif_turn_request_idx")]

    def __str__(self) -> str:
        return f"{self.site} ← {self.holder}"


class SiteLease(models.Model):
    """One of a site's browser slots through one egress (REGISTRADURIA_BROWSERS_PER_SITE each): held by
    the worker whose browser is on that site now. A lease that outlives its holder (a killed worker)
    expires."""

    site = models.CharField(max_length=32)
    egress = models.CharField(max_length=300, default="direct")
    slot = models.PositiveSmallIntegerField()
    holder = models.CharField(max_length=80, blank=True)
    held_until = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["site", "egress", "slot"], name="verif_site_lease_egress_slot_uniq")
        ]

    def __str__(self) -> str:
        return f"{self.site}#{self.slot} vía {self.egress}"


class LookupClaim(models.Model):
    """The one lookup running for a request: whatever the redeliveries, a request reaches the site at
    most once at a time. Taken when the lookup starts (so queue time never counts against its
    lease), removed in the transaction that records the result; a claim whose lease ran out belongs
    to a worker that died, and the next delivery takes it over."""

    request_id = models.UUIDField(primary_key=True)
    cedula_info = models.ForeignKey(CedulaInfo, on_delete=models.CASCADE, related_name="+")
    holder = models.CharField(max_length=80)
    claimed_at = models.DateTimeField()
    lease_until = models.DateTimeField()
    takeovers = models.PositiveSmallIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.request_id} ← {self.holder}"


class StaffAlert(models.Model):
    """One episode of a condition support staff must know about (verification/alerts.py): raised,
    mailed once to the support staff, shown as a banner in the console until it clears. Written with
    its events (StaffAlertRaised / StaffAlertCleared, stream `alert:<id>`)."""

    kind = models.CharField(max_length=32)
    detail = models.CharField(max_length=300)
    raised_at = models.DateTimeField()
    cleared_at = models.DateTimeField(null=True, blank=True)
    # Taken before the mail is sent: a redelivered StaffAlertRaised sends nothing.
    mail_claimed_at = models.DateTimeField(null=True, blank=True)
    mailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            # At most one open episode per kind.
            models.UniqueConstraint(
                fields=["kind"], condition=models.Q(cleared_at__isnull=True), name="verif_one_open_alert_per_kind"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.raised_at:%Y-%m-%d %H:%M}{' (cleared)' if self.cleared_at else ''}"


class ResultMailStatus(models.TextChoices):
    SENDING = "sending", "Enviándose"
    SENT = "sent", "Enviado"
    # Nothing to send: the same result as the last one mailed, an address never confirmed, an
    # account erased meanwhile.
    SKIPPED = "skipped", "Sin envío"


class ResultMail(models.Model):
    """The mail (or the decision not to mail) for one completion or failure event of a record: the
    row is taken before the SMTP server is asked, so a redelivered event never sends twice. A row
    left `sending` by a worker that died during the send is not sent again: the mail may have gone."""

    event_id = models.UUIDField(primary_key=True)
    cedula_info = models.ForeignKey(CedulaInfo, on_delete=models.CASCADE, related_name="+")
    result = models.CharField(max_length=16)  # the state the event left the record in
    status = models.CharField(max_length=16, choices=ResultMailStatus.choices)
    why = models.CharField(max_length=40, blank=True)
    created_at = models.DateTimeField()
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["cedula_info", "created_at"], name="verif_result_mail_record")]

    def __str__(self) -> str:
        return f"{self.event_id} {self.result} {self.status}"


class PersonLookupRequest(models.Model):
    """A lookup a person asked for (their registration's, or Actualizar), under the keyed hash of
    their cédula: the limit on re-checks is kept per cédula, across records, so erasing the account
    and registering again does not reset it (`counted`: a re-check; a first registration is not).
    Only the hash (HMAC with the secret key) is kept, never the cédula, and the sweeper deletes a row
    once it is a day old, erased person or not (docs/verification-states.md)."""

    cedula_key = models.CharField(max_length=64)
    request_id = models.UUIDField(unique=True)
    requested_at = models.DateTimeField()
    counted = models.BooleanField()
    # The fair turn between networks: where the person registered from (accounts.User
    # .registration_source), when the lookup started, and until when the limit on re-checks holds it.
    source = models.CharField(max_length=32, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    held_until = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["cedula_key", "requested_at"], name="verif_person_lookup_key_at"),
            # The fair turn's two reads: a network's latest start, and the people not started yet.
            models.Index(fields=["source", "started_at"], name="verif_person_lookup_src_start"),
            models.Index(
                fields=["requested_at"], condition=models.Q(started_at__isnull=True), name="verif_person_lookup_waiting"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.cedula_key[:8]}… {self.requested_at:%Y-%m-%d %H:%M}"


class CaptchaSolveStatus(models.TextChoices):
    SOLVING = "solving", "resolviendo"
    READY = "ready", "lista"
    USED = "used", "usada"
    WASTED = "wasted", "desperdiciada"
    FAILED = "failed", "fallida"


class CaptchaSolve(models.Model):
    """One solve asked of the captcha service (each one is paid for, except a failed one): by the
    pipeline ahead of demand (`pipeline`), or by a lookup itself (`inline`). A ready token is used by
    one lookup within its lifetime, or counted as wasted. Operational state, not a projection."""

    site = models.CharField("sitio", max_length=32)
    sitekey = models.CharField(max_length=100)
    page_url = models.CharField(max_length=500)
    origin = models.CharField("origen", max_length=16)
    status = models.CharField("estado", max_length=16, choices=CaptchaSolveStatus.choices)
    holder = models.CharField(max_length=80, blank=True)
    requested_at = models.DateTimeField("pedida")
    solved_at = models.DateTimeField("resuelta", null=True, blank=True)
    seconds = models.FloatField("segundos", null=True, blank=True)
    token = models.TextField(blank=True)
    used_at = models.DateTimeField("usada", null=True, blank=True)
    request_id = models.UUIDField(null=True, blank=True)
    reason = models.CharField("motivo", max_length=64, blank=True)
    # The service's id for the job once it accepted it: a pipeline that takes over from one that died
    # fetches the answer (already paid for) instead of losing it.
    job_id = models.CharField("trabajo", max_length=64, blank=True)

    class Meta:
        verbose_name = "solución de captcha"
        verbose_name_plural = "soluciones de captcha"
        indexes = [
            models.Index(fields=["status", "site", "solved_at"], name="verif_solve_status_idx"),
            models.Index(fields=["requested_at"], name="verif_solve_requested_idx"),
            models.Index(fields=["request_id"], name="verif_solve_request_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.site} {self.status} ({self.origin})"


class CaptchaPipelineState(models.Model):
    """The captcha pipeline's leader (one process solves; the others stand by) and its backoff after
    the service failed: lookups waiting for a token see it and end classified instead of waiting."""

    name = models.CharField(max_length=32, primary_key=True, default="default")
    holder = models.CharField(max_length=80, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    failures_in_a_row = models.PositiveIntegerField(default=0)
    backoff_until = models.DateTimeField(null=True, blank=True)
    backoff_reason = models.CharField(max_length=64, blank=True)
    budget_notified_on = models.DateField(null=True, blank=True)

    def __str__(self) -> str:
        return self.holder or self.name
