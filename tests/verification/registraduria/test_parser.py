"""The classifier of Registraduría answers: table-driven over every outcome and reason of the contract,
for HTML (whole pages and wsp snippets) and the JSON of the three fronts, plus the support command."""

import json
import warnings
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from verification.lookup import FIELD_NAMES
from verification.registraduria.parser import classify, visible_text

SAMPLES = Path(__file__).parent / "samples"

REASONS = {
    "ok",
    "conflicting_answer",
    "waf_block",
    "js_challenge",
    "captcha_missing",
    "captcha_rejected",
    "maintenance",
    "upstream_timeout",
    "nonce_expired",
    "rate_limited",
    "server_error",
    "empty_response",
    "unrendered_page",
    "unrecognised_layout",
}

ALERT = '<div class="alert alert-info"><strong>Señor Ciudadano:</strong> recuerde llevar su cédula.</div>'
NOT_FOUND_SENTENCE = "El documento consultado no se encuentra en el censo para esta elección."


def table(headers, *rows, table_id="consulta") -> str:
    head = "".join(f"<th>{header}</th>" for header in headers)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return f'<table id="{table_id}" class="table"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


ACTIVE_HEADERS = ("NUIP", "DEPARTAMENTO", "MUNICIPIO", "PUESTO", "DIRECCIÓN", "MESA")
ACTIVE_ROW = ("1000000013", "VALLE DEL CAUCA", "CALI", "I.E. SANTA LIBRADA", "CALLE 7 # 15 - 40", "21")
ACTIVE_VALLE = table(ACTIVE_HEADERS, ACTIVE_ROW) + ALERT
CANCELLED = table(
    ("NUIP", "NOVEDAD", "RESOLUCI&Oacute;N", "FECHA NOVEDAD"),
    ("1000000020", "Cancelada por Muerte", "4521", "2019-05-02"),
)
VALLE_FIELDS = {
    "nuip": "1000000013",
    "departamento": "VALLE DEL CAUCA",
    "municipio": "CALI",
    "zona": None,
    "puesto": "I.E. SANTA LIBRADA",
    "direccion": "CALLE 7 # 15 - 40",
    "mesa": "21",
}
CANCELLED_FIELDS = {
    "nuip": "1000000020",
    "novedad": "Cancelada por Muerte",
    "resolucion": "4521",
    "fecha_novedad": "2019-05-02",
}


def wsp_page(success: str = "", extra: str = "") -> str:
    """A whole wsp page as the browser holds it, with the simulated reCAPTCHA widget rendered."""
    return f"""<!DOCTYPE html><html lang="es"><head><meta charset="utf-8">
<title>Consulta de lugar de votación</title><script src="/recaptcha/api.js"></script>
<script src="/censo/consultar/js/consulta.js"></script></head>
<body><h1>Consulta de lugar de votación</h1>
<form id="form"><input type="text" id="nuip" name="nuip" maxlength="10">
<select id="tipo" name="tipo"><option value="-1" selected>LUGAR DE VOTACIÓN ACTUAL</option></select>
<input type="hidden" id="token" name="token" value="0123456789abcdef0123456789abcdef">
<div class="g-recaptcha" data-sitekey="SITEKEY_WSP"><label><input type="checkbox"> No soy un robot</label>
<textarea id="g-recaptcha-response" name="g-recaptcha-response" style="display:none"></textarea></div>
<input type="button" id="enviar" value="Consultar"></form>
<div id="success">{success}</div>{extra}
<iframe title="recaptcha challenge expires in two minutes" src="about:blank" style="visibility:hidden"></iframe>
</body></html>"""


def wsp(success: bool, message: str | None = None, **extra) -> str:
    reply = {"success": success, **extra}
    if message is not None:
        reply["data"] = {"message": message}
    return json.dumps(reply)


def censo_active(**data) -> str:
    base = {
        "nuip": "1000000013",
        "nom_depto": "VALLE DEL CAUCA",
        "nom_mun": "CALI",
        "nom_puesto": "I.E. SANTA LIBRADA",
        "direccion": "CALLE 7 # 15 - 40",
        "mesa": 21,
    }
    reply = {
        "ok": True,
        "encontrado": True,
        "data": base | data,
        "mapa": {"lat": 3.45, "lng": -76.53},
        "mensaje": "",
        "novedad": None,
        "descripcion": None,
        "error": None,
    }
    return json.dumps(reply)


CENSO_CANCELLED = json.dumps(
    {
        "ok": True,
        "encontrado": True,
        "data": {"nuip": "1000000020", "resolucion": "4521", "fecha_novedad": "2019-05-02"},
        "novedad": "CANCELADA POR MUERTE",
        "descripcion": "Cancelada por Muerte",
        "error": None,
    }
)
CENSO_NOT_FOUND = json.dumps(
    {"ok": True, "encontrado": False, "data": None, "mensaje": NOT_FOUND_SENTENCE, "error": None}
)


