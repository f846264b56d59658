"""Course status on the as-of date, and the upcoming/past split."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum

from .model import Course

CLOSING_SOON_DAYS = 7


class Status(Enum):
    OPEN = "open"
    CLOSING_SOON = "closing-soon"
    FULL = "full"
    CLOSED = "closed"
    PAST = "past"


# The status in words: readers never have to rely on colour alone.
STATUS_WORDS = {
    Status.OPEN: "Åpen for påmelding",
    Status.CLOSING_SOON: "Påmeldingen stenger snart",
    Status.FULL: "Fullt",
    Status.CLOSED: "Påmeldingen er stengt",
    Status.PAST: "Kurset er holdt",
}


def status(course: Course, today: date) -> Status:
    if course.last_day() < today:
        return Status.PAST
    if course.full:
        return Status.FULL
    if course.registration.deadline < today:
        return Status.CLOSED
    if course.registration.deadline - today <= timedelta(days=CLOSING_SOON_DAYS):
        return Status.CLOSING_SOON
    return Status.OPEN


def registration_open(course: Course, today: date) -> bool:
    return status(course, today) in (Status.OPEN, Status.CLOSING_SOON)


@dataclass(frozen=True)
class Catalogue:
    upcoming: tuple[Course, ...]  # by first session
    past: tuple[Course, ...]  # most recent first


def catalogue(courses: tuple[Course, ...], today: date) -> Catalogue:
    ordered = sorted(courses, key=lambda c: (c.first_start(), c.id))
    upcoming = tuple(c for c in ordered if c.last_day() >= today)
    past = tuple(reversed([c for c in ordered if c.last_day() < today]))
    return Catalogue(upcoming, past)
