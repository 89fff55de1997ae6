from django.db import models


class CedulaStatus(models.TextChoices):
    PENDING = "pending", "Verificando"
    ACTIVE = "active", "Habilitada para votar"
    CANCELLED = "cancelled", "Cédula cancelada"
    NOT_FOUND = "not_found", "No está en el censo"
    ERROR = "error", "Error al verificar"
    BLOCKED = "blocked", "Consulta bloqueada"
    # The person erased their account (habeas data): the record stays, anonymous, and nothing acts on it.
    ERASED = "erased", "Datos eliminados"


RESULT_STATES = (CedulaStatus.ACTIVE, CedulaStatus.CANCELLED, CedulaStatus.NOT_FOUND)
# The failures a retry (automatic or by support staff) starts again from.
RETRY_SOURCES = (CedulaStatus.ERROR, CedulaStatus.BLOCKED)
# States in which nothing changes by itself: the badge stops polling.
FINAL_STATES = RESULT_STATES
# Every state a person's record can be in while they have an account (erasure starts from any).
LIVE_STATES = (CedulaStatus.PENDING, *RESULT_STATES, *RETRY_SOURCES)


class Transition(models.TextChoices):
    """Names of the transitions, as stored in events and the audit log."""

    REQUEST = "request", "Verificación solicitada"
    COMPLETE_ACTIVE = "complete_active", "Resultado: habilitada"
    COMPLETE_CANCELLED = "complete_cancelled", "Resultado: cancelada"
    COMPLETE_NOT_FOUND = "complete_not_found", "Resultado: no está en el censo"
    FAIL_ERROR = "fail_error", "Falló la consulta"
    FAIL_BLOCKED = "fail_blocked", "Consulta bloqueada"
    AUTO_RETRY = "auto_retry", "Reintento automático"
    SUPPORT_RETRY = "support_retry", "Reintento por soporte"
    REFRESH = "refresh", "Actualización solicitada"
    SWEEPER_REREQUEST = "sweeper_rerequest", "Verificación reenviada (estaba detenida)"
    # A result older than VERIFICATION_REVALIDATE_AFTER_DAYS is checked again (the sweeper, at low
    # priority, within a daily cap).
    REVALIDATE = "revalidate", "Re-validación periódica"
    # The person's data was erased (habeas data): any state -> erased, for good.
    ERASE = "erase", "Datos personales eliminados"
