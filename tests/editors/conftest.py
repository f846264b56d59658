"""Helpers for the editors' tools: schema, check, health report, coverage, new content, serve.

Every case works on a throw-away copy of the project (tests.support.project.project_copy:
data/, content/, languages/, mkdocs.yml; hooks/ linked unless a test needs its own copy of
the code), changed with tests.support.edits.edit and checked with
tests.support.project.run_etablerer at an as-of date of its own.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from etablerer.facts.host import Host
from etablerer.inputs.errors import DataErrors
from etablerer.inputs.loading import ServiceData, load_data
from etablerer.view.siteview import SiteView
from tests.support.edits import edit
from tests.support.project import project_copy


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return project_copy(tmp_path / "project")


def load(root: Path) -> ServiceData:
    try:
        return load_data(root / "data", root / "content", root)
    except DataErrors as exc:
        pytest.fail(f"the test data does not load:\n{exc.report()}", pytrace=False)


def view_on(root: Path, day: date) -> SiteView:
    data = load(root)
    return SiteView(data, day, Host.of(data.municipalities[0]))


def course_text(course_id: str, first: date, *, deadline: date, url: bool = True, sample: bool = True) -> str:
    """A valid theme course with one session on `first`."""
    registration = f"  url: https://example.com/pamelding/{course_id}\n" if url else ""
    return f"""\
sample: {'true' if sample else 'false'}
id: {course_id}
title: Testkurs {course_id}
kind: theme
description: Et kurs som bare finnes i testene.
sessions:
  - id: del-1
    date: {first.isoformat()}
    start: 18:00
    end: 21:00
format: online
online_url: https://example.com/rom/{course_id}
languages: [nb]
price: 0
capacity: 20
registration:
{registration}  deadline: {deadline.isoformat()}
target_group: Alle som vil prøve.
"""


def only_courses(root: Path, *courses: tuple[str, str]) -> None:
    """Replace data/courses/ with the given (file name, text) pairs."""
    folder = root / "data" / "courses"
    for file in folder.glob("*.yml"):
        file.unlink()
    for name, text in courses:
        (folder / name).write_text(text, encoding="utf-8")


# The fixture's contact page is above the plain-language target (LIX 41.8 on 27 November 2026, over 40):
# these edits of its wording (in a project copy, never in the frozen fixture) bring it under.
PLAIN_CONTACT = (
    ("Vil du ha en samtale med en rådgiver, bestiller du veiledning.",
     "Vil du snakke med en rådgiver? Bestill veiledning."),
    ("<h3>Åpningstider</h3>", "<h3>Vi er åpne</h3>"),
    ("## Tilgjengelighet i lokalene", "## Slik er lokalene"),
    ("## Rådgiverne\n", "## Disse kan du snakke med\n"),
    (". Snakker {{ language_names(adviser.languages) }}.</li>",
     ". Språk: {{ language_names(adviser.languages) }}.</li>"),
)


def plain_contact_page(root: Path) -> None:
    for old, new in PLAIN_CONTACT:
        edit(root / "languages" / "nb" / "pages" / "contact.md", old, new)
