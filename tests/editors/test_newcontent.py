"""`make new-course` and `make new-organisation`: today's date filled in, fields commented, passes make check."""

from __future__ import annotations

import subprocess
from datetime import date

import yaml

from tests.fixtures import REPO
from tests.support.environ import pinned_environ
from tests.support.project import run_etablerer

DAY = date(2026, 11, 27)


def new(root, kind: str, **env: str) -> subprocess.CompletedProcess:
    return run_etablerer(root, DAY, kind, "--root", str(root), module="etablerer.newcontent", **env)


def test_make_targets_call_the_generator_with_the_title_from_the_environment():
    run = subprocess.run(["make", "--no-print-directory", "-n", "new-course", 'TITLE=Regnskap: "grunnkurs"'], cwd=REPO,
                         env=pinned_environ(DAY), capture_output=True, text=True, timeout=60)
    assert run.stdout.strip().splitlines()[-1] == ".venv/bin/python -m etablerer.newcontent course"
    run = subprocess.run(["make", "--no-print-directory", "-n", "new-organisation", "NAME=X"], cwd=REPO,
                         env=pinned_environ(DAY), capture_output=True, text=True, timeout=60)
    assert run.stdout.strip().splitlines()[-1] == ".venv/bin/python -m etablerer.newcontent organisation"


def test_new_course_passes_make_check(project):
    run = new(project, "course", TITLE='Regnskap: «grunnkurs» for "nybegynnere"')
    assert run.returncode == 0, run.stderr
    # Written on 2026-11-27, first session ten weeks later: the file's year is the session's, 2027.
    file = project / "data" / "courses" / "regnskap-grunnkurs-for-nybegynnere-2027.yml"
    text = file.read_text(encoding="utf-8")
    assert "make new-course` 2026-11-27" in text  # today's date
    data = yaml.load(text, Loader=yaml.BaseLoader)
    assert data["title"] == 'Regnskap: «grunnkurs» for "nybegynnere"'
    assert data["id"] == "regnskap-grunnkurs-for-nybegynnere-2027"
    assert data["sample"] == "true"
    assert data["sessions"][0]["date"] == "2027-02-05"
    commented = [line for line in text.splitlines() if line.lstrip().startswith("#")]
    assert len(commented) >= 10
    check = run_etablerer(project, DAY, "check", "--root", str(project))
    assert check.returncode == 0, check.stderr


def test_new_course_never_overwrites(project):
    assert new(project, "course", TITLE="Markedsføring").returncode == 0
    again = new(project, "course", TITLE="Markedsføring")
    assert again.returncode == 1
    assert "finnes allerede" in again.stderr and "Traceback" not in again.stderr


def test_new_course_needs_a_title(project):
    run = new(project, "course")
    assert run.returncode == 1 and run.stderr.splitlines()[-1].startswith(
        'Ingenting ble skrevet: gi kurset en tittel: make new-course TITLE="')


def test_new_organisation_passes_make_check(project):
    before = (project / "data" / "organisations.yml").read_text(encoding="utf-8")
    run = new(project, "organisation", NAME="Gründerhuset Østfold")
    assert run.returncode == 0, run.stderr
    text = (project / "data" / "organisations.yml").read_text(encoding="utf-8")
    assert text.startswith(before.rstrip("\n"))  # appended; the editors' comments stay
    assert "make new-organisation` 2026-11-27" in text
    orgs = yaml.load(text, Loader=yaml.BaseLoader)["organisations"]
    assert orgs[-1]["id"] == "grunderhuset-ostfold" and orgs[-1]["name"] == "Gründerhuset Østfold"
    check = run_etablerer(project, DAY, "check", "--root", str(project))
    assert check.returncode == 0, check.stderr


def test_new_organisation_refuses_a_known_id(project):
    before = (project / "data" / "organisations.yml").read_text(encoding="utf-8")
    run = new(project, "organisation", NAME="Portalen")
    assert run.returncode == 1 and "finnes allerede i data/organisations.yml" in run.stderr
    # One last line: what happened and what to do next.
    assert run.stderr.splitlines()[-1] == ("Ingenting ble skrevet: en organisasjon med id 'portalen' finnes allerede "
                                           "i data/organisations.yml; velg et annet navn")
    assert (project / "data" / "organisations.yml").read_text(encoding="utf-8") == before
