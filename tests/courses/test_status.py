"""Feature: each course says in words whether you can sign up, with the deadline beside it.

On the pinned as-of date (2026-11-27) the sample has one course of each status;
the expected words are written out here, not taken from the product.
"""

from __future__ import annotations

import pytest

from etablerer.facts import courses as course_status
from tests.support.expected import COPIES, long_date, normalise

# course id → (status, words, has a sign-up link)
EXPECTED = {
    "etablererkurs-var-test-2027": (course_status.Status.OPEN, "Åpen for påmelding", True),
    "fra-ide-til-bedrift-arabisk-test-2027": (course_status.Status.CLOSING_SOON, "Påmeldingen stenger snart", True),
    "markedsforing-test-2027": (course_status.Status.FULL, "Fullt", False),
    "etablererkurs-januar-test-2027": (course_status.Status.CLOSED, "Påmeldingen er stengt", False),
    "finansiering-ukrainsk-test-2026": (course_status.Status.PAST, "Kurset er holdt", False),
}


def course_of(data, course_id):
    return next(c for c in data.courses if c.id == course_id)


@pytest.mark.parametrize("course_id", sorted(EXPECTED))
def test_the_status_on_the_pinned_day(data, today, course_id):
    assert course_status.status(course_of(data, course_id), today) is EXPECTED[course_id][0]


@pytest.mark.parametrize("copy", COPIES)
@pytest.mark.parametrize("course_id", sorted(EXPECTED))
def test_the_course_page_shows_the_status_in_words_with_the_deadline(site, data, copy, course_id):
    course = course_of(data, course_id)
    line = site.page(copy, f"kurs/{course_id}/").find("p", class_="et-status")
    _, words, _ = EXPECTED[course_id]
    assert normalise(line.get_text()) == f"{words}. Påmeldingsfrist: {long_date(course.registration.deadline)}."
    assert f"et-status--{EXPECTED[course_id][0].value}" in line["class"]


@pytest.mark.parametrize("copy", COPIES)
@pytest.mark.parametrize("course_id", sorted(EXPECTED))
def test_the_sign_up_link_is_there_only_while_registration_is_open(site, data, copy, course_id):
    url = course_of(data, course_id).registration.url
    for page in (f"kurs/{course_id}/", "kurs/"):
        soup = site.page(copy, page)
        linked = any(a["href"] == url for a in soup.find_all("a", href=True))
        assert linked is EXPECTED[course_id][2], page


def test_the_closing_soon_course_has_its_deadline_within_seven_days(data, today):
    deadline = course_of(data, "fra-ide-til-bedrift-arabisk-test-2027").registration.deadline
    assert 0 <= (deadline - today).days <= 7