def info_active(**place) -> str:
    data = {
        "identification": "1000000013",
        "is_in_census": True,
        "stand": "I.E. SANTA LIBRADA",
        "table": 21,
        "place_address": {"state": "VALLE DEL CAUCA", "town": "CALI", "address": "CALLE 7 # 15 - 40"} | place,
        "novelty": [],
    }
    return json.dumps({"status": True, "status_code": 200, "data": data})


INFO_CANCELLED = json.dumps(
    {
        "status": True,
        "status_code": 200,
        "data": {
            "identification": "1000000020",
            "is_in_census": False,
            "novelty": [
                {
                    "name": "CANCELADA POR MUERTE",
                    "description": "Cancelada por Muerte",
                    "resolution": "4521",
                    "date": "2019-05-02",
                }
            ],
        },
    }
)

WAF_PAGE = (SAMPLES / "waf_block.html").read_text(encoding="utf-8")
F5_PAGE = (SAMPLES / "f5_challenge.html").read_text(encoding="utf-8")
MAINTENANCE_PAGE = """<!DOCTYPE html><html><head><title>Sitio en mantenimiento</title></head><body>
<h1>Servicio en mantenimiento</h1><p>Estamos realizando labores de mantenimiento. Intente más tarde.</p>
</body></html>"""
SERVER_ERROR_PAGE = """<!DOCTYPE html><html><head><title>500 Internal Server Error</title></head><body>
<h1>Internal Server Error</h1><p>The server encountered an internal error and was unable to complete your
request.</p></body></html>"""
REDESIGN = '<section class="resultado-nuevo"><dl><dt>Lugar</dt><dd>COLEGIO LA CANDELARIA</dd></dl></section>'


