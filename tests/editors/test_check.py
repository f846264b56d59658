"""`make check`: the same validation and messages as the build, without building; STRICT=1 fails on findings."""

from __future__ import annotations

from datetime import date

import pytest

from tests.support.edits import edit
from tests.support.project import run_etablerer

from .conftest import course_text, plain_contact_page

DAY = date(2026, 11, 27)


def test_check_passes_on_the_fixture(project):
    run = run_etablerer(project, DAY, "check")
    assert run.returncode == 0, run.stderr
    assert "data/ og content/ er i orden" in run.stdout
    assert "merknad: data/agreements.yml:" in run.stdout  # the ended agreement, with file:line
    # The last line says what happened and what to do next.
    assert run.stdout.splitlines()[-1].startswith("data/ og content/ er i orden: ")
    assert run.stdout.splitlines()[-1].endswith("rett dem når du kan. Bygg nettstedet med make site.")


def test_check_strict_fails_on_the_findings_and_lists_each(project):
    run = run_etablerer(project, DAY, "check", "--strict")
    assert run.returncode != 0
    notes = [line for line in run.stdout.splitlines() if line.startswith("merknad: ")]
    assert any("Viken fylkeskommune opphørte 2023-12-31" in n for n in notes)
    last = run.stdout.splitlines()[-1]  # says why a valid check fails, which warnings, and what to do
    assert last.startswith(f"STRICT=1: sjekken feiler på {len(notes)} merknader om innholdet (")
    assert "Avtaleperioden er over" in last and "Organisasjoner som har opphørt" in last
    assert last.endswith("Rett dem, eller kjør make check uten STRICT=1.")


@pytest.fixture
def bad(project):
    edit(project / "data" / "region.yml", "  interval_months: 12\n", "  interval_months: twelve\n")
    edit(project / "data" / "agreements.yml", "population_date: 2021-07-01", "population_date: 2021-07-32")
    return project


def test_check_reports_every_problem_as_file_line_field_message(bad):
    run = run_etablerer(bad, DAY, "check", "--root", str(bad))
    assert run.returncode == 1
    lines = run.stderr.splitlines()
    assert any(line.startswith("data/region.yml:") and ": survey.interval_months: 'twelve' er ikke et heltall"
               in line for line in lines), lines
    wrong_date = "agreements[0].funding.population_date: 2021-07-32 er ikke en dato som finnes"
    assert any(line.startswith("data/agreements.yml:") and wrong_date in line
               for line in lines), lines
    assert lines[-1] == "2 feil funnet. Rett dem og kjør make check igjen."
    assert "Traceback" not in run.stderr and run.stdout == ""


@pytest.mark.build
def test_check_and_build_give_the_same_messages(bad):
    check = run_etablerer(bad, DAY, "check", "--root", str(bad))
    build = run_etablerer(bad, DAY, "build", "--root", str(bad), "--site", str(bad / "site"))
    assert build.returncode == check.returncode == 1
    # The same problems; each ends with its own last line (what happened, what to do next).
    assert build.stderr.splitlines()[:-1] == check.stderr.splitlines()[:-1]
    assert build.stderr.splitlines()[-1] == ("2 feil funnet, så ingenting ble bygget; site/ er som før. "
                                             "Rett dem og kjør make site igjen.")
    assert not (bad / "site").exists()


def test_strict_passes_when_nothing_is_stale(project):
    """STRICT=1 fails on findings only: with none, it passes (the check above is no constant failure).
    The fixture's contact page is above the plain-language target (a finding since that check came):
    its wording is made plainer here, as the stale data is made fresh."""
    day = date(2025, 6, 1)
    for file in (project / "data").rglob("*.yml"):
        text = file.read_text(encoding="utf-8")
        text = text.replace("sample: true", "sample: false").replace("placeholder: true", "placeholder: false")
        file.write_text(text, encoding="utf-8")
    for logo in (project / "content" / "assets" / "logos").glob("*.svg"):
        logo.write_text(logo.read_text(encoding="utf-8").replace('font-size="11"', 'font-size="13"'), encoding="utf-8")
    edit(project / "data" / "region.yml", "  last_held: 2025-11-15\n", "  last_held: 2025-05-15\n")
    edit(project / "data" / "agreements.yml", "organisations: [gammelfylket, statlig-innovasjon]",
         "organisations: [statlig-innovasjon]")
    courses = project / "data" / "courses"
    for file in courses.glob("*.yml"):
        file.unlink()
    (courses / "snart.yml").write_text(course_text("snart", date(2025, 7, 1), deadline=date(2025, 6, 24), sample=False),
                                       encoding="utf-8")
    plain_contact_page(project)
    run = run_etablerer(project, day, "check", "--root", str(project), "--strict")
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stdout.splitlines()[-2].startswith("Klarspråk: LIX index.md ")
    assert run.stdout.splitlines()[-1].startswith("data/ og content/ er i orden")
    assert run.stdout.splitlines()[-1].endswith("Ingen merknader. Bygg nettstedet med make site.")
