"""Course status on a pinned date: open, closing soon, full, closed, past."""

from __future__ import annotations

from datetime import date

import pytest
import yaml

from etablerer.facts.courses import Status, catalogue, registration_open, status
from etablerer.inputs.model import Course
from etablerer.inputs.yamlsource import parse_yaml
from tests.fixtures import FIXTURE

from .conftest import NEW_COURSE

# Built from NEW_COURSE (conftest.py), so sample courses in data/ can change freely:
# deadline 2027-05-25, sessions 2027-06-01 and 2027-06-08.

def new_course(full: bool = False, course_id: str = "testkurs-2027", shift_years: int = 0) -> Course:
    text = NEW_COURSE.replace("id: testkurs-2027", f"id: {course_id}")
    if full:
        text = text.replace("capacity: 20", "capacity: 20\nfull: true")
    if shift_years:
        text = text.replace("2027-", f"{2027 + shift_years}-")
    doc, errors = parse_yaml(text, "data/courses/x.yml")
    assert errors == []
    return Course.model_validate(doc.data)


@pytest.mark.parametrize(("today", "expected"), [
    (date(2026, 11, 27), Status.OPEN),
    (date(2027, 5, 17), Status.OPEN),  # 8 days before the deadline
    (date(2027, 5, 18), Status.CLOSING_SOON),  # 7 days before
    (date(2027, 5, 25), Status.CLOSING_SOON),  # the deadline itself
    (date(2027, 5, 26), Status.CLOSED),
    (date(2027, 6, 8), Status.CLOSED),  # the last session
    (date(2027, 6, 9), Status.PAST),
])
def test_status(today, expected):
    assert status(new_course(), today) is expected


@pytest.mark.parametrize(("today", "expected"), [
    (date(2026, 11, 27), Status.FULL),
    (date(2027, 5, 20), Status.FULL),  # full beats closing soon
    (date(2027, 6, 8), Status.FULL),
    (date(2027, 6, 9), Status.PAST),
])
def test_status_of_a_full_course(today, expected):
    assert status(new_course(full=True), today) is expected


def test_registration_is_open_while_closing_soon():
    assert registration_open(new_course(), date(2027, 5, 25)) is True


def test_registration_is_not_open_when_full():
    assert registration_open(new_course(full=True), date(2027, 1, 1)) is False


def test_every_status_has_words():
    # The words live in the interface strings of each language (status_<value>).
    for interface in sorted((FIXTURE / "languages").glob("*/interface.yml")):
        strings = yaml.safe_load(interface.read_text(encoding="utf-8"))
        words = {key.removeprefix("status_") for key in strings if key.startswith("status_")}
        assert words == {s.value for s in Status}, interface
        assert all(strings[f"status_{s.value}"].strip() for s in Status), interface


def test_catalogue_splits_upcoming_and_past():
    # Past: only the last 12 months (issue 7); the course from two years ago keeps its page but leaves the list.
    courses = (new_course(course_id="neste-ar", shift_years=1), new_course(course_id="i-fjor", shift_years=-1),
               new_course(course_id="i-ar"), new_course(course_id="for-to-ar-siden", shift_years=-2))
    found = catalogue(courses, date(2027, 1, 1))
    assert ([c.id for c in found.upcoming], [c.id for c in found.past]) == (["i-ar", "neste-ar"], ["i-fjor"])


def test_the_shipped_catalogue_has_upcoming_and_past_courses(shipped):
    found = catalogue(shipped.courses, date(2026, 11, 27))
    assert (len(found.upcoming) > 0, len(found.past) > 0) == (True, True)
