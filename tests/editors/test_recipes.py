"""Feature: every recipe of the README's editor guide works as written.

Each recipe is carried out in a fresh copy of the fixture project the way the guide
says (its commands as `make` runs them: `python -m etablerer.newcontent course` with
TITLE=…, `python -m etablerer check`, `python -m etablerer build`), then:
`make check` exits 0, the build exits 0, and the content checks pass on what it built
(tests/content/checks.py: static_problems == []). Each also looks at the one thing the
recipe is for (the new course on the catalogue, the new logo on every page, …).

And the other way round: an edit that `make check` refuses is refused by the build too,
with the same file:line message, and nothing is built.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from tests.site.helpers import normalise

from .conftest import edit, run_etablerer
from .promise import PINNED, findings, holds, logo_sources, places, real_png, real_svg, refused

ORGANISATIONS = Path("data") / "organisations.yml"
MUNICIPALITIES = Path("data") / "municipalities.yml"
AGREEMENTS = Path("data") / "agreements.yml"
REFERRALS = Path("data") / "referrals.yml"
REGION = Path("data") / "region.yml"
COURSES = Path("data") / "courses"
LOGOS = Path("content") / "assets" / "logos"

VIKEN_LOGO = ("    logo:\n      file: assets/logos/gammelfylket.svg\n      alt: Viken fylkeskommune\n"
              "      placeholder: true\n")
INNOVASJON_LOGO = ("    logo:\n      file: assets/logos/statlig-innovasjon.svg\n      alt: Innovasjon Norge\n"
                   "      placeholder: true\n")


def read(root: Path, rel: Path | str) -> str:
    return (root / rel).read_text(encoding="utf-8")


# --- Add a course ---------------------------------------------------------------------------

def test_add_a_course_with_make_new_course_and_fill_it_in(project):
    made = run_etablerer(project, PINNED, "course", module="etablerer.newcontent", TITLE="Regnskap for nybegynnere")
    assert made.returncode == 0, made.stderr
    file = project / COURSES / "regnskap-for-nybegynnere-2027.yml"
    assert file.is_file(), made.stdout
    text = read(project, file)
    # 2. Fill in the fields, as the comments say; 3. registration.url; 5. sample: false.
    fill = {
        "\nsample: true\n": "\nsample: false\n",
        re.search(r'description: ".*"', text)[0]:
            'description: "Du lærer å føre regnskap selv: bilag, kontoplan og årsoppgjør. Vi øver på eksempler."',
        re.search(r"    date: \S+", text)[0]: "    date: 2027-03-02",
        "    end: 21:00\n": "    end: 21:00\n  - id: del-2\n    date: 2027-03-09\n    start: 18:00\n    end: 20:30\n",
        'name: "Skriv navnet på stedet"': "name: Moss bibliotek",
        'street: "Skriv gateadressen", postcode: "0000"': 'street: Kirkegata 14, postcode: "1530"',
        "  # url: https://…\n": "  url: https://www.example.no/pamelding/regnskap-for-nybegynnere-2027\n",
        re.search(r"  deadline: \S+", text)[0]: "  deadline: 2027-02-23",
        'target_group: "Skriv hvem kurset passer for."': "target_group: Deg som har startet enkeltpersonforetak.",
        "# practical: What to bring, food, parking.": "practical: Ta med PC. Vi serverer kaffe.",
        "price: 0": "price: 250",
    }
    for old, new in fill.items():
        edit(file, old, new)

    site = holds(project)

    course = next(c for c in site.data.courses if c.id == "regnskap-for-nybegynnere-2027")
    assert (course.sample, len(course.sessions), str(course.title)) == (False, 2, "Regnskap for nybegynnere")
    for copy in site.copies:
        catalogue = site.page(copy, "kurs/")
        titles = [a.get_text(strip=True) for a in catalogue.select(".et-course__title a")]
        assert "Regnskap for nybegynnere" in titles, f"{copy}: the new course is not on the catalogue"
        ics = (site.copy_dir(copy) / "kurs" / "regnskap-for-nybegynnere-2027.ics").read_text(encoding="utf-8")
        assert ics.count("BEGIN:VEVENT") == 2


# --- Change a logo ----------------------------------------------------------------------------

def test_change_a_logo_to_the_official_svg(project):
    (project / LOGOS / "viken-fylkeskommune.svg").write_text(real_svg("Viken"), encoding="utf-8")
    edit(project / ORGANISATIONS, VIKEN_LOGO, "    logo:\n      file: assets/logos/viken-fylkeskommune.svg\n"
                                              "      alt: Viken fylkeskommune\n      placeholder: false\n")

    notes = findings(project)
    # neither "is our placeholder drawing" nor "too small to read"
    assert notes and not [note for note in notes if "logo of Viken fylkeskommune" in note], notes
    site = holds(project)

    for copy in site.copies:
        assert logo_sources(site, copy, "Viken fylkeskommune") == {"viken-fylkeskommune.svg"}


def test_change_a_logo_to_a_png(project):
    (project / LOGOS / "innovasjon-norge.png").write_bytes(real_png("Innovasjon Norge"))
    edit(project / ORGANISATIONS, INNOVASJON_LOGO, "    logo:\n      file: assets/logos/innovasjon-norge.png\n"
                                                   "      alt: Innovasjon Norge\n      placeholder: false\n")

    notes = findings(project)
    # neither "is our placeholder drawing" nor "too small to read"
    assert notes and not [note for note in notes if "logo of Innovasjon Norge" in note], notes
    site = holds(project)

    for copy in site.copies:
        assert logo_sources(site, copy, "Innovasjon Norge") == {"innovasjon-norge.png"}
        png = site.copy_dir(copy) / "assets" / "logos" / "innovasjon-norge.png"
        assert png.read_bytes() == (project / LOGOS / "innovasjon-norge.png").read_bytes()


# --- Add a partner ----------------------------------------------------------------------------

def test_add_a_partner_with_a_referral_and_its_logo_on_every_page(project):
    made = run_etablerer(project, PINNED, "organisation", module="etablerer.newcontent", NAME="Gründerhuset Østfold")
    assert made.returncode == 0, made.stderr
    organisations = project / ORGANISATIONS
    head, marker, entry = read(project, ORGANISATIONS).partition("  # Added with `make new-organisation`")
    assert marker and "id: grunderhuset-ostfold" in entry, "the new entry is not at the end of organisations.yml"
    # 2. kind, role and url; 4. a logo, as the agreement's visibility rule will name it; 5. sample: false.
    for old, new in {
        "kind: other": "kind: company",
        re.search(r"role: \".*\"", entry)[0]: "role: kontorplasser og nettverk for gründere i Østfold",
        "# url: https://…": "url: https://www.grunderhuset.example.no/",
        "    # logo:\n    #   file: assets/logos/grunderhuset-ostfold.svg\n    #   alt: \"Gründerhuset Østfold\"\n"
        "    #   placeholder: false\n":
            "    logo:\n      file: assets/logos/grunderhuset-ostfold.svg\n      alt: Gründerhuset Østfold\n"
            "      placeholder: false\n",
        "    sample: true\n": "    sample: false\n",
    }.items():
        assert entry.count(old) == 1, f"the new entry has no single {old!r}:\n{entry}"
        entry = entry.replace(old, new)
    organisations.write_text(head + marker + entry, encoding="utf-8")
    (project / LOGOS / "grunderhuset-ostfold.svg").write_text(real_svg("Gründerhuset"), encoding="utf-8")
    # 3. A referral under a situation, with today's date.
    edit(project / REFERRALS, "\n  - id: dagpenger-aap\n",
         "\n      - organisation: grunderhuset-ostfold\n"
         "        what: Kontorplass og faglige møter med andre som har startet bedrift.\n"
         "        url: https://www.grunderhuset.example.no/kontorplass\n"
         "        checked: 2026-11-27\n"
         "  - id: dagpenger-aap\n")
    # 4. The agreement's visibility rule names it.
    edit(project / AGREEMENTS, "      organisations: [gammelfylket, statlig-innovasjon]",
         "      organisations: [gammelfylket, statlig-innovasjon, grunderhuset-ostfold]")

    site = holds(project)

    for copy in site.copies:
        assert logo_sources(site, copy, "Gründerhuset Østfold") == {"grunderhuset-ostfold.svg"}
        help_page = site.page(copy, "hjelp/")
        links = [a["href"] for a in help_page.find_all("a", href=True)]
        assert "https://www.grunderhuset.example.no/kontorplass" in links, f"{copy}: the referral is not listed"


# --- Add a municipality -------------------------------------------------------------------------

HVALER = """\
  - id: hvaler
    name: Hvaler
    number: "3110"
    counties:
      - county: gammelfylket
        period: {start: 2020-01-01, end: 2023-12-31}
      - county: sorfylket
        period: {start: 2024-01-01}
    populations:
      - count: 4805
        date: 2021-07-01
        source: SSB, innbyggertall 1.7.2021
    base_url: https://www.hvaler.example.com/etablerertjenesten/
    accessibility_statement_url: https://uustatus.no/nb/erklaringar/publisert/eksempel-hvaler
    privacy_url: https://www.hvaler.example.com/personvern/
    sample: true
