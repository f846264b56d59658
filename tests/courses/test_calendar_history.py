"""Feature: a calendar that imported a course learns when a session changes.

SEQUENCE and LAST-MODIFIED of each event come from the git history of the course file
(etablerer.inputs.history): a session whose date, time, place or cancellation changed in a
commit gets a higher SEQUENCE and that commit's time; other edits change nothing; two builds
of the same commit give the same bytes; a project without git of its own builds with
SEQUENCE 0. Each case is a project copy (data only) put under git here, with fixed commit
times, and its calendar files made as the build makes them.
"""

from __future__ import annotations

import os
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml
from icalendar import Calendar

from tests.fixtures import REPO
from tests.support.edits import edit
from tests.support.environ import PINNED_DAY
from tests.support.expected import DATA_DIR
from tests.support.project import project_copy

DOMAIN = yaml.safe_load((DATA_DIR / "region.yml").read_text(encoding="utf-8"))["calendar_domain"]
COURSE = "etablererkurs-polsk-test-2027"  # two sessions, del-1 and del-2, in the feed too
COURSE_FILE = f"data/courses/{COURSE}.yml"
DTSTAMP = datetime(2026, 11, 26, 23, 0, tzinfo=UTC)  # midnight of PINNED_DAY in Oslo
FIRST = datetime(2026, 10, 1, 10, 0, tzinfo=UTC)
SECOND = datetime(2026, 10, 15, 12, 30, tzinfo=UTC)
THIRD = datetime(2026, 11, 2, 8, 0, tzinfo=UTC)


def git(root: Path, *args: str, when: datetime | None = None) -> None:
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    if when is not None:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = when.isoformat()
    subprocess.run(["git", "-C", str(root), "-c", "user.name=Test", "-c", "user.email=test@example.com", *args],
                   check=True, capture_output=True, env=env, timeout=120)


def commit(root: Path, when: datetime, message: str) -> None:
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message, when=when)


def under_git(root: Path) -> Path:
    git(root, "init", "-q")
    commit(root, FIRST, "first")
    return root


def calendars(root: Path) -> dict[str, str]:
    """(path → text) of every calendar file, as the build makes them (in the single build's form)."""
    from etablerer.inputs.loading import load_data
    from etablerer.publish.copies import TOKEN_HOST
    from etablerer.render.ics import calendar_files
    from etablerer.view.siteview import SiteView

    data = load_data(root / "data", root / "content", root)
    return dict(calendar_files(SiteView(data, PINNED_DAY, TOKEN_HOST)))


def revision(files: dict[str, str], rel: str, session: str) -> tuple[int, datetime]:
    event = next(e for e in Calendar.from_ical(files[rel]).walk("VEVENT")
                 if str(e["UID"]) == f"{COURSE}-{session}@{DOMAIN}")
    return int(event["SEQUENCE"]), event.decoded("LAST-MODIFIED")


def both_files(files: dict[str, str], session: str) -> set[tuple[int, datetime]]:
    return {revision(files, rel, session) for rel in (f"kurs/{COURSE}.ics", "kurs/alle-kurs.ics")}


@pytest.fixture
def project(tmp_path) -> Path:
    return under_git(project_copy(tmp_path / "project", code=False))


def test_a_rescheduled_session_gets_a_higher_sequence_and_its_commits_time(project):
    before = calendars(project)
    assert both_files(before, "del-1") == both_files(before, "del-2") == {(0, FIRST)}
    edit(project / COURSE_FILE, "date: 2027-06-08", "date: 2027-06-15")
    commit(project, SECOND, "del-2 a week later")
    after = calendars(project)
    assert both_files(after, "del-2") == {(1, SECOND)}
    assert both_files(after, "del-1") == {(0, FIRST)}  # the other session did not change
    edit(project / COURSE_FILE, "start: 17:00\n    end: 20:00\n  - id: del-2",
         "start: 17:30\n    end: 20:00\n  - id: del-2")
    commit(project, THIRD, "del-1 starts later")
    assert both_files(calendars(project), "del-1") == {(1, THIRD)}


