"""What one lookup of the Registraduría found: plain data, shared by the parser, the fronts and the
workers (`verification.lookup` documents the contract the state machine relies on)."""

from dataclasses import dataclass, field

OUTCOMES = ("active", "cancelled", "not_found", "blocked", "error")

# Every field a front can report; absent ones are None. Values are as displayed (whitespace
# collapsed, entities decoded).
FIELD_NAMES = (
    "nuip",
    "departamento",
    "municipio",
    "zona",
    "puesto",
    "direccion",
    "mesa",
    "novedad",
    "resolucion",
    "fecha_novedad",
)


def empty_fields() -> dict[str, str | None]:
    return dict.fromkeys(FIELD_NAMES)


@dataclass(frozen=True)
class LookupResult:
    """A classified answer. `reason` is a short machine word (`ok`, `waf_block`, `captcha_unsolved`,
    `unrecognised_layout`, …); `evidence` a bounded, redacted list of what each attempt saw (front,
    HTTP status, milliseconds, reason): never page HTML, never the cédula."""

    outcome: str
    fields: dict = field(default_factory=empty_fields)
    reason: str = "ok"
    site: str = ""
    retry_after: float | None = None
    evidence: list = field(default_factory=list)

    def __post_init__(self):
        if self.outcome not in OUTCOMES:
            raise ValueError(f"unknown outcome {self.outcome!r}")
