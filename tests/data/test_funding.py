"""Funding (agreement §6): population × minimum rate, computed in Decimal kroner."""

from __future__ import annotations

from decimal import Decimal

import pytest

from etablerer.facts.formatting import NBSP, group, kroner
from etablerer.facts.funding import funding_table
from tests.support.edits import edit

from .conftest import AGREEMENTS, MUNICIPALITIES, load


def nb(text: str) -> str:
    """'kr 124 890' as kroner() writes it: a no-break space after kr and between groups."""
    return text.replace(" ", "\u00a0")


@pytest.fixture(scope="module")
def table(shipped):
    return funding_table(shipped.agreements[0], shipped.municipalities)


def amounts_by_municipality(table) -> dict[str, str]:
    return {row.municipality.name: kroner(row.amount) for row in table.rows}


def test_no_break_space_is_u00a0():
    assert NBSP == "\u00a0"


@pytest.mark.parametrize(("name", "expected"), [
    ("Moss", "kr 124 890"),
    ("Vestby", "kr 46 325"),
    ("Råde", "kr 18 985"),
    ("Våler", "kr 14 720"),
])
def test_municipal_contribution(table, name, expected):
    assert amounts_by_municipality(table)[name] == nb(expected)


def test_rows_follow_the_agreement_order(table):
    assert [row.municipality.id for row in table.rows] == ["moss", "vestby", "rade", "valer"]


def test_every_municipality_pays_the_municipal_rate(table):
    assert {row.rate for row in table.rows} == {Decimal("2.50")}


def test_total_population(table):
    assert table.total_population == 81968


def test_total_population_grouped(table):
    assert group(table.total_population) == nb("81 968")


def test_municipal_sum(table):
    assert kroner(table.municipal_sum) == nb("kr 204 920")


def test_county_contribution(table):
    assert kroner(table.county_amount) == nb("kr 450 824")


def test_county_rate(table):
    assert kroner(table.county_rate) == nb("kr 5,50")


def test_total_per_year(table):
    assert kroner(table.total) == nb("kr 655 744")


def test_exact_decimal_values(table):
    assert (table.municipal_sum, table.county_amount, table.total) == (
        Decimal("204920"), Decimal("450824"), Decimal("655744"))


def test_amounts_are_decimal_never_float(table):
    values = [table.municipal_sum, table.county_amount, table.total, table.county_rate]
    values += [row.amount for row in table.rows] + [row.rate for row in table.rows]
    assert all(type(value) is Decimal for value in values)


def test_the_reservation_comes_with_the_table(table):
    assert "budsjett" in table.reservation


def test_population_date(table, shipped):
    assert table.population_date == shipped.agreements[0].funding.population_date


# --- kroner() ------------------------------------------------------------------

@pytest.mark.parametrize(("amount", "expected"), [
    (Decimal("2.50"), "kr 2,50"),
    (Decimal("2.5"), "kr 2,50"),
    (Decimal("5.50"), "kr 5,50"),
    (Decimal("0"), "kr 0"),
    (Decimal("300"), "kr 300"),
    (Decimal("3000"), "kr 3 000"),
    (Decimal("124890.0"), "kr 124 890"),
    (Decimal("1234567.05"), "kr 1 234 567,05"),
])
def test_kroner(amount, expected):
    assert kroner(amount) == nb(expected)


def test_kroner_has_no_ordinary_spaces():
    assert " " not in kroner(Decimal("655744"))


# --- computed, not typed -----------------------------------------------------------

def test_a_new_population_changes_the_amounts(data_copy):
    edit(data_copy / MUNICIPALITIES, "count: 49956", "count: 50000")
    data = load(data_copy)
    table = funding_table(data.agreements[0], data.municipalities)
    assert (amounts_by_municipality(table)["Moss"], kroner(table.municipal_sum), kroner(table.county_amount),
            kroner(table.total)) == (nb("kr 125 000"), nb("kr 205 030"), nb("kr 451 066"), nb("kr 656 096"))


def test_a_new_rate_changes_the_amounts(data_copy):
    edit(data_copy / AGREEMENTS, "county_rate: 5.50", "county_rate: 6")
    data = load(data_copy)
    table = funding_table(data.agreements[0], data.municipalities)
    assert kroner(table.county_amount) == nb("kr 491 808")


def test_a_rate_in_ore_stays_exact(data_copy):
    edit(data_copy / AGREEMENTS, "municipal_rate: 2.50", "municipal_rate: 2.55")
    data = load(data_copy)
    table = funding_table(data.agreements[0], data.municipalities)
    assert kroner(table.municipal_sum) == nb("kr 209 018,40")  # 81 968 × 2,55
