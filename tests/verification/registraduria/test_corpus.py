"""The corpus of real answer shapes (tests/verification/registraduria/corpus/<front>/manifest.json):
each saved answer, built from public evidence and named by its source, is classified with the right
outcome, reason and every field (a field the manifest leaves out must be empty)."""

import json
from pathlib import Path

import pytest

from verification.registraduria.parser import classify
from verification.registraduria.results import FIELD_NAMES

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
