"""Feature: one registration state per course, and cancellation as data.

The state (not yet open, open, closing soon, full, closed, past, cancelled) is computed once
(etablerer.facts.courses.status, which the issue defines) and every spot that shows it agrees:
the top of the course page, its registration section, the catalogue, the feed (courses.json),
the calendar files and the JSON-LD. A course or a single session can be cancelled: the page
says so at the top, the course leaves the upcoming lists but keeps its page, its calendar
events stay with STATUS:CANCELLED and a higher SEQUENCE, and the feed says so.

The states come from courses built here from a fixture course; the agreement of the spots
from the session build of the fixture project; the cancellation from a project copy put
under git (as in test_calendar_history.py), changed, committed and built.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
import yaml
from icalendar import Calendar

from tests.support.edits import edit
from tests.support.expected import COPIES, LANGUAGES, interface, language_prefix, normalise
from tests.support.project import project_copy
from tests.support.site import build

from ..data.conftest import errors_of
from .test_calendar_history import SECOND, calendars, commit, under_git

SCHEMA = "https://schema.org"
JOINABLE = {"open", "closing-soon"}
# Only what the data says (issue 19): a sign-up link, or every place taken.
AVAILABILITY = {"open": f"{SCHEMA}/InStock", "closing-soon": f"{SCHEMA}/InStock", "full": f"{SCHEMA}/SoldOut"}
NOT_YET_OPEN = "etablererkurs-engelsk-test-2027"  # no registration link, deadline ahead
CANCELLED = "etablererkurs-polsk-test-2027"  # cancelled in the project copy below
PARTLY = "etablererkurs-var-test-2027"  # its del-2 is cancelled in the project copy below
REASON = {"nb": "Læreren er syk.", "en": "The teacher is ill."}


def course_of(data, course_id):
    return next(c for c in data.courses if c.id == course_id)


def json_ld(soup) -> list[dict]:
    return [json.loads(s.string) for s in soup.find_all("script", type="application/ld+json")]


def course_block(soup) -> dict:
    return next(b for b in json_ld(soup) if b.get("@type") == "Course")


def events(text: str) -> dict[str, tuple[str, int]]:
    """UID → (STATUS, SEQUENCE) of every event of a calendar file."""
    return {str(e["UID"]): (str(e["STATUS"]), int(e["SEQUENCE"])) for e in Calendar.from_ical(text).walk("VEVENT")}


def feed(copy_dir: Path) -> dict[str, dict]:
    data = json.loads((copy_dir / "embed" / "courses.json").read_text(encoding="utf-8"))
    return {c["id"]: c for c in data["courses"]}


def listed_ids(soup) -> list[str]:
    return [li.find("p", class_="et-course__title").a["href"].rstrip("/").rsplit("/", 1)[-1]
            for li in soup.find_all("li", class_="et-course")]


# --- every state, from courses built here ---------------------------------------------

def states_of(data):
    """(expected status value, course) for every state, built from one fixture course."""
    from etablerer.inputs.model import Registration

    base = course_of(data, PARTLY)  # sessions 2027-02-02 … 2027-02-16, deadline 2027-01-26
    deadline = base.registration.deadline

    def with_(**update):
        return base.model_copy(update=update)

    def session_cancelled(s):
        return s.model_copy(update={"cancelled": True})

    return deadline, [
        ("not-yet-open", with_(registration=Registration(url=None, deadline=deadline)), deadline - timedelta(days=30)),
        ("open", base, deadline - timedelta(days=30)),
        ("closing-soon", base, deadline - timedelta(days=7)),
        ("full", with_(full=True), deadline - timedelta(days=30)),
        ("closed", base, deadline + timedelta(days=1)),
        ("closed", with_(registration=Registration(url=None, deadline=deadline)), deadline + timedelta(days=1)),
        ("past", base, date(2027, 2, 17)),
        ("cancelled", with_(cancelled=True), deadline - timedelta(days=30)),
        ("cancelled", with_(cancelled=True), date(2027, 3, 1)),
        ("cancelled", with_(sessions=tuple(session_cancelled(s) for s in base.sessions)), deadline),
        ("open", with_(sessions=(session_cancelled(base.sessions[0]), *base.sessions[1:])),
         deadline - timedelta(days=30)),
    ]


def test_every_state_is_computed_from_the_data(data):
    from etablerer.facts import courses as course_status

    _, cases = states_of(data)
    assert {expected for expected, _, _ in cases} == {s.value for s in course_status.Status}
    for expected, course, day in cases:
        assert course_status.status(course, day).value == expected, (expected, day)
        assert course_status.registration_open(course, day) is (expected in JOINABLE)


def test_cancelled_and_past_courses_leave_the_upcoming_lists_and_joinable_ones_lead_the_front_page(data):
    from etablerer.facts import courses as course_status

    deadline, cases = states_of(data)
    day = deadline - timedelta(days=30)
    by_state = {}
    for n, (expected, course, when) in enumerate(cases):
        if when == day:
            by_state.setdefault(expected, course.model_copy(update={"id": f"kurs-{n}"}))
    courses = tuple(by_state.values())
    announced = {c.id for c in course_status.announced(courses, day)}
    assert announced == {by_state[s].id for s in ("not-yet-open", "open", "full")}
    with_cancelled = {c.id for c in course_status.announced(courses, day, keep_cancelled=True)}
    assert with_cancelled == announced | {by_state["cancelled"].id}
    order = [course_status.status(c, day).value for c in course_status.next_courses(courses, day)]
    assert order[-1] == "full" and set(order[:-1]) == {"not-yet-open", "open"}


# --- every spot agrees, in the session build of the fixture ------------------------

@pytest.mark.parametrize("copy", COPIES[:1])
def test_every_spot_of_every_course_says_the_same_state(site, data, today, copy):
    from etablerer.facts import courses as course_status

    copy_dir = site.copy_dir(copy)
    in_feed = feed(copy_dir)
    catalogue = site.page(copy, "kurs/")
    card_state = {}
    for li in catalogue.find_all("li", class_="et-course"):
        course_id = li.find("p", class_="et-course__title").a["href"].rstrip("/").rsplit("/", 1)[-1]
        card_state[course_id] = next(c.removeprefix("et-course--") for c in li["class"] if c != "et-course")
    seen = set()
    for course in data.courses:
        state = course_status.status(course, today).value
        seen.add(state)
        page = site.page(copy, f"kurs/{course.id}/")
        top = page.find(class_="et-status")
        assert f"et-status--{state}" in top["class"], course.id
        assert normalise(top.strong.get_text()).rstrip(".") == interface("nb")[f"status_{state}"], course.id
        # While registration is open, the sign-up link stands at the top, before the first section.
        first_h2 = page.find("h2")
        top_links = [a["href"] for a in first_h2.find_all_previous("a") if a.get("href") == course.registration.url]
        assert bool(top_links) is (state in JOINABLE), course.id
        all_links = [a for a in page.find_all("a") if a.get("href") == course.registration.url]
        assert bool(all_links) is (state in JOINABLE), course.id
        if state == "not-yet-open":
            assert "Påmeldingen åpner snart" in normalise(page.get_text())
        if course.id in card_state:
            assert card_state[course.id] == state, course.id
        if course.last_day() >= today:
            record = in_feed[course.id]
            assert record["registration"]["status"] == state
            assert record["registration"]["open"] is (state in JOINABLE)
            assert record["cancelled"] is False and record["cancellation_reason"] is None
            assert record["registration"]["url"] == (course.registration.url if state in JOINABLE else None)
        offer = course_block(page)["hasCourseInstance"][0]["offers"]
        assert offer.get("availability") == AVAILABILITY.get(state), course.id
        assert course_block(page)["hasCourseInstance"][0]["eventStatus"] == f"{SCHEMA}/EventScheduled"
        ics = (copy_dir / "kurs" / f"{course.id}.ics").read_text(encoding="utf-8")
        assert {status for status, _ in events(ics).values()} == {"CONFIRMED"}
    assert seen >= {"not-yet-open", "open", "closing-soon", "full", "closed", "past"}


def test_a_course_without_a_registration_link_is_not_yet_open_everywhere(site, data, today):
    copy = COPIES[0]
    course = course_of(data, NOT_YET_OPEN)
    assert course.registration.url is None and course.registration.deadline >= today
    for lang in LANGUAGES:
        page = site.page(copy, f"{language_prefix(lang)}kurs/{NOT_YET_OPEN}/")
        top = page.find(class_="et-status")
        assert "et-status--not-yet-open" in top["class"]
        assert normalise(top.strong.get_text()) == interface(lang)["status_not-yet-open"]
        assert interface(lang)["status_open"] not in normalise(page.get_text())
        assert "availability" not in course_block(page)["hasCourseInstance"][0]["offers"]
    record = feed(site.copy_dir(copy))[NOT_YET_OPEN]["registration"]
    assert (record["status"], record["open"], record["url"]) == ("not-yet-open", False, None)


def test_a_course_past_its_deadline_is_not_sold_out(site, data, today):
    closed = [c for c in data.courses if not c.full and c.registration.deadline < today <= c.last_day()]
    assert closed, "the fixture has a course whose deadline has passed"
    for course in closed:
        offer = course_block(site.page(COPIES[0], f"kurs/{course.id}/"))["hasCourseInstance"][0]["offers"]
        assert "availability" not in offer


# --- a course and a session cancelled in a project copy -------------------------------

@pytest.fixture(scope="module")
def cancelled(tmp_path_factory):
    """The fixture project under git; then CANCELLED cancelled (with a reason in nb and en) and
    PARTLY's del-2 cancelled, committed, built. Returns (built site, calendars before, after)."""
    root = under_git(project_copy(tmp_path_factory.mktemp("cancelled") / "project"))
    before = calendars(root)
    reason = yaml.safe_dump(REASON, allow_unicode=True, default_flow_style=True).strip()
    edit(root / f"data/courses/{CANCELLED}.yml", "format: onsite", f"format: onsite\ncancelled: true\n"
         f"cancellation_reason: {reason}")
    edit(root / f"data/courses/{PARTLY}.yml", "  - id: del-2\n", "  - id: del-2\n    cancelled: true\n")
    commit(root, SECOND, "cancelled")
    after = calendars(root)
    return build(root, tmp_path_factory.mktemp("cancelled-out") / "site"), before, after