# (id, body, http_status, outcome, reason, expected fields — only the ones named are checked)
CASES = [
    # --- active, HTML ---------------------------------------------------------------------------
    ("active-snippet", ACTIVE_VALLE, None, "active", "ok", VALLE_FIELDS),
    (
        "active-entities",
        table(
            ("NUIP", "DEPARTAMENTO", "MUNICIPIO", "ZONA", "PUESTO", "DIRECCI&Oacute;N", "MESA"),
            (
                "1000000010",
                "BOGOT&Aacute; D.C.",
                "BOGOT&Aacute; D.C.",
                "01",
                "COLEGIO SAN BARTOLOM&Eacute;",
                "K 7",
                "3",
            ),
        ),
        None,
        "active",
        "ok",
        {"departamento": "BOGOTÁ D.C.", "municipio": "BOGOTÁ D.C.", "zona": "01", "puesto": "COLEGIO SAN BARTOLOMÉ"},
    ),
    (
        "active-rural-nariño",
        table(
            ACTIVE_HEADERS,
            ("1000000011", "NARI&Ntilde;O", "SAMANIEGO", "VEREDA EL LLANO", "ESCUELA RURAL MIXTA EL LLANO", "1"),
        ),
        None,
        "active",
        "ok",
        {"departamento": "NARIÑO", "puesto": "VEREDA EL LLANO", "direccion": "ESCUELA RURAL MIXTA EL LLANO"},
    ),
    (
        "active-headers-no-accents-lowercase-whitespace-colons",
        table(
            ("nuip", "  Departamento:\n", "municipio", "puesto\n  ", "DIRECCION", "Mesa :"),
            ACTIVE_ROW,
        ),
        None,
        "active",
        "ok",
        VALLE_FIELDS,
    ),
    (
        "active-headers-lowercase-entity",
        table(("nuip", "departamento", "municipio", "puesto", "direcci&oacute;n", "mesa"), ACTIVE_ROW),
        None,
        "active",
        "ok",
        VALLE_FIELDS,
    ),
    (
        "active-extra-columns-elsewhere",
        table(
            ("NUIP", "FECHA INSCRIPCI&Oacute;N", "DEPARTAMENTO", "ZONA", "MUNICIPIO", "PUESTO", "DIRECCIÓN", "MESA"),
            ("1000000012", "2014-03-09", "ANTIOQUIA", "03", "MEDELL&Iacute;N", "I.E. JAVIERA LONDOÑO", "CL 50", "9"),
        ),
        None,
        "active",
        "ok",
        {"departamento": "ANTIOQUIA", "zona": "03", "municipio": "MEDELLÍN", "puesto": "I.E. JAVIERA LONDOÑO"},
    ),
    (
        "active-reordered-columns",
        table(
            ("MESA", "DIRECCIÓN", "PUESTO", "MUNICIPIO", "DEPARTAMENTO", "NUIP"),
            tuple(reversed(ACTIVE_ROW)),
        ),
        None,
        "active",
        "ok",
        VALLE_FIELDS,
    ),
    (
        "active-whitespace-in-cells",
        table(
            ACTIVE_HEADERS,
            (
                "\n 1000000013 ",
                "VALLE   DEL\n\tCAUCA",
                "&nbsp;CALI&nbsp;",
                "I.E.<br>SANTA  LIBRADA",
                " CALLE 7 # 15 - 40",
                "21\n",
            ),
        ),
        None,
        "active",
        "ok",
        VALLE_FIELDS,
    ),
    (
        "active-header-row-of-td",
        "<table><tr><td><b>NUIP</b></td><td>DEPARTAMENTO</td><td>MUNICIPIO</td><td>PUESTO</td><td>DIRECCIÓN</td>"
        "<td>MESA</td></tr><tr><td>1000000013</td><td>VALLE DEL CAUCA</td><td>CALI</td><td>I.E. SANTA LIBRADA</td>"
        "<td>CALLE 7 # 15 - 40</td><td>21</td></tr></table>",
        None,
        "active",
        "ok",
        VALLE_FIELDS,
    ),
    (
        "active-data-th-only",
        '<table id="consulta"><tbody><tr><td data-th="MESA">21</td><td data-th="NUIP">1000000013</td>'
        '<td data-th="DEPARTAMENTO">VALLE DEL CAUCA</td><td data-th="MUNICIPIO">CALI</td>'
        '<td data-th="PUESTO">I.E. SANTA LIBRADA</td><td data-th="DIRECCI&Oacute;N">CALLE 7 # 15 - 40</td></tr>'
        "</tbody></table>",
        None,
        "active",
        "ok",
        VALLE_FIELDS,
    ),
    ("active-whole-wsp-page", wsp_page(ACTIVE_VALLE), 200, "active", "ok", VALLE_FIELDS),
    (
        "active-wsp-page-with-tspd-telemetry",
        wsp_page(ACTIVE_VALLE, '<script src="/TSPD/08abc?type=9"></script>'),
        200,
        "active",
        "ok",
        VALLE_FIELDS,
    ),
    # --- active, JSON ---------------------------------------------------------------------------
    ("active-wsp-json", wsp(True, ACTIVE_VALLE), 200, "active", "ok", VALLE_FIELDS),
    (
        "active-wsp-json-unicode-escapes",
        wsp(True, table(ACTIVE_HEADERS, ("1", "NARIÑO", "SAMANIEGO", "VEREDA EL LLANO", "ESCUELA RURAL", "1"))),
        200,
        "active",
        "ok",
        {"departamento": "NARIÑO"},
    ),
    ("active-consultacenso", censo_active(), 200, "active", "ok", VALLE_FIELDS),
    (
        "active-consultacenso-upper-keys-escapes",
        '{"OK": true, "ENCONTRADO": true, "DATA": {"NUIP": "1000000012", "NOM_DEPTO": "ANTIOQUIA", '
        '"NOM_MUN": "MEDELL\\u00cdN", "ZONA": "03", "NOM_PUESTO": "I.E. JAVIERA LONDO\\u00d1O", '
        '"DIRECCION": "CL 50", "MESA": 9}, "NOVEDAD": null, "ERROR": null}',
        200,
        "active",
        "ok",
        {"municipio": "MEDELLÍN", "puesto": "I.E. JAVIERA LONDOÑO", "zona": "03", "mesa": "9", "nuip": "1000000012"},
    ),
    (
        "active-consultacenso-entity-in-string",
        censo_active(nom_depto="BOGOT&Aacute; D.C.", nom_mun="BOGOTÁ  D.C."),
        200,
        "active",
        "ok",
        {"departamento": "BOGOTÁ D.C.", "municipio": "BOGOTÁ D.C."},
    ),
    ("active-infovotantes", info_active(), 200, "active", "ok", VALLE_FIELDS),
    ("active-infovotantes-zone", info_active(zone="99"), 200, "active", "ok", {"zona": "99"}),
    (
        "active-infovotantes-upper-keys",
        '{"STATUS": true, "STATUS_CODE": 200, "DATA": {"IDENTIFICATION": "7", "IS_IN_CENSUS": true, '
        '"STAND": "VEREDA EL LLANO", "TABLE": "2", "PLACE_ADDRESS": {"STATE": "NARI\\u00d1O", '
        '"TOWN": "SAMANIEGO", "ADDRESS": "ESCUELA", "ZONE": "99"}, "NOVELTY": []}}',
        200,
        "active",
        "ok",
        {"departamento": "NARIÑO", "mesa": "2", "puesto": "VEREDA EL LLANO"},
    ),
    # --- cancelled ------------------------------------------------------------------------------
    ("cancelled-snippet", CANCELLED, None, "cancelled", "ok", CANCELLED_FIELDS),
    ("cancelled-wsp-json", wsp(True, CANCELLED), 200, "cancelled", "ok", CANCELLED_FIELDS),
    ("cancelled-whole-wsp-page", wsp_page(CANCELLED), 200, "cancelled", "ok", CANCELLED_FIELDS),
    (
        "cancelled-headers-no-accents-lowercase",
        table(
            ("Fecha  de\nNovedad", "resolucion:", "nuip", "novedad"),
            ("2019-05-02", "4521", "1000000020", "Cancelada por Muerte"),
        ),
        None,
        "cancelled",
        "ok",
        {"fecha_novedad": "2019-05-02", "resolucion": "4521", "novedad": "Cancelada por Muerte"},
    ),
    (
        "cancelled-consultacenso",
        CENSO_CANCELLED,
        200,
        "cancelled",
        "ok",
        CANCELLED_FIELDS | {"novedad": "CANCELADA POR MUERTE", "departamento": None},
    ),
    (
        "cancelled-infovotantes",
        INFO_CANCELLED,
        200,
        "cancelled",
        "ok",
        CANCELLED_FIELDS | {"novedad": "CANCELADA POR MUERTE", "mesa": None},
    ),
    # --- not_found ------------------------------------------------------------------------------
    (
        "not-found-snippet",
        f'<div class="alert alert-warning">{NOT_FOUND_SENTENCE}</div>',
        None,
        "not_found",
        "ok",
        {},
    ),
    (
        "not-found-wsp-json-success",
        wsp(True, f'<div class="alert">{NOT_FOUND_SENTENCE}</div>'),
        200,
        "not_found",
        "ok",
        {},
    ),
    ("not-found-wsp-json-failure", wsp(False, NOT_FOUND_SENTENCE), 200, "not_found", "ok", {}),
    ("not-found-whole-wsp-page", wsp_page(f"<div>{NOT_FOUND_SENTENCE}</div>"), 200, "not_found", "ok", {}),
    (
        "not-found-wording",
        "<p>EL DOCUMENTO NO SE ENCUENTRA REGISTRADO EN EL CENSO ELECTORAL</p>",
        None,
        "not_found",
        "ok",
        {},
    ),
    ("not-found-consultacenso", CENSO_NOT_FOUND, 200, "not_found", "ok", {}),
    (
        "not-found-infovotantes",
        '{"status": false, "status_code": 13, "message": "El documento no se encuentra en el censo."}',
        404,
        "not_found",
        "ok",
        {},
    ),
    (
        "not-found-infovotantes-status-code-13",
        '{"STATUS": false, "STATUS_CODE": "13", "MESSAGE": "Sin resultados"}',
        404,
        "not_found",
        "ok",
        {},
    ),
    # --- blocked --------------------------------------------------------------------------------
    ("waf-200", WAF_PAGE, 200, "blocked", "waf_block", {}),
    ("waf-500", WAF_PAGE, 500, "blocked", "waf_block", {}),
    ("waf-bytes", WAF_PAGE.encode(), 200, "blocked", "waf_block", {}),
    ("waf-in-wsp-message", wsp(True, WAF_PAGE), 200, "blocked", "waf_block", {}),
    (
        "waf-support-id-rechazada",
        "<html><body><p>Solicitud rechazada. Su ID de soporte es: 99</p></body></html>",
        200,
        "blocked",
        "waf_block",
        {},
    ),
    (
        "waf-f5-english",
        "<html><body>The requested URL was rejected. Please consult with your administrator.<br>"
        "Your support ID is: 7712</body></html>",
        200,
        "blocked",
        "waf_block",
        {},
    ),
    ("js-challenge-f5", F5_PAGE, 200, "blocked", "js_challenge", {}),
    (
        "js-challenge-visible-text",
        "<html><body><p>Please enable JavaScript to view the page content. Your support ID is: 1234567890.</p>"
        "</body></html>",
        200,
        "blocked",
        "js_challenge",
        {},
    ),
    (
        "js-challenge-tspd-script-only",
        '<html><head><script src="/TSPD/08a1f0e2?type=7"></script></head><body></body></html>',
        200,
        "blocked",
        "js_challenge",
        {},
    ),
    (
        "captcha-missing-wsp-json",
        wsp(False, "Marque el cuadro de verificación «No soy un robot» para continuar."),
        200,
        "blocked",
        "captcha_missing",
        {},
    ),
    (
        "captcha-missing-rendered-by-page",
        wsp_page("Marque el cuadro de verificaci&oacute;n «No soy un robot»."),
        200,
        "blocked",
        "captcha_missing",
        {},
    ),
    (
        "captcha-rejected-wsp-json",
        wsp(False, "La verificación del captcha no fue válida. Intente de nuevo."),
        200,
        "blocked",
        "captcha_rejected",
        {},
    ),
    (
        "captcha-rejected-consultacenso",
        '{"ok": false, "error": "captcha", "mensaje": "Captcha inv\\u00e1lido"}',
        200,
        "blocked",
        "captcha_rejected",
        {},
    ),
    (
        "captcha-rejected-infovotantes",
        '{"status": false, "status_code": 403, "message": "Token de captcha inválido"}',
        403,
        "blocked",
        "captcha_rejected",
        {},
    ),
    (
        "captcha-rejected-infovotantes-http-403",
        '{"status": false, "message": "Forbidden"}',
        403,
        "blocked",
        "captcha_rejected",
        {},
    ),
    # --- error ----------------------------------------------------------------------------------
    ("maintenance-503", MAINTENANCE_PAGE, 503, "error", "maintenance", {}),
    ("maintenance-no-status", MAINTENANCE_PAGE.encode(), None, "error", "maintenance", {}),
    (
        "census-unavailable-is-not-not-found",
        "<p>La consulta del censo no se encuentra disponible en este momento.</p>",
        503,
        "error",
        "server_error",
        {},
    ),
    (
        "upstream-timeout-wsp",
        wsp(False, "Curl error: Operation timed out after 15008 milliseconds with 0 bytes received"),
        200,
        "error",
        "upstream_timeout",
        {},
    ),
    (
        "upstream-timeout-consultacenso",
        '{"ok": false, "error": "Curl error: Operation timed out after 15008 milliseconds"}',
        200,
        "error",
        "upstream_timeout",
        {},
    ),
    (
        "upstream-timeout-infovotantes",
        '{"status": false, "status_code": 504, "message": "Gateway Timeout"}',
        504,
        "error",
        "upstream_timeout",
        {},
    ),
    (
        "upstream-timeout-nginx-504",
        "<html><body><h1>504 Gateway Time-out</h1></body></html>",
        504,
        "error",
        "upstream_timeout",
        {},
    ),
    ("nonce-expired-wsp", '{"success": false, "reload": true}', 200, "error", "nonce_expired", {}),
    (
        "nonce-expired-consultacenso",
        '{"ok": false, "error": "sesion", "mensaje": "La sesión expiró. Recargue la página."}',
        200,
        "error",
        "nonce_expired",
        {},
    ),
    (
        "nonce-expired-consultacenso-accent",
        '{"ok": false, "error": "sesi\\u00f3n", "mensaje": ""}',
        200,
        "error",
        "nonce_expired",
        {},
    ),
    (
        "nonce-expired-infovotantes",
        '{"status": false, "status_code": 401, "message": "Sesión expirada"}',
        401,
        "error",
        "nonce_expired",
        {},
    ),
    ("rate-limited-429", "Too Many Requests", 429, "error", "rate_limited", {}),
    ("rate-limited-429-empty", "", 429, "error", "rate_limited", {}),
    ("rate-limited-429-whatever-body", WAF_PAGE, 429, "error", "rate_limited", {}),
    ("rate-limited-text-only", "Too Many Requests", None, "error", "rate_limited", {}),
    ("server-error-500", SERVER_ERROR_PAGE, 500, "error", "server_error", {}),
    ("server-error-502-unknown-json", '{"detail": "bad gateway"}', 502, "error", "server_error", {}),
    ("empty-body", "", 200, "error", "empty_response", {}),
    ("empty-whitespace", " \n\t ", None, "error", "empty_response", {}),
    ("empty-bytes", b"", None, "error", "empty_response", {}),
    ("empty-wsp-message", wsp(True, ""), 200, "error", "empty_response", {}),
    ("unrendered-wsp-page", wsp_page(), 200, "error", "unrendered_page", {}),
    (
        "unrendered-wsp-page-hidden-spinner",
        wsp_page("<div hidden>Cargando…</div>  \n"),
        200,
        "error",
        "unrendered_page",
        {},
    ),
    ("unrendered-wsp-page-500", wsp_page(), 500, "error", "unrendered_page", {}),
    (
        "unrendered-wsp-page-hidden-block-words",
        wsp_page(extra='<div style="display:none">La solicitud ha sido rechazada. Su ID de soporte es: 1</div>'),
        200,
        "error",
        "unrendered_page",
        {},
    ),
    (
        "unrendered-wsp-page-static-help-text",
        wsp_page(extra=f"<p>Si aparece «{NOT_FOUND_SENTENCE}», acérquese a la Registraduría.</p>"),
        200,
        "error",
        "unrendered_page",
        {},
    ),
    ("unrecognised-redesign-html", REDESIGN, None, "error", "unrecognised_layout", {}),
    ("unrecognised-redesign-wsp-json", wsp(True, REDESIGN), 200, "error", "unrecognised_layout", {}),
    ("unrecognised-redesign-wsp-page", wsp_page(REDESIGN), 200, "error", "unrecognised_layout", {}),
    (
        "unrecognised-redesign-consultacenso",
        '{"ok": true, "resultado": {"lugar": "CALI"}}',
        200,
        "error",
        "unrecognised_layout",
        {},
    ),
    (
        "unrecognised-redesign-infovotantes",
        '{"status": true, "data": {"citizen": {"place": "CALI"}}}',
        200,
        "error",
        "unrecognised_layout",
        {},
    ),
    (
        "unrecognised-table-unknown-headers",
        table(("DOCUMENTO", "LUGAR", "MESA"), ("1000000013", "CALI", "21")),
        None,
        "error",
        "unrecognised_layout",
        {},
    ),
    ("unrecognised-table-header-no-rows", table(ACTIVE_HEADERS), None, "error", "unrecognised_layout", {}),
    (
        "unrecognised-table-missing-value",
        table(ACTIVE_HEADERS, ("1", "VALLE DEL CAUCA", "CALI", "I.E. SANTA LIBRADA", "CL 7", "")),
        None,
        "error",
        "unrecognised_layout",
        {},
    ),
    (
        "conflicting-table-active-and-cancelled",
        table((*ACTIVE_HEADERS, "NOVEDAD", "RESOLUCIÓN", "FECHA NOVEDAD"), (*ACTIVE_ROW, "X", "1", "2")),
        None,
        "error",
        "conflicting_answer",
        {},
    ),
    (
        "unrecognised-empty-table-beside-not-found-text",
        table(ACTIVE_HEADERS) + NOT_FOUND_SENTENCE,
        None,
        "error",
        "unrecognised_layout",
        {},
    ),
    ("unrecognised-json-unknown-keys", '{"resultado": {"lugar": "CALI"}}', 200, "error", "unrecognised_layout", {}),
    ("unrecognised-json-list", "[1, 2, 3]", 200, "error", "unrecognised_layout", {}),
    ("unrecognised-json-truncated", '{"success": true, "data": {"mess', 200, "error", "unrecognised_layout", {}),
    (
        "unrecognised-wsp-success-unknown",
        '{"success": "quizás", "data": {"message": "x"}}',
        200,
        "error",
        "unrecognised_layout",
        {},
    ),
    (
        "unrecognised-wsp-message-not-text",
        '{"success": true, "data": {"message": {"a": 1}}}',
        200,
        "error",
        "unrecognised_layout",
        {},
    ),
    ("unrecognised-wsp-failure-unknown", wsp(False, "Algo pasó."), 200, "error", "unrecognised_layout", {}),
    ("unrecognised-wsp-failure-no-message", '{"success": false}', 200, "error", "unrecognised_layout", {}),
    ("unrecognised-consultacenso-no-encontrado", '{"ok": true, "data": null}', 200, "error", "unrecognised_layout", {}),
    (
        "unrecognised-consultacenso-found-without-data",
        '{"ok": true, "encontrado": true, "data": null}',
        200,
        "error",
        "unrecognised_layout",
        {},
    ),
    (
        "conflicting-consultacenso-place-and-novedad",
        json.loads(censo_active()) | {"novedad": "CANCELADA POR MUERTE"},
        200,
        "error",
        "conflicting_answer",
        {},
    ),
    (
        "unrecognised-consultacenso-unknown-error",
        '{"ok": false, "error": "interno"}',
        200,
        "error",
        "unrecognised_layout",
        {},
    ),
    (
        "unrecognised-infovotantes-out-without-novelty",
        '{"status": true, "status_code": 200, "data": {"identification": "1", "is_in_census": false, "novelty": []}}',
        200,
        "error",
        "unrecognised_layout",
        {},
    ),
    (
        "unrecognised-infovotantes-route-404",
        '{"status": false, "status_code": 404, "message": "Not Found"}',
        404,
        "error",
        "unrecognised_layout",
        {},
    ),
    ("unrecognised-plain-text", "Hola", 200, "error", "unrecognised_layout", {}),
    (
        "unrecognised-page-error-text",
        wsp_page("Ocurrió un error. Intente de nuevo."),
        200,
        "error",
        "unrecognised_layout",
        {},
    ),
]


