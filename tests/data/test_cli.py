"""`python -m etablerer check`: exit 0 and notes on good data; exit 1 and every problem on bad data.

Run as a subprocess with the as-of date pinned through SOURCE_DATE_EPOCH. The
timeout only catches a hang; it says nothing about speed.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.support.edits import edit
from tests.support.project import project_copy

from .conftest import ACCOUNTING, BASIC, MUNICIPALITIES, line_of

# Notes are the content health findings (etablerer.health): "merknad: file:line: message".
AGREEMENT_ENDED = ("Ingen avtale gjelder nå: 'Samarbeidsavtale om Etablerertjenesten i Viken 2022–2025' "
                   "sluttet 2025-12-31, og ingen nyere avtale er lagt inn i data/agreements.yml. Synlighetsregelen "
                   "i den gjelder til en ny avtale er lagt inn.")
VIKEN_CEASED = ("Viken fylkeskommune opphørte 2023-12-31, men synlighetsregelen nevner den fortsatt; "
                "sidene sier at den har opphørt.")
VALID = re.compile(r"data/ og content/ er i orden: \d+ kurs, 4 kommuner \(\d+\.\d\d s\)\. .*")


def check(root: Path, on: datetime, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("STRICT", "ETABLERER_COPY", "ETABLERER_MODE")}
    env["SOURCE_DATE_EPOCH"] = str(int(on.timestamp()))
    env["PYTHONIOENCODING"] = "utf-8"
    command = [sys.executable, "-m", "etablerer", *(args or ("check", "--root", str(root)))]
    return subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, encoding="utf-8", timeout=60)


NOV_2026 = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
JUN_2024 = datetime(2024, 6, 1, 12, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def good_run(tmp_path_factory) -> subprocess.CompletedProcess:
    """check on a copy of the shipped data, on 2026-11-27 (after the agreement ended)."""
    return check(project_copy(tmp_path_factory.mktemp("good"), code=False), NOV_2026)


def test_check_passes_on_the_shipped_data(good_run):
    assert good_run.returncode == 0, good_run.stderr


def notes(stdout: str) -> list[str]:
    """The messages of the note lines, without 'merknad: file:line: '."""
    return [re.sub(r"^merknad: [^:]+:\d+: ", "", line) for line in stdout.splitlines() if line.startswith("merknad: ")]


def test_check_prints_the_notes_after_the_agreement_ended(good_run):
    assert notes(good_run.stdout)[:2] == [AGREEMENT_ENDED, VIKEN_CEASED]


def test_check_says_the_data_is_valid(good_run):
    lines = good_run.stdout.splitlines()
    assert VALID.fullmatch(lines[-1]), good_run.stderr  # the last line: valid, the warnings' count, what next
    assert "merknader står over" in lines[-1] and lines[-1].endswith("Bygg nettstedet med make site.")


def test_check_prints_nothing_on_stderr_on_good_data(good_run):
    assert good_run.stderr == ""


def test_check_while_the_agreement_is_in_force_notes_only_that_viken_ceased(data_copy):
    found = notes(check(data_copy, JUN_2024).stdout)
    assert VIKEN_CEASED in found
    assert not any(n.startswith("Ingen avtale gjelder nå") for n in found)


def test_check_with_root_before_the_command_also_works(data_copy):
    result = check(data_copy, NOV_2026, "--root", str(data_copy), "check")
    assert result.returncode == 0, result.stderr


def test_strict_check_fails_on_notes(data_copy):
    result = check(data_copy, NOV_2026, "check", "--strict", "--root", str(data_copy))
    assert result.returncode == 1, result.stderr


VESTBY_NUMBER = 'number: "3216"'


def break_three_files(root: Path) -> list[str]:
    edit(root / BASIC, "capacity: 25", "capacity: 0")
    edit(root / BASIC, "date: 2027-02-09", "date: 2027-02-30")
    edit(root / ACCOUNTING, "price: 300", "price: -300")
    edit(root / MUNICIPALITIES, VESTBY_NUMBER, "number: 3216")
    return [
        f"{BASIC}:{line_of(BASIC, 'date: 2027-02-09')}: "
        "sessions[1].date: 2027-02-30 er ikke en dato som finnes (sjekk dag og måned)",
        f"{BASIC}:{line_of(BASIC, 'capacity: 25')}: capacity: 0 er for lite; det må være minst 1",
        f"{ACCOUNTING}:{line_of(ACCOUNTING, 'price: 300')}: "
        "price: -300 er mindre enn null; et beløp må være 0 eller mer",
        f"{MUNICIPALITIES}:{line_of(MUNICIPALITIES, VESTBY_NUMBER)}: "
        "municipalities[1].number: '3216' skal være tekst; sett det i anførselstegn hvis det ser ut som et tall eller "
        "true/false",
    ]


@pytest.fixture(scope="module")
def bad_run(tmp_path_factory) -> tuple[subprocess.CompletedProcess, list[str]]:
    """check on a copy with four problems in three files."""
    root = project_copy(tmp_path_factory.mktemp("bad"), code=False)
    expected = break_three_files(root)
    return check(root, NOV_2026), expected


def test_check_fails_on_bad_data(bad_run):
    assert bad_run[0].returncode == 1


def test_check_prints_every_problem_to_stderr(bad_run):
    result, expected = bad_run
    assert result.stderr.splitlines()[:-1] == expected


def test_check_ends_stderr_with_the_count(bad_run):
    assert (bad_run[0].stderr.splitlines() or [""])[-1].startswith("4 feil funnet. ")


def test_check_prints_no_traceback_on_bad_data(bad_run):
    assert "Traceback" not in bad_run[0].stderr + bad_run[0].stdout


def test_check_prints_nothing_on_stdout_on_bad_data(bad_run):
    assert bad_run[0].stdout == ""


def test_check_prints_no_traceback_on_a_pasted_control_character(data_copy):
    edit(data_copy / BASIC, "  nb: Deg som har", "  nb: \x0bDeg som har")
    result = check(data_copy, NOV_2026)
    assert (result.returncode, "Traceback" in result.stderr) == (1, False)
