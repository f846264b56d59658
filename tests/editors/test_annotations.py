"""`make check` in GitHub Actions: each problem also as an annotation on its file and line.

With GITHUB_ACTIONS=true (or `check --annotations`) every problem is also printed as
`::error file=…,line=…,title=<field>::<message>`, the same bokmål message at the same place as
the plain `file:line: field: message` line; content health findings are `::notice` (one per
kind, as summarised) or, in a STRICT run that fails on them, `::warning` (one each).
Without the variable nothing changes. Escaping as GitHub's toolkit does it.
"""

from __future__ import annotations

import re
import shlex
import subprocess
from datetime import date
from pathlib import Path

import pytest
import yaml

from etablerer.inputs.errors import DataError
from etablerer.reports.annotations import command, escape_data, escape_property, for_errors
from tests.fixtures import REPO
from tests.support.edits import edit
from tests.support.environ import pinned_environ
from tests.support.project import project_copy, run_etablerer

DAY = date(2026, 11, 27)
COURSE = Path("data") / "courses" / "etablererkurs-host-test-2026.yml"
OTHER = "data/courses/etablererkurs-host-test-2027.yml"
IN_ACTIONS = {"GITHUB_ACTIONS": "true"}
ANNOTATION = re.compile(r"^::(error|warning|notice) ([^:]*)::(.*)$")
PLAIN_ERROR = re.compile(r"^(data/[^:]+):(\d+): (?:([^ :]+): )?(.*)$")


