"""schema/ is generated from the models, committed, in sync, and linked to every data file."""

from __future__ import annotations

import fnmatch
import json
import re

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from etablerer.inputs import schema as schema_module
from etablerer.inputs.yamlsource import load_yaml
from tests.fixtures import FIXTURE, REPO

SCHEMA_DIR = REPO / "schema"
SETTINGS = REPO / ".vscode" / "settings.json"


def test_committed_schemas_match_the_models():
    stale = schema_module.stale_files(REPO)
    assert stale == [], f"schema/ is out of date with hooks/etablerer/inputs/model.py: {stale}; run `make schema`"


def test_the_sync_check_notices_a_changed_schema(tmp_path):
    """The check above can fail: a schema file edited by hand (or an old one) is reported."""
    schema_module.write_all(tmp_path)
    assert schema_module.stale_files(tmp_path) == []
    course = tmp_path / "schema" / "course.schema.json"
    course.write_text(course.read_text(encoding="utf-8").replace('"capacity"', '"places"'), encoding="utf-8")
    (tmp_path / "schema" / "old.schema.json").write_text("{}", encoding="utf-8")
    assert schema_module.stale_files(tmp_path) == ["course.schema.json", "old.schema.json"]


def _schemas():
    return {p.name: json.loads(p.read_text(encoding="utf-8")) for p in sorted(SCHEMA_DIR.glob("*.schema.json"))}


def _properties(schema: dict):
    """(where, name, property) for every property of the file and its $defs."""
    for name, prop in schema.get("properties", {}).items():
        yield "top level", name, prop
    for def_name, definition in schema.get("$defs", {}).items():
        for name, prop in definition.get("properties", {}).items():
            yield def_name, name, prop


def test_every_field_has_a_description_for_hover_help():
    missing = [f"{file}: {where}.{name}" for file, s in _schemas().items() for where, name, prop in _properties(s)
               if not prop.get("description")]
    assert missing == [], "add description= to these fields in hooks/etablerer/inputs/model.py"


def test_schemas_are_valid_draft_2020_12():
    for name, s in _schemas().items():
        assert s["$schema"] == "https://json-schema.org/draft/2020-12/schema", name
        Draft202012Validator.check_schema(s)


# JSON Schema patterns are ECMA-262 regexes (VS Code runs them in JavaScript):
# Python-only syntax would be rejected there or mean something else.
PYTHON_ONLY = re.compile(r"\(\?[aiLmsux-]|\(\?P<|\\A|\\Z|\(\?#")


def test_patterns_are_javascript_compatible():
    def patterns(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "pattern":
                    yield value
                else:
                    yield from patterns(value)
        elif isinstance(node, list):
            for value in node:
                yield from patterns(value)

    found = [(name, p) for name, s in _schemas().items() for p in patterns(s)]
    assert found, "no patterns found: the test reads the wrong files"
    assert [(n, p) for n, p in found if PYTHON_ONLY.search(p)] == []


def _mapping() -> dict[str, list[str]]:
    settings = json.loads(SETTINGS.read_text(encoding="utf-8"))
    assert settings.get("yaml.yamlVersion") == "1.2", "the editor must read YAML as the build does (1.2 types)"
    return settings["yaml.schemas"]


def _data_files() -> list[str]:
    return sorted(p.relative_to(FIXTURE).as_posix() for p in (FIXTURE / "data").rglob("*.yml"))


@pytest.mark.parametrize("data_file", _data_files())
def test_every_data_file_is_linked_to_exactly_one_schema_and_passes_it(data_file):
    mapping = _mapping()
    linked = [schema for schema, globs in mapping.items() if any(fnmatch.fnmatch(data_file, g) for g in globs)]
    assert len(linked) == 1, f"{data_file} is linked to {linked} in .vscode/settings.json"
    schema = json.loads((REPO / linked[0]).read_text(encoding="utf-8"))
    doc, problems = load_yaml(FIXTURE / data_file, data_file)
    assert doc is not None, problems
    errors = [e.message for e in Draft202012Validator(schema, format_checker=FormatChecker()).iter_errors(doc.data)]
    assert errors == []


def test_every_schema_is_linked_to_the_data_files_the_build_reads():
    mapping = _mapping()
    expected = {f"./schema/{schema_file}": [f"data/{pattern}"] for pattern, (schema_file, _) in
                schema_module.TARGETS.items()}
    assert mapping == expected


# --- the hover help is bokmål (the descriptions are marked N_() in model.py) -------------------

def _descriptions(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "description" and isinstance(value, str):
                yield value
            else:
                yield from _descriptions(value)
    elif isinstance(node, list):
        for value in node:
            yield from _descriptions(value)


def test_every_description_is_a_checked_bokmal_text():
    from babel.messages.pofile import read_po

    from etablerer.inputs.messages import catalogue_file

    with catalogue_file("nb").open("rb") as fh:
        catalogue = [m for m in read_po(fh, locale="nb") if m.id and isinstance(m.id, str)]
    english, bokmal = {m.id for m in catalogue}, {m.string for m in catalogue if m.string and not m.fuzzy}
    found = [text for s in _schemas().values() for text in _descriptions(s)]
    assert len(found) > 100, "the test reads the wrong files"
    assert [text for text in found if text not in bokmal or text in english] == []
    assert "Kort id; den blir adressen til siden. Endre den aldri etter at den er publisert." in found


def test_the_schemas_are_bokmal_whatever_the_messages_switch_says(monkeypatch):
    monkeypatch.setenv("ETABLERER_MESSAGES", "en")
    assert schema_module.stale_files(REPO) == []


def test_a_description_without_a_bokmal_text_stops_make_schema():
    with pytest.raises(LookupError, match="Not in the catalogue"):
        schema_module.in_bokmal({"properties": {"x": {"description": "Not in the catalogue."}}})


def test_bokmal_is_the_catalogue_text_in_any_message_language(monkeypatch):
    from etablerer.inputs.messages import _, bokmal

    monkeypatch.setenv("ETABLERER_MESSAGES", "en")
    assert _("Number of places.") == "Number of places."
    assert bokmal("Number of places.") == "Antall plasser."
    assert bokmal("Not in the catalogue.") == "Not in the catalogue."
