"""The recipes of the editors' guide (VEILEDNING.md) that grow the site: a fifth municipality
(«Legg inn en ny kommune»), a sixth language («Legg til et nytt språk»)
(split from test_recipes.py so the test runner can run them beside it; same rules).
"""


from __future__ import annotations

import re

import pytest

from tests.support.edits import edit

from .promise import holds
from .test_recipes import AGREEMENTS, COURSES, LOGOS, MUNICIPALITIES, ORGANISATIONS, REFERRALS, REGION, read  # noqa: F401

pytestmark = [pytest.mark.build, pytest.mark.slow]

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

