"""Feature: the calendar files read right in a client we did not write.

Every .ics of the fixture build is read by Mozilla's ical.js (Thunderbird's parser; pinned in
package.json) through icaljs_read.mjs, not by icalendar, which wrote them. Each event's instant
is compared with the course page's <time datetime> (the start; the page shows the end only as
a clock, so the end is compared with the data, through zoneinfo). All files are also imported
into ONE calendar, where the first VTIMEZONE of a TZID wins (as in vobject and calendar apps
that cache zones), in both orders: every instant must still be right. The Europe/Oslo block is
byte-identical in every file, and its transitions 2020–2040 as ical.js computes them are
zoneinfo's.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml
from icalendar import Calendar

from tests.fixtures import REPO
from tests.support.expected import COPIES, DATA_DIR

OSLO = ZoneInfo("Europe/Oslo")
NODE = shutil.which("node")
READER = Path(__file__).with_name("icaljs_read.mjs")
REGION = yaml.safe_load((DATA_DIR / "region.yml").read_text(encoding="utf-8"))
FIRST_YEAR, LAST_YEAR = 2020, 2040
COPY = COPIES[0]  # the files differ between copies only in their URLs


def icaljs(*args: object):
    assert NODE is not None, "node is needed to read the calendars with ical.js (make test sets it up)"
    proc = subprocess.run([NODE, str(READER), *(str(a) for a in args)], capture_output=True, text=True,
                          encoding="utf-8", cwd=REPO, timeout=600)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def calendar_files(site) -> list[Path]:
    files = sorted((site.copy_dir(COPY) / "kurs").glob("*.ics"))
    assert any(f.name == "alle-kurs.ics" for f in files) and len(files) > 1
    return files


def unix(moment: datetime) -> int:
    return int(moment.timestamp())


def page_starts(site, course_id: str) -> list[int]:
    """The sessions' starts as the course page gives them (<time datetime>, Oslo wall-clock time)."""
    values = [t["datetime"] for t in site.page(COPY, f"kurs/{course_id}/").find_all("time", datetime=True)
              if "T" in t["datetime"]]
    return sorted(unix(datetime.fromisoformat(v).replace(tzinfo=OSLO)) for v in values)


def expected_instants(site, data) -> dict[str, tuple[int, int]]:
    """UID → (start, end) in Unix seconds: the start from the course page, the end from the data."""
    found = {}
    for course in data.courses:
        sessions = sorted(course.sessions, key=lambda s: (s.date, s.start))
        starts = page_starts(site, course.id)
        assert starts == [unix(datetime.combine(s.date, s.start, tzinfo=OSLO)) for s in sessions], course.id
        for session, start in zip(sessions, starts, strict=True):
            end = unix(datetime.combine(session.date, session.end, tzinfo=OSLO))
            found[f"{course.id}-{session.id}@{REGION['calendar_domain']}"] = (start, end)
    return found


def summer_years(instants: dict[str, tuple[int, int]]) -> set[int]:
    """Years with a session in summer time: the cases a one-year zone gets wrong in another year."""
    return {datetime.fromtimestamp(start, OSLO).year for start, _ in instants.values()
            if datetime.fromtimestamp(start, OSLO).utcoffset() == timedelta(hours=2)}


def test_icaljs_reads_every_event_at_the_instant_the_course_page_shows(site, data):
    expected = expected_instants(site, data)
    seen = set()
    for file, events in icaljs("each", *calendar_files(site)).items():
        assert events, file
        for event in events:
            assert (event["start"], event["end"]) == expected[event["uid"]], (file, event["uid"])
            assert event["zone"] == "Europe/Oslo", (file, event["uid"])
            assert event["organizer"] == f"mailto:{REGION['contact']['email']}", file
            assert event["organizer_cn"] == REGION["name"], file
            seen.add(event["uid"])
    assert seen == set(expected)


