"""Which agreement applies on a date (brief section 8). Every date is pinned."""

from __future__ import annotations

from datetime import date

from etablerer.facts.agreements import agreement_in_force, has_ceased
from etablerer.inputs.model import Period

from .conftest import AGREEMENTS, load

VIKEN_AGREEMENT = "gammelfylket-2022-2025"
ENDED_WARNING = ("Ingen avtale gjelder nå: 'Samarbeidsavtale om Etablerertjenesten i Viken 2022–2025' sluttet "
                 "2025-12-31, og ingen nyere avtale er lagt inn i data/agreements.yml. Synlighetsregelen i den "
                 "gjelder til en ny avtale er lagt inn.")


def test_in_the_period_the_agreement_is_in_force(shipped):
    found = agreement_in_force(shipped.agreements, date(2024, 6, 1))
    assert (found.agreement.id, found.in_period, found.warning) == (VIKEN_AGREEMENT, True, None)


def test_on_its_last_day_the_agreement_is_in_force(shipped):
    assert agreement_in_force(shipped.agreements, date(2025, 12, 31)).in_period is True


def test_after_the_end_the_most_recent_agreement_applies_with_in_period_false(shipped):
    found = agreement_in_force(shipped.agreements, date(2026, 1, 1))
    assert (found.agreement.id, found.in_period) == (VIKEN_AGREEMENT, False)


def test_after_the_end_there_is_a_warning(shipped):
    assert agreement_in_force(shipped.agreements, date(2026, 11, 27)).warning == ENDED_WARNING


def test_a_newer_agreement_takes_over(shipped):
    old = shipped.agreements[0]
    newer = old.model_copy(update={"id": "ny-avtale-2026", "period": Period(start=date(2026, 3, 1))})
    found = agreement_in_force((old, newer), date(2026, 3, 1))
    assert (found.agreement.id, found.in_period, found.warning) == ("ny-avtale-2026", True, None)


def test_before_the_newer_agreement_starts_the_old_one_still_applies(shipped):
    old = shipped.agreements[0]
    newer = old.model_copy(update={"id": "ny-avtale-2026", "period": Period(start=date(2026, 3, 1))})
    found = agreement_in_force((newer, old), date(2026, 2, 28))
    assert (found.agreement.id, found.in_period) == (VIKEN_AGREEMENT, False)


def test_before_any_agreement_the_warning_does_not_say_it_ended(shipped):
    found = agreement_in_force(shipped.agreements, date(2021, 6, 1))
    assert (found.agreement.id, found.in_period, "ended" in found.warning) == (VIKEN_AGREEMENT, False, False)



def test_before_an_open_ended_agreement_starts_the_warning_does_not_crash(shipped):
    only = shipped.agreements[0].model_copy(update={"period": Period(start=date(2026, 3, 1))})
    found = agreement_in_force((only,), date(2026, 1, 1))
    assert isinstance(found.warning, str)


def add_newer_agreement(root) -> None:
    """An editor records the next agreement in data/agreements.yml: no code changes."""
    file = root / AGREEMENTS
    text = file.read_text(encoding="utf-8")
    first = text[text.index("  - id: gammelfylket-2022-2025"):]
    newer = (first.replace("id: gammelfylket-2022-2025", "id: ny-avtale-2026")
             .replace("title: Samarbeidsavtale om Etablerertjenesten i Viken 2022–2025", "title: Ny samarbeidsavtale")
             .replace("period: {start: 2022-01-01, end: 2025-12-31}", "period: {start: 2026-03-01}")
             .replace("organisations: [gammelfylket, statlig-innovasjon]", "organisations: [statlig-innovasjon]"))
    file.write_text(text + newer, encoding="utf-8")


def test_a_newer_agreement_in_the_data_file_takes_over(data_copy):
    add_newer_agreement(data_copy)
    found = agreement_in_force(load(data_copy).agreements, date(2026, 3, 1))
    assert (found.agreement.id, found.in_period) == ("ny-avtale-2026", True)


def test_the_newer_agreement_brings_its_own_visibility_rule(data_copy):
    add_newer_agreement(data_copy)
    found = agreement_in_force(load(data_copy).agreements, date(2026, 3, 1))
    assert found.agreement.visibility.organisations == ("statlig-innovasjon",)


def test_viken_has_ceased_from_2024(shipped):
    gammelfylket = shipped.organisation("gammelfylket")
    assert (has_ceased(gammelfylket, date(2023, 12, 31)), has_ceased(gammelfylket, date(2024, 1, 1))) == (False, True)
