"""Feature: the site stays right as days pass, with no editor touching it (the nightly build).

The fixture is built a year after its last course (nothing upcoming, nothing recent); on
the days Norway's clocks change (Europe/Oslo: forward on 2027-03-28, back on 2027-10-31)
with course sessions on that day and the day before (each session's calendar event at the
local time the data says, with the right UTC offset, in the calendar's own time zone
definition too); and with a newer agreement recorded after the old one ended. Each: check
exits 0, the build exits 0, the content checks pass.
"""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta

import pytest
from icalendar import Calendar

from tests.support.edits import edit
from tests.support.environ import OSLO

from .conftest import load
from .promise import checked, holds

# --- a year after the last course ---------------------------------------------------------------


@pytest.mark.build
@pytest.mark.slow
def test_a_year_after_the_last_course(project):
    data = load(project)
    last = max(c.last_day() for c in data.courses)
    day = last.replace(year=last.year + 1) + timedelta(days=1)  # past courses are listed for 12 months

    site = holds(project, day)

    for copy in site.copies:
        courses = json.loads((site.copy_dir(copy) / "embed" / "courses.json").read_text(encoding="utf-8"))
        assert courses["courses"] == [] and courses["as_of"] == day.isoformat()
        feed = (site.copy_dir(copy) / "kurs" / "alle-kurs.ics").read_text(encoding="utf-8")
        assert "BEGIN:VEVENT" not in feed, f"{copy}: the feed of upcoming courses has events a year later"
        for url in ("", "kurs/"):
            page = site.page(copy, url)
            assert page.select(".et-course") == [], f"{copy}/{url}: a course is listed a year after the last one"
            assert page.select_one(".et-no-courses") is not None, f"{copy}/{url}: says nothing about no courses"


# --- the days the clocks change ---------------------------------------------------------------

def dst_course(course_id: str, sessions: list[tuple[date, time, time]]) -> str:
    lines = "".join(f"  - id: del-{i}\n    date: {day.isoformat()}\n    start: {start:%H:%M}\n    end: {end:%H:%M}\n"
                    for i, (day, start, end) in enumerate(sessions, 1))
    first = min(day for day, _, _ in sessions)
    return f"""\
sample: true
id: {course_id}
title: Kurs den natten klokka stilles
kind: theme
description: Et kurs med samlinger før og etter at klokka stilles.
sessions:
{lines}format: onsite
venue:
  name: Moss bibliotek
  address: {{street: Kirkegata 14, postcode: "1530", city: Moss}}
  municipality: moss
languages: [nb]
price: 0
capacity: 20
registration:
  url: https://www.example.no/pamelding/{course_id}
  deadline: {(first - timedelta(days=7)).isoformat()}
target_group: Alle som vil prøve.
"""


SPRING = date(2027, 3, 28)  # 02:00 → 03:00
AUTUMN = date(2027, 10, 31)  # 03:00 → 02:00
CASES = {
    "spring": (SPRING, [(SPRING - timedelta(days=1), time(18), time(21)),  # winter time, +01:00
                        (SPRING, time(1), time(1, 45)),  # before the change, +01:00
                        (SPRING, time(10), time(12)),  # summer time, +02:00
                        (SPRING, time(18), time(21))]),
    "autumn": (AUTUMN, [(AUTUMN - timedelta(days=1), time(18), time(21)),  # summer time, +02:00
                        (AUTUMN, time(1), time(1, 45)),  # before the change, +02:00
                        (AUTUMN, time(10), time(12)),  # winter time, +01:00
                        (AUTUMN, time(18), time(21))]),
}
EXPECTED_OFFSET = {  # hours east of UTC, written out (not computed with the product's zone handling)
    "spring": [1, 1, 2, 2],
    "autumn": [2, 2, 1, 1],
}


def events_of(ics_text: str) -> list:
    return sorted(Calendar.from_ical(ics_text).walk("VEVENT"), key=lambda e: e.decoded("dtstart"))


def check_events(events, sessions, offsets, own_zone, where: str) -> None:
    assert len(events) == len(sessions), f"{where}: {len(events)} events for {len(sessions)} sessions"
    for event, (day, start, end), hours in zip(events, sessions, offsets, strict=True):
        for name, clock in (("dtstart", start), ("dtend", end)):
            value = event.decoded(name)
            local = datetime.combine(day, clock)
            assert isinstance(value, datetime) and value.tzinfo is not None, f"{where}: {name} is floating"
            assert value.replace(tzinfo=None) == local, f"{where}: {name} {value} for the data's {local}"
            assert value.utcoffset() == timedelta(hours=hours), f"{where}: {name} {value} has the wrong offset"
            assert event[name].params.get("TZID") == "Europe/Oslo", f"{where}: {name} not in Europe/Oslo"
            # A calendar without its own zone data reads the file's VTIMEZONE: the same offset there.
            assert own_zone.utcoffset(local) == timedelta(hours=hours), \
                f"{where}: the file's VTIMEZONE gives {own_zone.utcoffset(local)} for {local}"


