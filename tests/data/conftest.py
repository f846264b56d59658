"""Shared helpers for the data-layer tests.

Every bad-input case starts from a copy of the shipped data/, content/ and
languages/ in a temporary folder (tests.support.project.project_copy, code=False)
and changes one small piece of text (tests.support.edits.edit), so the expected
line numbers can be read straight from the shipped files (line_of) or from the
fixture texts below. Nothing here imports mkdocs or builds the site.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from etablerer.inputs.errors import DataErrors
from etablerer.inputs.loading import ServiceData, load_data
from tests.fixtures import FIXTURE
from tests.support.project import project_copy

# Shipped files the cases edit, as load_data shows their paths.
AGREEMENTS = "data/agreements.yml"
MUNICIPALITIES = "data/municipalities.yml"
ORGANISATIONS = "data/organisations.yml"
REGION = "data/region.yml"
REFERRALS = "data/referrals.yml"
SERVICES = "data/services.yml"
BASIC = "data/courses/etablererkurs-var-test-2027.yml"  # basic course, 3 sessions, venue in Moss
ENGLISH = "data/courses/etablererkurs-engelsk-test-2027.yml"  # basic course, online
ONE_SESSION = "data/courses/finansiering-ukrainsk-test-2026.yml"  # theme course, 1 session
MARKETING = "data/courses/markedsforing-test-2027.yml"  # theme course, full: true
ACCOUNTING = "data/courses/regnskap-og-skatt-test-2027.yml"  # theme course, price 300, venue in Vestby

# A valid theme course an editor might add, with line numbers that are easy to
# count: sessions[1].end is on line 14.
NEW_COURSE = """\
sample: true
id: testkurs-2027
title: Testkurs
kind: theme
description: Et kurs som bare finnes i testene.
sessions:
  - id: del-1
    date: 2027-06-01
    start: 18:00
    end: 21:00
  - id: del-2
    date: 2027-06-08
    start: 18:00
    end: 21:00
format: onsite
venue:
  name: Testhuset
  address: {street: Testgata 1, postcode: "1530", city: Moss}
  municipality: moss
languages: [nb]
price: 300
capacity: 20
registration:
  url: https://example.com/pamelding/testkurs-2027
  deadline: 2027-05-25
target_group: Alle som vil prøve.
"""


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A root folder holding a fresh copy of the shipped data/, content/ and languages/."""
    return project_copy(tmp_path / "project", code=False)


@pytest.fixture(scope="session")
def shipped() -> ServiceData:
    """The model loaded from the shipped files themselves (read only)."""
    try:
        return load_data(FIXTURE / "data", FIXTURE / "content", FIXTURE)
    except DataErrors as exc:
        report = exc.report()
    pytest.fail(f"the shipped data does not load:\n{report}", pytrace=False)


def line_of(rel: str, text: str) -> int:
    """The number (from 1) of the one line of the shipped file rel that holds text."""
    lines = (FIXTURE / rel).read_text(encoding="utf-8").splitlines()
    found = [number for number, line in enumerate(lines, start=1) if text in line]
    assert len(found) == 1, f"fixture problem: {text!r} is on lines {found} of {rel}"
    return found[0]


def write(root: Path, rel: str, text: str) -> None:
    (root / rel).write_text(text, encoding="utf-8")


def load(root: Path) -> ServiceData:
    return load_data(root / "data", root / "content", root)


def data_errors(root: Path) -> DataErrors:
    """The DataErrors that load_data raises for root.

    The test fails if the data loads, and also if load_data raises anything
    else (a traceback is never what an editor should see).
    """
    try:
        load(root)
    except DataErrors as exc:
        return exc
    except Exception as exc:  # noqa: BLE001 - reporting it is the point
        pytest.fail(f"load_data raised {type(exc).__name__}, not DataErrors: {exc}")
    pytest.fail("load_data accepted the data; expected DataErrors")


def errors_of(root: Path) -> list[str]:
    """Every problem load_data reports for root, as editors read them."""
    return [str(error) for error in data_errors(root).errors]
