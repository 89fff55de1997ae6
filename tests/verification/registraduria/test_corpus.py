"""The corpus of real answer shapes (tests/verification/registraduria/corpus/<front>/manifest.json):
each saved answer, built from public evidence and named by its source, is classified with the right
outcome, reason and every field (a field the manifest leaves out must be empty)."""

import io
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from verification.lookup import FIELD_NAMES
from verification.registraduria.parser import classify

CORPUS = Path(__file__).with_name("corpus")
MANIFESTS = sorted(CORPUS.glob("*/manifest.json"))
CONFIDENCES = {"high", "medium", "low"}


def _entries():
    for manifest in MANIFESTS:
        front = json.loads(manifest.read_text(encoding="utf-8"))["front"]
        for entry in json.loads(manifest.read_text(encoding="utf-8"))["answers"]:
            yield pytest.param(manifest.parent, front, entry, id=f"{front}/{entry['file']}")


ENTRIES = list(_entries())


def test_the_corpus_covers_every_front_with_at_least_40_answers():
    assert {m.parent.name for m in MANIFESTS} == {"wsp", "consultacenso", "infovotantes"}
    assert len(ENTRIES) >= 40


def test_every_file_in_the_corpus_is_in_a_manifest():
    for manifest in MANIFESTS:
        listed = {entry["file"] for entry in json.loads(manifest.read_text(encoding="utf-8"))["answers"]}
        on_disk = {path.name for path in manifest.parent.iterdir() if path.name != "manifest.json"}
        assert on_disk == listed, manifest


@pytest.mark.parametrize(("folder", "front", "entry"), ENTRIES)
def test_each_corpus_answer_is_classified_with_every_field(folder, front, entry):
    source = entry["source"]
    assert source["repo"] and source["path"] and source["shows"] and source["confidence"] in CONFIDENCES
    assert set(entry["fields"]) <= set(FIELD_NAMES)
    body = (folder / entry["file"]).read_bytes()

    result = classify(body, http_status=entry["http_status"], front=front)

    expected = {name: entry["fields"].get(name) for name in FIELD_NAMES}
    assert (result.outcome, result.reason) == (entry["outcome"], entry["reason"])
    assert result.fields == expected
    assert result.site == front


# --- manage.py parse_registraduria --expect ------------------------------------------------------


@pytest.mark.parametrize("manifest", MANIFESTS, ids=lambda path: path.parent.name)
def test_expect_scores_the_whole_corpus_right(manifest):
    stdout = io.StringIO()
    call_command("parse_registraduria", "--expect", str(manifest), stdout=stdout)
    answers = len(json.loads(manifest.read_text(encoding="utf-8"))["answers"])
    assert stdout.getvalue().splitlines() == [f"{answers}/{answers} right"]


def test_expect_prints_one_line_per_mismatch_and_the_score(tmp_path):
    (tmp_path / "active.json").write_bytes((CORPUS / "consultacenso" / "active_lower.json").read_bytes())
    (tmp_path / "cancelled.json").write_bytes(
        (CORPUS / "consultacenso" / "cancelled_bool_tester_shape.json").read_bytes()
    )
    wrong = {"file": "cancelled.json", "http_status": 200, "outcome": "not_found", "reason": "ok", "fields": {}}
    right = next(
        entry
        for entry in json.loads((CORPUS / "consultacenso" / "manifest.json").read_text(encoding="utf-8"))["answers"]
        if entry["file"] == "active_lower.json"
    )
    manifest = tmp_path / "manifest.json"
    manifest.write_text(
        json.dumps({"front": "consultacenso", "answers": [{**right, "file": "active.json"}, wrong]}), encoding="utf-8"
    )
    stdout = io.StringIO()

    with pytest.raises(CommandError, match="1 de 2"):
        call_command("parse_registraduria", "--expect", str(manifest), stdout=stdout)

    lines = stdout.getvalue().splitlines()
    assert lines[0] == "cancelled.json: outcome cancelled/ok, se esperaba not_found/ok"
    assert "cancelled.json: novedad = 'Cancelada por Muerte', se esperaba None" in lines
    assert lines[-1] == "1/2 right"


def test_expect_refuses_a_manifest_out_of_format(tmp_path):
    manifest = tmp_path / "manifest.json"
    manifest.write_text(json.dumps({"answers": [{"file": "a.json", "outcome": "maybe"}]}), encoding="utf-8")
    with pytest.raises(CommandError, match="outcome"):
        call_command("parse_registraduria", "--expect", str(manifest), stdout=io.StringIO())
