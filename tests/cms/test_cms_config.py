"""cms/config.yml is generated from the models, committed, in sync, and covers every field."""

from __future__ import annotations

import re

import yaml
from pydantic import Field, create_model

from etablerer.inputs import cmsconfig
from etablerer.inputs.cmsfields import LABELS
from etablerer.inputs.loading import SINGLE_FILES
from etablerer.inputs.messages import bokmal
from etablerer.inputs.model import Course, Logo, Session
from tests.fixtures import REPO

COMMITTED = REPO / "cms" / "config.yml"


def committed() -> dict:
    return yaml.safe_load(COMMITTED.read_text(encoding="utf-8"))


def collection(name: str) -> dict:
    return next(c for c in committed()["collections"] if c["name"] == name)


def fields_of(container: dict) -> dict[str, dict]:
    return {f["name"]: f for f in container["fields"]}


def test_committed_config_matches_the_models():
    assert not cmsconfig.is_stale(REPO), "cms/config.yml is out of date with model.py; run `make schema`"


def test_a_changed_model_makes_the_committed_config_stale(monkeypatch):
    """The sync check can fail: a model whose capacity became optional gives another config."""
    patched = create_model("Course", __base__=Course,
                           capacity=(int | None, Field(None, description=Course.model_fields["capacity"].description)))
    monkeypatch.setattr(cmsconfig, "Course", patched)
    assert cmsconfig.is_stale(REPO)
    capacity = fields_of(next(c for c in cmsconfig.build_config()["collections"] if c["name"] == "courses"))
    assert capacity["capacity"]["required"] is False


def test_a_hand_edited_config_is_stale(tmp_path):
    cmsconfig.write(tmp_path)
    assert not cmsconfig.is_stale(tmp_path)
    target = tmp_path / "cms" / "config.yml"
    target.write_text(target.read_text(encoding="utf-8").replace("name: capacity", "name: places"), encoding="utf-8")
    assert cmsconfig.is_stale(tmp_path)


def _model_names(model) -> set[str]:
    return set(model.model_fields)


def test_every_data_file_is_a_collection_with_every_field_of_its_model():
    files = {f["file"]: f for c in committed()["collections"] for f in c.get("files", [])}
    for data_file, model in SINGLE_FILES.items():
        entry = files[f"data/{data_file}"]
        assert set(fields_of(entry)) == _model_names(model), data_file
    assert set(fields_of(collection("courses"))) == _model_names(Course)


def test_courses_are_files_named_by_their_id_as_make_new_course_names_them():
    courses = collection("courses")
    assert courses["folder"] == "data/courses" and courses["extension"] == "yml" and courses["create"] is True
    assert courses["identifier_field"] == "id" and courses["slug"] == "{{fields.id}}"
    assert re.fullmatch(fields_of(courses)["id"]["pattern"][0], "regnskap-for-nybegynnere-2027")


def test_hints_and_labels_are_bokmal_and_required_follows_the_model():
    course = fields_of(collection("courses"))
    assert course["capacity"]["hint"] == bokmal(Course.model_fields["capacity"].description) != \
        Course.model_fields["capacity"].description
    assert course["title"]["label"] == bokmal(LABELS["title"]) == "Tittel"
    assert "required" not in course["title"] and course["practical"]["required"] is False
    assert course["sample"]["widget"] == "boolean" and course["sample"]["hint"].startswith("true")
    assert course["kind"] == {**course["kind"], "widget": "select", "options": ["basic", "theme"]}
    assert course["sessions"]["min"] == 1 and course["capacity"]["min"] == 1


def test_dates_and_times_are_strings_with_the_loaders_pattern():
    session = fields_of(fields_of(collection("courses"))["sessions"])
    for name, good, bad in [("date", "2027-03-15", "15.03.2027"), ("start", "18:00", "6 pm")]:
        assert session[name]["widget"] == "string", name
        pattern = session[name]["pattern"][0]
        assert re.search(pattern, good) and not re.search(pattern, bad), name
    assert {f["name"] for f in fields_of(collection("courses"))["sessions"]["fields"]} == set(Session.model_fields)


def test_translatable_texts_are_objects_with_bokmal_required():
    title = fields_of(collection("courses"))["title"]
    assert title["widget"] == "localtext" and title["fields"] == [
        {"name": "nb", "label": "bokmål", "widget": "string", "required": True}]
    description = fields_of(collection("courses"))["description"]
    assert description["fields"][0]["widget"] == "text"


def test_ids_of_other_records_are_relations():
    venue = fields_of(fields_of(collection("courses"))["venue"])
    assert venue["municipality"]["widget"] == "relation"
    assert venue["municipality"]["collection"] == "municipalities"
    assert venue["municipality"]["value_field"] == "municipalities.*.id"
    situations = fields_of(fields_of(collection("referrals")["files"][0])["situations"])
    assert situations["services"]["multiple"] is True and situations["services"]["collection"] == "services"


def test_logos_upload_where_the_model_expects_them():
    organisations = fields_of(collection("organisations")["files"][0])["organisations"]
    logo = fields_of(fields_of(organisations)["logo"])
    assert set(logo) == set(Logo.model_fields)
    assert logo["file"]["widget"] == "image"
    assert logo["file"]["media_folder"] == "/content/assets/logos"
    assert logo["file"]["public_folder"] == "assets/logos"  # model.Logo.file: "assets/logos/viken.svg"


def test_nothing_is_required_inside_an_optional_object():
    """Decap checks required fields inside an object left out (an online course has no venue)."""
    course = fields_of(collection("courses"))
    venue = course["venue"]
    assert venue["required"] is False
    assert all(f.get("required") is False for f in venue["fields"])
    assert all(f.get("required") is False for f in fields_of(venue)["address"]["fields"])
    assert course["practical"]["fields"][0]["required"] is False  # an optional text: its bokmål too
    assert "required" not in fields_of(course["registration"])["deadline"]  # a required object keeps them
