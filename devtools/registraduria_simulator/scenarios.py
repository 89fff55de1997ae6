"""What the simulated fronts answer for each cédula (scenarios, places, novelties) and the fronts'
fixed texts, paths and limits."""

import logging
import re
from dataclasses import dataclass, replace

from devtools.registraduria_simulator.corpus import CorpusAnswer, corpus_answers

logger = logging.getLogger(__name__)


FRONTS = ("wsp", "consultacenso", "infovotantes")
MODES = ("normal", "all_503", "all_waf", "storm_429", "hang")

# One sitekey per front, like the real hosts (each front verifies tokens for its own key only).
SITEKEY_WSP = "6LcSimWspCensoConsultarRegistraduria0001"
SITEKEY_CENSO = "6LcSimConsultaCensoRegistraduriaGov00002"
SITEKEY_INFO = "6LcSimInfovotantesEleccionesColombia0003"
SITEKEYS = {"wsp": SITEKEY_WSP, "consultacenso": SITEKEY_CENSO, "infovotantes": SITEKEY_INFO}

TOKEN_TTL_SECONDS = 120.0
INFOVOTANTES_ELECTION_CODE = "congreso-2026"

WSP_PATH = "/censo/consultar/"
CENSO_PATH = "/consultacenso/"
CENSO_API = "/consultacenso/back/api/"
INFO_PAGE_PATH = "/infovotantes/identificacion"
INFO_API = "/infovotantes/api/v1/"
INFO_LOOKUP_PATH = INFO_API + "citizen/get-information"

# Sentences the fronts answer with (what a person reads on the real pages).
NOT_FOUND_TEXT = "El documento consultado no se encuentra en el censo para esta elección."
CAPTCHA_MISSING_TEXT = "Marque el cuadro de verificación «No soy un robot» para continuar."
CAPTCHA_INVALID_TEXT = "La verificación del captcha no fue válida. Intente de nuevo."
INVALID_DOCUMENT_TEXT = "Digite un número de documento válido, sin puntos ni espacios."
CITIZEN_NOTICE = (
    "Recuerde que el día de la elección debe presentar su cédula de ciudadanía amarilla con hologramas "
    "o su cédula digital."
)
WSP_TIMEOUT_TEXT = "Curl error: Operation timed out after 15008 milliseconds with 0 bytes received"
CENSO_TIMEOUT_TEXT = "Curl error: Operation timed out after 15008 milliseconds"

MAX_BODY_BYTES = 1_000_000
# Bounds on what a long-running demo keeps in memory.
MAX_COUNTED = 10_000
MAX_SESSIONS = 10_000
MAX_SOLVER_JOBS = 10_000

_CEDULA_RE = re.compile(r"[0-9]{1,10}")


# --- Scenarios -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Place:
    """A polling place as the fronts display it (upper case, accents kept)."""

    departamento: str
    municipio: str
    puesto: str
    direccion: str
    mesa: str
    zona: str | None = None
    lat: float = 4.6097
    lng: float = -74.0817
    fecha_inscripcion: str | None = None


@dataclass(frozen=True)
class Novelty:
    """Why a document left the census."""

    name: str
    description: str
    resolution: str
    date: str


@dataclass(frozen=True)
class Scenario:
    """What the three fronts answer for one cédula.

    `answer` is the voter's record (`active`, `cancelled`, `not_found`) or `fault` when the fronts do
    not answer with a record at all (then `name` says which fault). `delay` holds an answer back
    (`slow`: `slow_seconds`, `hang`: `hang_seconds`). The formatting flags vary the markup the way the
    real pages do: `entities` writes accents as HTML entities, `loose_whitespace` pads cells with
    newlines, `extra_columns` adds wsp columns (and upper-cases consultacenso's keys).
    """

    name: str
    answer: str
    place: Place | None = None
    novelty: Novelty | None = None
    delay: str = ""
    entities: bool = False
    loose_whitespace: bool = False
    extra_columns: bool = False
    # Fronts on which this person reads "not found" although the others know them (the fronts
    # disagree: what not-found confirmation is for).
    not_found_on: tuple[str, ...] = ()
    # A saved real answer shape, replayed verbatim by its front (devtools/registraduria_simulator/corpus.py).
    corpus: CorpusAnswer | None = None

    def on_front(self, front: str) -> "Scenario":
        """What `front` answers: `not_found` where the fronts disagree."""
        return replace(self, answer="not_found") if front in self.not_found_on else self


DEATH = Novelty("CANCELADA POR MUERTE", "Cancelada por Muerte", "4521", "2019-05-02")