def test_a_new_place_changes_every_session_and_a_new_text_changes_none(project):
    edit(project / COURSE_FILE, "name: Eksempelgården", "name: Eksempelhuset")
    commit(project, SECOND, "new venue")
    edit(project / COURSE_FILE, "Deg som snakker polsk", "Du som snakker polsk")
    commit(project, THIRD, "target group reworded")
    files = calendars(project)
    assert both_files(files, "del-1") == both_files(files, "del-2") == {(1, SECOND)}


def test_an_uncommitted_change_counts_as_one_more_revision_at_the_as_of_time(project):
    edit(project / COURSE_FILE, "end: 20:00\n  - id: del-2", "end: 20:30\n  - id: del-2")
    first, second = calendars(project), calendars(project)
    assert both_files(first, "del-1") == {(1, DTSTAMP)}
    assert first == second


def test_two_builds_of_the_same_commit_give_the_same_bytes(project):
    edit(project / COURSE_FILE, "date: 2027-06-08", "date: 2027-06-15")
    commit(project, SECOND, "del-2 a week later")
    first = calendars(project)
    # A fresh clone of the same commit: another folder, the same history.
    clone = project.parent / "clone"
    subprocess.run(["git", "clone", "-q", str(project), str(clone)], check=True, capture_output=True, timeout=120)
    assert calendars(clone) == first
    assert both_files(first, "del-2") == {(1, SECOND)}


def test_a_project_without_git_of_its_own_counts_no_revisions(tmp_path):
    plain = project_copy(tmp_path / "plain", code=False)
    files = calendars(plain)
    assert both_files(files, "del-1") == {(0, DTSTAMP)}
    # Inside another repository (as the fixture project is inside this one): that history is not
    # the project's, so it is not used either.
    outer = tmp_path / "outer"
    inner = project_copy(outer / "project", code=False)
    under_git(outer)
    edit(inner / COURSE_FILE, "date: 2027-06-08", "date: 2027-06-15")
    commit(outer, SECOND, "del-2 a week later")
    assert both_files(calendars(inner), "del-2") == {(0, DTSTAMP)}


def test_the_history_counts_cancellations_and_ignores_how_a_value_is_written(project):
    # cancelled (B's field) is read from the raw YAML, course and session level alike.
    from etablerer.inputs.history import CourseHistory

    file = project / COURSE_FILE
    edit(file, "start: 17:00\n    end: 20:00\n  - id: del-2", 'start: "17:00"\n    end: 20:00\n  - id: del-2')
    commit(project, SECOND, "quoted time: not a change")
    edit(file, "  - id: del-2\n", "  - id: del-2\n    cancelled: true\n")
    commit(project, THIRD, "del-2 cancelled")
    found = CourseHistory(project).revisions(file)
    assert (found["del-1"].sequence, found["del-1"].changed) == (0, FIRST)
    assert (found["del-2"].sequence, found["del-2"].changed) == (1, THIRD)
    edit(file, "format: onsite", "format: onsite\ncancelled: true")
    found = CourseHistory(project).revisions(file)
    assert (found["del-1"].sequence, found["del-1"].changed) == (1, None)  # not committed yet
    assert found["del-2"].sequence == 2


def test_one_git_log_per_course_file(project, monkeypatch):
    # History is read once per file, however many calendars show the course.
    from etablerer.inputs import history

    calls = []
    real = history._git
    monkeypatch.setattr(history, "_git", lambda root, *args, **kw: calls.append(args[0]) or real(root, *args, **kw))
    calendars(project)
    courses = len(list((project / "data" / "courses").glob("*.yml")))
    assert sorted(calls) == sorted(["rev-parse"] + ["log"] * courses + ["cat-file"] * courses)


def test_the_published_build_checks_out_the_whole_history():
    jobs = yaml.safe_load((REPO / ".github" / "workflows" / "deploy.yml").read_text(encoding="utf-8"))["jobs"]
    checkout = next(s for s in jobs["build"]["steps"] if str(s.get("uses", "")).startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0