def _unescape(text: str) -> str:
    for code, char in (("%0A", "\n"), ("%0D", "\r"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(code, char)
    return text


def annotations(output: str) -> list[tuple[str, dict[str, str], str]]:
    """(level, properties, message) of every workflow command in `output`, unescaped."""
    found = []
    for line in output.splitlines():
        if line.startswith("::"):
            match = ANNOTATION.match(line)
            assert match, f"not a well-formed workflow command: {line!r}"
            level, props, message = match.groups()
            properties = dict(p.split("=", 1) for p in props.split(","))
            found.append((level, {k: _unescape(v) for k, v in properties.items()}, _unescape(message)))
    return found


def plain_errors(stderr: str) -> list[tuple[str, int, str, str]]:
    """(file, line, field, message) of the plain lines, without the last line."""
    lines = stderr.splitlines()
    parsed = [PLAIN_ERROR.match(line) for line in lines[:-1]]
    assert all(parsed), lines
    return [(m[1], int(m[2]), m[3] or "", m[4]) for m in parsed]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return project_copy(tmp_path / "project", code=False)


@pytest.fixture
def model_errors(project):
    """A course whose second session ends before it starts, with a field the model does not know."""
    edit(project / COURSE, "    date: 2026-09-15\n    start: 18:00\n    end: 21:00",
         "    date: 2026-09-15\n    start: 18:00\n    end: 17:00")
    edit(project / COURSE, "  municipality: rade\n", "  municipality: rade\n  colour: blue\n")
    return project


@pytest.fixture
def rule_errors(project):
    """Problems only the cross-file rules find: an unknown municipality, the deadline after the first
    session, and the id of another course (reported in the other file, naming this one's file:line)."""
    edit(project / COURSE, "  municipality: rade\n", "  municipality: raade\n")
    edit(project / COURSE, "  deadline: 2026-09-01", "  deadline: 2026-09-10")
    edit(project / COURSE, "id: etablererkurs-host-test-2026", "id: etablererkurs-host-test-2027")
    return project


def _assert_one_error_annotation_per_plain_line(run) -> list[tuple[str, dict[str, str], str]]:
    assert run.returncode == 1
    plain = plain_errors(run.stderr)
    found = annotations(run.stdout)
    assert [level for level, _, _ in found] == ["error"] * len(plain)
    # Each at its plain line's file and line, the field as its title, the same (bokmål) message.
    assert [(p["file"], int(p["line"]), p.get("title", ""), message) for _, p, message in found] == plain
    assert run.stderr.splitlines()[-1] == f"{len(plain)} feil funnet. Rett dem og kjør make check igjen."
    return found


def test_model_problems_become_error_annotations_at_the_plain_messages_places(model_errors):
    run = run_etablerer(model_errors, DAY, "check", **IN_ACTIONS)
    found = _assert_one_error_annotation_per_plain_line(run)
    assert len(found) == 2
    by_title = {p["title"]: (p, message) for _, p, message in found}
    assert by_title["sessions[1].end"][0] == {"file": COURSE.as_posix(), "line": "26", "title": "sessions[1].end"}
    assert by_title["sessions[1].end"][1] == "17:00 er før start 18:00; en samling slutter etter at den begynner"
    assert by_title["venue.colour"][1].startswith("'colour' er ikke et kjent felt; her kan du bruke: ")
    # The raw line, as GitHub reads it: the colons of the message need no escaping, the title's would.
    assert ("::error file=data/courses/etablererkurs-host-test-2026.yml,line=26,title=sessions[1].end::"
            "17:00 er før start 18:00; en samling slutter etter at den begynner") in run.stdout.splitlines()


def test_cross_file_rule_problems_become_error_annotations_too(rule_errors):
    run = run_etablerer(rule_errors, DAY, "check", **IN_ACTIONS)
    found = _assert_one_error_annotation_per_plain_line(run)
    places = sorted((p["file"], p["title"]) for _, p, _ in found)
    assert places == [(COURSE.as_posix(), "registration.deadline"), (COURSE.as_posix(), "venue.municipality"),
                      (OTHER, "id")]
    duplicate = next(message for _, p, message in found if p["file"] == OTHER)
    assert duplicate.startswith("id-en 'etablererkurs-host-test-2027' er allerede brukt av et annet kurs i "
                                f"{COURSE.as_posix()}:4")  # the colon of file:line survives the round trip
    deadline = next(message for _, p, message in found if p["title"] == "registration.deadline")
    assert "er ikke før den første samlingen" in deadline


def test_a_field_with_comma_colon_percent_and_newline_is_escaped_as_github_documents(project):
    edit(project / COURSE, "capacity: 30\n", 'capacity: 30\n"50%, ja: nei\\nto": 1\n')
    run = run_etablerer(project, DAY, "check", **IN_ACTIONS)
    assert run.returncode == 1
    line = next(line for line in run.stdout.splitlines() if line.startswith("::error "))
    assert line.startswith(f"::error file={COURSE.as_posix()},line=40,title=50%25%2C ja%3A nei%0Ato::"
                           "'50%25, ja: nei%0Ato' er ikke et kjent felt; her kan du bruke: ")
    assert len(run.stdout.splitlines()) == 1  # the newline is escaped: one command, one line
    # The plain message keeps its newline: it is the editor's text as written.
    assert run.stderr.startswith(f"{COURSE.as_posix()}:40: 50%, ja: nei\nto: '50%, ja: nei\nto' er ikke")


def test_escaping_of_message_and_properties():
    assert escape_data("100 %, a: b\r\nc") == "100 %25, a: b%0D%0Ac"
    assert escape_property("100 %, a: b\r\nc") == "100 %25%2C a%3A b%0D%0Ac"
    assert command("error", "data/a,b:c.yml", 3, "x:y,z", "50% av 2,5: ja\nnei") == (
        "::error file=data/a%2Cb%3Ac.yml,line=3,title=x%3Ay%2Cz::50%25 av 2,5: ja%0Anei")
    # No field: no title; no line known: no line.
    assert command("notice", "content/index.md", None, "", "tekst") == "::notice file=content/index.md::tekst"
    assert for_errors([DataError("data/region.yml", 7, "", "feil: her, 5 %")]) == [
        "::error file=data/region.yml,line=7::feil: her, 5 %25"]


@pytest.mark.parametrize("env", [{}, {"GITHUB_ACTIONS": "false"}])
def test_nothing_is_printed_as_annotations_without_the_variable(model_errors, env):
    run = run_etablerer(model_errors, DAY, "check", **env)
    assert run.returncode == 1 and run.stdout == ""
    assert not any(line.startswith("::") for line in run.stderr.splitlines())
    assert len(plain_errors(run.stderr)) == 2


def test_the_options_override_the_variable(model_errors):
    asked = run_etablerer(model_errors, DAY, "check", "--annotations")
    assert len(annotations(asked.stdout)) == 2
    refused = run_etablerer(model_errors, DAY, "check", "--no-annotations", **IN_ACTIONS)
    assert refused.stdout == "" and annotations(refused.stderr) == []
    assert refused.stderr == asked.stderr  # the plain lines are the same either way


def test_findings_are_notices_one_per_kind_and_the_last_line_stays_last(project):
    plain = run_etablerer(project, DAY, "check")
    run = run_etablerer(project, DAY, "check", **IN_ACTIONS)
    assert run.returncode == plain.returncode == 0
    notes = [line for line in run.stdout.splitlines() if line.startswith("merknad: ")]
    found = annotations(run.stdout)
    assert notes and [level for level, _, _ in found] == ["notice"] * len(notes)
    # The same places and texts as the summary's "merknad: file:line: message (+N til av samme slag)".
    assert [f"merknad: {p['file']}:{p['line']}: {message}" for _, p, message in found] == notes
    assert any(p["title"] == "Avtaleperioden er over" for _, p, _ in found)  # the kind's bokmål heading
    # Besides the commands, the output is what it was, ending with the same last line.
    def untimed(lines):  # the last line says how long the check took
        return [re.sub(r"\(\d+\.\d+ s\)", "(… s)", line) for line in lines]
    assert untimed(line for line in run.stdout.splitlines() if not line.startswith("::")) == untimed(
        plain.stdout.splitlines())
    assert run.stdout.splitlines()[-1].startswith("data/ og content/ er i orden: ")


def test_strict_findings_are_warnings_one_each(project):
    run = run_etablerer(project, DAY, "check", "--strict", **IN_ACTIONS)
    assert run.returncode == 1
    notes = [line for line in run.stdout.splitlines() if line.startswith("merknad: ")]
    found = annotations(run.stdout)
    assert len(notes) > len({p["title"] for _, p, _ in found})  # every finding, not one per kind
    assert [level for level, _, _ in found] == ["warning"] * len(notes)
    assert [f"merknad: {p['file']}:{p['line']}: {message}" for _, p, message in found] == notes
    assert run.stdout.splitlines()[-1].startswith("STRICT=1: sjekken feiler på ")


def _make_check_command(*make_args: str) -> list[str]:
    """The arguments `make check` passes to `python -m etablerer` (a dry run of the Makefile's recipe)."""
    dry = subprocess.run(["make", "--no-print-directory", "-n", "check", *make_args], cwd=REPO,
                         env=pinned_environ(DAY, **IN_ACTIONS), capture_output=True, text=True, timeout=60)
    assert dry.returncode == 0, dry.stderr
    args = shlex.split(dry.stdout.splitlines()[-1])
    assert args[:3] == [".venv/bin/python", "-m", "etablerer"], args
    return args[3:]


def test_the_ci_step_make_check_prints_the_annotations(model_errors):
    """The pull request's content-checks job runs `make check`, without STRICT=1 (the date-dependent
    findings would fail editors' pull requests for what they did not change); its command, run on the
    bad course in GitHub Actions' environment, prints the error annotations."""
    steps = yaml.safe_load((REPO / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8"))[
        "jobs"]["content-checks"]["steps"]
    assert "make check" in [step.get("run") for step in steps]
    run = run_etablerer(model_errors, DAY, *_make_check_command(), **IN_ACTIONS)
    assert len(_assert_one_error_annotation_per_plain_line(run)) == 2
    off = run_etablerer(model_errors, DAY, *_make_check_command("ANNOTATIONS=0"), **IN_ACTIONS)
    assert off.returncode == 1 and off.stdout == ""
    assert _make_check_command("ANNOTATIONS=1") == ["check", "--annotations"]
