"""Reads what a Registraduría front answered and classifies it as a `LookupResult`.

The body is rendered HTML of a front (a whole page, or the wsp `message` snippet) or the JSON reply
of any front's XHR/API. The rules, from what the real site is known to do:

- classify from the body, never from the HTTP status alone (429 is the one status that speaks for
  itself; a 5xx only names an answer nothing else explains);
- find table cells by their header text, never by position: columns get added;
- judge block words on visible text only: every reCAPTCHA page carries a hidden iframe titled
  "recaptcha challenge expires in two minutes";
- anything not recognised is an `error` with reason `unrecognised_layout`, never a silent
  `not_found`: a redesign must fail loudly.

Pure functions, no Django. The result never carries the page: `evidence` is the caller's.
"""

import codecs
import json
import re
import unicodedata
from collections.abc import Callable
from html import unescape

from bs4 import BeautifulSoup, Tag

from verification.lookup import LookupResult, empty_fields

# --- Text -----------------------------------------------------------------------------------------


def _strip_accents(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _fold(text: str) -> str:
    """What keyword rules match against: no accents, lower case, single spaces."""
    return _collapse(_strip_accents(text).lower())


def _header_key(text: str) -> str:
    """`Dirección :` and `DIRECCI&Oacute;N` (already decoded) both read `DIRECCION`."""
    return _collapse(_strip_accents(text).upper()).rstrip(": ")


def _display(value) -> str | None:
    """A value as the page shows it: whitespace collapsed, accents kept (NFC); None when empty. HTML
    text arrives with its entities decoded by the parser; JSON strings go through `_json_text`."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        value = str(value)
    if not isinstance(value, str):
        return None
    return _collapse(unicodedata.normalize("NFC", value)) or None


def _decode(body: str | bytes | None) -> str:
    if body is None:
        return ""
    if isinstance(body, bytes | bytearray):
        raw = bytes(body)
        if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return raw.decode("utf-16", errors="replace")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            # Pages saved from an older (Latin-1 / Windows) front; never fail on an odd byte.
            text = raw.decode("cp1252", errors="replace")
    else:
        text = body
    return text.removeprefix("\ufeff")


# --- Keyword rules, on folded visible text --------------------------------------------------------

_SUPPORT_ID = ("support id", "id de soporte")


def _is_waf(t: str) -> bool:
    return (
        "evento de seguridad" in t
        or "solicitud ha sido rechazada" in t
        or "requested url was rejected" in t  # F5 ASM's default block page, in English
        or ("rechaz" in t and any(word in t for word in _SUPPORT_ID))
        # Akamai's edge refusal (the Infovotantes API host): "Access Denied … Reference #18.…"
        or ("access denied" in t and ("reference #" in t or "edgesuite" in t or "don't have permission" in t))
    )


def _is_js_challenge(t: str) -> bool:
    return "please enable javascript" in t and any(word in t for word in _SUPPORT_ID)


def _is_captcha_missing(t: str) -> bool:
    return "marque el cuadro de verificacion" in t or (
        "captcha" in t and any(word in t for word in ("debe completar", "complete el", "resuelva", "requerido"))
    )


def _is_captcha_rejected(t: str) -> bool:
    return "captcha" in t and re.search(r"invalid|no (?:fue|es) valid|incorrect|rechazad", t) is not None


def _is_nonce_expired(t: str) -> bool:
    return ("sesion" in t and ("expir" in t or "caduc" in t)) or "recargue la pagina" in t


def _is_rate_limited(t: str) -> bool:
    return any(word in t for word in ("too many requests", "demasiadas solicitudes", "demasiadas peticiones"))


def _is_upstream_timeout(t: str) -> bool:
    return any(word in t for word in ("curl error", "timed out", "gateway timeout", "gateway time-out"))


def _is_maintenance(t: str) -> bool:
    return "mantenimiento" in t or "maintenance" in t


def _is_not_found(t: str) -> bool:
    # "no se encuentra disponible … censo" is an outage notice, not an answer about the person.
    return "no se encuentra en el censo" in t or ("no se encuentra" in t and "censo" in t and "disponible" not in t)


Rule = tuple[str, str, Callable[[str], bool]]

# Errors come before not_found: a notice that happens to mention the census must not read as an answer.
_BLOCK_RULES: tuple[Rule, ...] = (
    ("blocked", "waf_block", _is_waf),
    ("blocked", "js_challenge", _is_js_challenge),
)
_ERROR_RULES: tuple[Rule, ...] = (
    ("error", "nonce_expired", _is_nonce_expired),
    ("error", "rate_limited", _is_rate_limited),
    ("error", "upstream_timeout", _is_upstream_timeout),
    ("error", "maintenance", _is_maintenance),
)
_MESSAGE_RULES: tuple[Rule, ...] = (
    *_BLOCK_RULES,
    ("blocked", "captcha_missing", _is_captcha_missing),
    ("blocked", "captcha_rejected", _is_captcha_rejected),
    *_ERROR_RULES,
    ("not_found", "ok", _is_not_found),
)


def _first_match(rules: tuple[Rule, ...], t: str, front: str) -> LookupResult | None:
    for outcome, reason, matches in rules:
        if matches(t):
            return LookupResult(outcome, reason=reason, site=front)
    return None


# --- Results --------------------------------------------------------------------------------------

_ACTIVE_COLUMNS = frozenset({"departamento", "municipio", "puesto", "direccion", "mesa"})
_ACTIVE_REQUIRED = ("departamento", "municipio", "puesto", "mesa")
_CANCELLED_COLUMNS = frozenset({"novedad", "resolucion", "fecha_novedad"})


def _error(reason: str, front: str) -> LookupResult:
    return LookupResult("error", reason=reason, site=front)


def _unrecognised(front: str) -> LookupResult:
    return _error("unrecognised_layout", front)


def _conflicting(front: str) -> LookupResult:
    """Markers that contradict each other (a place and a cancellation; "not found" and a novelty we
    cannot read as a cancellation): never a guess, a loud error with the evidence kept by the caller."""
    return _error("conflicting_answer", front)


# A novelty that takes the document out of the census is named "Cancelada por …" (public scrapers and
# clients of every front; the tester's consultacenso reply); a death is sometimes given bare. Only a
# value that is such a name counts: a sentence ("… fue cancelada mediante Resolución 6002 …") gives
# the resolution and the date, never the name. Any other novelty ("Vigente con pérdida o suspensión
# de los derechos políticos") is not a cancellation we know how to show: a loud error, never a guess.
_CANCELLATION_NAME = re.compile(r"(?:(?:la )?cedula )?cancelad[ao]s?(?: por [a-z0-9 ]{2,60})?")


def _is_cancellation(text: str | None) -> bool:
    t = _fold(text or "").strip(" .")
    return _CANCELLATION_NAME.fullmatch(t) is not None or t in ("muerte", "fallecido", "fallecimiento")


_MONTHS = "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre"
_RESOLUTION_IN_TEXT = re.compile(
    r"resoluci[oó]n\s*(?:(?:no|n[°º]|nro|num|n[uú]mero)\.?\s*|#\s*)?[:.]?\s*(\d(?:[\d.\-/]*\d)?)", re.IGNORECASE
)
_DATE_IN_TEXT = re.compile(
    rf"\b(\d{{4}}-\d{{1,2}}-\d{{1,2}}|\d{{1,2}}[/-]\d{{1,2}}[/-]\d{{4}}|\d{{1,2}} de (?:{_MONTHS}) de \d{{4}})\b",
    re.IGNORECASE,
)


def _plausible_date(text: str) -> bool:
    numbers = [int(n) for n in re.findall(r"\d+", text)]
    if len(numbers) == 2:  # "19 de noviembre de 2017"
        day, year = numbers
        return 1 <= day <= 31 and 1900 <= year <= 2100
    if len(numbers) != 3:
        return False
    year, month, day = numbers if numbers[0] > 31 else (numbers[2], numbers[1], numbers[0])
    return 1900 <= year <= 2100 and 1 <= month <= 12 and 1 <= day <= 31


def _resolution_in(text: str | None) -> str | None:
    """The resolution number a sentence names ("… mediante Resolución 6002 del 2017-11-19"), or None."""
    match = _RESOLUTION_IN_TEXT.search(_collapse(text or ""))
    return match.group(1) if match else None


def _date_in(text: str | None) -> str | None:
    """The first well-formed date a sentence carries (ISO, d/m/Y, d-m-Y or "19 de noviembre de 2017")."""
    for match in _DATE_IN_TEXT.finditer(_collapse(text or "")):
        if _plausible_date(match.group(1)):
            return match.group(1)
    return None


_PLACEHOLDER = re.compile(r"\{\{.*\}\}|\$\{.*\}|\{%.*%\}")


def _found(outcome: str, values: dict, front: str) -> LookupResult:
    """An active or cancelled result, or unrecognised when the values that make it are missing."""
    fields = empty_fields()
    for name, value in values.items():
        shown = _display(value)
        # A header's own text in a value's place (a repeated header row, a cell that echoes its
        # column) is not a value.
        if name in fields and shown and _HEADER_FIELDS.get(_header_key(shown)) is None:
            fields[name] = shown
    if any(_PLACEHOLDER.fullmatch(value) for value in fields.values() if value):
        return _error("unrendered_page", front)  # the page's template, not yet filled in
    required = _ACTIVE_REQUIRED if outcome == "active" else ("novedad",)
    if not all(fields[name] for name in required):
        return _unrecognised(front)
    if outcome == "cancelled" and not _is_cancellation(fields["novedad"]):
        # "Vigente con pérdida o suspensión de los derechos políticos" in the novelty table: the
        # document is valid, so "cancelada" would be a wrong answer; none of our outcomes fits.
        return _conflicting(front)
    return LookupResult(outcome, fields=fields, reason="ok", site=front)


# --- HTML -----------------------------------------------------------------------------------------

_INVISIBLE_TAGS = frozenset({"script", "style", "noscript", "template", "head", "title", "meta", "link", "iframe"})

# A whole front page and the element its script renders the result into.
_FRONT_PAGES = (("form", "success"), ("consultaForm", "resultado"))

_HEADER_FIELDS = {
    "NUIP": "nuip",
    "CEDULA": "nuip",
    "DOCUMENTO": "nuip",
    "DEPARTAMENTO": "departamento",
    "MUNICIPIO": "municipio",
    "ZONA": "zona",
    "PUESTO": "puesto",
    "PUESTO DE VOTACION": "puesto",
    "DIRECCION": "direccion",
    "DIRECCION DEL PUESTO": "direccion",
    "MESA": "mesa",
    "NOVEDAD": "novedad",
    "RESOLUCION": "resolucion",
    "FECHA NOVEDAD": "fecha_novedad",
    "FECHA DE NOVEDAD": "fecha_novedad",
}


def _parse(text: str) -> BeautifulSoup | None:
    if "<" not in text:
        # Plain text ("Too Many Requests"): wrapped, so bs4 does not warn that it looks like a file name.
        text = f"<div>{text}</div>"
    try:
        return BeautifulSoup(text, "html.parser")
    except Exception:  # html.parser gives up on some broken markup: a layout we cannot read
        return None


def _is_invisible(tag: Tag) -> bool:
    if tag.name in _INVISIBLE_TAGS or tag.has_attr("hidden"):
        return True
    if str(tag.get("aria-hidden", "")).strip().lower() == "true":
        return True
    style = re.sub(r"\s+", "", str(tag.get("style", ""))).lower()
    return any(rule in style for rule in ("display:none", "visibility:hidden", "visibility:collapse"))


def _drop_invisible(soup: BeautifulSoup) -> None:
    for tag in soup.find_all(_is_invisible):
        if not tag.decomposed:
            tag.decompose()


def visible_text(html: str | bytes) -> str:
    """The text a person sees on `html`: no scripts, styles, head, iframes, nor hidden elements
    (`hidden`, `aria-hidden="true"`, inline `display:none` / `visibility:hidden`). Whitespace
    collapsed, entities decoded, accents kept."""
    soup = _parse(_decode(html))
    if soup is None:
        return ""
    _drop_invisible(soup)
    return _collapse(soup.get_text(" "))


def _as_int(value) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def _cells(row: Tag) -> list[Tag]:
    """A row's cells with `colspan` expanded, so header and data indexes line up."""
    cells = []
    for cell in row.find_all(["th", "td"], recursive=False):
        span = _as_int(cell.get("colspan")) or 1
        cells.extend([cell] * min(max(span, 1), 50))
    return cells


def _row_values(cells: list[Tag], columns: list[str | None]) -> dict:
    values = {}
    for cell, name in zip(cells, columns, strict=False):
        if name and name not in values:
            values[name] = cell.get_text(" ")
    return values


def _table_kind(columns: list[str | None]) -> str | None:
    present = set(columns)
    active = present >= _ACTIVE_COLUMNS
    cancelled = present >= _CANCELLED_COLUMNS
    if active and cancelled:
        return "ambiguous"
    return "active" if active else "cancelled" if cancelled else None


def _is_banner(row: Tag, columns: list[str | None]) -> bool:
    """A heading row inside the body: a cell spanning several of the table's fields ("RESULTADO DE
    LA CONSULTA" across every column), or header cells only. Public scrapers of the wsp page skip
    exactly such a first row; a data cell never spans two fields."""
    cells = row.find_all(["th", "td"], recursive=False)
    if all(cell.name == "th" for cell in cells):
        return True
    spans: dict[int, int] = {}
    for cell, name in zip(_cells(row), columns, strict=False):
        if name:
            spans[id(cell)] = spans.get(id(cell), 0) + 1
    return any(count > 1 for count in spans.values())


def _read_table(table: Tag) -> tuple[str, dict] | None:
    """(kind, values by field) for a result table; None when its headers are not ones we know. The
    values come from the first data row (banner rows and rows that only echo headers are skipped)."""
    rows = [row for row in table.find_all("tr") if row.find_parent("table") is table]
    for index, row in enumerate(rows):
        columns = [_HEADER_FIELDS.get(_header_key(cell.get_text(" "))) for cell in _cells(row)]
        kind = _table_kind(columns)
        if kind:
            for data_row in rows[index + 1 :]:
                if _is_banner(data_row, columns) or not _collapse(data_row.get_text(" ")):
                    continue
                values = _row_values(_cells(data_row), columns)
                if any(
                    (shown := _display(v)) and _HEADER_FIELDS.get(_header_key(shown)) is None for v in values.values()
                ):
                    return kind, values
            return kind, {}
    # No header row we know: each data cell may still name its column in `data-th`.
    for row in rows:
        cells = [cell for cell in _cells(row) if cell.name == "td"]
        columns = [_HEADER_FIELDS.get(_header_key(str(cell.get("data-th", "")))) for cell in cells]
        kind = _table_kind(columns)
        if kind and not _is_banner(row, columns):
            return kind, _row_values(cells, columns)
    return None


def _classify_tables(scope: Tag, front: str) -> LookupResult | None:
    """The result table(s) in `scope`. Two that disagree (a place and a cancellation), or one whose
    headers are both, is a conflicting answer."""
    found = [read for read in map(_read_table, scope.find_all("table")) if read is not None]
    if not found:
        return None
    kinds = {kind for kind, _ in found}
    if "ambiguous" in kinds or len(kinds) > 1:
        return _conflicting(front)
    kind, values = found[0]
    return _found(kind, values, front)


def _result_region(soup: BeautifulSoup) -> Tag | None:
    """On a whole front page, the element the result is rendered into (judged on its own, so static
    help text elsewhere on the page cannot pass for an answer)."""
    for form_id, region_id in _FRONT_PAGES:
        if soup.find("form", id=form_id) is not None:
            region = soup.find(id=region_id)
            if region is not None:
                return region
    return None


def _loads_tspd(soup: BeautifulSoup) -> bool:
    return any("/tspd/" in str(script.get("src", "")).lower() for script in soup.find_all("script"))


def _with_sentence(found: LookupResult | None, text: str, front: str) -> LookupResult | None:
    """A result table beside a "no se encuentra en el censo" sentence contradicts itself."""
    if found is not None and found.outcome in ("active", "cancelled") and _is_not_found(text):
        return _conflicting(front)
    return found


def _classify_html(text: str, front: str) -> LookupResult:
    if not text.strip():
        return _error("empty_response", front)
    soup = _parse(text)
    if soup is None:
        return _unrecognised(front)
    # Read before hidden parts are dropped: the F5 challenge lives in <noscript> and /TSPD/ scripts.
    tspd = _loads_tspd(soup)
    noscript = _fold(" ".join(tag.get_text(" ") for tag in soup.find_all("noscript")))
    region = _result_region(soup)
    _drop_invisible(soup)
    page = _fold(soup.get_text(" "))

    blocked = _first_match(_BLOCK_RULES, page, front)
    if blocked is not None:
        return blocked
    if _is_js_challenge(noscript):
        return LookupResult("blocked", reason="js_challenge", site=front)

    if region is None:
        found = _with_sentence(_classify_tables(soup, front), page, front) or _first_match(_MESSAGE_RULES, page, front)
        if found is not None:
            return found
        if tspd:  # nothing we know on the page, and F5's challenge script loaded: the challenge
            return LookupResult("blocked", reason="js_challenge", site=front)
        return _unrecognised(front)

    shown = "" if region.decomposed else _fold(region.get_text(" "))
    if not region.decomposed:
        found = _with_sentence(_classify_tables(region, front), shown, front) or _first_match(
            _MESSAGE_RULES, shown, front
        )
        if found is not None:
            return found
    page_error = _first_match(_ERROR_RULES, page, front)
    if page_error is not None:
        return page_error
    return _error("unrendered_page" if not shown else "unrecognised_layout", front)


# --- JSON -----------------------------------------------------------------------------------------


def _key(name) -> str:
    """`NOM_DEPTO`, `nom_depto` and `nomDepto` are one key."""
    return re.sub(r"[\s_-]", "", str(name)).lower()


def _get(obj, *names: str):
    """The first of `names` present in `obj` (key case and separators ignored), else None."""
    if not isinstance(obj, dict):
        return None
    keyed = {_key(key): value for key, value in obj.items()}
    for name in names:
        if name in keyed:
            return keyed[name]
    return None


def _value(obj, *names: str):
    """A JSON field for display: strings with their HTML entities decoded (a front's script may
    render them as markup), numbers as they are, anything else None."""
    value = _get(obj, *names)
    return unescape(value) if isinstance(value, str) else value


def _has(obj: dict, *names: str) -> bool:
    return any(_key(key) in names for key in obj)


def _as_bool(value) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        word = value.strip().lower()
        if word in ("true", "1"):
            return True
        if word in ("false", "0"):
            return False
    return None


def _message_text(value) -> str:
    """A JSON message folded for the keyword rules (it may carry markup)."""
    return _fold(visible_text(value)) if isinstance(value, str) else ""


def _by_message(text: str, front: str) -> LookupResult:
    return _first_match(_MESSAGE_RULES, text, front) or _unrecognised(front)


def _classify_wsp(reply: dict, front: str) -> LookupResult:
    if _as_bool(_get(reply, "reload")):
        return _error("nonce_expired", front)
    success = _as_bool(_get(reply, "success"))
    message = _get(_get(reply, "data"), "message")
    if message is None:
        message = _get(reply, "message")
    if not isinstance(message, str):
        return _unrecognised(front)
    if success is True:
        return _classify_html(message, front)
    if success is False:
        return _by_message(_message_text(message), front)
    return _unrecognised(front)


_CENSO_PLACE_KEYS = ("nomdepto", "departamento", "nommun", "nommunicipio", "municipio", "nompuesto", "puesto", "mesa")
_NOVELTY_NAME_KEYS = (
    "nombre",
    "name",
    "novedad",
    "tiponovedad",
    "descripcion",
    "description",
    "descriptionline1",
    "mensaje",
)
_RESOLUTION_KEYS = ("resolucion", "numeroresolucion", "nroresolucion", "resolution")
_DATE_KEYS = ("fechanovedad", "fecharesolucion", "fecha", "date")


def _has_place(data) -> bool:
    return isinstance(data, dict) and any(_display(_value(data, key)) for key in _CENSO_PLACE_KEYS)


def _present(value) -> bool:
    """A marker that says something: not absent, null, false, empty, zero or an empty list/object."""
    if isinstance(value, str):
        return _as_bool(value) is not False and bool(value.strip())
    return value not in (None, False, 0, [], {})


def _novelty(containers: list, marker) -> dict | None:
    """Read a cancellation from a novelty `marker` (a boolean, a string, an object or a list of
    objects) and the objects around it (`containers`, nearest first): name, resolution and date.
    Keys first; then the number and date inside a sentence (`descripcion`, `mensaje`). None when no
    cancellation can be read."""
    objects = [item for item in (marker if isinstance(marker, list) else [marker]) if isinstance(item, dict)]
    names = [_display(marker)] if isinstance(marker, str) else []
    names += [_display(_value(obj, *_NOVELTY_NAME_KEYS)) for obj in objects]
    names += [_display(_value(obj, key)) for obj in containers for key in ("mensaje", "descripcion", "novedad")]
    name = next((name for name in names if _is_cancellation(name)), None)
    if name is None:
        return None
    sources = [*objects, *containers]
    resolution = next((v for v in (_display(_value(o, *_RESOLUTION_KEYS)) for o in sources) if v), None)
    date = next((v for v in (_display(_value(o, *_DATE_KEYS)) for o in sources) if v), None)
    sentences = [_display(_value(o, key)) for o in sources for key in ("descripcion", "description", "mensaje")]
    resolution = resolution or next((r for r in map(_resolution_in, sentences) if r), None)
    date = date or next((d for d in map(_date_in, sentences) if d), None)
    return {"novedad": name, "resolucion": resolution, "fecha_novedad": date}


def _mentions_novelty(reply: dict, data: dict | None) -> bool:
    """Whether anything besides the `novedad` marker speaks of a novelty: a resolution or novelty
    date among the data, or a message or description that names one ("Cancelada por Muerte", "…
    presenta una novedad", "Resolución 7731 …"). Such an answer is never read as "not found"."""
    if any(_display(_value(obj, *_RESOLUTION_KEYS, "fechanovedad")) for obj in (data, reply)):
        return True
    for key in ("mensaje", "descripcion"):
        text = _fold(_display(_value(reply, key)) or "")
        if "sin novedad" in text or "no presenta novedad" in text or "no registra novedad" in text:
            continue
        if "cancelad" in text or "novedad" in text or _resolution_in(text):
            return True
    return False


def _names_a_cancellation(value, depth: int = 0) -> bool:
    """Whether a cancellation is named anywhere in a JSON value (any key, any nesting): the last
    check before an answer may read "not found"."""
    if isinstance(value, str):
        return "cancelad" in _fold(value)
    if depth > 6:
        return False
    if isinstance(value, dict):
        return any(_names_a_cancellation(inner, depth + 1) for inner in value.values())
    if isinstance(value, list):
        return any(_names_a_cancellation(inner, depth + 1) for inner in value)
    return False


def _censo_error(error, mensaje: str, front: str) -> LookupResult:
    code = _fold(str(error))
    if _is_captcha_missing(code) or _is_captcha_missing(mensaje):
        return LookupResult("blocked", reason="captcha_missing", site=front)
    if "captcha" in code:
        return LookupResult("blocked", reason="captcha_rejected", site=front)
    if "sesion" in code:
        return _error("nonce_expired", front)
    return _by_message(f"{code} {mensaje}", front)


def _classify_consultacenso(reply: dict, front: str) -> LookupResult:
    """`back/api/consulta`. The novelty comes in every form public clients show: `novedad` true with
    the reason in `mensaje` and the resolution and date inside the `descripcion` sentence (with
    `encontrado` false), a string, an object, or inside `data`. A novelty is read before
    `encontrado`: a cancelled document is never "not found"."""
    error = _get(reply, "error")
    mensaje = _message_text(_get(reply, "mensaje"))
    if error not in (None, "", False):
        return _censo_error(error, mensaje, front)
    ok = _as_bool(_get(reply, "ok"))
    if ok is False:
        return _by_message(mensaje, front)
    if ok is not True:
        return _unrecognised(front)
    found = _as_bool(_get(reply, "encontrado"))
    data = _get(reply, "data")
    data = data if isinstance(data, dict) else None
    markers = [m for m in (_get(reply, "novedad"), _get(data, "novedad")) if _present(m)]
    if not markers and (_mentions_novelty(reply, data) or _names_a_cancellation(reply)):
        markers = [True]  # a novelty named or described anywhere is one, whatever `encontrado` says
    if markers:
        if _has_place(data):  # a place and a novelty at once
            return _conflicting(front)
        containers = [c for c in (data, reply) if c is not None]
        novelty = next((n for n in (_novelty(containers, m) for m in markers) if n), None)
        if novelty is None:  # a novelty we cannot read as a cancellation
            return _conflicting(front)
        return _found("cancelled", {"nuip": _value(data, "nuip", "documento", "cedula"), **novelty}, front)
    if found is False:
        if _has_place(data):
            return _conflicting(front)
        return LookupResult("not_found", reason="ok", site=front)
    if found is not True or data is None:
        return _unrecognised(front)
    return _found(
        "active",
        {
            "nuip": _value(data, "nuip", "documento", "cedula"),
            "departamento": _value(data, "nomdepto", "departamento"),
            "municipio": _value(data, "nommun", "nommunicipio", "municipio"),
            "zona": _value(data, "zona", "nomzona"),
            "puesto": _value(data, "nompuesto", "puesto"),
            "direccion": _value(data, "direccion"),
            "mesa": _value(data, "mesa"),
        },
        front,
    )


def _containers(data: dict) -> list[dict]:
    """`data` and the objects public clients nest in it (the voter, the polling place and its
    address), nearest first: `data.voter.identification`, `data.polling_place.{stand, table,
    place_address}`, or the same keys flat in `data`."""
    found = [data]
    for name in ("voter", "citizen", "pollingplace", "place", "placeaddress"):
        inner = _get(data, name)
        if isinstance(inner, dict):
            found.append(inner)
            address = _get(inner, "placeaddress")
            if isinstance(address, dict):
                found.append(address)
    return found


def _find(containers: list[dict], *names: str):
    """The first present value of `names` in any container (None, empty strings and objects skipped)."""
    for container in containers:
        value = _value(container, *names)
        if value is not None and not isinstance(value, dict | list) and _display(value) is not None:
            return value
    return None


def _infovotantes_novelties(data: dict, containers: list[dict]) -> list:
    for container in containers:
        novelty = _get(container, "novelty", "novelties", "novedad", "novedades")
        if isinstance(novelty, dict):
            return [novelty]
        if isinstance(novelty, list) and novelty:
            return novelty
    return []


def _classify_infovotantes(reply: dict, http_status: int | None, front: str) -> LookupResult:
    """`citizen/get-information`. Not found is HTTP 404 with `status_code` 13 (several public clients);
    a 404 without it, or `is_in_census` false with no novelty, is not read as "not found"."""
    code = _as_int(_get(reply, "statuscode"))
    if code == 13:
        return _conflicting(front) if _names_a_cancellation(reply) else LookupResult("not_found", site=front)
    if 403 in (code, http_status):
        return LookupResult("blocked", reason="captcha_rejected", site=front)
    if 401 in (code, http_status):
        return _error("nonce_expired", front)
    if 429 in (code, http_status):
        return _error("rate_limited", front)
    if 504 in (code, http_status):
        return _error("upstream_timeout", front)
    data = _get(reply, "data")
    if _as_bool(_get(reply, "status")) is False or not isinstance(data, dict):
        return _by_message(_message_text(_get(reply, "message", "error")), front)
    containers = _containers(data)
    in_census = _as_bool(_find(containers, "isincensus"))
    novelties = _infovotantes_novelties(data, containers)
    place = {
        "departamento": _find(containers, "state", "department", "departamento"),
        "municipio": _find(containers, "town", "municipality", "municipio"),
        "zona": _find(containers, "zone", "zona"),
        "puesto": _find(containers, "stand", "pollingplacename", "puesto"),
        "direccion": _find(containers, "address", "placeaddressline", "direccion"),
        "mesa": _find(containers, "table", "mesa"),
    }
    has_place = any(_display(value) for value in place.values())
    nuip = _find(containers, "identification", "nuip", "document")
    if novelties:
        cancellation = _novelty([], novelties[0]) if in_census is not True else None
        if in_census is True or has_place or cancellation is None:
            return _conflicting(front)  # a place (or "in census") beside a novelty, or one we cannot read
        return _found("cancelled", {"nuip": nuip, **cancellation}, front)
    if in_census is False:
        return _conflicting(front) if has_place else _unrecognised(front)
    if in_census is True or (in_census is None and has_place):
        return _found("active", {"nuip": nuip, **place}, front)
    return _unrecognised(front)


def _load_json(text: str):
    stripped = text.lstrip()
    if not stripped.startswith(("{", "[")):
        return None
    try:
        return json.loads(stripped)
    except (ValueError, RecursionError):
        return None


def _classify_json(reply, http_status: int | None, front: str) -> LookupResult:
    if not isinstance(reply, dict):
        return _unrecognised(front)
    if _has(reply, "success"):
        return _classify_wsp(reply, front)
    if _has(reply, "ok", "encontrado"):
        return _classify_consultacenso(reply, front)
    if _has(reply, "statuscode", "status"):
        return _classify_infovotantes(reply, http_status, front)
    return _unrecognised(front)


# --- Entry point ----------------------------------------------------------------------------------


def classify(body: str | bytes, *, http_status: int | None = None, front: str = "") -> LookupResult:
    """Classify one answer of a front: `active`, `cancelled`, `not_found`, `blocked` or `error`, with a
    short `reason` and the fields as displayed. Never raises for what a site sends; `site` = `front`."""
    text = _decode(body)
    if http_status == 429:
        return _error("rate_limited", front)
    if not text.strip():
        return _error("empty_response", front)
    reply = _load_json(text)
    result = _classify_html(text, front) if reply is None else _classify_json(reply, http_status, front)
    if result.reason == "unrecognised_layout" and http_status is not None and http_status >= 500:
        return _error("server_error", front)
    return result
