"""Feature: every course can go into a calendar in one tap.

One .ics file per course with a VEVENT per session, and a feed of all upcoming
courses. Each file is parsed back with icalendar and every field is checked:
UID from data (the same in every copy), DTSTAMP from the as-of date,
DTSTART/DTEND in Europe/Oslo with a VTIMEZONE, LOCATION, URL (the copy's own
page), DESCRIPTION and SUMMARY.
"""

from __future__ import annotations

import itertools
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
import yaml
from icalendar import Calendar

from tests.support.environ import PINNED_DAY
from tests.support.expected import COPIES, COURSE_IDS, DATA_DIR, long_date

from .helpers import upcoming

OSLO = ZoneInfo("Europe/Oslo")
# Read from data/region.yml without the product's loader.
DOMAIN = yaml.safe_load((DATA_DIR / "region.yml").read_text(encoding="utf-8"))["calendar_domain"]
# Midnight of the pinned as-of date in Oslo, in UTC.
DTSTAMP = datetime(2026, 11, 26, 23, 0, tzinfo=UTC)


def read_calendar(site, copy: str, rel: str) -> Calendar:
    return Calendar.from_ical((site.copy_dir(copy) / rel).read_bytes())


def course_of(data, course_id):
    return next(c for c in data.courses if c.id == course_id)


def events(cal: Calendar):
    return [c for c in cal.walk("VEVENT")]


def expected_location(course) -> str:
    if course.format == "online":
        return "På nett"
    a = course.venue.address
    text = f"{course.venue.name}, {a.street}, {a.postcode} {a.city}"
    return text + (" (eller på nett)" if course.format == "hybrid" else "")


def test_the_pinned_day_gives_this_dtstamp():
    assert datetime(PINNED_DAY.year, PINNED_DAY.month, PINNED_DAY.day, tzinfo=OSLO).astimezone(UTC) == DTSTAMP


@pytest.mark.parametrize("copy", COPIES)
@pytest.mark.parametrize("course_id", COURSE_IDS)
def test_the_course_file_has_one_event_per_session_with_every_field(site, data, copy, course_id):
    course = course_of(data, course_id)
    cal = read_calendar(site, copy, f"kurs/{course_id}.ics")
    page = site.base_url(copy) + f"kurs/{course_id}/"
    assert (str(cal["VERSION"]), str(cal["PRODID"]), str(cal["CALSCALE"]), str(cal["METHOD"])) == (
        "2.0", "-//Etablerertjenesten//kurs//NB", "GREGORIAN", "PUBLISH")
    found = {str(e["UID"]): e for e in events(cal)}
    sessions = sorted(course.sessions, key=lambda s: (s.date, s.start))
    assert sorted(found) == sorted(f"{course_id}-{s.id}@{DOMAIN}" for s in sessions)
    for number, session in enumerate(sessions, 1):
        event = found[f"{course_id}-{session.id}@{DOMAIN}"]
        start = datetime.combine(session.date, session.start, tzinfo=OSLO)
        end = datetime.combine(session.date, session.end, tzinfo=OSLO)
        assert event.decoded("DTSTAMP") == DTSTAMP
        assert event.decoded("DTSTART") == start and event.decoded("DTEND") == end
        assert event["DTSTART"].params["TZID"] == "Europe/Oslo" and event["DTEND"].params["TZID"] == "Europe/Oslo"
        assert str(event["LOCATION"]) == expected_location(course)
        assert str(event["URL"]) == page
        summary = course.title + (f" ({number} av {len(sessions)})" if len(sessions) > 1 else "")
        assert str(event["SUMMARY"]) == summary
        description = str(event["DESCRIPTION"])
        assert course.description in description and page in description
        assert long_date(course.registration.deadline) in description


@pytest.mark.parametrize("copy", COPIES)
def test_every_calendar_file_has_the_oslo_timezone(site, copy):
    for rel in [f"kurs/{c}.ics" for c in COURSE_IDS] + ["kurs/alle-kurs.ics"]:
        zones = read_calendar(site, copy, rel).walk("VTIMEZONE")
        assert [str(z["TZID"]) for z in zones] == ["Europe/Oslo"], rel
        assert zones[0].walk("STANDARD"), rel


