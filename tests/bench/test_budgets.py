"""The benchmark's verdicts (issue 9): a missed budget says by how much, and the heaviest
language of each page type is what counts. Pure logic; `make bench` itself is not run here."""

from __future__ import annotations

from bench.run import Budget
from bench.weight import Visit, heaviest


def test_a_budget_at_its_limit_is_met():
    assert Budget("preview", 1.0, 1.0, "s").met
    assert Budget("preview", 1.0, 1.0, "s").row() == "| preview | 1.00 s | ≤ 1.00 s | met |"


def test_a_missed_budget_says_by_how_much():
    budget = Budget("50 municipalities / 4 (B1)", 3.72, 2.0, "×")
    assert not budget.met
    assert budget.row() == ("| 50 municipalities / 4 (B1) | 3.72 × | ≤ 2.00 × | "
                            "MISSED **by 1.72 × (1.86× the budget)** |")


def _visit(page: str, language: str, html: int) -> Visit:
    visit = Visit(page, language)
    visit.by_category["HTML"] = html
    visit.by_category["JS"] = 1000
    return visit


def test_the_heaviest_language_of_each_page_type_counts_and_is_named():
    visits = [_visit("front", "nb", 100), _visit("front", "uk", 300), _visit("front", "en", 200),
              _visit("about", "nb", 50), _visit("about", "en", 40)]
    result = heaviest(visits)
    assert [(v.page, v.language, v.total) for v in result] == [
        ("front (uk, heaviest of 3)", "uk", 1300), ("about (nb, heaviest of 2)", "nb", 1050)]


def test_a_page_type_measured_in_one_language_keeps_its_name():
    assert [v.page for v in heaviest([_visit("course", "nb", 10)])] == ["course"]
