"""Europe/Oslo as one VTIMEZONE with its yearly rules, the same in every calendar file.

A zone cut to the years of one file's sessions differs from file to file; a client that
keeps the first definition of a TZID it sees (vobject does, calendar apps that cache zones
can) would then put the sessions of other years an hour off. This block holds the rules
themselves, so it fits every year and is byte-identical in every file.

Since 1996 Norway follows the EU rule: summer time from the last Sunday of March, winter
time from the last Sunday of October, both changes at 01:00 UTC (02:00 CET → 03:00 CEST,
03:00 CEST → 02:00 CET). DTSTART is the first change under the rule, in local time before
the change (RFC 5545 3.6.5).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from icalendar import Timezone, TimezoneDaylight, TimezoneStandard, vRecur

TZID = "Europe/Oslo"


@dataclass(frozen=True)
class Rule:
    part: type  # TimezoneDaylight or TimezoneStandard
    name: str
    offset_from: timedelta
    offset_to: timedelta
    first: datetime  # local wall-clock time, before the change
    month: int


RULES = (
    Rule(TimezoneDaylight, "CEST", timedelta(hours=1), timedelta(hours=2), datetime(1996, 3, 31, 2, 0), 3),
    Rule(TimezoneStandard, "CET", timedelta(hours=2), timedelta(hours=1), datetime(1996, 10, 27, 3, 0), 10),
)


def oslo_timezone() -> Timezone:
    zone = Timezone()
    zone.add("tzid", TZID)
    for rule in RULES:
        part = rule.part()
        part.add("tzname", rule.name)
        part.add("tzoffsetfrom", rule.offset_from)
        part.add("tzoffsetto", rule.offset_to)
        part.add("dtstart", rule.first)
        part.add("rrule", vRecur(freq="YEARLY", bymonth=rule.month, byday="-1SU"))
        zone.add_component(part)
    return zone
