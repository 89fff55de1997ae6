"""Mutations of the corpus's real answer shapes never produce a wrong answer.

Every active, cancelled and not-found answer of the corpus is mutated automatically, the way a
redesign or a misreading would change it: columns dropped, renamed, reordered or added, header rows
repeated, banner rows inserted, outcome markers swapped or contradicted (HTML); keys dropped,
renamed, re-nested or upper-cased, booleans flipped, place objects flattened or nested (JSON). The
property: each mutant classifies as `error`/`blocked`, or as the original outcome with every field
either the original's value or empty. A mutant never becomes a different answer, never gains a value
the original did not carry.
"""

import copy
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from verification.lookup import FIELD_NAMES
from verification.registraduria.parser import _fold, classify

CORPUS = Path(__file__).with_name("corpus")
ANSWERS = ("active", "cancelled", "not_found")
NOT_FOUND_SENTENCE = "<p>El documento consultado no se encuentra en el censo para esta elección.</p>"
CANCELLED_TABLE = (
    "<table><tr><th>NUIP</th><th>NOVEDAD</th><th>RESOLUCIÓN</th><th>FECHA NOVEDAD</th></tr>"
    "<tr><td>1000000999</td><td>CANCELADA POR MUERTE</td><td>1</td><td>2001-01-01</td></tr></table>"
)
ACTIVE_TABLE = (
    "<table><tr><th>NUIP</th><th>DEPARTAMENTO</th><th>MUNICIPIO</th><th>PUESTO</th><th>DIRECCIÓN</th><th>MESA</th>"
    "</tr><tr><td>1000000999</td><td>OTRO</td><td>OTRO</td><td>OTRO</td><td>OTRA</td><td>99</td></tr></table>"
)


def _originals():
    for manifest in sorted(CORPUS.glob("*/manifest.json")):
        document = json.loads(manifest.read_text(encoding="utf-8"))
        for entry in document["answers"]:
            if entry["outcome"] in ANSWERS:
                yield document["front"], entry, (manifest.parent / entry["file"]).read_text(encoding="utf-8")


# --- HTML mutations (the wsp message snippet, or a whole page) -----------------------------------


def _tables(soup):
    return soup.find_all("table")


def _header_cells(table):
    row = table.find("tr")
    return row.find_all(["th", "td"], recursive=False) if row else []


def _html_mutants(html: str, outcome: str) -> Iterator[tuple[str, str]]:
    soup = BeautifulSoup(html, "html.parser")
    tables = _tables(soup)
    if not tables:
        yield "add-active-table", html + ACTIVE_TABLE
        yield "add-cancelled-table", html + CANCELLED_TABLE
        return
    width = len(_header_cells(tables[0]))
    for index in range(width):
        for kind in ("drop-column", "rename-column", "move-column-last", "blank-column"):
            mutant = BeautifulSoup(html, "html.parser")
            for row in _tables(mutant)[0].find_all("tr"):
                cells = row.find_all(["th", "td"], recursive=False)
                if len(cells) != width:
                    continue
                cell = cells[index]
                if kind == "drop-column":
                    cell.decompose()
                elif kind == "rename-column" and cell.name == "th":
                    cell.string = "COLUMNA NUEVA"
                elif kind == "move-column-last":
                    row.append(cell.extract())
                elif kind == "blank-column" and cell.name == "td":
                    cell.string = ""
            yield f"{kind}@{index}", str(mutant)
    for kind in ("banner-row", "repeat-header-row", "extra-column", "no-data-row", "headers-as-data"):
        mutant = BeautifulSoup(html, "html.parser")
        table = _tables(mutant)[0]
        rows = table.find_all("tr")
        if kind == "banner-row":
            banner = mutant.new_tag("tr")
            cell = mutant.new_tag("td", attrs={"colspan": str(width)})
            cell.string = "RESULTADO DE LA CONSULTA"
            banner.append(cell)
            rows[0].insert_after(banner)
        elif kind == "repeat-header-row":
            rows[0].insert_after(copy.copy(rows[0]))
        elif kind == "extra-column":
            for row in rows:
                cell = mutant.new_tag(rows[0].find(["th", "td"]).name if row is rows[0] else "td")
                cell.string = "OBSERVACIONES" if row is rows[0] else "SIN OBSERVACIONES"
                row.append(cell)
        elif kind == "no-data-row":
            for row in rows[1:]:
                row.decompose()
        elif kind == "headers-as-data":
            for row in rows[1:]:
                for cell, header in zip(row.find_all("td", recursive=False), _header_cells(table), strict=False):
                    cell.string = header.get_text()
        yield kind, str(mutant)
    yield "plus-not-found-sentence", html + NOT_FOUND_SENTENCE
    yield "plus-other-answer-table", html + (CANCELLED_TABLE if outcome == "active" else ACTIVE_TABLE)


# --- JSON mutations ------------------------------------------------------------------------------


def _paths(value, path=()) -> Iterator[tuple]:
    if isinstance(value, dict):
        for key, inner in value.items():
            yield (*path, key)
            yield from _paths(inner, (*path, key))


def _at(document, path):
    for key in path:
        document = document[key]
    return document


