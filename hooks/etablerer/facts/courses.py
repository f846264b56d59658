"""Courses on the as-of date: status, the catalogue, filters, redirects, local times."""

from __future__ import annotations

from calendar import monthrange
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum

from etablerer.inputs.addresses import filter_page
from etablerer.inputs.model import Course, Municipality, Session

CLOSING_SOON_DAYS = 7
# Past courses stay in the catalogue this long after their last session; their pages stay for good.
PAST_MONTHS_SHOWN = 12


class Status(Enum):
    """The registration status; .value is the stable key used in CSS classes, tests and courses.json."""

    NOT_YET_OPEN = "not-yet-open"  # no sign-up link yet, before the deadline
    OPEN = "open"
    CLOSING_SOON = "closing-soon"
    FULL = "full"
    CLOSED = "closed"
    PAST = "past"
    CANCELLED = "cancelled"


# One can sign up now (the sign-up link is shown).
JOINABLE = frozenset({Status.OPEN, Status.CLOSING_SOON})
# One can still join: now, or once registration opens.
STILL_JOINABLE = JOINABLE | {Status.NOT_YET_OPEN}


def is_cancelled(course: Course) -> bool:
    """The course is cancelled, or every one of its sessions is."""
    return course.cancelled or all(s.cancelled for s in course.sessions)


def session_cancelled(course: Course, session: Session) -> bool:
    return course.cancelled or session.cancelled


def status(course: Course, today: date) -> Status:
    """The one registration status of a course on `today`; every page, feed and calendar uses it
    (through statuses() and SiteView.status), so they cannot disagree."""
    if is_cancelled(course):
        return Status.CANCELLED
    if course.last_day() < today:
        return Status.PAST
    if course.full:
        return Status.FULL
    if course.registration.deadline < today:
        return Status.CLOSED
    if course.registration.url is None:
        return Status.NOT_YET_OPEN
    if course.registration.deadline - today <= timedelta(days=CLOSING_SOON_DAYS):
        return Status.CLOSING_SOON
    return Status.OPEN


def statuses(courses: tuple[Course, ...], today: date) -> dict[str, Status]:
    """Course id → its status, computed once per course."""
    return {c.id: status(c, today) for c in courses}


def registration_open(course: Course, today: date) -> bool:
    """One can sign up now: the status is open or closing soon (so there is a link)."""
    return status(course, today) in JOINABLE


# --- the catalogue -------------------------------------------------------------

def months_before(day: date, months: int) -> date:
    """The same day `months` earlier; the 31st becomes the month's last day."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    return date(year, month + 1, min(day.day, monthrange(year, month + 1)[1]))


@dataclass(frozen=True)
class Catalogue:
    upcoming: tuple[Course, ...]  # by first session
    past: tuple[Course, ...]  # held in the last PAST_MONTHS_SHOWN months, most recent first


def upcoming(courses: tuple[Course, ...], today: date) -> tuple[Course, ...]:
    """Courses not over yet (a course under way counts), by first session; cancelled ones too."""
    return tuple(c for c in sorted(courses, key=_order) if c.last_day() >= today)


def announced(courses: tuple[Course, ...], today: date, keep_cancelled: bool = False) -> tuple[Course, ...]:
    """The courses that belong in "upcoming" lists: not past and not cancelled, by first session.
    keep_cancelled: cancelled ones stay (calendar feeds and courses.json, so their readers learn
    of the cancellation)."""
    return tuple(c for c in upcoming(courses, today) if keep_cancelled or not is_cancelled(c))


def next_courses(courses: tuple[Course, ...], today: date, count: int = 3) -> tuple[Course, ...]:
    """The front page's next courses: those one can still join first, then those whose
    registration has closed (full, closed, under way), each group by first session."""
    # sorted() is stable: within each group the order by first session stays.
    listed = sorted(announced(courses, today), key=lambda c: status(c, today) not in STILL_JOINABLE)
    return tuple(listed[:count])


def catalogue(courses: tuple[Course, ...], today: date) -> Catalogue:
    """Upcoming: announced(); past: held (not cancelled) in the last PAST_MONTHS_SHOWN months."""
    since = months_before(today, PAST_MONTHS_SHOWN)
    past = [c for c in sorted(courses, key=_order) if since <= c.last_day() < today and not is_cancelled(c)]
    return Catalogue(announced(courses, today), tuple(reversed(past)))


def _order(course: Course) -> tuple:
    return (course.first_start(), course.id)


# --- filters: one static list per value, so they work without JavaScript ---------

@dataclass(frozen=True)
class CourseFilter:
    dimension: str  # "type", "form", "kommune", "sprak", "pris": also the URL folder
    slug: str  # the value in the URL
    label: str  # the value in words, for the list of filters
    heading: str  # the filter page's heading
    matches: Callable[[Course], bool]

    @property
    def src(self) -> str:
        return filter_page(self.dimension, self.slug)


@dataclass(frozen=True)
class FilterGroup:
    dimension: str
    heading: str
    filters: tuple[CourseFilter, ...]


def filter_groups(courses: tuple[Course, ...], municipalities: tuple[Municipality, ...],
                  language_name: Callable[[str], str], t: Mapping[str, str]) -> tuple[FilterGroup, ...]:
    """Every filter and its values, worded with the interface strings `t` of one language.
    Languages are those any course uses and municipalities those any course is held in, so a
    shared link to such a list keeps working while the course has a page, and the catalogue
    offers no list that could only ever be empty (a region of 50 municipalities with courses in
    four would otherwise list 46 empty ones, in every copy). Slugs stay the same in every language."""
    languages = sorted({code for c in courses for code in c.languages}, key=lambda code: (code != "nb", code))
    held_in = {c.venue.municipality for c in courses if c.venue is not None}
    formats = (("onsite", "kurssted"), ("online", "nett"), ("hybrid", "kurssted-eller-nett"))
    return (
        FilterGroup("type", t["filter_type"], tuple(
            CourseFilter("type", slug, t[f"kind_{kind}"], t[f"kind_{kind}"], lambda c, k=kind: c.kind == k)
            for kind, slug in (("basic", "etablererkurs"), ("theme", "temakurs")))),
        FilterGroup("form", t["filter_form"], tuple(
            CourseFilter("form", slug, t[f"format_{fmt}"],
                         t["courses_format"].replace("{format}", t[f"format_{fmt}"].lower()),
                         lambda c, f=fmt: c.format == f)
            for fmt, slug in formats)),
        FilterGroup("kommune", t["filter_kommune"], tuple(
            CourseFilter("kommune", m.id, m.name, t["courses_in_municipality"].replace("{name}", m.name),
                         lambda c, slug=m.id: c.venue is not None and c.venue.municipality == slug)
            for m in municipalities if m.id in held_in)),
        FilterGroup("sprak", t["filter_sprak"], tuple(
            # Named as a list ("Kurs på engelsk"), not as the language: the language switcher's
            # link "English" leads elsewhere, and one name should lead to one place.
            CourseFilter("sprak", code, t["courses_in_language"].replace("{language}", language_name(code)),
                         t["courses_in_language"].replace("{language}", language_name(code)),
                         lambda c, lang=code: lang in c.languages)
            for code in languages)),
        FilterGroup("pris", t["filter_pris"], (
            CourseFilter("pris", "gratis", t["free"], t["courses_free"], lambda c: c.price == 0),)),
    )


# --- renamed courses --------------------------------------------------------------

def redirects(courses: tuple[Course, ...]) -> list[tuple[str, Course]]:
    """(old id, course) for every former id: the old address leads to the new page."""
    return [(old, course) for course in courses for old in course.former_ids]
