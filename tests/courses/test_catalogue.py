"""Feature: the catalogue lists what is next, and what was held in the last year.

Each course shows its status in words with the deadline date beside it, every
session, and a sign-up link only while registration is open. Filters by
kind, format, municipality, language and price are static lists, one page
per value, so they work without JavaScript, and stay out of the menu.
"""

from __future__ import annotations

import posixpath
from datetime import date

import pytest

from etablerer.facts import courses as course_status
from tests.support.expected import COPIES, interface, long_date, text_of

from .helpers import FILTER_RULES, course_links, past_in_last_year, upcoming

COPY = COPIES[0]


def course_id_of(href: str) -> str:
    return posixpath.basename(href.rstrip("/"))


def cards(soup):
    return {course_id_of(li.find("p", class_="et-course__title").a["href"]): li
            for li in soup.find_all("li", class_="et-course")}


def catalogue(site, copy=COPY):
    return site.page(copy, "kurs/")


def status_words(course, today) -> str:
    """The status in words: status_<value> of languages/nb/interface.yml, 'Åpen for påmelding'."""
    return interface("nb")[f"status_{course_status.status(course, today).value}"]


def test_the_shipped_sample_has_at_least_12_upcoming_courses_in_2027(data, today):
    in_2027 = [c for c in upcoming(data, today) if min(s.date for s in c.sessions).year == 2027]
    assert len(in_2027) >= 12


def test_the_shipped_sample_has_at_least_4_past_courses_from_2026(data, today):
    held = [c for c in data.courses if max(s.date for s in c.sessions) < today
            and max(s.date for s in c.sessions).year == 2026]
    assert len(held) >= 4


def test_the_shipped_sample_covers_what_the_filters_need(data):
    courses = data.courses
    assert {c.kind for c in courses} == {"basic", "theme"}
    assert {c.format for c in courses} == {"onsite", "online", "hybrid"}
    assert {c.venue.municipality for c in courses if c.venue} == {m.id for m in data.municipalities}
    assert len({lang for c in courses for lang in c.languages}) >= 4
    assert {c.price == 0 for c in courses} == {True, False}
    assert all(c.sample for c in courses)


def test_the_shipped_sample_has_every_status_on_the_pinned_day(data, today):
    # Cancelled courses are built by test_registration_state.py's own fixture, not shipped.
    statuses = {course_status.status(c, today) for c in data.courses}
    assert statuses == set(course_status.Status) - {course_status.Status.CANCELLED}


@pytest.mark.parametrize("copy", COPIES)
def test_upcoming_courses_are_listed_by_date(site, data, today, copy):
    listed = [course_id_of(h) for h in course_links(catalogue(site, copy), "Kommende kurs")]
    assert listed == [c.id for c in upcoming(data, today)]


@pytest.mark.parametrize("copy", COPIES)
def test_past_courses_of_the_last_twelve_months_are_listed_most_recent_first(site, data, today, copy):
    listed = [course_id_of(h) for h in course_links(catalogue(site, copy), "Kurs som er holdt")]
    assert listed == [c.id for c in past_in_last_year(data, today)]


def test_every_card_shows_the_status_in_words_and_the_deadline(site, data, today):
    by_id = {c.id: c for c in data.courses}
    wrong = []
    for course_id, card in cards(catalogue(site)).items():
        course = by_id[course_id]
        words = status_words(course, today)
        expected = f"{words}, påmeldingsfrist {long_date(course.registration.deadline)}"
        if expected not in text_of(card).replace(" ,", ","):
            wrong.append(course_id)
    assert wrong == []


def test_the_status_is_marked_up_as_text_not_only_colour(site, data, today):
    for course_id, card in cards(catalogue(site)).items():
        course = next(c for c in data.courses if c.id == course_id)
        assert text_of(card.find("strong")) == status_words(course, today)


def test_every_card_shows_every_session(site, data):
    missing = []
    for course_id, card in cards(catalogue(site)).items():
        course = next(c for c in data.courses if c.id == course_id)
        times = {t["datetime"] for t in card.find_all("time")}
        missing += [f"{course_id} {s.date}" for s in course.sessions
                    if f"{s.date.isoformat()}T{s.start.strftime('%H:%M')}" not in times]
    assert missing == []


def test_a_card_links_to_sign_up_only_while_registration_is_open(site, data, today):
    wrong = []
    for course_id, card in cards(catalogue(site)).items():
        course = next(c for c in data.courses if c.id == course_id)
        has_link = any(a["href"] == course.registration.url for a in card.find_all("a", href=True))
        if has_link != (course_status.registration_open(course, today) and course.registration.url is not None):
            wrong.append(course_id)
    assert wrong == []


def test_the_catalogue_links_to_the_feed_of_all_upcoming_courses(site):
    hrefs = [a["href"] for a in catalogue(site).find_all("a", href=True)]
    assert "alle-kurs.ics" in hrefs


