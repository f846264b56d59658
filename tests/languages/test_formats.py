"""Feature: dates, times and prices are written the way readers of each language write them.

Bokmål follows Språkrådet (13. april 2027, kr 300); the others follow CLDR:
British English for English (13 April 2027, NOK 300), the genitive month in
Ukrainian and Polish, and Arabic with Latin digits (readable next to Norwegian
names and addresses). Every expected string is written out here.
"""

from __future__ import annotations

import pytest

from tests.support.expected import course, normalise, text_of
from tests.support.expected import language_prefix as prefix
from tests.support.expected import shown_interface as interface

BIDI_MARKS = dict.fromkeys(map(ord, "\u200e\u200f\u061c"))


def readable(text: str) -> str:
    """As read: no-break spaces as spaces, without the invisible direction marks."""
    return normalise(text.translate(BIDI_MARKS))


# course → language → (first date, start time, price), as a reader of that language expects them.
EXPECTED = {
    "regnskap-og-skatt-test-2027": {  # 2027-04-13 18:00–21:00, NOK 300
        "nb": ("13. april 2027", "18:00", "kr 300"),
        "en": ("13 April 2027", "18:00", "NOK 300"),
        "uk": ("13 квітня 2027", "18:00", "300 NOK"),
        "pl": ("13 kwietnia 2027", "18:00", "300 NOK"),
        "ar": ("13 أبريل 2027", "6:00 م", "300 NOK"),
    },
    "prising-og-budsjett-test-2027": {  # 2027-03-16 18:00–20:30, NOK 250
        "nb": ("16. mars 2027", "18:00", "kr 250"),
        "en": ("16 March 2027", "18:00", "NOK 250"),
        "uk": ("16 березня 2027", "18:00", "250 NOK"),
        "pl": ("16 marca 2027", "18:00", "250 NOK"),
        "ar": ("16 مارس 2027", "6:00 م", "250 NOK"),
    },
}


def test_the_expectations_match_the_data():
    # Written out above; the data must still say what they were written for.
    first = {cid: min((s["date"], s["start"]) for s in course(cid)["sessions"]) for cid in EXPECTED}
    assert first == {"regnskap-og-skatt-test-2027": ("2027-04-13", "18:00"),
                     "prising-og-budsjett-test-2027": ("2027-03-16", "18:00")}
    assert {cid: course(cid)["price"] for cid in EXPECTED} == {"regnskap-og-skatt-test-2027": "300",
                                                                 "prising-og-budsjett-test-2027": "250"}


def first_session(article, day: str):
    times = [t for t in article.find_all("time") if t.get("datetime", "").startswith(day)]
    assert times, f"no <time datetime={day}…> on the page"
    return readable(times[0].get_text(" "))


def price_on(article, label: str) -> str:
    for dt in article.find_all("dt"):
        if text_of(dt) == label:
            return readable(dt.find_next_sibling("dd").get_text(" "))
    raise AssertionError(f"no {label!r} among the course facts")


@pytest.mark.parametrize("code", ["nb", "en", "uk", "pl", "ar"])
@pytest.mark.parametrize("course_id", sorted(EXPECTED))
def test_the_course_page_shows_date_time_and_price_in_the_readers_format(pages, course_id, code):
    day, start, price = EXPECTED[course_id][code]
    article = pages[prefix(code) + f"kurs/{course_id}/index.html"].find("article")
    when = first_session(article, min(s["date"] for s in course(course_id)["sessions"]))
    assert day in when, f"{code}: first session {when!r}, expected the date {day!r}"
    assert start in when, f"{code}: first session {when!r}, expected the time {start!r}"
    assert price_on(article, interface(code)["fact_price"]) == price


@pytest.mark.parametrize("code", ["en", "uk", "pl", "ar"])
def test_digits_are_latin_in_every_language(pages, code):
    article = pages[prefix(code) + "kurs/regnskap-og-skatt-test-2027/index.html"].find("article")
    eastern = [ch for ch in article.get_text() if "\u0660" <= ch <= "\u0669" or "\u06f0" <= ch <= "\u06f9"]
    assert eastern == []
