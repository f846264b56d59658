"""YAML as editors write it: YAML 1.2 implicit types only, and the line of every value.

PyYAML follows YAML 1.1 (`no` is False, `18:00` is 1080, an impossible date
crashes inside the loader); etablerer.yamlsource must not.
"""

from __future__ import annotations

from datetime import time

import pytest
import yaml

from etablerer.inputs.yamlsource import parse_yaml

from .conftest import BASIC, NEW_COURSE


def data_of(text: str):
    doc, errors = parse_yaml(text, "data/x.yml")
    assert errors == []
    return doc.data


@pytest.mark.parametrize(("written", "kept"), [
    ("no", "no"),
    ("yes", "yes"),
    ("on", "on"),
    ("off", "off"),
    ("y", "y"),
    ("n", "n"),
    ("18:00", "18:00"),
    ("1:20:30", "1:20:30"),
    ("2027-02-30", "2027-02-30"),
    ("2027-02-09", "2027-02-09"),
    ("1_000", "1_000"),
])
def test_yaml_1_1_values_stay_text(written, kept):
    assert data_of(f"value: {written}\n") == {"value": kept}


@pytest.mark.parametrize(("written", "value"), [
    ("true", True),
    ("false", False),
    ("~", None),
    ("null", None),
    ("25", 25),
    ("-300", -300),
    ("2.50", 2.5),
])
def test_yaml_1_2_values_keep_their_type(written, value):
    assert data_of(f"value: {written}\n") == {"value": value}


def test_a_leading_zero_is_decimal_not_octal():
    assert data_of("capacity: 020\n") == {"capacity": 20}


def test_yaml_safe_load_is_not_changed_for_everybody_else():
    assert yaml.safe_load("start: 18:00\nfull: no\n") == {"start": 1080, "full": False}


def test_start_18_00_stays_the_time_18_00(shipped):
    course = next(c for c in shipped.courses if c.id == "etablererkurs-var-test-2027")
    assert course.sessions[0].start == time(18, 0)


def test_every_value_has_its_line():
    doc, _ = parse_yaml(NEW_COURSE, "data/courses/x.yml")
    assert (doc.line_of(("id",)), doc.line_of(("sessions", 1)), doc.line_of(("sessions", 1, "end")),
            doc.line_of(("venue", "address", "city"))) == (2, 11, 14, 18)


def test_a_missing_value_takes_the_line_of_its_parent():
    doc, _ = parse_yaml(NEW_COURSE, "data/courses/x.yml")
    assert doc.line_of(("registration", "nothing-here")) == 23


def test_an_unquoted_impossible_date_does_not_crash_the_loader():
    assert data_of("date: 2027-02-30\n") == {"date": "2027-02-30"}


def test_a_duplicate_key_is_an_error():
    _, errors = parse_yaml("id: a\ntitle: A\nid: b\n", "data/x.yml")
    assert [str(e) for e in errors] == ["data/x.yml:3: id: 'id' står to ganger i samme blokk; behold én"]


def test_a_duplicate_key_in_a_list_item_names_the_item_like_other_errors():
    _, errors = parse_yaml("sessions:\n  - id: a\n  - id: b\n    id: c\n", "data/x.yml")
    assert [str(e) for e in errors] == [
        "data/x.yml:4: sessions[1].id: 'id' står to ganger i samme blokk; behold én"]


def test_an_empty_file_is_an_error():
    assert [str(e) for e in parse_yaml("", "data/x.yml")[1]] == [
        "data/x.yml:1: filen er tom; fyll den ut eller slett den"]


def test_a_tab_is_an_error_on_its_line():
    assert [str(e) for e in parse_yaml("id: a\nvenue:\n\tname: B\n", "data/x.yml")[1]] == [
        "data/x.yml:3: linjen har innrykk med tabulator; bruk mellomrom i stedet"]


def test_a_python_tag_is_not_constructed():
    doc, errors = parse_yaml("value: !!python/name:os.system\n", "data/x.yml")
    assert (doc, len(errors)) == (None, 1)


def test_the_shown_path_is_the_one_given():
    _, errors = parse_yaml("", BASIC)
    assert errors[0].file == BASIC