# --- filters ----------------------------------------------------------------------

@pytest.mark.parametrize("url", sorted(FILTER_RULES))
def test_the_filter_page_lists_exactly_the_upcoming_courses_it_stands_for(site, data, today, url):
    listed = [course_id_of(h) for h in course_links(site.page(COPY, url), "Kommende kurs")]
    assert listed == [c.id for c in upcoming(data, today) if FILTER_RULES[url](c)]


def test_every_language_of_instruction_has_a_filter_page(site, data):
    languages = {lang for c in data.courses for lang in c.languages}
    assert {f"kurs/sprak/{lang}/" for lang in languages} <= set(FILTER_RULES)
    assert all(site.file(COPY, f"kurs/sprak/{lang}/").is_file() for lang in languages)


def test_the_catalogue_links_to_every_filter_page_with_its_count(site, data, today):
    soup = catalogue(site)
    nav = soup.find("nav", class_="et-filters")
    found = {}
    for li in nav.find_all("li"):
        target = posixpath.normpath(posixpath.join("kurs", li.a["href"])) + "/"
        found[target] = text_of(li)
    expected = {url: len([c for c in upcoming(data, today) if rule(c)]) for url, rule in FILTER_RULES.items()}
    assert set(found) == set(expected)
    assert all(found[url].endswith(f"({count})") for url, count in expected.items())


@pytest.mark.parametrize("url", sorted(FILTER_RULES))
def test_the_filter_page_marks_its_own_value_as_current(site, url):
    current = site.page(COPY, url).find("nav", class_="et-filters").find_all("a", attrs={"aria-current": "page"})
    assert [a["href"] for a in current] == ["./"]


def test_a_filter_page_works_without_javascript(site):
    # The list is in the HTML itself: no script decides what is shown.
    soup = site.page(COPY, "kurs/sprak/uk/")
    assert soup.find("ul", class_="et-courses") is not None
    assert not soup.find_all("script", src=lambda s: s and "filter" in s)


def test_filter_and_redirect_pages_are_not_in_the_navigation(site):
    menu = site.page(COPY, "kurs/").find("nav", class_="md-nav--primary")
    hrefs = [a["href"] for a in menu.find_all("a", href=True)]
    assert hrefs and not [h for h in hrefs if any(part in h for part in ("type/", "form/", "kommune/", "sprak/",
                                                                         "pris/", "prisregning"))]


def test_a_municipality_filter_points_to_the_online_courses(site):
    hrefs = [a["href"] for a in site.page(COPY, "kurs/kommune/valer/").find_all("a", href=True)]
    assert "../../form/nett/" in hrefs


# --- the window of past courses (no build: the catalogue as data) ---------------------

def test_a_course_older_than_twelve_months_leaves_the_catalogue_but_keeps_its_page(data):
    from etablerer.publish.copies import TOKEN_HOST
    from etablerer.render.pages import generated_pages
    from etablerer.view.siteview import SiteView

    later = date(2027, 6, 1)  # spring 2026 ended 2026-03-10 (over 12 months), autumn 2026 on 2026-09-22
    view = SiteView(data, later, TOKEN_HOST)
    past = [c.id for c in view.catalogue.past]
    assert "etablererkurs-var-test-2026" not in past and "etablererkurs-host-test-2026" in past
    assert "kurs/etablererkurs-var-test-2026.md" in {p.src_uri for p in generated_pages(view)}


@pytest.mark.parametrize(("today", "shown"), [
    (date(2027, 3, 10), True),  # exactly twelve months after the last session
    (date(2027, 3, 11), False),
])
def test_the_twelve_month_window_edge(data, today, shown):
    course = next(c for c in data.courses if c.id == "etablererkurs-var-test-2026")  # last session 2026-03-10
    assert (course in course_status.catalogue(data.courses, today).past) is shown


# --- which municipalities have a list (no build: the filters as data) ------------------

def _municipality_lists(data, municipalities, courses=None):
    groups = course_status.filter_groups(data.courses if courses is None else courses, municipalities,
                                         lambda code: code, interface("nb"))
    return [f.slug for g in groups if g.dimension == "kommune" for f in g.filters]


def test_every_municipality_a_course_is_held_in_has_a_list(data):
    held_in = {c.venue.municipality for c in data.courses if c.venue is not None}
    assert _municipality_lists(data, data.municipalities) == [m.id for m in data.municipalities if m.id in held_in]


def test_a_municipality_no_course_is_held_in_gets_no_list_that_could_only_be_empty(data):
    # A region of 50 municipalities with courses in four would otherwise offer 46 empty lists.
    extra = data.municipalities[0].model_copy(update={"id": "kommune99", "name": "Kommune 99"})
    assert "kommune99" not in _municipality_lists(data, data.municipalities + (extra,))
    online_only = tuple(c for c in data.courses if c.venue is None)
    assert online_only and _municipality_lists(data, data.municipalities, online_only) == []
