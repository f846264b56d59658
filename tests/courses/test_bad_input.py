"""Feature: bad course input gets a clear error, `file:line: field: message`, all at once.

Each case adds one course file (COURSE below, with easy line numbers) or
changes one line of the shipped data, and expects exactly these messages.
Cases from the issue: times the clocks skip (spring) or repeat (autumn),
overlapping sessions, an online course without a link, an on-site course
without an address. Cases we added: an online course with a venue, an
on-site course with a join link, a language listed twice, a former id that
is the course's own, another course's id, or already claimed, and a base URL
with characters that are written differently in HTML, JSON and calendars.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.edits import edit
from tests.support.environ import pinned_environ
from tests.support.project import project_copy

from ..data.conftest import errors_of, line_of, load

NEW = "data/courses/x.yml"
RENAMED_FILE = "data/courses/prising-og-budsjett-test-2027.yml"  # former_ids: [prisregning-test-2027]
GAP = ("02:30 finnes ikke den 2027-03-28: klokkene i Norge stilles fram fra 02:00 til 03:00 den natten; "
       "velg et klokkeslett før 02:00 eller fra 03:00")
REPEAT = ("{clock} kommer to ganger den 2027-10-31: klokkene i Norge stilles tilbake fra 03:00 til 02:00 den natten; "
          "velg et klokkeslett før 02:00 eller fra 03:00")

# sessions[0]: date line 9, start 10, end 11; sessions[1]: date 13, start 14, end 15.
COURSE = """\
sample: true
id: testkurs-2027
title: Testkurs
kind: theme
description: Et kurs som bare finnes i testene.
sessions:
  - id: del-1
    # first session
    date: 2027-04-06
    start: 18:00
    end: 21:00
  - id: del-2
    date: 2027-04-13
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
  deadline: 2027-03-01
