"""Calendar files (RFC 5545): one per course, and a feed of all upcoming courses.

Made with icalendar. Everything in them is fixed by the data, its git history
and the as-of date, so two builds of the same commit give the same bytes.
Every file has the same VTIMEZONE (oslo_zone). SEQUENCE and LAST-MODIFIED of
a session come from the history of its course file (inputs.history): they grow
when its time, place or cancellation changes. URLs are absolute under the
copy's base URL (a token in the single build; copies.py replaces it, and
unfolds and refolds the lines around that, because a copy's URL changes the
length of a line).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from pathlib import Path

from icalendar import Calendar, Event, vCalAddress
from icalendar.parser import Contentline

from etablerer.facts import courses as course_status
from etablerer.facts.formatting import long_date
from etablerer.inputs.addresses import FEED, course_file, course_src, page_url
from etablerer.inputs.asof import OSLO
from etablerer.inputs.history import CourseHistory, Revision
from etablerer.inputs.model import Course
from etablerer.render.oslo_zone import TZID, oslo_timezone

PRODID = "-//Etablerertjenesten//kurs//NB"


def uid(course: Course, session_id: str, domain: str) -> str:
    """The same in every build and every copy, so calendars update instead of duplicating."""
    return f"{course.id}-{session_id}@{domain}"


def dtstamp(today: date) -> datetime:
    """Midnight of the as-of date in Oslo, in UTC: reproducible within a day's builds."""
    return datetime.combine(today, time(0), tzinfo=OSLO).astimezone(UTC)


def last_modified(revision: Revision, today: date) -> datetime:
    """When the session last changed: its commit, else (not committed, or no history) the as-of time."""
    return revision.changed or dtstamp(today)


def organizer(view) -> vCalAddress:
    region = view.data.region
    address = vCalAddress(f"mailto:{region.contact.email}")
    address.params["cn"] = region.name
    return address


def course_path(view, course: Course) -> Path:
    return view.data.data_dir.parent / view.data.where(course).doc.path


def location(course: Course) -> str:
    if course.format == "online":
        return "På nett"
    address = course.venue.address
    place = f"{course.venue.name}, {address.street}, {address.postcode} {address.city}"
    return place + (" (eller på nett)" if course.format == "hybrid" else "")


def _calendar(name: str, courses: tuple[Course, ...], view, history: CourseHistory) -> Calendar:
    base = view.host.base_url
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", TZID)
    cal.add_component(oslo_timezone())
    for course in courses:
        url = base + page_url(course_src(course))
        count = len(course.sessions)
        file = course_path(view, course)
        for number, session in enumerate(sorted(course.sessions, key=lambda s: (s.date, s.start)), 1):
            revision = history.revision(file, session.id)
            event = Event()
            event.add("uid", uid(course, session.id, view.data.region.calendar_domain))
            event.add("dtstamp", dtstamp(view.today))
            event.add("sequence", revision.sequence)
            cancelled = course_status.session_cancelled(course, session)
            event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
            event.add("last-modified", last_modified(revision, view.today))
            event.add("organizer", organizer(view))
            event.add("dtstart", session.starts_at())
            event.add("dtend", session.ends_at())
            event.add("summary", view.course_label(course) + (f" ({number} av {count})" if count > 1 else ""))
            event.add("location", location(course))
            event.add("url", url)
            event.add("description", description(course, url))
            cal.add_component(event)
    return cal


def description(course: Course, url: str) -> str:
    deadline = long_date(course.registration.deadline).replace("\u00a0", " ")
    return f"{course.description}\n\nPåmeldingsfrist: {deadline}.\nMer om kurset og påmelding: {url}"


def _text(cal: Calendar) -> str:
    return cal.to_ical().decode("utf-8")


def calendar_files(view) -> list[tuple[str, str]]:
    """(path, content) of every calendar file: each course (cancelled ones too), and the feed of
    upcoming courses."""
    region = view.data.region.name
    history = CourseHistory(view.data.data_dir.parent)
    files = [(course_file(c), _text(_calendar(f"{view.course_label(c)} – {region}", (c,), view, history)))
             for c in view.data.courses]
    # Cancelled courses stay in the feed (STATUS:CANCELLED), so calendars that imported them learn of it.
    upcoming = course_status.announced(view.data.courses, view.today, keep_cancelled=True)
    files.append((FEED, _text(_calendar(f"Kurs – {region}", upcoming, view, history))))
    return files


# --- folding, for copies.py --------------------------------------------------

def unfold(text: str) -> str:
    """Content lines without RFC 5545 folding (CRLF followed by a space or tab)."""
    return text.replace("\r\n ", "").replace("\r\n\t", "")


def fold(text: str) -> str:
    """Fold every content line at 75 octets, as icalendar does.

    icalendar's folding walks every character; most lines are short and stay
    as they are, so only the long ones go through it (it was half the copy time).
    """
    return "\r\n".join(
        Contentline(line).to_ical().decode("utf-8") if len(line.encode("utf-8")) >= 75 else line
        for line in text.split("\r\n"))