def test_one_zone_cache_for_every_file_still_gives_every_instant(site, data):
    expected = expected_instants(site, data)
    assert {2026, 2027} <= summer_years(expected), "fixture problem: needs summer sessions in 2026 and 2027"
    files = calendar_files(site)
    feed = [f for f in files if f.name == "alle-kurs.ics"]
    courses = [f for f in files if f.name != "alle-kurs.ics"]
    for order in (courses + feed, feed + courses):
        events = icaljs("shared", *order)
        assert {e["uid"] for e in events} == set(expected), order[0].name
        for event in events:
            assert (event["start"], event["end"]) == expected[event["uid"]], (order[0].name, event["uid"])


def vtimezones(raw: bytes) -> list[bytes]:
    return re.findall(rb"BEGIN:VTIMEZONE\r\n.*?END:VTIMEZONE\r\n", raw, flags=re.S)


def test_the_oslo_zone_is_byte_identical_in_every_file_with_its_yearly_rules(site):
    blocks = {f.name: vtimezones(f.read_bytes()) for copy in COPIES
              for f in (site.copy_dir(copy) / "kurs").glob("*.ics")}
    assert all(len(found) == 1 for found in blocks.values()), {n: len(b) for n, b in blocks.items()}
    assert len({found[0] for found in blocks.values()}) == 1
    zone = Calendar.from_ical(next(iter(blocks.values()))[0].decode("utf-8"))
    rules = {part.name: (str(part["TZNAME"]), part["RRULE"].to_ical().decode(), part.decoded("TZOFFSETFROM"),
                         part.decoded("TZOFFSETTO"), part.decoded("DTSTART").time().hour)
             for part in zone.walk() if part.name in ("DAYLIGHT", "STANDARD")}
    assert rules == {
        "DAYLIGHT": ("CEST", "FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3", timedelta(hours=1), timedelta(hours=2), 2),
        "STANDARD": ("CET", "FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10", timedelta(hours=2), timedelta(hours=1), 3),
    }


def zoneinfo_transitions() -> list[dict[str, int]]:
    """Europe/Oslo's changes of offset FIRST_YEAR–LAST_YEAR by zoneinfo, to the second."""
    found = []
    moment = datetime(FIRST_YEAR, 1, 1, tzinfo=UTC)
    before = moment.astimezone(OSLO).utcoffset()
    while moment.year <= LAST_YEAR:
        moment += timedelta(hours=1)
        offset = moment.astimezone(OSLO).utcoffset()
        if offset != before:
            # On the hour: a second earlier still has the old offset.
            assert (moment - timedelta(seconds=1)).astimezone(OSLO).utcoffset() == before
            found.append({"at": unix(moment), "from": int(before.total_seconds()), "to": int(offset.total_seconds())})
            before = offset
    return found


def test_the_zone_changes_when_zoneinfo_says_every_year_2020_to_2040(site):
    feed = site.copy_dir(COPY) / "kurs" / "alle-kurs.ics"  # the same zone as every file (test above)
    read = icaljs("zone", feed, FIRST_YEAR, LAST_YEAR)
    expected = zoneinfo_transitions()
    assert len(expected) == 2 * (LAST_YEAR - FIRST_YEAR + 1)
    assert all(datetime.fromtimestamp(t["at"], UTC).hour == 1 for t in expected)  # 01:00 UTC
    assert read["transitions"] == expected
    # Every whole hour of wall-clock time gives zoneinfo's instant, except the hour the clock
    # skips in March and the one it repeats in October (an event can have neither: make check).
    day, differ, unsure = datetime(FIRST_YEAR, 1, 1), [], 0
    hours = iter(read["hours"])
    while day.year <= LAST_YEAR:
        for hour in range(24):
            wall = day.replace(hour=hour)
            first, second = wall.replace(tzinfo=OSLO, fold=0), wall.replace(tzinfo=OSLO, fold=1)
            got = next(hours)
            if first.utcoffset() != second.utcoffset():
                unsure += 1
            elif got != unix(first):
                differ.append(wall.isoformat())
        day += timedelta(days=1)
    assert next(hours, None) is None
    assert differ == []
    assert unsure == 2 * (LAST_YEAR - FIRST_YEAR + 1)