def test_the_timezone_tells_summer_from_winter_time(site):
    # The feed spans 2027: both offsets, with the change on the last Sundays of March and October.
    cal = read_calendar(site, COPIES[0], "kurs/alle-kurs.ics")
    zone = cal.walk("VTIMEZONE")[0]
    offsets = {part.decoded("TZOFFSETTO").total_seconds() for part in zone.walk() if "TZOFFSETTO" in part}
    assert offsets == {3600, 7200}
    tz = zone.to_tz()
    assert datetime(2027, 6, 1, 18, 0, tzinfo=tz).utcoffset().total_seconds() == 7200
    assert datetime(2027, 12, 1, 18, 0, tzinfo=tz).utcoffset().total_seconds() == 3600


@pytest.mark.parametrize("copy", COPIES)
def test_the_feed_holds_every_session_of_every_upcoming_course(site, data, today, copy):
    cal = read_calendar(site, copy, "kurs/alle-kurs.ics")
    uids = sorted(str(e["UID"]) for e in events(cal))
    assert uids == sorted(f"{c.id}-{s.id}@{DOMAIN}" for c in upcoming(data, today) for s in c.sessions)


def test_the_uids_are_the_same_in_every_copy(site):
    per_copy = {copy: sorted(str(e["UID"]) for rel in [f"kurs/{c}.ics" for c in COURSE_IDS]
                             for e in events(read_calendar(site, copy, rel))) for copy in COPIES}
    assert all(per_copy[a] == per_copy[b] for a, b in itertools.combinations(COPIES, 2))


@pytest.mark.parametrize("copy", COPIES)
def test_the_event_url_is_the_copys_own_page_and_exists(site, copy):
    for course_id in COURSE_IDS:
        for event in events(read_calendar(site, copy, f"kurs/{course_id}.ics")):
            url = str(event["URL"])
            assert url.startswith(site.base_url(copy))
            assert (site.copy_dir(copy) / url[len(site.base_url(copy)):] / "index.html").is_file()


@pytest.mark.parametrize("copy", COPIES)
def test_lines_are_crlf_and_folded_at_75_octets(site, copy):
    for rel in [f"kurs/{c}.ics" for c in COURSE_IDS] + ["kurs/alle-kurs.ics"]:
        raw = (site.copy_dir(copy) / rel).read_bytes()
        assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b""), rel
        assert max(len(line) for line in raw.split(b"\r\n")) <= 75, rel


@pytest.mark.parametrize("copy", COPIES)
@pytest.mark.parametrize("course_id", COURSE_IDS)
def test_the_course_page_has_an_add_to_calendar_link(site, copy, course_id):
    links = [a for a in site.page(copy, f"kurs/{course_id}/").find_all("a", href=True)
             if a["href"].endswith(".ics")]
    assert [a["href"] for a in links] == [f"../{course_id}.ics"]
    assert "kalender" in links[0].get_text()
    assert (site.copy_dir(copy) / "kurs" / f"{course_id}.ics").is_file()


def test_the_calendar_files_are_the_same_each_time_they_are_made(data):
    from etablerer.publish.copies import TOKEN_HOST
    from etablerer.render.ics import calendar_files
    from etablerer.view.siteview import SiteView

    assert calendar_files(SiteView(data, PINNED_DAY, TOKEN_HOST)) == calendar_files(SiteView(data, PINNED_DAY, TOKEN_HOST))


def test_folding_again_gives_the_same_text(data):
    from etablerer.publish.copies import TOKEN_HOST
    from etablerer.render.ics import calendar_files, fold, unfold
    from etablerer.view.siteview import SiteView

    for rel, text in calendar_files(SiteView(data, PINNED_DAY, TOKEN_HOST)):
        assert fold(unfold(text)) == text, rel
