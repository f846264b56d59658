"""The recipes of the editors' guide (VEILEDNING.md) on records: sample flags off, a rename with
former_ids («Endre et kurs»), a deletion («Fjern et kurs»), a refused edit (split from
test_recipes.py so the test runner can run them beside it; same rules).
"""


from __future__ import annotations

import re

import pytest
import yaml

from tests.support.edits import edit
from tests.support.environ import PINNED_DAY as PINNED
from tests.support.expected import normalise
from tests.support.project import run_etablerer

from .promise import holds, places, refused
from .test_recipes import AGREEMENTS, COURSES, LOGOS, MUNICIPALITIES, ORGANISATIONS, REFERRALS, REGION, read  # noqa: F401

pytestmark = [pytest.mark.build, pytest.mark.slow]


def test_set_sample_false_on_every_record(project):
    changed = 0
    for file in sorted((project / "data").rglob("*.yml")):
        text, count = re.subn(r"(?m)^(\s*)sample: true$", r"\1sample: false", file.read_text(encoding="utf-8"))
        file.write_text(text, encoding="utf-8")
        changed += count
    assert changed > 10, "the fixture should have many sample records"

    site = holds(project)

    # What is left: the two placeholder logos. The guard names exactly those, and the banner stays.
    guard = run_etablerer(project, PINNED, "production-guard")
    assert guard.returncode == 1, guard.stdout
    listed = re.findall(r"(?m)^  (\S+:\d+)$", guard.stderr)
    organisations = yaml.safe_load(read(project, ORGANISATIONS))["organisations"]
    placeholders = [o for o in organisations if (o.get("logo") or {}).get("placeholder")]
    assert len(listed) == len(placeholders) == 2 and all(p.startswith("data/organisations.yml:") for p in listed), \
        guard.stderr
    banner = normalise(site.data.language_files.interface["nb"]["sample_banner"])
    for copy in site.copies:
        assert banner in normalise(site.page(copy, "").get_text(" ")), f"{copy}: placeholder logos remain: " \
                                                                      "the banner must stay"


# --- Rename and delete a course --------------------------------------------------------------------------

def test_rename_a_course_with_former_ids(project):
    # A course renamed before is renamed again: both old addresses lead to the new page.
    course = project / COURSES / "prising-og-budsjett-test-2027.yml"
    edit(course, "id: prising-og-budsjett-test-2027", "id: prising-budsjett-og-lonnsomhet-test-2027")
    edit(course, "former_ids: [prisregning-test-2027]",
         "former_ids: [prisregning-test-2027, prising-og-budsjett-test-2027]")

    site = holds(project)

    for copy in site.copies:
        for old in ("prisregning-test-2027", "prising-og-budsjett-test-2027"):
            refresh = site.page(copy, f"kurs/{old}/").find("meta", attrs={"http-equiv": "refresh"})
            assert refresh is not None, f"{copy}: kurs/{old}/ does not redirect"
            assert refresh["content"].endswith("prising-budsjett-og-lonnsomhet-test-2027/"), refresh["content"]
        assert (site.copy_dir(copy) / "kurs" / "prising-budsjett-og-lonnsomhet-test-2027.ics").is_file()
        assert not (site.copy_dir(copy) / "kurs" / "prising-og-budsjett-test-2027.ics").exists()


def test_delete_a_course(project):
    (project / COURSES / "markedsforing-test-2027.yml").unlink()

    site = holds(project)

    assert "markedsforing-test-2027" not in [c.id for c in site.data.courses]
    for copy in site.copies:
        gone = [p.relative_to(site.out).as_posix() for p in site.copy_dir(copy).rglob("*markedsforing-test-2027*")]
        assert gone == [], f"files of the deleted course are still built: {gone}"
        courses_json = (site.copy_dir(copy) / "embed" / "courses.json").read_text(encoding="utf-8")
        assert "markedsforing-test-2027" not in courses_json


# --- An edit check refuses: the build refuses it the same way -------------------------------------------

def test_a_misspelt_municipality_is_refused_by_check_and_build_alike(project):
    edit(project / COURSES / "regnskap-og-skatt-test-2027.yml", "  municipality: vestby", "  municipality: vesbty")

    check, build = refused(project)

    expected = ("data/courses/regnskap-og-skatt-test-2027.yml:21: venue.municipality: 'vesbty' er ikke en kjent "
                "kommune-id; de kjente er: moss, rade, valer, vestby")
    assert places(check) == [expected], check
    assert places(build) == places(check), build