target_group: Alle som vil prøve.
"""
FIRST = "    date: 2027-04-06\n    start: 18:00\n    end: 21:00\n  - id: del-2"
SECOND = "    date: 2027-04-13\n    start: 18:00\n    end: 21:00\nformat"
VENUE = ('venue:\n  name: Testhuset\n  address: {street: Testgata 1, postcode: "1530", city: Moss}\n'
         '  municipality: moss\n')


def first(date: str, start: str, end: str) -> tuple[str, str]:
    return FIRST, f"    date: {date}\n    start: {start}\n    end: {end}\n  - id: del-2"


def second(date: str, start: str, end: str) -> tuple[str, str]:
    return SECOND, f"    date: {date}\n    start: {start}\n    end: {end}\nformat"


def course_with(*changes: tuple[str, str]) -> str:
    text = COURSE
    for old, new in changes:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def case(case_id, text, *expected):
    return pytest.param(text, list(expected), id=case_id)


CASES = [
    case("spring-gap-start", course_with(first("2027-03-28", "02:30", "04:00")),
         f"{NEW}:10: sessions[0].start: {GAP}"),
    case("spring-gap-end", course_with(first("2027-03-28", "01:00", "02:30")),
         f"{NEW}:11: sessions[0].end: {GAP}"),
    case("spring-gap-on-the-hour", course_with(first("2027-03-28", "02:00", "04:00")),
         f"{NEW}:10: sessions[0].start: {GAP.replace('02:30 finnes', '02:00 finnes')}"),
    case("autumn-repeat-start", course_with(second("2027-10-31", "02:30", "04:00")),
         f"{NEW}:14: sessions[1].start: {REPEAT.format(clock='02:30')}"),
    case("autumn-repeat-end", course_with(second("2027-10-31", "00:30", "02:59")),
         f"{NEW}:15: sessions[1].end: {REPEAT.format(clock='02:59')}"),
    case("overlapping-sessions", course_with(second("2027-04-06", "20:00", "22:00")),
         f"{NEW}:14: sessions[1].start: sessions[1] (2027-04-06 20:00–22:00) overlapper med sessions[0] "
         "(2027-04-06 18:00–21:00); samlingene i et kurs kan ikke overlappe: endre en dato eller et klokkeslett"),
    case("overlapping-sessions-listed-out-of-order",
         course_with(first("2027-04-13", "19:00", "20:00"), second("2027-04-13", "18:00", "21:00")),
         f"{NEW}:10: sessions[0].start: sessions[0] (2027-04-13 19:00–20:00) overlapper med sessions[1] "
         "(2027-04-13 18:00–21:00); samlingene i et kurs kan ikke overlappe: endre en dato eller et klokkeslett"),
    case("online-without-a-link", course_with(("format: onsite\n" + VENUE, "format: online\n")),
         f"{NEW}:1: online_url: et kurs med format: online må ha online_url: lenken deltakerne bruker for å være med"),
    case("onsite-without-an-address",
         course_with(('  address: {street: Testgata 1, postcode: "1530", city: Moss}\n', "")),
         f"{NEW}:17: venue.address: dette feltet mangler; legg det til"),
    case("onsite-without-a-postcode", course_with(('postcode: "1530", ', "")),
         f"{NEW}:19: venue.address.postcode: dette feltet mangler; legg det til"),
    case("online-with-a-venue",
         course_with(("format: onsite\n", "format: online\nonline_url: https://example.com/kurs/testkurs\n")),
         f"{NEW}:18: venue: et nettkurs har ikke noe sted; fjern venue: eller skriv format: hybrid"),
    case("onsite-with-a-join-link", course_with(("format: onsite\n", "format: onsite\nonline_url: "
                                                                     "https://example.com/kurs/testkurs\n")),
         f"{NEW}:17: online_url: et kurs med oppmøte har ingen online_url; fjern den eller skriv format: hybrid"),
    case("language-listed-twice", course_with(("languages: [nb]", "languages: [nb, en, nb]")),
         f"{NEW}:21: languages[2]: 'nb' står to ganger; skriv hvert språk bare én gang"),
    case("former-id-is-its-own", course_with(("target_group:", "former_ids: [testkurs-2027]\ntarget_group:")),
         f"{NEW}:27: former_ids[0]: 'testkurs-2027' er id-en til dette kurset; skriv bare id-er kurset hadde før"),
    case("former-id-is-another-course", course_with(("target_group:", "former_ids: [markedsforing-test-2027]\n"
                                                                      "target_group:")),
         f"{NEW}:27: former_ids[0]: 'markedsforing-test-2027' er id-en til kurset i "
         "data/courses/markedsforing-test-2027.yml; en adresse kan ikke føre til to sider"),
    case("former-id-already-claimed", course_with(("target_group:", "former_ids: [prisregning-test-2027]\n"
                                                                    "target_group:")),
         f"{NEW}:27: former_ids[0]: 'prisregning-test-2027' står allerede som tidligere id i "
         f"{RENAMED_FILE}:{line_of(RENAMED_FILE, 'former_ids: [prisregning-test-2027]')}; "
         "en gammel adresse kan bare føre til ett kurs"),
]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return project_copy(tmp_path / "project", code=False)


def test_the_course_fixture_itself_is_valid(project):
    (project / NEW).write_text(COURSE, encoding="utf-8")
    assert any(c.id == "testkurs-2027" for c in load(project).courses)


@pytest.mark.parametrize("touching", ["21:00", "21:30"])
def test_sessions_that_only_touch_or_follow_do_not_overlap(project, touching):
    (project / NEW).write_text(course_with(second("2027-04-06", touching, "22:00")), encoding="utf-8")
    assert any(c.id == "testkurs-2027" for c in load(project).courses)


@pytest.mark.parametrize("clock", ["01:59", "03:00"])
def test_times_beside_the_spring_gap_are_fine(project, clock):
    (project / NEW).write_text(course_with(first("2027-03-28", clock, "04:00")), encoding="utf-8")
    assert any(c.id == "testkurs-2027" for c in load(project).courses)


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_bad_course_input_gives_exactly_these_messages(project, text, expected):
    (project / NEW).write_text(text, encoding="utf-8")
    assert errors_of(project) == expected


def test_a_base_url_with_an_ampersand_is_refused(project):
    edit(project / "data/municipalities.yml", "base_url: https://www.moss.example.com/etablerertjenesten/",
         "base_url: https://www.moss.example.com/a&b/")
    assert errors_of(project) == [
        "data/municipalities.yml:18: municipalities[0].base_url: 'https://www.moss.example.com/a&b/' inneholder &; "
        "adressen i base_url kan ikke inneholde noen av tegnene & < > \" ' , ; \\"]


def test_every_problem_is_reported_in_one_run(project):
    text = course_with(first("2027-03-28", "02:30", "04:00"), second("2027-03-28", "03:30", "05:00"),
                       ("languages: [nb]", "languages: [nb, nb]"))
    (project / NEW).write_text(text, encoding="utf-8")
    assert errors_of(project) == [
        f"{NEW}:10: sessions[0].start: {GAP}",
        f"{NEW}:14: sessions[1].start: sessions[1] (2027-03-28 03:30–05:00) overlapper med sessions[0] "
        "(2027-03-28 02:30–04:00); samlingene i et kurs kan ikke overlappe: endre en dato eller et klokkeslett",
        f"{NEW}:21: languages[1]: 'nb' står to ganger; skriv hvert språk bare én gang",
    ]


def test_make_check_exits_1_with_the_message_and_no_traceback(project):
    (project / NEW).write_text(course_with(first("2027-03-28", "02:30", "04:00")), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "etablerer", "check", "--root", str(project)],
                            env=pinned_environ(), capture_output=True, text=True, timeout=300)
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert f"{NEW}:10: sessions[0].start: {GAP}" in output
    assert "Traceback" not in output
