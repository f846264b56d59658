"""Feature: the about page shows who pays for the service, in every copy.

The figures are the agreement's minimum amounts (population on 1 July 2021 ×
rate). They are written out here as the brief states them, so a wrong
calculation in the build cannot pass by agreeing with itself.
"""

from __future__ import annotations

import pytest

from tests.support.expected import COPIES, long_date, text_of

# Brief §1: per municipality, the municipal sum, the county, the total per year.
FUNDING_FIGURES = ["kr 124 890", "kr 46 325", "kr 18 985", "kr 14 720",
                   "kr 204 920", "kr 450 824", "kr 655 744"]


def about(site, copy):
    return site.page(copy, "om/")


def agreement_section(site, copy, agreement):
    """The part of the about page from the agreement's heading to the next one of its level."""
    soup = about(site, copy)
    heading = soup.find(id=f"avtale-{agreement.id}")
    assert heading is not None, f"{copy}/om/: no heading for the agreement {agreement.id}"
    parts = [heading]
    for sibling in heading.find_next_siblings():
        if sibling.name == heading.name:
            break
        parts.append(sibling)
    return " ".join(text_of(p) for p in parts)


@pytest.mark.parametrize("copy", COPIES)
@pytest.mark.parametrize("figure", FUNDING_FIGURES)
def test_the_about_page_shows_the_funding_figure(site, copy, figure):
    assert figure in text_of(about(site, copy))


@pytest.mark.parametrize("copy", COPIES)
@pytest.mark.parametrize("figure", FUNDING_FIGURES)
def test_the_funding_figure_is_written_with_no_break_spaces(site, copy, figure):
    assert figure.replace(" ", "\u00a0") in about(site, copy).get_text()


@pytest.mark.parametrize("copy", COPIES)
def test_the_about_page_says_the_amounts_are_minimum_amounts(site, copy):
    assert "minstebeløp" in text_of(about(site, copy)).lower()


@pytest.mark.parametrize("copy", COPIES)
def test_the_about_page_says_the_amounts_depend_on_annual_appropriations(site, data, copy):
    reservation = data.agreements[0].funding.reservation
    assert " ".join(reservation.split()) in text_of(about(site, copy))


@pytest.mark.parametrize("copy", COPIES)
def test_the_about_page_gives_the_date_the_population_was_counted(site, data, copy):
    counted = data.agreements[0].funding.population_date
    assert long_date(counted) == "1. juli 2021"
    assert long_date(counted) in text_of(about(site, copy))


@pytest.mark.parametrize("copy", COPIES)
def test_an_agreement_whose_period_is_over_is_marked_as_ended(site, data, today, copy):
    ended = [a for a in data.agreements if a.period.end is not None and a.period.end < today]
    assert ended, "the shipped data should hold the 2022–2025 agreement, which has ended"
    for agreement in ended:
        assert "utløpt" in agreement_section(site, copy, agreement), (
            f"{copy}/om/: {agreement.title} ended {agreement.period.end} but is not marked as ended")