BOGOTA = Place(
    "BOGOTÁ D.C.",
    "BOGOTÁ D.C.",
    "COLEGIO DISTRITAL LA CANDELARIA",
    "CALLE 12 C # 2-45",
    "7",
    zona="17",
    lat=4.5970,
    lng=-74.0700,
)
NARINO = Place(
    "NARIÑO",
    "SAMANIEGO",
    "VEREDA EL MOTILÓN",
    "ESCUELA RURAL MIXTA EL MOTILÓN",
    "2",
    lat=1.3364,
    lng=-77.5950,
)
MEDELLIN = Place(
    "ANTIOQUIA",
    "MEDELLÍN",
    "INSTITUCIÓN EDUCATIVA JAVIERA LONDOÑO",
    "CARRERA 50 # 45-30",
    "14",
    zona="05",
    lat=6.2518,
    lng=-75.5636,
    fecha_inscripcion="2014-03-11",
)
CALI = Place(
    "VALLE DEL CAUCA",
    "CALI",
    "COLEGIO SANTA LIBRADA",
    "CALLE 7 # 15-42",
    "21",
    lat=3.4516,
    lng=-76.5320,
)
SOACHA = Place(
    "CUNDINAMARCA",
    "SOACHA",
    "COLEGIO GENERAL SANTANDER",
    "CARRERA 7 # 14-80",
    "9",
    lat=4.5794,
    lng=-74.2168,
)


def _fault(name: str) -> Scenario:
    return Scenario(name, "fault")


SCENARIOS: dict[str, Scenario] = {
    "1000000010": Scenario("active_bogota", "active", BOGOTA, entities=True),
    "1000000011": Scenario("active_rural", "active", NARINO, entities=True, loose_whitespace=True),
    "1000000012": Scenario("active_extra_columns", "active", MEDELLIN, extra_columns=True),
    "1000000013": Scenario("active_valle", "active", CALI),
    "1000000020": Scenario("cancelled", "cancelled", novelty=DEATH),
    "1000000030": Scenario("not_found", "not_found"),
    "1000000031": Scenario("not_found_on_wsp_only", "cancelled", novelty=DEATH, not_found_on=("wsp",)),
    "1000000040": _fault("waf"),
    "1000000041": _fault("captcha_rejected"),
    "1000000042": _fault("nonce_expired"),
    "1000000043": Scenario("slow", "active", SOACHA, delay="slow"),
    "1000000044": _fault("upstream_timeout"),
    "1000000045": _fault("server_error"),
    "1000000046": _fault("maintenance"),
    "1000000047": _fault("rate_limited"),
    "1000000048": Scenario("unrecognised_layout", "fault", CALI),
    "1000000049": Scenario("hang", "active", BOGOTA, delay="hang"),
    "1000000050": _fault("js_challenge"),
}

# Places for every other active cédula, picked deterministically from the number.
REGIONS = (
    Place("ATLÁNTICO", "BARRANQUILLA", "COLEGIO SAN JOSÉ", "CARRERA 46 # 53-20", "", lat=10.9878, lng=-74.7889),
    Place(
        "BOLÍVAR", "CARTAGENA", "INSTITUCIÓN EDUCATIVA SOLEDAD ACOSTA", "CALLE 27 # 24-11", "", lat=10.391, lng=-75.48
    ),
    Place(
        "BOYACÁ", "TUNJA", "UNIVERSIDAD PEDAGÓGICA Y TECNOLÓGICA", "AVENIDA NORTE 39-115", "", lat=5.5353, lng=-73.3678
    ),
    Place("CÓRDOBA", "MONTERÍA", "COLEGIO LA SALLE", "CALLE 29 # 5-40", "", lat=8.7479, lng=-75.8814),
    Place("QUINDÍO", "ARMENIA", "COLISEO DEL CAFÉ", "CARRERA 19 # 3N-10", "", lat=4.5339, lng=-75.6811),
    Place(
        "NORTE DE SANTANDER",
        "CÚCUTA",
        "ESCUELA NORMAL MARÍA AUXILIADORA",
        "AVENIDA 0 # 11-24",
        "",
        lat=7.8939,
        lng=-72.51,
    ),
    Place("CAQUETÁ", "FLORENCIA", "COLEGIO JUAN BAUTISTA LA SALLE", "CALLE 12 # 8-35", "", lat=1.6144, lng=-75.6062),
)


def valid_cedula(value: str) -> bool:
    return isinstance(value, str) and _CEDULA_RE.fullmatch(value) is not None


def scenario_for(cedula: str) -> Scenario | None:
    """The scenario of a cédula (ASCII digits, up to 10), or None when it is not a cédula."""
    if not valid_cedula(cedula):
        return None
    if cedula in SCENARIOS:
        return SCENARIOS[cedula]
    corpus = corpus_answers().get(cedula)
    if corpus is not None:
        return Scenario(f"corpus:{corpus.front}/{corpus.file}", "corpus", corpus=corpus)
    number = int(cedula)
    if cedula.endswith("2"):
        resolution = str(1000 + number % 9000)
        date = f"{2010 + number % 15}-{1 + number % 12:02d}-{1 + number % 28:02d}"
        return Scenario("cancelled", "cancelled", novelty=replace(DEATH, resolution=resolution, date=date))
    if cedula.endswith("3"):
        return Scenario("not_found", "not_found")
    place = replace(REGIONS[number % len(REGIONS)], mesa=str(1 + number % 30))
    return Scenario("active", "active", place)
