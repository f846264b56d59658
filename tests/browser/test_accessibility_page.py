"""Feature: the accessibility page says how the site is tested, honestly.

The legal statement is the host municipality's, in uustatus.no: each copy
links its own. The page names WCAG 2.2 level A and AA as what the site is tested
against (tests/browser/test_wcag22.py tests its new AA criteria by name), says which
of the new criteria do not apply and why, never claims compliance, and lists what
automated checks cannot cover, the known deviations with the people they affect, a
way to give feedback, and the date of the last review, all from data/.
"""

from __future__ import annotations

import pytest

from tests.support.expected import COPIES, LANGUAGES, language_prefix, long_date, normalise, text_of

# The new AA criteria of WCAG 2.2 that no page of the site can meet or fail: no dragging, no
# multi-step form, no log-in. Each is named on the page with the reason; the others are tested.
NOT_APPLICABLE = ("2.5.7", "3.3.7", "3.3.8")
TESTED = ("2.4.11", "2.5.8", "3.2.6")
# What a claim of compliance would say in bokmål; the page must say the opposite.
CLAIMS = ("oppfyller alle krav", "oppfyller kravene i wcag", "er universelt utformet", "i samsvar med wcag")


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
    for what in ("WCAG 2.2 nivå A og AA", "Nu HTML Checker", "tastaturet", "uten JavaScript"):
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


@pytest.mark.parametrize("lang", LANGUAGES)
def test_accessibility_page_names_wcag_2_2_and_the_criteria_that_do_not_apply(built, lang):
    article = built.page(COPIES[0], language_prefix(lang) + "tilgjengelighet/").find("article")
    text = text_of(article)
    assert "WCAG 2.2" in text, f"the {lang} page should name WCAG 2.2 as what the site is tested against"
    for criterion in TESTED:
        assert criterion in text, f"the {lang} page should name the tested criterion {criterion}"
    items = [text_of(li) for li in article.select(".et-not-applicable li")]
    assert [next((c for c in NOT_APPLICABLE if item.startswith(c)), None) for item in items] == list(NOT_APPLICABLE)
    for item in items:
        reason = item.split(":", 1)[1] if ":" in item else ""
        assert len(reason.split()) >= 5, f"no reason why it does not apply ({lang}): {item}"


def test_accessibility_page_never_claims_compliance(built):
    text = text_of(built.page(COPIES[0], "tilgjengelighet/").find("article")).lower()
    assert not [claim for claim in CLAIMS if claim in text]
    assert "kan ikke vise at sidene oppfyller kravene" in text
