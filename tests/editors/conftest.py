"""Helpers for the editors' tools: schema, check, health report, coverage, new content, serve.

Every case works on a throw-away copy of the project (data/, content/,
languages/, mkdocs.yml; hooks/ linked unless a test needs its own copy of the code).
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from etablerer.facts.host import Host
from etablerer.inputs.errors import DataErrors
from etablerer.inputs.loading import ServiceData, load_data
from etablerer.view.siteview import SiteView
from tests.fixtures import FIXTURE, REPO, assemble  # noqa: F401

OSLO = ZoneInfo("Europe/Oslo")


def copy_project(target: Path, link_hooks: bool = True) -> Path:
    """The fixture project, ready to build (tests/fixtures.assemble)."""
    return assemble(target, link_hooks=link_hooks)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def epoch_of(day: date) -> str:
    """SOURCE_DATE_EPOCH for noon in Oslo on `day`."""
    return str(int(datetime(day.year, day.month, day.day, 12, 0, tzinfo=OSLO).timestamp()))


def environ_on(day: date, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("STRICT", "ETABLERER_COPY", "ETABLERER_MODE", "TITLE", "NAME")}
    env.update(SOURCE_DATE_EPOCH=epoch_of(day), NO_MKDOCS_2_WARNING="1", PYTHONIOENCODING="utf-8", **extra)
    return env


def run_etablerer(root: Path, day: date, *args: str, module: str = "etablerer",
                  **extra_env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", module, *args], cwd=root, env=environ_on(day, **extra_env),
                          capture_output=True, text=True, encoding="utf-8", timeout=600)


def load(root: Path) -> ServiceData:
    try:
        return load_data(root / "data", root / "content", root)
    except DataErrors as exc:
        pytest.fail(f"the test data does not load:\n{exc.report()}", pytrace=False)


def view_on(root: Path, day: date) -> SiteView:
    data = load(root)
    return SiteView(data, day, Host.of(data.municipalities[0]))


def edit(file: Path, old: str, new: str, count: int = 1) -> None:
    text = file.read_text(encoding="utf-8")
    assert text.count(old) == count, f"fixture problem: {old!r} occurs {text.count(old)} times in {file}"
    file.write_text(text.replace(old, new), encoding="utf-8")


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
    ("<p><strong>Åpningstider:</strong></p>", "<p><strong>Vi er åpne:</strong></p>"),
    ("## Tilgjengelighet i lokalene", "## Slik er lokalene"),
    ("## Rådgiverne\n", "## Disse kan du snakke med\n"),
    (". Snakker {{ language_names(adviser.languages) }}.</li>",
     ". Språk: {{ language_names(adviser.languages) }}.</li>"),
)


def plain_contact_page(root: Path) -> None:
    for old, new in PLAIN_CONTACT:
        edit(root / "languages" / "nb" / "pages" / "contact.md", old, new)
