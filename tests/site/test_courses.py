"""Feature: each course has a page with what a founder needs to decide and sign up.

Title, every session date, price, the status in words and the deadline. The
sign-up link is there only while registration is open. Expectations come from
the loaded data and the course status on the pinned as-of date; the status
words from languages/<code>/interface.yml (status_<status>), in every language.
"""

from __future__ import annotations

import pytest

from etablerer.facts import courses as course_status
from tests.support.expected import (
    COPIES,
    COURSE_IDS,
    LANGUAGES,
    interface_text,
    language_prefix,
    long_date,
    price_in_words,
    text_of,
)


def course(data, course_id):
    return next(c for c in data.courses if c.id == course_id)


def course_page(site, copy, course_id, lang="nb"):
    return site.page(copy, f"{language_prefix(lang)}kurs/{course_id}/")


def links_to(soup, url):
    return [a for a in soup.find_all("a", href=True) if a["href"] == url]


@pytest.mark.parametrize("copy", COPIES)
@pytest.mark.parametrize("course_id", COURSE_IDS)
def test_the_course_page_shows_the_title(site, data, copy, course_id):
    assert course(data, course_id).title in text_of(course_page(site, copy, course_id))


@pytest.mark.parametrize("copy", COPIES)
@pytest.mark.parametrize("course_id", COURSE_IDS)
def test_the_course_page_shows_every_session_date(site, data, copy, course_id):
    text = text_of(course_page(site, copy, course_id))
    missing = [long_date(s.date) for s in course(data, course_id).sessions if long_date(s.date) not in text]
    assert missing == []


@pytest.mark.parametrize("copy", COPIES)
@pytest.mark.parametrize("course_id", COURSE_IDS)
def test_the_course_page_gives_every_session_a_machine_readable_date(site, data, copy, course_id):
    datetimes = {t.get("datetime", "")[:10] for t in course_page(site, copy, course_id).find_all("time")}
    missing = [s.date.isoformat() for s in course(data, course_id).sessions if s.date.isoformat() not in datetimes]
    assert missing == []


@pytest.mark.parametrize("copy", COPIES)
@pytest.mark.parametrize("course_id", COURSE_IDS)
def test_the_course_page_shows_the_price(site, data, copy, course_id):
    price = price_in_words(course(data, course_id).price)
    assert price in text_of(course_page(site, copy, course_id))


def test_the_shipped_courses_include_a_free_one_and_one_for_300_kroner(data):
    assert {price_in_words(c.price) for c in data.courses} >= {"Gratis", "kr 300"}


def status_words(lang, status) -> str:
    return interface_text(lang, f"status_{status.value}")


def test_the_bokmal_status_words_are_the_ones_readers_know():
    """Written out: the words the service has always used."""
    assert [status_words("nb", s) for s in course_status.Status] == [
        "Påmeldingen åpner snart", "Åpen for påmelding", "Påmeldingen stenger snart", "Fullt", "Påmeldingen er stengt",
        "Kurset er holdt", "Kurset er avlyst"]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("copy", COPIES)
@pytest.mark.parametrize("course_id", COURSE_IDS)
def test_the_course_page_shows_the_status_in_words(site, data, today, copy, course_id, lang):
    words = status_words(lang, course_status.status(course(data, course_id), today))
    assert words in text_of(course_page(site, copy, course_id, lang))


@pytest.mark.parametrize("copy", COPIES)
@pytest.mark.parametrize("course_id", COURSE_IDS)
def test_the_course_page_shows_the_registration_deadline(site, data, copy, course_id):
    deadline = long_date(course(data, course_id).registration.deadline)
    assert deadline in text_of(course_page(site, copy, course_id))


@pytest.mark.parametrize("copy", COPIES)
@pytest.mark.parametrize("course_id", COURSE_IDS)
def test_the_sign_up_link_is_there_only_while_registration_is_open(site, data, today, copy, course_id):
    the_course = course(data, course_id)
    url = the_course.registration.url
    open_now = course_status.registration_open(the_course, today)
    links = links_to(course_page(site, copy, course_id), url) if url else []
    if open_now and url:
        assert links, f"registration is open on {today}: the page should link to {url}"
    else:
        assert links == [], f"registration is not open on {today} (or has no link): no link to {url}"


def test_the_shipped_courses_cover_open_full_and_past(data, today):
    statuses = {course_status.status(c, today) for c in data.courses}
    assert statuses >= {course_status.Status.OPEN, course_status.Status.FULL, course_status.Status.PAST}