@pytest.mark.build
def test_a_cancelled_course_says_so_on_its_page_in_every_language(cancelled):
    site, _, _ = cancelled
    copy = COPIES[0]
    for lang in LANGUAGES:
        page = site.page(copy, f"{language_prefix(lang)}kurs/{CANCELLED}/")
        top = page.find(class_="et-status")
        assert "et-status--cancelled" in top["class"]
        # At the top: before the first section heading.
        assert page.find("h2") in top.find_all_next("h2")
        text = normalise(top.get_text())
        assert interface(lang)["status_cancelled"] in text
        assert REASON.get(lang, REASON["nb"]) in text
        cancelled_sessions = page.find_all("li", class_="et-session--cancelled")
        assert len(cancelled_sessions) == 2
        assert all(interface(lang)["session_cancelled"] in normalise(li.get_text()) for li in cancelled_sessions)
        block = course_block(page)["hasCourseInstance"][0]
        assert block["eventStatus"] == f"{SCHEMA}/EventCancelled"
        assert "availability" not in block["offers"]
        # It leaves the upcoming lists, in every language.
        assert CANCELLED not in listed_ids(site.page(copy, f"{language_prefix(lang)}kurs/"))
        assert CANCELLED not in listed_ids(site.page(copy, language_prefix(lang)))