"""
HVALER_COURSE = """\
# A course held in the fifth municipality.
sample: true
id: regnskap-hvaler-test-2027
title: Regnskap på Hvaler
kind: theme
description: Hva må du føre, og når skal du betale skatt? Et kveldskurs på Hvaler.
sessions:
  - id: kveld
    date: 2027-04-20
    start: 18:00
    end: 21:00
format: onsite
venue:
  name: Hvaler kulturhus
  address: {street: Skjærhalden 1, postcode: "1680", city: Skjærhalden}
  municipality: hvaler
languages: [nb]
price: 0
capacity: 20
registration:
  url: https://www.example.no/pamelding/regnskap-hvaler-test-2027
  deadline: 2027-04-13
target_group: Deg som har startet bedrift på Hvaler.
"""


def test_add_a_fifth_municipality_gets_its_own_copy(project):
    municipalities = project / MUNICIPALITIES
    municipalities.write_text(read(project, MUNICIPALITIES).rstrip("\n") + "\n" + HVALER, encoding="utf-8")
    edit(project / AGREEMENTS, "      municipalities: [moss, vestby, rade, valer]",
         "      municipalities: [moss, vestby, rade, valer, hvaler]")
    (project / COURSES / "regnskap-hvaler-test-2027.yml").write_text(HVALER_COURSE, encoding="utf-8")

    site = holds(project)

    assert site.copies == ["moss", "vestby", "rade", "valer", "hvaler"]
    assert (site.copy_dir("hvaler") / "index.html").is_file(), "no copy for Hvaler"
    landing = [a["href"] for a in site.landing().find_all("a", href=True)]
    assert any(href.rstrip("/").endswith("hvaler") for href in landing), landing
    for copy in site.copies:
        front = site.page(copy, "")
        assert "Hvaler" in front.select_one(".et-lead").get_text(), f"{copy}: the front page leaves Hvaler out"
        listing = site.page(copy, "kurs/kommune/hvaler/")
        titles = [a.get_text(strip=True) for a in listing.select(".et-course__title a")]
        assert titles == ["Regnskap på Hvaler"], f"{copy}: kurs/kommune/hvaler/ lists {titles}"


# --- Add a language --------------------------------------------------------------------------------

LITHUANIAN = {  # a few strings translated; the guide's translator does them all
    "nav_index": "Pradžia",
    "sample_banner": "Pavyzdinis turinys – ne tikri kursai ir ne tikri kontaktai.",
    "in_norwegian": "norvegiškai",
}
LT_LEAD = "Norite pradėti verslą? Patarimai ir kursai nemokami."


def test_add_a_sixth_language_as_the_guide_describes(project):
    # 1. The code in data/region.yml, bokmål first.
    edit(project / REGION, "languages: [nb, en, uk, pl, ar]", "languages: [nb, en, uk, pl, ar, lt]")
    # 2. languages/lt/interface.yml: a copy of bokmål's, review: drafted at the top, texts translated.
    target = project / "languages" / "lt"
    (target / "pages").mkdir(parents=True)
    strings = read(project, "languages/nb/interface.yml")
    for key, text in LITHUANIAN.items():
        strings, count = re.subn(rf"(?m)^{key}: .*$", f"{key}: {text}", strings)
        assert count == 1, key
    (target / "interface.yml").write_text("review: drafted\n" + strings, encoding="utf-8")
    # 3. One generated page translated: front matter review: drafted, only the words changed.
    front = read(project, "languages/nb/pages/front.md")
    lead = re.search(r'<p class="et-lead">.*</p>', front)[0]
    (target / "pages" / "front.md").write_text(
        "---\nreview: drafted\n---\n" + front.replace(lead, f'<p class="et-lead">{LT_LEAD}</p>'), encoding="utf-8")
    # 4. An editorial page.
    (project / "content" / "lt").mkdir()
    glossary = read(project, "content/ordliste.md").replace("# Ord og uttrykk", "# Žodžiai ir posakiai", 1)
    (project / "content" / "lt" / "ordliste.md").write_text(glossary, encoding="utf-8")
    # 5. A data text with its translation beside the bokmål, and its review status.
    course = project / COURSES / "etablererkurs-var-test-2027.yml"  # on the front page: one of the next three
    edit(course, "review: {en: drafted, uk: drafted, pl: drafted, ar: drafted}",
         "review: {en: drafted, uk: drafted, pl: drafted, ar: drafted, lt: drafted}")
    edit(course, "  ar: دورة تأسيس المشاريع، ربيع 2027\n",
         "  ar: دورة تأسيس المشاريع، ربيع 2027\n  lt: Verslo pradžios kursai, 2027 m. pavasaris\n")

    site = holds(project)

    for copy in site.copies:
        page = site.page(copy, "lt/")
        assert page.html.get("lang") == "lt", f"{copy}: lt/ is not marked as Lithuanian"
        assert LT_LEAD in page.get_text(" "), f"{copy}: lt/ is not the translated front page"
        assert LITHUANIAN["sample_banner"] in page.get_text(" "), f"{copy}: lt/ does not use lt/interface.yml"
        assert "Verslo pradžios kursai, 2027 m. pavasaris" in page.get_text(" "), f"{copy}: the course title in lt"
        assert (site.copy_dir(copy) / "lt" / "ordliste" / "index.html").is_file(), f"{copy}: no lt/ordliste/"
        assert not (site.copy_dir(copy) / "lt" / "kontakt").exists(), f"{copy}: an untranslated page in lt/"
    report = (site.out / "_report" / "translations.txt").read_text(encoding="utf-8")
    assert re.search(r"(?m)^lt\b", report), report[:500]


# --- Sample flags ------------------------------------------------------------------------------------

def test_set_sample_false_on_every_record(project):
    changed = 0
    for file in sorted((project / "data").rglob("*.yml")):
        text, count = re.subn(r"(?m)^(\s*)sample: true$", r"\1sample: false", file.read_text(encoding="utf-8"))
        file.write_text(text, encoding="utf-8")
        changed += count
    assert changed > 10, "the fixture should have many sample records"

    site = holds(project)

    # What is left: the two placeholder logos. The guard names exactly those, and the banner stays.
    guard = run_etablerer(project, PINNED, "production-guard")
    assert guard.returncode == 1, guard.stdout
    listed = re.findall(r"(?m)^  (\S+:\d+)$", guard.stderr)
    organisations = yaml.safe_load(read(project, ORGANISATIONS))["organisations"]
    placeholders = [o for o in organisations if (o.get("logo") or {}).get("placeholder")]
    assert len(listed) == len(placeholders) == 2 and all(p.startswith("data/organisations.yml:") for p in listed), \
        guard.stderr
    banner = normalise(site.data.language_files.interface["nb"]["sample_banner"])
    for copy in site.copies:
        assert banner in normalise(site.page(copy, "").get_text(" ")), f"{copy}: placeholder logos remain: " \
                                                                      "the banner must stay"


# --- Rename and delete a course --------------------------------------------------------------------------

def test_rename_a_course_with_former_ids(project):
    # A course renamed before is renamed again: both old addresses lead to the new page.
    course = project / COURSES / "prising-og-budsjett-test-2027.yml"
    edit(course, "id: prising-og-budsjett-test-2027", "id: prising-budsjett-og-lonnsomhet-test-2027")
    edit(course, "former_ids: [prisregning-test-2027]",
         "former_ids: [prisregning-test-2027, prising-og-budsjett-test-2027]")

    site = holds(project)

    for copy in site.copies:
        for old in ("prisregning-test-2027", "prising-og-budsjett-test-2027"):
            refresh = site.page(copy, f"kurs/{old}/").find("meta", attrs={"http-equiv": "refresh"})
            assert refresh is not None, f"{copy}: kurs/{old}/ does not redirect"
            assert refresh["content"].endswith("prising-budsjett-og-lonnsomhet-test-2027/"), refresh["content"]
        assert (site.copy_dir(copy) / "kurs" / "prising-budsjett-og-lonnsomhet-test-2027.ics").is_file()
        assert not (site.copy_dir(copy) / "kurs" / "prising-og-budsjett-test-2027.ics").exists()


def test_delete_a_course(project):
    (project / COURSES / "markedsforing-test-2027.yml").unlink()

    site = holds(project)

    assert "markedsforing-test-2027" not in [c.id for c in site.data.courses]
    for copy in site.copies:
        gone = [p.relative_to(site.out).as_posix() for p in site.copy_dir(copy).rglob("*markedsforing-test-2027*")]
        assert gone == [], f"files of the deleted course are still built: {gone}"
        courses_json = (site.copy_dir(copy) / "embed" / "courses.json").read_text(encoding="utf-8")
        assert "markedsforing-test-2027" not in courses_json


# --- An edit check refuses: the build refuses it the same way -------------------------------------------

def test_a_misspelt_municipality_is_refused_by_check_and_build_alike(project):
    edit(project / COURSES / "regnskap-og-skatt-test-2027.yml", "  municipality: vestby", "  municipality: vesbty")

    check, build = refused(project)

    expected = ("data/courses/regnskap-og-skatt-test-2027.yml:21: venue.municipality: 'vesbty' is not a known "
                "municipality id; known: moss, rade, valer, vestby")
    assert places(check) == [expected], check
    assert places(build) == places(check), build