@pytest.mark.parametrize(
    ("body", "http_status", "outcome", "reason", "fields"),
    [pytest.param(*case[1:], id=case[0]) for case in CASES],
)
def test_classify(body, http_status, outcome, reason, fields):
    if isinstance(body, dict):
        body = json.dumps(body)
    result = classify(body, http_status=http_status, front="wsp")

    assert (result.outcome, result.reason) == (outcome, reason)
    assert set(result.fields) == set(FIELD_NAMES)
    assert {name: result.fields[name] for name in fields} == fields
    if outcome not in ("active", "cancelled"):
        assert all(value is None for value in result.fields.values())
    assert result.site == "wsp"
    assert result.evidence == []
    assert result.retry_after is None


def test_the_table_covers_every_outcome_and_reason():
    assert {case[3] for case in CASES} == {"active", "cancelled", "not_found", "blocked", "error"}
    assert {case[4] for case in CASES} == REASONS


@pytest.mark.parametrize("front", ["wsp", "consultacenso", "infovotantes", ""])
def test_site_is_the_front_given(front):
    assert classify(ACTIVE_VALLE, front=front).site == front
    assert classify("", front=front).site == front


# --- Hidden text never reads as a block ----------------------------------------------------------

BLOCK_WORDS = "La solicitud ha sido rechazada: se presentó un evento de seguridad. Su ID de soporte es: 123"
HIDDEN_WRAPPERS = {
    "display-none": f'<div style="display:none">{BLOCK_WORDS}</div>',
    "display-none-spaced-important": f'<div style="color: red; DISPLAY : NONE !important">{BLOCK_WORDS}</div>',
    "visibility-hidden": f'<p style="visibility: hidden">{BLOCK_WORDS}</p>',
    "hidden-attribute": f"<section hidden><p>{BLOCK_WORDS}</p></section>",
    "aria-hidden": f'<span aria-hidden="true">{BLOCK_WORDS}</span>',
    "script": f'<script>var msg = "{BLOCK_WORDS}";</script>',
    "style": f"<style>/* {BLOCK_WORDS} */</style>",
    "noscript": f"<noscript>{BLOCK_WORDS}</noscript>",
    "template": f"<template><p>{BLOCK_WORDS}</p></template>",
    "iframe": f'<iframe title="{BLOCK_WORDS}">{BLOCK_WORDS}</iframe>',
    "comment": f"<!-- {BLOCK_WORDS} -->",
    "recaptcha-iframe": (
        '<iframe title="recaptcha challenge expires in two minutes" style="visibility:hidden"></iframe>'
    ),
    "js-challenge-words-in-script": '<script>"Please enable JavaScript. Your support ID is: 1"</script>',
}