@pytest.mark.build
def test_a_cancelled_course_stays_in_the_calendars_with_status_cancelled_and_a_higher_sequence(cancelled):
    site, before, after = cancelled
    domain = site.data.region.calendar_domain
    own = f"kurs/{CANCELLED}.ics"
    uids = [f"{CANCELLED}-{s.id}@{domain}" for s in course_of(site.data, CANCELLED).sessions]
    for rel in (own, "kurs/alle-kurs.ics"):
        old, new = events(before[rel]), events(after[rel])
        for uid in uids:
            assert old[uid][0] == "CONFIRMED" and new[uid][0] == "CANCELLED"
            assert new[uid][1] > old[uid][1]
        built = events((site.copy_dir(COPIES[0]) / rel).read_text(encoding="utf-8"))
        assert {uid: built[uid] for uid in uids} == {uid: new[uid] for uid in uids}
    # Only the changed sessions: another course's events keep their SEQUENCE and status.
    other = f"kurs/{NOT_YET_OPEN}.ics"
    assert events(after[other]) == events(before[other])


@pytest.mark.build
def test_a_cancelled_course_and_session_are_in_the_feed(cancelled):
    site, _, _ = cancelled
    records = feed(site.copy_dir(COPIES[0]))
    record = records[CANCELLED]
    assert record["cancelled"] is True and record["cancellation_reason"] == REASON
    assert (record["registration"]["status"], record["registration"]["open"]) == ("cancelled", False)
    assert record["registration"]["url"] is None
    assert all(s["cancelled"] for s in record["sessions"])
    partly = records[PARTLY]
    assert partly["cancelled"] is False
    assert {s["id"]: s["cancelled"] for s in partly["sessions"]} == {"del-1": False, "del-2": True, "del-3": False}


