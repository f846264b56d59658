"""The shipped data loads, and the model holds the facts of the brief (sections 1 and 2)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from etablerer.facts.sample import has_sample, sample_sources
from etablerer.inputs.errors import DataErrors
from etablerer.inputs.loading import load_data
from tests.fixtures import FIXTURE
from tests.support.project import project_copy

from .conftest import AGREEMENTS, BASIC, MUNICIPALITIES, ORGANISATIONS, REGION, SERVICES, line_of, load


def counties_on(municipality, day: date) -> list[str]:
    return [m.county for m in municipality.counties if m.period.contains(day)]


def test_the_shipped_data_loads():
    report = ""
    try:
        load_data(FIXTURE / "data", FIXTURE / "content", FIXTURE)
    except DataErrors as exc:
        report = exc.report()
    assert report == "", f"the shipped data does not load:\n{report}"


def test_the_shipped_data_loads_from_a_copy_with_its_own_root(data_copy):
    data = load(data_copy)
    assert data.where(data.region).doc.path == REGION


def test_there_are_four_municipalities(shipped):
    assert [m.name for m in shipped.municipalities] == ["Moss", "Vestby", "Råde", "Våler"]


def test_kommunenummer_from_2024(shipped):
    numbers = {m.name: m.number for m in shipped.municipalities}
    assert numbers == {"Moss": "3103", "Vestby": "3216", "Råde": "3112", "Våler": "3114"}


def test_valer_is_the_one_in_ostfold_not_innlandet(shipped):
    assert shipped.municipality("valer").number != "3419"


def test_vestby_is_in_akershus_from_2024(shipped):
    assert counties_on(shipped.municipality("vestby"), date(2024, 1, 1)) == ["nordfylket"]


def test_vestby_was_in_viken_before_2024(shipped):
    assert counties_on(shipped.municipality("vestby"), date(2023, 12, 31)) == ["gammelfylket"]


def test_moss_rade_and_valer_are_in_ostfold_from_2024(shipped):
    for slug in ("moss", "rade", "valer"):
        assert counties_on(shipped.municipality(slug), date(2024, 1, 1)) == ["sorfylket"], slug


def test_the_old_county_ceased_and_names_its_successors(shipped):
    old = shipped.organisation("gammelfylket")
    assert (old.valid.end, old.successors) == (date(2023, 12, 31), ("nordfylket", "vestfylket", "sorfylket"))


def test_the_agreement_period(shipped):
    period = shipped.agreements[0].period
    assert (period.start, period.end) == (date(2022, 1, 1), date(2025, 12, 31))


def test_the_visibility_rule_names_viken_and_innovasjon_norge(shipped):
    assert shipped.agreements[0].visibility.organisations == ("gammelfylket", "statlig-innovasjon")


def test_the_visibility_rule_includes_the_municipalities(shipped):
    assert shipped.agreements[0].visibility.with_municipalities is True


def test_moss_is_the_host_and_mnu_the_operator(shipped):
    agreement = shipped.agreements[0]
    assert (agreement.host_municipality, agreement.operator) == ("moss", "driftsselskapet")


def test_funding_rates_are_decimal_kroner(shipped):
    funding = shipped.agreements[0].funding
    assert (funding.county_rate, funding.municipal_rate) == (Decimal("5.50"), Decimal("2.50"))
    assert all(isinstance(rate, Decimal) for rate in (funding.county_rate, funding.municipal_rate))


def test_populations_of_1_july_2021(shipped):
    populations = {m.id: [p.count for p in m.populations if p.date == date(2021, 7, 1)]
                   for m in shipped.municipalities}
    assert populations == {"moss": [49956], "vestby": [18530], "rade": [7594], "valer": [5888]}


def test_the_minimum_list_has_nine_items(shipped):
    assert len(shipped.agreements[0].minimum_items) == 9


# --- sample data and placeholders ------------------------------------------------

def test_the_shipped_data_has_sample(shipped):
    assert has_sample(shipped) is True


def test_a_sample_file_is_flagged(shipped):
    assert f"{REGION}:5" in sample_sources(shipped)


def test_every_course_is_flagged_as_sample(shipped):
    # Wherever in the file `sample: true` stands: each course file is named once.
    files = [source.rsplit(":", 1)[0] for source in sample_sources(shipped)]
    for course in shipped.courses:
        assert files.count(shipped.where(course).doc.path) == 1, course.id


def test_every_municipality_record_is_flagged_as_sample(shipped):
    assert {f"{MUNICIPALITIES}:{line}" for line in (6, 22, 38, 54)} <= set(sample_sources(shipped))


def test_sample_services_are_flagged(shipped):
    # naeringsfaglig-vurdering, price 3000
    assert f"{SERVICES}:{line_of(SERVICES, '- id: naeringsfaglig-vurdering')}" in sample_sources(shipped)


def test_placeholder_logos_are_flagged(shipped):
    # The 'logo:' line, just above each logo's file:.
    logos = {f"{ORGANISATIONS}:{line_of(ORGANISATIONS, f'file: assets/logos/{name}.svg') - 1}"
             for name in ("gammelfylket", "statlig-innovasjon")}
    assert logos <= set(sample_sources(shipped))


def test_records_that_are_facts_are_not_flagged(shipped):
    sources = set(sample_sources(shipped))
    assert not {s for s in sources if s.startswith((AGREEMENTS, "data/referrals.yml"))}
    assert f"{ORGANISATIONS}:{line_of(ORGANISATIONS, '- id: velferdsetaten')}" not in sources  # NAV, no logo


def clear_sample_flags(root) -> None:
    """What an editor does once every record holds real facts and official logos."""
    for file in (root / "data").rglob("*.yml"):
        text = file.read_text(encoding="utf-8")
        text = text.replace("sample: true", "sample: false").replace("placeholder: true", "placeholder: false")
        file.write_text(text, encoding="utf-8")


def test_without_sample_flags_nothing_is_sample(tmp_path):
    root = project_copy(tmp_path / "project", code=False)
    clear_sample_flags(root)
    data = load(root)
    assert (sample_sources(data), has_sample(data)) == ([], False)


def test_one_sample_course_is_enough_to_flag_the_data(tmp_path):
    root = project_copy(tmp_path / "project", code=False)
    clear_sample_flags(root)
    (root / BASIC).write_text((root / BASIC).read_text(encoding="utf-8").replace("sample: false", "sample: true"),
                              encoding="utf-8")
    assert sample_sources(load(root)) == [f"{BASIC}:2"]