def run_clock_change(project, name: str):
    day, sessions = CASES[name]
    course_id = f"klokka-stilles-{name}-test-{day.year}"
    (project / "data" / "courses" / f"{course_id}.yml").write_text(dst_course(course_id, sessions), encoding="utf-8")

    site = holds(project, day)

    for copy in site.copies:
        for rel in (f"kurs/{course_id}.ics", "kurs/alle-kurs.ics"):
            text = (site.copy_dir(copy) / rel).read_text(encoding="utf-8")
            calendar = Calendar.from_ical(text)
            zones = [z for z in calendar.walk("VTIMEZONE") if str(z["TZID"]) == "Europe/Oslo"]
            assert len(zones) == 1, f"{copy}/{rel}: {len(zones)} VTIMEZONE Europe/Oslo"
            events = [e for e in events_of(text) if str(e["uid"]).startswith(course_id)]
            check_events(events, sessions, EXPECTED_OFFSET[name], zones[0].to_tz(), f"{copy}/{rel}")
        listed = json.loads((site.copy_dir(copy) / "embed" / "courses.json").read_text(encoding="utf-8"))
        course = next(c for c in listed["courses"] if c["id"] == course_id)
        starts = [s["start"] for s in course["sessions"]]
        assert starts == [f"{d.isoformat()}T{s:%H:%M}:00+0{h}:00" for (d, s, _), h in
                          zip(sessions, EXPECTED_OFFSET[name], strict=True)], starts


@pytest.mark.build
@pytest.mark.slow
def test_the_day_the_clocks_go_forward(project):
    run_clock_change(project, "spring")


@pytest.mark.build
@pytest.mark.slow
def test_the_day_the_clocks_go_back(project):
    run_clock_change(project, "autumn")


def test_the_offsets_written_out_here_are_those_of_europe_oslo():
    # The table above, against the time zone database (not the product), so a typo there cannot pass.
    for name, (_, sessions) in CASES.items():
        got = [datetime.combine(d, s, tzinfo=OSLO).utcoffset() for d, s, _ in sessions]
        assert got == [timedelta(hours=h) for h in EXPECTED_OFFSET[name]], name


# --- a newer agreement ------------------------------------------------------------------------

NEW_AGREEMENT = """\
  - id: sorfylket-2026-2029
    title: Samarbeidsavtale om Etablerertjenesten i Mosseregionen 2026–2029
    period: {start: 2026-01-01, end: 2029-12-31}
    source: Vedtak i kommunestyrene i Moss, Vestby, Råde og Våler, 2025
    host_municipality: moss
    operator: driftsselskapet
    parties:
      - organisation: sorfylket
        role: Østfold fylkeskommune er med på å finansiere etablerertjenesten.
      - organisation: statlig-innovasjon
        role: Innovasjon Norge er partner og bidrar med kunnskap om innovasjon og finansiering.
      - municipality: moss
        role: Moss kommune er avtalepart på vegne av Moss, Vestby, Råde og Våler.
    goals:
      - Flere nye bedrifter som overlever, vokser og tjener penger.
      - Flere etablerere med innvandrerbakgrunn.
    minimum_items:
      - id: etablererkurs
        text: Grunnleggende etablererkurs, gratis for deltakerne.
        kind: service
      - id: temakurs
        text: Relevante temakurs. Deltakerne kan måtte betale en egenandel.
        kind: service
      - id: veiledning
        text: Veiledning, gratis for deltakerne opp til et begrenset antall timer.
        kind: service
      - id: brukerundersokelser
        text: Jevnlige brukerundersøkelser.
        kind: service
    funding:
      population_date: 2021-07-01
      county: sorfylket
      county_rate: 6.25
      municipal_rate: 3.10
      municipalities: [moss, vestby, rade, valer]
      reservation: Beløpene gjelder bare hvis partene får penger til dette i sine årlige budsjetter.
    visibility:
      organisations: [sorfylket, statlig-innovasjon]
      with_municipalities: true
"""
OSTFOLD_LOGO = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 360 120" width="360" height="120" role="img">
  <title>Østfold fylkeskommune</title>
  <rect width="360" height="120" fill="#ffffff"/>
  <text x="20" y="72" font-family="sans-serif" font-size="30" fill="#003865">Østfold fylkeskommune</text>
</svg>
"""


@pytest.mark.build
@pytest.mark.slow
def test_a_newer_agreement_after_the_old_one(project):
    agreements = project / "data" / "agreements.yml"
    agreements.write_text(agreements.read_text(encoding="utf-8").rstrip("\n") + "\n" + NEW_AGREEMENT,
                          encoding="utf-8")
    (project / "content" / "assets" / "logos" / "ostfold.svg").write_text(OSTFOLD_LOGO, encoding="utf-8")
    edit(project / "data" / "organisations.yml", "    url: https://www.ofk.no/\n",
         "    url: https://www.ofk.no/\n    logo:\n      file: assets/logos/ostfold.svg\n"
         "      alt: Østfold fylkeskommune\n")

    notes = checked(project)
    assert "Ingen avtale gjelder nå" not in notes, notes
    site = holds(project)

    assert site.in_force.agreement.id == "sorfylket-2026-2029" and site.in_force.in_period
    for copy in site.copies:
        front = site.page(copy, "")
        alts = {img.get("alt") for img in front.find_all("img")}
        assert "Østfold fylkeskommune" in alts, f"{copy}: the new agreement's county is not shown"
