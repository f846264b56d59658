"""Every validation rule, each with a bad input and the exact message an editor reads.

Each case copies the shipped data/ and content/, makes one small change, and
expects the complete list of problems load_data reports (str(DataError):
`file:line: field: message`). Line numbers are those of the shipped files (or
of NEW_COURSE in conftest.py) after the change; line_of() reads them from the
shipped file (the one line holding a given text), so translations added to
data/ do not move the expectations, and a message on a wrong line still fails.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from etablerer.inputs.errors import DataError, DataErrors
from tests.support.edits import edit

from .conftest import (
    ACCOUNTING,
    AGREEMENTS,
    BASIC,
    ENGLISH,
    MARKETING,
    MUNICIPALITIES,
    NEW_COURSE,
    ONE_SESSION,
    ORGANISATIONS,
    REFERRALS,
    REGION,
    SERVICES,
    data_errors,
    errors_of,
    line_of,
    load,
    write,
)

NEW = "data/courses/x.yml"  # a course file an editor adds

# del-2 of the basic course: date on line DEL_2, start on DEL_2 + 1, end on DEL_2 + 2.
BASIC_DEL_2 = "    date: 2027-02-09\n    start: 18:00\n    end: 21:00"
DEL_2 = line_of(BASIC, "    date: 2027-02-09")
BASIC_TITLE = "  nb: Etablererkurs våren 2027"  # the bokmål title of the basic course
BASIC_TARGET_GROUP = "  nb: Deg som har en idé"  # the bokmål target group of the basic course
CAPACITY = line_of(BASIC, "capacity: 25")  # of the basic course
PRICE = line_of(ACCOUNTING, "price: 300")  # of the accounting course
VESTBY_NUMBER = line_of(MUNICIPALITIES, 'number: "3216"')
INNOVASJON_NORGE_LOGO = ("    logo:\n      file: assets/logos/statlig-innovasjon.svg\n      alt: Innovasjon Norge\n"
                         "      placeholder: true\n")
ACCOUNTING_VENUE = ('venue:\n  name: Eksempelsenteret\n  address: {street: Eksempelveien 2, postcode: "1540", '
                    'city: Vestby}\n  municipality: vestby\n')
COURSE_FIELDS = ("review, sample, id, title, kind, description, sessions, format, venue, online_url, languages, price, "
                 "capacity, full, cancelled, cancellation_reason, registration, target_group, practical, former_ids")
ORGANISATION_IDS = ("driftsselskapet, gammelfylket, innvandring, nordfylket, portalen, skatten, sorfylket, "
                    "statlig-innovasjon, velferdsetaten, vestfylket")
LINK_ADVICE = "er ikke en tillatt lenke; bruk https://…, http://…, mailto:… eller tel:…"


def replace(rel: str, old: str, new: str):
    return lambda root: edit(root / rel, old, new)


def new_file(rel: str, text: str):
    return lambda root: write(root, rel, text)


def delete(rel: str):
    return lambda root: (root / rel).unlink()


def apply(root: Path, changes) -> None:
    for change in changes:
        change(root)


def case(case_id: str, changes, *expected: str):
    """A bad-input case: the changes to a fresh copy, then every message expected, in report order."""
    return pytest.param(changes, list(expected), id=case_id)


CASES = [
    # --- YAML as written ---------------------------------------------------------
    case("yaml-syntax-error",
         [replace(BASIC, BASIC_TITLE, "  nb: Etablererkurs: våren 2027")],
         f"{BASIC}:{line_of(BASIC, BASIC_TITLE)}: "
         "teksten etter 'nb:' har et kolon med mellomrom etter; sett teksten i anførselstegn: "
         'nb: "Etablererkurs: våren 2027"'),
    case("tab-indentation",
         [replace(BASIC, "    date: 2027-02-09", "\tdate: 2027-02-09")],
         f"{BASIC}:{DEL_2}: linjen har innrykk med tabulator; bruk mellomrom i stedet"),
    case("empty-file",
         [new_file(ACCOUNTING, "")],
         f"{ACCOUNTING}:1: filen er tom; fyll den ut eller slett den"),
    case("new-file-with-only-a-comment",
         [new_file(NEW, "# kommer snart\n")],
         f"{NEW}:1: filen er tom; fyll den ut eller slett den"),
    case("duplicate-key",
         [replace(BASIC, "capacity: 25", "capacity: 25\ncapacity: 30")],
         f"{BASIC}:{CAPACITY + 1}: capacity: 'capacity' står to ganger i samme blokk; behold én"),
    case("duplicate-key-in-a-list-item",
         [replace(BASIC, BASIC_DEL_2, "    date: 2027-02-09\n    start: 18:00\n    start: 19:00\n    end: 21:00")],
         f"{BASIC}:{DEL_2 + 2}: sessions[1].start: 'start' står to ganger i samme blokk; behold én"),
    case("file-is-a-list",
         [new_file(NEW, "- id: testkurs\n- title: Testkurs\n")],
         f"{NEW}:1: filen skal bestå av linjer med 'felt: verdi'"),
    case("required-data-file-missing",
         [delete(REGION)],
         f"{REGION}:1: filen mangler; data/ må ha region.yml"),

    # --- fields ------------------------------------------------------------------
    case("missing-field",
         [replace(BASIC, "capacity: 25\n", "")],
         f"{BASIC}:{line_of(BASIC, 'sample: true')}: capacity: dette feltet mangler; legg det til"),
    case("missing-field-in-a-list-item",
         [replace(BASIC, BASIC_DEL_2, "    date: 2027-02-09\n    start: 18:00")],
         f"{BASIC}:{line_of(BASIC, '  - id: del-2')}: sessions[1].end: dette feltet mangler; legg det til"),
    case("unknown-field-without-a-close-match",
         [replace(BASIC, "capacity: 25", "capacity: 25\nfoo: 1")],
         f"{BASIC}:{CAPACITY + 1}: foo: 'foo' er ikke et kjent felt; her kan du bruke: {COURSE_FIELDS}"),
    case("wrong-type-text-for-a-number",
         [replace(BASIC, "capacity: 25", "capacity: tjuefem")],
         f"{BASIC}:{CAPACITY}: capacity: 'tjuefem' er ikke et heltall; skriv bare sifre, for eksempel 20"),
    case("wrong-type-decimal-for-a-count",
         [replace(BASIC, "capacity: 25", "capacity: 25.5")],
         f"{BASIC}:{CAPACITY}: capacity: '25.5' er ikke et heltall; skriv bare sifre, for eksempel 20"),
    case("wrong-type-number-for-text",
         [replace(MUNICIPALITIES, 'number: "3216"', "number: 3216")],
         f"{MUNICIPALITIES}:{VESTBY_NUMBER}: "
         "municipalities[1].number: '3216' skal være tekst; sett det i anførselstegn hvis det ser ut som "
         "et tall eller true/false"),
    case("wrong-type-text-for-a-list",
         [replace(BASIC, "languages: [nb]", "languages: nb")],
         f"{BASIC}:{line_of(BASIC, 'languages: [nb]')}: "
         "languages: skal være en liste: én linje per punkt, og hver linje begynner med '- '"),
    case("wrong-type-text-for-an-amount",
         [replace(ACCOUNTING, "price: 300", "price: gratis")],
         f"{ACCOUNTING}:{PRICE}: "
         "price: 'gratis' er ikke et beløp i kroner; skriv et tall, for eksempel 450 eller 2.50"),
    case("value-not-in-the-list",
         [replace(BASIC, "format: onsite", "format: on-site")],
         f"{BASIC}:{line_of(BASIC, 'format: onsite')}: "
         "format: 'on-site' er ikke tillatt her; skriv ett av disse: onsite, online, hybrid"),
    case("kommunenummer-form",
         [replace(MUNICIPALITIES, 'number: "3216"', 'number: "321"')],
         f"{MUNICIPALITIES}:{VESTBY_NUMBER}: "
         "municipalities[1].number: '321' er ikke skrevet riktig; et kommunenummer har "
         "4 sifre, for eksempel 3103"),

    # --- dates and times ---------------------------------------------------------
    case("impossible-date-unquoted",
         [replace(BASIC, "date: 2027-02-09", "date: 2027-02-30")],
         f"{BASIC}:{DEL_2}: sessions[1].date: 2027-02-30 er ikke en dato som finnes (sjekk dag og måned)"),
    case("impossible-date-quoted",
         [replace(BASIC, "date: 2027-02-09", 'date: "2027-02-30"')],
         f"{BASIC}:{DEL_2}: sessions[1].date: 2027-02-30 er ikke en dato som finnes (sjekk dag og måned)"),
    case("date-in-words",
         [replace(BASIC, "date: 2027-02-09", "date: 9. februar 2027")],
         f"{BASIC}:{DEL_2}: sessions[1].date: '9. februar 2027' er ikke en dato; skriv den som ÅÅÅÅ-MM-DD, "
         "for eksempel 2027-03-15"),
    case("impossible-time",
         [replace(BASIC, BASIC_DEL_2, "    date: 2027-02-09\n    start: 25:00\n    end: 21:00")],
         f"{BASIC}:{DEL_2 + 1}: sessions[1].start: 25:00 er ikke et klokkeslett som finnes (fra 00:00 til 23:59)"),
    case("end-before-start-in-a-new-course-file",
         [new_file(NEW, NEW_COURSE.replace("    end: 21:00\nformat", "    end: 17:00\nformat"))],
         f"{NEW}:14: sessions[1].end: 17:00 er før start 18:00; en samling slutter etter at den begynner"),
    case("end-before-start",
         [replace(BASIC, BASIC_DEL_2, "    date: 2027-02-09\n    start: 18:00\n    end: 17:00")],
         f"{BASIC}:{DEL_2 + 2}: sessions[1].end: 17:00 er før start 18:00; en samling slutter etter at den begynner"),
    case("end-same-as-start",
         [replace(BASIC, BASIC_DEL_2, "    date: 2027-02-09\n    start: 18:00\n    end: 18:00")],
         f"{BASIC}:{DEL_2 + 2}: "
         "sessions[1].end: 18:00 er det samme som start; en samling slutter etter at den begynner"),
    # The only session fails: the list is not empty, so no 'needs at least one entry'.
    case("end-before-start-in-a-one-session-course",
         [replace(ONE_SESSION, "end: 20:00", "end: 17:00")],
         f"{ONE_SESSION}:{line_of(ONE_SESSION, 'end: 20:00')}: "
         "sessions[0].end: 17:00 er før start 17:30; en samling slutter etter at den begynner"),
    case("period-end-before-start",
         [replace(AGREEMENTS, "end: 2025-12-31}", "end: 2021-12-31}")],
         f"{AGREEMENTS}:{line_of(AGREEMENTS, 'end: 2025-12-31}')}: "
         "agreements[0].period.end: 2021-12-31 er før start 2022-01-01; "
         "slutten må komme etter starten"),

    # --- amounts and counts --------------------------------------------------------
    case("negative-price",
         [replace(ACCOUNTING, "price: 300", "price: -300")],
         f"{ACCOUNTING}:{PRICE}: price: -300 er mindre enn null; et beløp må være 0 eller mer"),
    case("price-below-ore",
         [replace(ACCOUNTING, "price: 300", "price: 2.505")],
         f"{ACCOUNTING}:{PRICE}: price: 2.505 har mer enn to desimaler; skriv kroner og øre, for eksempel 2.50"),
    case("capacity-0",
         [replace(BASIC, "capacity: 25", "capacity: 0")],
         f"{BASIC}:{CAPACITY}: capacity: 0 er for lite; det må være minst 1"),

    # --- YAML 1.1 surprises -----------------------------------------------------------
    case("full-no-is-an-error-not-false",
         [replace(MARKETING, "full: true", "full: no")],
         f"{MARKETING}:{line_of(MARKETING, 'full: true')}: "
         "full: 'no' er ikke true eller false; skriv true eller false (ikke yes/no)"),
    case("full-yes-is-an-error-not-true",
         [replace(MARKETING, "full: true", "full: yes")],
         f"{MARKETING}:{line_of(MARKETING, 'full: true')}: "
         "full: 'yes' er ikke true eller false; skriv true eller false (ikke yes/no)"),
    case("time-written-as-minutes-is-not-a-time",
         [replace(BASIC, BASIC_DEL_2, "    date: 2027-02-09\n    start: 1080\n    end: 21:00")],
         f"{BASIC}:{DEL_2 + 1}: "
         "sessions[1].start: '1080' er ikke et klokkeslett; skriv det som TT:MM, for eksempel 18:00"),

    # --- unique ids ----------------------------------------------------------------
    case("duplicate-session-id",
         [replace(BASIC, "  - id: del-2", "  - id: del-1")],
         f"{BASIC}:{line_of(BASIC, '  - id: del-2')}: sessions[1].id: id-en 'del-1' er allerede brukt av "
         f"en annen samling i {BASIC}:{line_of(BASIC, '  - id: del-1')}; gi hver av dem sin egen id"),
    case("duplicate-course-id-across-two-course-files",
         [replace(ACCOUNTING, "id: regnskap-og-skatt-test-2027", "id: etablererkurs-var-test-2027")],
         f"{ACCOUNTING}:{line_of(ACCOUNTING, 'id: regnskap-og-skatt-test-2027')}: id: id-en "
         f"'etablererkurs-var-test-2027' er allerede brukt av et annet kurs i "
         f"{BASIC}:{line_of(BASIC, 'id: etablererkurs-var-test-2027')}; "
         "gi hver av dem sin egen id"),
    case("duplicate-course-id-in-a-new-course-file",
         [new_file(NEW, NEW_COURSE.replace("id: testkurs-2027", "id: etablererkurs-var-test-2027"))],
         f"{NEW}:2: id: id-en 'etablererkurs-var-test-2027' er allerede brukt av et annet kurs i "
         f"{BASIC}:{line_of(BASIC, 'id: etablererkurs-var-test-2027')}; gi hver av dem sin egen id"),

    # --- references ------------------------------------------------------------------
    case("unknown-venue-municipality",
         [replace(BASIC, "municipality: moss", "municipality: mos")],
         f"{BASIC}:{line_of(BASIC, 'municipality: moss')}: "
         "venue.municipality: 'mos' er ikke en kjent kommune-id; de kjente er: moss, rade, valer, vestby"),
    case("unknown-county",
         [replace(MUNICIPALITIES, "county: nordfylket", "county: nordfylkett")],
         f"{MUNICIPALITIES}:{line_of(MUNICIPALITIES, 'county: nordfylket')}: "
         "municipalities[1].counties[1].county: 'nordfylkett' er ikke en kjent organisasjons-id; "
         f"de kjente er: {ORGANISATION_IDS}"),
    case("unknown-operator",
         [replace(REGION, "operator: driftsselskapet", "operator: driftsselskapet-as")],
         f"{REGION}:{line_of(REGION, 'operator: driftsselskapet')}: "
         f"operator: 'driftsselskapet-as' er ikke en kjent organisasjons-id; de kjente er: {ORGANISATION_IDS}"),
    case("unknown-organisation-in-the-visibility-rule",
         [replace(AGREEMENTS, "organisations: [gammelfylket, statlig-innovasjon]",
                  "organisations: [gammelfylket, statlig-innovasjonn]")],
         f"{AGREEMENTS}:{line_of(AGREEMENTS, 'organisations: [gammelfylket, statlig-innovasjon]')}: "
         "agreements[0].visibility.organisations[1]: 'statlig-innovasjonn' er ikke en kjent "
         f"organisasjons-id; de kjente er: {ORGANISATION_IDS}"),
    case("funding-population-date-without-populations",
         [replace(AGREEMENTS, "population_date: 2021-07-01", "population_date: 2022-01-01")],
         *[f"{AGREEMENTS}:{line_of(AGREEMENTS, 'municipalities: [moss, vestby, rade, valer]')}: "
           f"agreements[0].funding.municipalities[{i}]: {name} har ikke noe folketall for 2022-01-01 "
           "i data/municipalities.yml; legg det til under populations:"
           for i, name in enumerate(["Moss", "Vestby", "Råde", "Våler"])]),
    case("minimum-item-without-a-service",
         [replace(SERVICES, "fulfils: [brukerundersokelser]", "fulfils: []")],
         f"{AGREEMENTS}:{line_of(AGREEMENTS, '- id: brukerundersokelser')}: "
         "agreements[0].minimum_items[8].id: ingen tjeneste i data/services.yml oppfyller "
         "'brukerundersokelser'; legg til en med fulfils: [brukerundersokelser]"),
    # The second message is on the line 'services:' of services.yml, not on a comment above it.
    case("service-the-pages-need",
         [replace(SERVICES, "id: naeringsfaglig-vurdering", "id: vurdering")],
         f"{REFERRALS}:{line_of(REFERRALS, 'services: [veiledning, naeringsfaglig-vurdering]')}: "
         "situations[1].services[1]: 'naeringsfaglig-vurdering' er ikke en kjent tjeneste-id; "
         "de kjente er: brukerundersokelse, etablererkurs, kobling, kontorfellesskap, mentor-innvandrere, oppfolging, "
         "temakurs, veiledning, vekst, vurdering",
         f"{SERVICES}:{line_of(SERVICES, 'services:')}: "
         "services: det må finnes en tjeneste med id 'naeringsfaglig-vurdering', fordi sidene beskriver den; "
         "legg den til"),

    # --- logos -----------------------------------------------------------------------
    case("missing-logo-file",
         [replace(ORGANISATIONS, "file: assets/logos/gammelfylket.svg", "file: assets/logos/gammelfylkt.svg")],
         f"{ORGANISATIONS}:{line_of(ORGANISATIONS, 'file: assets/logos/gammelfylket.svg')}: organisations[0].logo.file: "
         "logofilen content/assets/logos/gammelfylkt.svg finnes ikke; "
         "legg til filen eller rett navnet"),
    case("logo-required-by-the-visibility-rule",
         [replace(ORGANISATIONS, INNOVASJON_NORGE_LOGO, "")],
         f"{ORGANISATIONS}:{line_of(ORGANISATIONS, '  - id: statlig-innovasjon')}: organisations[1].logo: denne "
         "organisasjonen må ha en logo, fordi synlighetsregelen i en avtale nevner den; "
         "legg til logo: med file: og alt:"),

    # --- links -----------------------------------------------------------------------
    case("javascript-link",
         [replace(ORGANISATIONS, "url: https://www.nav.no/", "url: javascript:alert(1)")],
         f"{ORGANISATIONS}:{line_of(ORGANISATIONS, 'url: https://www.nav.no/')}: "
         f"organisations[2].url: 'javascript:alert(1)' {LINK_ADVICE}"),
    case("javascript-link-mixed-case-with-a-leading-space",
         [replace(ACCOUNTING, "url: https://example.com/pamelding/regnskap-og-skatt-test-2027",
                  'url: " JavaScript:alert(1)"')],
         f"{ACCOUNTING}:{line_of(ACCOUNTING, 'url: https://example.com/pamelding/')}: "
         f"registration.url: 'JavaScript:alert(1)' {LINK_ADVICE}"),
    case("javascript-link-upper-case-online-url",
         [replace(ENGLISH, "online_url: https://example.com/kurs/online", "online_url: JAVASCRIPT:alert(1)")],
         f"{ENGLISH}:{line_of(ENGLISH, 'online_url:')}: online_url: 'JAVASCRIPT:alert(1)' {LINK_ADVICE}"),
    case("data-link",
         [replace(ORGANISATIONS, "url: https://www.nav.no/", 'url: "data:text/html,hei"')],
         f"{ORGANISATIONS}:{line_of(ORGANISATIONS, 'url: https://www.nav.no/')}: "
         f"organisations[2].url: 'data:text/html,hei' {LINK_ADVICE}"),

    # --- course rules ------------------------------------------------------------------
    case("fee-on-a-basic-course",
         [replace(BASIC, "price: 0", "price: 300")],
         f"{BASIC}:{line_of(BASIC, 'price: 0')}: "
         "price: det grunnleggende etablererkurset er gratis for deltakerne (avtalen § 5.2.1); "
         "skriv price: 0, ikke 300"),
    case("deadline-after-the-first-session",
         [replace(BASIC, "deadline: 2027-01-26", "deadline: 2027-02-03")],
         f"{BASIC}:{line_of(BASIC, 'deadline: 2027-01-26')}: "
         "registration.deadline: 2027-02-03 er ikke før den første samlingen (2027-02-02); "
         "sett en frist før 2027-02-02"),
    case("deadline-on-the-day-of-the-first-session",
         [replace(BASIC, "deadline: 2027-01-26", "deadline: 2027-02-02")],
         f"{BASIC}:{line_of(BASIC, 'deadline: 2027-01-26')}: "
         "registration.deadline: 2027-02-02 er ikke før den første samlingen (2027-02-02); "
         "sett en frist før 2027-02-02"),
    case("onsite-course-without-a-venue",
         [replace(ACCOUNTING, ACCOUNTING_VENUE, "")],
         f"{ACCOUNTING}:{line_of(ACCOUNTING, 'sample: true')}: "
         "venue: et kurs med format: onsite må ha venue: med name, address og municipality"),
    case("hybrid-course-without-an-online-url",
         [replace(MARKETING, "online_url: https://example.com/kurs/markedsforing\n", "")],
         f"{MARKETING}:{line_of(MARKETING, 'sample: true')}: "
         "online_url: et kurs med format: hybrid må ha online_url: lenken deltakerne bruker for å være med"),
]


@pytest.mark.parametrize(("changes", "expected"), CASES)
def test_bad_input_gives_exactly_these_messages(data_copy, changes, expected):
    # errors_of() also fails the test if load_data raises anything but DataErrors.
    apply(data_copy, changes)
    assert errors_of(data_copy) == expected


# --- messages that come with other, also true, messages -------------------------------

def test_unknown_field_gets_a_did_you_mean_hint(data_copy):
    edit(data_copy / BASIC, "capacity: 25", "capasity: 25")
    assert (f"{BASIC}:{CAPACITY}: capasity: 'capasity' er ikke et kjent felt; mente du 'capacity'?"
            in errors_of(data_copy))


def test_unknown_field_in_a_list_item_gets_a_did_you_mean_hint(data_copy):
    edit(data_copy / BASIC, "    start: 18:00\n    end: 21:00\n  - id: del-2",
         "    strat: 18:00\n    end: 21:00\n  - id: del-2")
    assert (f"{BASIC}:{line_of(BASIC, '  - id: del-1') + 2}: "
            "sessions[0].strat: 'strat' er ikke et kjent felt; mente du 'start'?"
            in errors_of(data_copy))


def test_unknown_field_in_a_nested_block_gets_a_did_you_mean_hint(data_copy):
    edit(data_copy / BASIC, "  municipality: moss", "  muncipality: moss")
    assert (f"{BASIC}:{line_of(BASIC, 'municipality: moss')}: "
            "venue.muncipality: 'muncipality' er ikke et kjent felt; mente du 'municipality'?"
            in errors_of(data_copy))


# --- all problems in one run -----------------------------------------------------------

def break_three_things_in_three_files(root: Path) -> list[str]:
    edit(root / BASIC, "capacity: 25", "capacity: 0")
    edit(root / ACCOUNTING, "price: 300", "price: -300")
    edit(root / MUNICIPALITIES, 'number: "3216"', "number: 3216")
    return [
        f"{BASIC}:{CAPACITY}: capacity: 0 er for lite; det må være minst 1",
        f"{ACCOUNTING}:{PRICE}: price: -300 er mindre enn null; et beløp må være 0 eller mer",
        f"{MUNICIPALITIES}:{VESTBY_NUMBER}: "
        "municipalities[1].number: '3216' skal være tekst; sett det i anførselstegn hvis det ser ut som "
        "et tall eller true/false",
    ]


def test_problems_in_several_files_are_reported_in_one_run(data_copy):
    expected = break_three_things_in_three_files(data_copy)
    assert errors_of(data_copy) == expected


# The report is one line per problem, then a summary line whose wording may change but
# which starts with the count.

def test_the_report_lists_every_problem(data_copy):
    expected = break_three_things_in_three_files(data_copy)
    assert data_errors(data_copy).report().splitlines()[:-1] == expected


def test_the_report_counts_the_problems(data_copy):
    break_three_things_in_three_files(data_copy)
    assert data_errors(data_copy).report().splitlines()[-1] == "3 feil funnet. Rett dem og kjør make check igjen."


def test_the_report_of_one_problem(data_copy):
    edit(data_copy / BASIC, "capacity: 25", "capacity: 0")
    lines = data_errors(data_copy).report().splitlines()
    assert lines == [f"{BASIC}:{CAPACITY}: capacity: 0 er for lite; det må være minst 1",
                     "1 feil funnet. Rett den og kjør make check igjen."]


def test_errors_are_data_error_records(data_copy):
    edit(data_copy / BASIC, "capacity: 25", "capacity: 0")
    assert data_errors(data_copy).errors == [
        DataError(BASIC, CAPACITY, "capacity", "0 er for lite; det må være minst 1")]


def test_a_field_problem_and_a_reference_problem_in_two_course_files_come_in_one_run(data_copy):
    edit(data_copy / BASIC, "capacity: 25", "capacity: 0")
    edit(data_copy / ACCOUNTING, "municipality: vestby", "municipality: vestbi")
    assert errors_of(data_copy) == [
        f"{BASIC}:{CAPACITY}: capacity: 0 er for lite; det må være minst 1",
        f"{ACCOUNTING}:{line_of(ACCOUNTING, 'municipality: vestby')}: "
        "venue.municipality: 'vestbi' er ikke en kjent kommune-id; "
        "de kjente er: moss, rade, valer, vestby",
    ]


def test_str_of_a_data_error():
    error = DataError("data/courses/x.yml", 14, "sessions[1].end", "17:00 is before start 18:00")
    assert str(error) == "data/courses/x.yml:14: sessions[1].end: 17:00 is before start 18:00"


def test_str_of_a_data_error_without_a_field():
    assert str(DataError("data/region.yml", 1, "", "the file is empty")) == "data/region.yml:1: the file is empty"


# --- nothing but DataErrors (every case above checks this too) -----------------------------

def test_not_utf8_is_a_clean_error(data_copy):
    file = data_copy / ACCOUNTING
    file.write_bytes(file.read_text(encoding="utf-8").encode("latin-1"))
    assert errors_of(data_copy) == [
        f"{ACCOUNTING}:{line_of(ACCOUNTING, '  nb: Hva må du føre')}: 'må' på denne linjen er ikke skrevet som UTF-8 "
        "(filen er lagret med en annen tegnkoding); lagre filen som UTF-8"]


@pytest.mark.parametrize("character", ["\x0b", "\x00", "\x1b"], ids=["vertical-tab", "nul", "escape"])
def test_an_invisible_control_character_is_a_clean_error_on_its_line(data_copy, character):
    # Pasting from a word processor can bring a vertical tab (Shift+Enter) along.
    edit(data_copy / BASIC, BASIC_TARGET_GROUP, f"  nb: {character}Deg som har en idé")
    assert [(e.file, e.line) for e in data_errors(data_copy).errors] == [(BASIC, line_of(BASIC, BASIC_TARGET_GROUP))]


def test_a_logo_outside_content_is_an_error(data_copy):
    elsewhere = data_copy / "data" / "region.yml"  # exists, but is not under content/
    edit(data_copy / ORGANISATIONS, "file: assets/logos/gammelfylket.svg", f"file: {elsewhere.as_posix()}")
    assert ([(e.file, e.line, e.field) for e in data_errors(data_copy).errors]
            == [(ORGANISATIONS, line_of(ORGANISATIONS, "file: assets/logos/gammelfylket.svg"), "organisations[0].logo.file")])


# --- what must keep loading --------------------------------------------------------------

def test_a_new_valid_course_file_loads(data_copy):
    write(data_copy, NEW, NEW_COURSE)
    assert "testkurs-2027" in [c.id for c in load(data_copy).courses]


def test_a_fee_on_a_theme_course_is_fine(data_copy):
    edit(data_copy / ACCOUNTING, "price: 300", "price: 450.50")
    course = next(c for c in load(data_copy).courses if c.id == "regnskap-og-skatt-test-2027")
    assert course.price == Decimal("450.50")


def test_a_leading_zero_never_makes_an_octal_price(data_copy):
    # YAML 1.1 reads 0300 as octal (192). Either 300 or an error on its line is fine.
    edit(data_copy / ACCOUNTING, "price: 300", "price: 0300")
    try:
        course = next(c for c in load(data_copy).courses if c.id == "regnskap-og-skatt-test-2027")
    except DataErrors as exc:
        assert [(e.file, e.line, e.field) for e in exc.errors] == [(ACCOUNTING, PRICE, "price")]
    else:
        assert course.price == Decimal("300")


# --- in the editors' language (inputs/messages.py) -------------------------------------------

def test_a_developer_gets_the_english_message_with_the_switch(data_copy, monkeypatch):
    monkeypatch.setenv("ETABLERER_MESSAGES", "en")
    edit(data_copy / BASIC, "capacity: 25", "capasity: 25")
    assert (f"{BASIC}:{CAPACITY}: capasity: 'capasity' is not a known field; did you mean 'capacity'?"
            in errors_of(data_copy))


@pytest.mark.parametrize(("kind", "message"), [
    ("float_type", "verdien 'x' passer ikke her; skriv et tall, for eksempel 20 eller 2.50"),
    ("bool_parsing", "verdien 'x' passer ikke her; skriv true eller false"),
    ("uuid_parsing", "verdien 'x' passer ikke her; hold musepekeren over feltnavnet i VS Code for å se hva "
                     "feltet skal ha"),
])
def test_a_kind_of_pydantic_error_no_data_file_has_met_is_still_said_in_bokmal(kind, message):
    # No case above reaches it (every kind the data files can give has its own message);
    # a new field type must not let pydantic's English through.
    from etablerer.inputs.loading import _message
    from etablerer.inputs.model import Course

    error = {"type": kind, "loc": ("capacity",), "input": "x", "msg": "Input should be a valid number"}
    assert _message(error, ("capacity",), Course) == message


def test_our_own_kinds_of_error_are_not_pydantics():
    """A kind of ours with a name pydantic also uses would have its message replaced by the fallback."""
    import re

    from etablerer.inputs import fieldtypes, model
    from etablerer.inputs.loading import PYDANTIC_ERRORS

    ours = {kind for module in (fieldtypes, model)
            for kind in re.findall(r'(?:_fail|PydanticCustomError)\(\s*"(\w+)"', Path(module.__file__).read_text())}
    assert {"date_format", "flag_type", "session_order"} <= ours
    assert ours & PYDANTIC_ERRORS == set()
