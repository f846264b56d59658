"""Feature: the accessibility page says how the site is tested, honestly.

The legal statement is the host municipality's, in uustatus.no: each copy
links its own. The page lists how the content is tested and what automated
checks cannot cover, the known deviations with the people they affect, a way
to give feedback, and the date of the last review, all from data/.
"""

from __future__ import annotations

import pytest

from tests.support.expected import COPIES, LANGUAGES, language_prefix, long_date, normalise, text_of


@pytest.mark.parametrize("copy", COPIES)
def test_accessibility_page_links_the_host_statement_and_dates_from_data(built, copy):
    page = built.page(copy, "tilgjengelighet/")
    text = text_of(page.find("article"))
    statement = built.municipality(copy).accessibility_statement_url
    assert page.find("a", href=statement), f"the {copy} copy must link {statement}"
    review = built.data.region.accessibility
    assert f"Sist kontrollert {long_date(review.reviewed)}." in text


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("copy", COPIES)
def test_accessibility_page_in_every_language_links_the_host_statement(built, copy, lang):
    page = built.page(copy, language_prefix(lang) + "tilgjengelighet/")
    statement = built.municipality(copy).accessibility_statement_url
    assert page.find("article").find("a", href=statement), f"the {copy} copy must link {statement} ({lang})"


def test_accessibility_page_lists_tests_limits_deviations_and_feedback(built):
    article = built.page(COPIES[0], "tilgjengelighet/").find("article")
    text = text_of(article)
    for what in ("WCAG 2.1 nivå A og AA", "Nu HTML Checker", "tastaturet", "uten JavaScript"):
        assert what in text, f"the page should say it tests: {what}"
    # Never a claim of compliance from automated results alone.
    assert "kan ikke vise at sidene oppfyller kravene" in text
    assert "skjermleser" in text and "må gjøres av mennesker" in text
    deviations = built.data.region.accessibility.deviations
    assert deviations, "data lists no known deviation; then the page must say it knows none"
    items = [text_of(li) for li in article.select(".et-deviations li")]
    assert len(items) == len(deviations)
    for item, deviation in zip(items, deviations, strict=True):
        assert normalise(deviation.problem) in item and f"ramme {normalise(deviation.affects)}" in item
    email = built.data.region.contact.email
    assert article.find("a", href=f"mailto:{email}"), "a feedback channel"