def _json_mutants(document, outcome: str) -> Iterator[tuple[str, object]]:
    for path in _paths(document):
        label = ".".join(path)
        parent_path, key = path[:-1], path[-1]
        dropped = copy.deepcopy(document)
        del _at(dropped, parent_path)[key]
        yield f"drop@{label}", dropped
        renamed = copy.deepcopy(document)
        parent = _at(renamed, parent_path)
        parent[f"{key}_v2"] = parent.pop(key)
        yield f"rename@{label}", renamed
        value = _at(document, path)
        if isinstance(value, bool):
            flipped = copy.deepcopy(document)
            _at(flipped, parent_path)[key] = not value
            yield f"flip@{label}", flipped
        if isinstance(value, dict) and value:
            nested = copy.deepcopy(document)
            parent = _at(nested, parent_path)
            parent[key] = {"resultado": parent[key]}
            yield f"renest@{label}", nested
            flattened = copy.deepcopy(document)
            parent = _at(flattened, parent_path)
            inner = parent.pop(key)
            parent.update({k: v for k, v in inner.items() if k not in parent})
            yield f"flatten@{label}", flattened
    if isinstance(document, dict):
        yield "upper-case-keys", {key.upper(): value for key, value in document.items()}
        # Contradictions: a novelty beside a place, a place beside a novelty, an unreadable novelty.
        if outcome == "active":
            with_novelty = copy.deepcopy(document)
            with_novelty["novedad"] = True
            with_novelty["mensaje"] = "Cancelada por Muerte"
            yield "plus-novelty-marker", with_novelty
        if outcome == "not_found":
            unreadable = copy.deepcopy(document)
            unreadable["novedad"] = True
            yield "plus-unreadable-novelty", unreadable
        data = document.get("data")
        if outcome != "active":
            with_place = copy.deepcopy(document)
            place = {"nom_depto": "OTRO", "nom_puesto": "OTRO", "mesa": "99", "polling_place": {"stand": "OTRO"}}
            with_place["data"] = (data if isinstance(data, dict) else {}) | place
            yield "plus-place", with_place
        if outcome == "active" and isinstance(data, dict):
            novelty = copy.deepcopy(document)
            novelty["data"]["novelty"] = [{"name": "CANCELADA POR MUERTE", "resolution": "1", "date": "2001-01-01"}]
            yield "plus-novelty-list", novelty


def _mutants(front: str, body: str, outcome: str) -> Iterator[tuple[str, str]]:
    try:
        document = json.loads(body)
    except ValueError:
        for name, html in _html_mutants(body, outcome):
            yield f"html:{name}", html
        return
    for name, mutant in _json_mutants(document, outcome):
        yield f"json:{name}", json.dumps(mutant, ensure_ascii=False)
    message = document.get("data", {}).get("message") if isinstance(document.get("data"), dict) else None
    if front == "wsp" and isinstance(message, str):
        for name, html in _html_mutants(message, outcome):
            wrapped = copy.deepcopy(document)
            wrapped["data"]["message"] = html
            yield f"message:{name}", json.dumps(wrapped, ensure_ascii=False)


def _same(a: str | None, b: str | None) -> bool:
    """One value, whatever its case, accents or spacing ("Cancelada por Muerte" / "CANCELADA POR MUERTE")."""
    return a is not None and b is not None and _fold(a) == _fold(b)


def _erases_the_answer(entry: dict, mutant: str) -> bool:
    """A mutant that no longer carries the novelty the original showed (its `data` or its only
    marker deleted) is another answer, not a misreading of this one: no parser could tell."""
    novelty = entry["fields"].get("novedad")
    if entry["outcome"] != "cancelled" or novelty is None:
        return False
    return _fold(novelty) not in _fold(_decoded(mutant))


def _decoded(text: str) -> str:
    try:
        return json.dumps(json.loads(text), ensure_ascii=False)
    except ValueError:
        return text


def _all_mutants():
    for front, entry, body in _originals():
        for name, mutant in _mutants(front, body, entry["outcome"]):
            if _erases_the_answer(entry, mutant):
                continue
            yield front, entry, name, mutant


MUTANTS = list(_all_mutants())


def _wrong(entry: dict, result) -> str | None:
    if result.outcome in ("error", "blocked"):
        return None
    if result.outcome != entry["outcome"]:
        return f"became {result.outcome}"
    for name in FIELD_NAMES:
        got = result.fields.get(name)
        if got is not None and not _same(got, entry["fields"].get(name)):
            return f"{name} = {got!r} (the original has {entry['fields'].get(name)!r})"
    return None


def test_there_are_hundreds_of_mutants_of_every_kind():
    kinds = {name.split("@")[0] for _, _, name, _ in MUTANTS}
    assert len(MUTANTS) >= 500
    assert len(kinds) >= 20, sorted(kinds)


@pytest.mark.parametrize("front", ["wsp", "consultacenso", "infovotantes"])
def test_no_mutant_of_a_real_answer_is_a_wrong_answer(front):
    wrong = []
    right = errors = 0
    for mutant_front, entry, name, body in MUTANTS:
        if mutant_front != front:
            continue
        result = classify(body, http_status=entry["http_status"], front=front)
        problem = _wrong(entry, result)
        if problem:
            wrong.append(f"{entry['file']} {name}: {problem}")
        elif result.outcome in ("error", "blocked"):
            errors += 1
        else:
            right += 1
    assert not wrong, "\n".join(wrong[:40]) + f"\n({len(wrong)} wrong)"
    assert right and errors  # both sides of the property are exercised


def test_the_property_catches_a_wrong_answer():
    """The check itself: a misread value or a changed outcome is reported."""
    entry = {"outcome": "active", "fields": {"departamento": "SUCRE"}}
    misread = classify(
        json.dumps(
            {
                "ok": True,
                "encontrado": True,
                "data": {"nom_depto": "OTRO", "nom_mun": "X", "nom_puesto": "Y", "mesa": 1},
            }
        ),
        front="consultacenso",
    )
    assert _wrong(entry, misread) == "departamento = 'OTRO' (the original has 'SUCRE')"
    became = classify(json.dumps({"ok": True, "encontrado": False}), front="consultacenso")
    assert _wrong(entry, became) == "became not_found"
