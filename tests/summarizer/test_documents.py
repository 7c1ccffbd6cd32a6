"""The newsbrief/1 documents: the published JSON Schema is the models' own, and real outputs validate against it."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest

from bot.cli import main
from bot.service import CommandService, InMemoryStories
from summarizer.documents import BriefDocument, SourceEntry, json_schema, parse_document
from summarizer.models import Story
from tests.conftest import ROOT, SEEDS

SCHEMA_FILE = ROOT / "docs" / "newsbrief-1.schema.json"


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA_FILE.read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def assert_valid(validator: jsonschema.Draft202012Validator, doc: dict[str, Any]) -> None:
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(doc)]
    assert errors == []


def test_the_checked_in_schema_is_the_one_the_models_give() -> None:
    assert json.loads(SCHEMA_FILE.read_text("utf-8")) == json_schema(), (
        "docs/newsbrief-1.schema.json is out of date: run `newsbrief schema > docs/newsbrief-1.schema.json`"
    )


def test_newsbrief_schema_prints_it(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == json.loads(SCHEMA_FILE.read_text("utf-8"))


def test_cli_json_output_validates(validator: jsonschema.Draft202012Validator, capsys: pytest.CaptureFixture[str]):
    assert main(["framing", str(SEEDS), "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["command"] == "framing" and doc["stories"]
    assert_valid(validator, doc)


@pytest.mark.parametrize(
    ("command", "topic"),
    [
        ("brief", None),
        ("framing", None),
        ("framing", "full"),
        ("who-won", None),
        ("who-won", "no such words here"),
        ("digest", None),
        ("sources", None),
        ("timeline", None),
        ("brief", "no such words here"),
        ("nonsense", None),
    ],
)
def test_every_command_answer_on_the_seeds_validates(
    validator: jsonschema.Draft202012Validator, seed_stories: list[Story], command: str, topic: str | None
) -> None:
    sources = [SourceEntry(outlet="Samnytt", articles=1, origin="file")]
    service = CommandService(InMemoryStories(seed_stories, sources))
    doc = service.run(command, topic).doc
    assert_valid(validator, doc)
    assert parse_document(doc).to_json() == doc  # and reads back as the same typed document


def test_a_document_missing_a_story_field_is_invalid(validator: jsonschema.Draft202012Validator, seed_stories):
    doc = BriefDocument(stories=seed_stories[:1]).to_json()
    del doc["stories"][0]["brief"]
    assert not validator.is_valid(doc)
    with pytest.raises(ValueError, match="brief"):
        parse_document(doc)