@pytest.mark.parametrize("hidden", HIDDEN_WRAPPERS.values(), ids=HIDDEN_WRAPPERS.keys())
def test_hidden_block_words_do_not_block_a_result(hidden):
    assert classify(ACTIVE_VALLE + hidden).outcome == "active"
    assert classify(wsp_page(ACTIVE_VALLE + hidden, extra=hidden)).outcome == "active"
    assert classify(wsp_page(extra=hidden)).reason == "unrendered_page"
    assert classify(f"<html><body><p>Hola</p>{hidden}</body></html>").reason == "unrecognised_layout"


def test_visible_block_words_block():
    assert classify(wsp_page(extra=f"<p>{BLOCK_WORDS}</p>")).reason == "waf_block"


def test_a_hidden_result_is_not_read():
    assert classify(f'<div style="display:none">{ACTIVE_VALLE}</div>').reason == "unrecognised_layout"
    assert classify(wsp_page(extra="").replace('<div id="success">', '<div id="success" hidden>')).reason == (
        "unrendered_page"
    )


# --- visible_text --------------------------------------------------------------------------------


def test_visible_text_drops_hidden_parts_and_keeps_accents():
    html = (
        "<html><head><title>Título</title><script>var x = 1;</script></head><body>"
        "<p>BOGOT&Aacute;\n   D.C.</p><p hidden>oculto</p><span aria-hidden='true'>oculto</span>"
        "<div style='display:none'>oculto</div><iframe title='recaptcha challenge'></iframe><td>NARIÑO</td>"
        "<noscript>oculto</noscript><!-- oculto --></body></html>"
    )
    assert visible_text(html) == "BOGOTÁ D.C. NARIÑO"
    assert visible_text(html.encode("utf-8")) == "BOGOTÁ D.C. NARIÑO"
    assert visible_text("") == ""