@pytest.mark.build
def test_a_cancelled_session_is_marked_and_its_course_goes_on(cancelled):
    site, before, after = cancelled
    copy = COPIES[0]
    domain = site.data.region.calendar_domain
    page = site.page(copy, f"kurs/{PARTLY}/")
    marked = page.find_all("li", class_="et-session--cancelled")
    assert len(marked) == 1 and marked[0].time["datetime"].startswith("2027-02-09")
    assert "et-status--cancelled" not in page.find(class_="et-status")["class"]
    assert PARTLY in listed_ids(site.page(copy, "kurs/"))
    sub = {e["startDate"][:10]: e["eventStatus"] for e in course_block(page)["hasCourseInstance"][0]["subEvent"]}
    assert sub == {"2027-02-02": f"{SCHEMA}/EventScheduled", "2027-02-09": f"{SCHEMA}/EventCancelled",
                   "2027-02-16": f"{SCHEMA}/EventScheduled"}
    for rel in (f"kurs/{PARTLY}.ics", "kurs/alle-kurs.ics"):
        old, new = events(before[rel]), events(after[rel])
        assert new[f"{PARTLY}-del-2@{domain}"] == ("CANCELLED", old[f"{PARTLY}-del-2@{domain}"][1] + 1)
        assert new[f"{PARTLY}-del-1@{domain}"] == old[f"{PARTLY}-del-1@{domain}"] == ("CONFIRMED", 0)


# --- validation --------------------------------------------------------------------

def test_a_cancelled_session_still_needs_its_date(tmp_path):
    root = project_copy(tmp_path / "project", code=False)
    rel = f"data/courses/{PARTLY}.yml"
    edit(root / rel, "  - id: del-2\n    date: 2027-02-09\n", "  - id: del-2\n    cancelled: true\n")
    line = (root / rel).read_text(encoding="utf-8").splitlines().index("  - id: del-2") + 1
    assert errors_of(root) == [
        f"{rel}:{line}: sessions[1].date: en avlyst samling må fortsatt ha datoen sin, så kalenderne finner den. "
        "La date: stå som før"]


def test_a_cancellation_reason_without_cancelled_is_refused(tmp_path):
    """The reason alone cancels nothing; the editor is told instead of the course staying open unnoticed."""
    root = project_copy(tmp_path / "project", code=False)
    rel = f"data/courses/{PARTLY}.yml"
    reason = "    cancellation_reason: Kursholderen er syk."
    edit(root / rel, "  - id: del-2\n", f"  - id: del-2\n{reason}\n")
    line = (root / rel).read_text(encoding="utf-8").splitlines().index(reason) + 1
    assert errors_of(root) == [
        f"{rel}:{line}: sessions[1].cancellation_reason: en grunn til avlysning er oppgitt, men cancelled: true "
        "mangler, så ingenting er avlyst. Skriv cancelled: true, eller fjern cancellation_reason"]