def test_visible_text_of_the_sample_page_has_no_challenge_word():
    text = visible_text((SAMPLES / "wsp_active_page.html").read_bytes())
    assert "challenge" not in text.lower()
    assert "rechazada" not in text
    assert "BOGOTÁ D.C." in text


# --- Bodies in odd shapes ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "departamento"),
    [
        pytest.param(ACTIVE_VALLE.replace("VALLE DEL CAUCA", "BOGOTÁ D.C.").encode("utf-8"), "BOGOTÁ D.C.", id="utf-8"),
        pytest.param(
            ACTIVE_VALLE.replace("VALLE DEL CAUCA", "BOGOTÁ D.C.").encode("cp1252"), "BOGOTÁ D.C.", id="cp1252"
        ),
        pytest.param(b"\xef\xbb\xbf" + censo_active(nom_depto="NARIÑO").encode(), "NARIÑO", id="utf-8-bom-json"),
        pytest.param(ACTIVE_VALLE.replace("VALLE DEL CAUCA", "NARIÑO").encode("utf-16"), "NARIÑO", id="utf-16"),
        pytest.param(ACTIVE_VALLE.replace("VALLE DEL CAUCA", "NARIN\u0303O"), "NARIÑO", id="decomposed-accent"),
    ],
)
def test_encodings(body, departamento):
    result = classify(body)
    assert result.outcome == "active"
    assert result.fields["departamento"] == departamento


@pytest.mark.parametrize(
    "body",
    [
        "<",
        "<![",
        "<!DOCTYPE",
        "<!--",
        "<![CDATA[ x",
        "</p></table><td>",
        "{",
        "[",
        "null",
        "\x00\x01\x02",
        b"\xff\xfe\x00",
        b"\x89PNG\r\n\x1a\n\x00\x00",
        "[" * 100_000,
        "{" + '"a":{' * 3000,
        "<div>" * 5000 + "x",
        "<table>" * 500 + "<tr><th>MESA</th></tr>",
        '{"success": true, "data": {"message": "<table><tr><th>NUIP</th></tr></table>"}}',
        '{"ok": true, "encontrado": true, "data": {"nom_depto": ["x"], "mesa": {"n": 1}}}',
        '{"status": true, "data": {"is_in_census": true, "place_address": "x"}}',
        '{"status": true, "data": {"is_in_census": false, "novelty": "x"}}',
    ],
)
def test_unknown_input_is_an_error_never_an_exception(body):
    result = classify(body, http_status=200)
    assert result.outcome == "error"
    assert result.reason in ("unrecognised_layout", "empty_response")


def test_plain_text_bodies_raise_no_parser_warning():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for body in ("x.html", "https://wsp.registraduria.gov.co/censo/consultar/", "Too Many Requests"):
            classify(body)
            visible_text(body)


def test_status_alone_decides_nothing_but_429():
    assert classify(ACTIVE_VALLE, http_status=500).outcome == "active"
    assert classify(CENSO_NOT_FOUND, http_status=503).outcome == "not_found"
    assert classify(WAF_PAGE, http_status=404).reason == "waf_block"
    assert classify("", http_status=500).reason == "empty_response"


# --- The support command -------------------------------------------------------------------------

SAMPLE_EXPECTATIONS = {
    "wsp_active_page.html": ("active", "ok", {"departamento": "BOGOTÁ D.C.", "zona": "01", "mesa": "7"}),
    "wsp_cancelled_snippet.html": ("cancelled", "ok", {"novedad": "Cancelada por Muerte", "resolucion": "4521"}),
    "wsp_not_found.json": ("not_found", "ok", {}),
    "consultacenso_active_upper.json": ("active", "ok", {"municipio": "MEDELLÍN", "mesa": "14"}),
    "infovotantes_active.json": ("active", "ok", {"departamento": "NARIÑO", "puesto": "VEREDA EL LLANO"}),
    "waf_block.html": ("blocked", "waf_block", {}),
    "f5_challenge.html": ("blocked", "js_challenge", {}),
    "redesigned_layout.html": ("error", "unrecognised_layout", {}),
}


def run_command(*paths) -> tuple[list[dict], str, CommandError | None]:
    stdout, stderr = StringIO(), StringIO()
    error = None
    try:
        call_command("parse_registraduria", *map(str, paths), stdout=stdout, stderr=stderr)
    except CommandError as exc:
        error = exc
    lines = [json.loads(line) for line in stdout.getvalue().splitlines()]
    for line in lines:
        assert set(line) == {"file", "outcome", "fields", "reason"}
        assert list(line["fields"]) == list(FIELD_NAMES)
    return lines, stderr.getvalue(), error


def test_every_sample_file_is_covered():
    assert {path.name for path in SAMPLES.iterdir()} == set(SAMPLE_EXPECTATIONS)


def test_command_prints_one_json_object_per_file():
    paths = [SAMPLES / name for name in SAMPLE_EXPECTATIONS]
    lines, stderr, error = run_command(*paths)

    assert error is None
    assert stderr == ""
    assert [line["file"] for line in lines] == [str(path) for path in paths]
    for line, (outcome, reason, fields) in zip(lines, SAMPLE_EXPECTATIONS.values(), strict=True):
        assert (line["outcome"], line["reason"]) == (outcome, reason), line["file"]
        assert {name: line["fields"][name] for name in fields} == fields


def test_command_output_keeps_accents_unescaped():
    stdout = StringIO()
    call_command("parse_registraduria", str(SAMPLES / "wsp_active_page.html"), stdout=stdout)
    assert "BOGOTÁ D.C." in stdout.getvalue()


def test_command_reports_unreadable_files_and_exits_1(tmp_path):
    missing = tmp_path / "no-existe.html"
    paths = [SAMPLES / "waf_block.html", missing, tmp_path, SAMPLES / "wsp_not_found.json"]
    lines, stderr, error = run_command(*paths)

    assert error is not None
    assert error.returncode == 1
    assert [(line["file"], line["outcome"], line["reason"]) for line in lines] == [
        (str(paths[0]), "blocked", "waf_block"),
        (str(missing), "error", "unreadable_file"),
        (str(tmp_path), "error", "unreadable_file"),
        (str(paths[3]), "not_found", "ok"),
    ]
    assert all(value is None for value in lines[1]["fields"].values())
    assert str(missing) in stderr


def test_command_classifies_an_empty_file(tmp_path):
    empty = tmp_path / "vacia.html"
    empty.write_bytes(b"")
    lines, _, error = run_command(empty)
    assert error is None
    assert (lines[0]["outcome"], lines[0]["reason"]) == ("error", "empty_response")
