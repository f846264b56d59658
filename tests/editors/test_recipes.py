"""Feature: every recipe of the editors' guide (VEILEDNING.md) works as written.

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

import pytest

from tests.support.edits import edit
from tests.support.environ import PINNED_DAY as PINNED
from tests.support.project import run_etablerer

from .promise import findings, holds, logo_sources, real_png, real_svg

pytestmark = [pytest.mark.build, pytest.mark.slow]

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


# --- «Legg inn et nytt kurs» (add a course) -------------------------------------------------------

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
        "# practical: Hva du skal ta med, mat, parkering.": "practical: Ta med PC. Vi serverer kaffe.",
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


# --- «Bytt logo» (change a logo) ------------------------------------------------------------------

def change_logo(project: Path, old_block: str, name: str, payload: bytes, alt: str):
    """The guide's «Bytt logo»: the official file under content/assets/logos/, its path in
    data/organisations.yml, placeholder: false. Returns the site, checked and built."""
    (project / LOGOS / name).write_bytes(payload)
    edit(project / ORGANISATIONS, old_block, f"    logo:\n      file: assets/logos/{name}\n"
                                             f"      alt: {alt}\n      placeholder: false\n")
    notes = findings(project)
    # neither "is our placeholder drawing" nor "too small to read"
    assert notes and not [note for note in notes if f"logo of {alt}" in note], notes
    site = holds(project)
    for copy in site.copies:
        assert logo_sources(site, copy, alt) == {name}
        assert (site.copy_dir(copy) / "assets" / "logos" / name).read_bytes() == payload
    return site


def test_change_a_logo_to_the_official_svg(project):
    change_logo(project, VIKEN_LOGO, "viken-fylkeskommune.svg", real_svg("Viken").encode("utf-8"),
                "Viken fylkeskommune")


def test_change_a_logo_to_a_png(project):
    change_logo(project, INNOVASJON_LOGO, "innovasjon-norge.png", real_png("Innovasjon Norge"), "Innovasjon Norge")


# --- «Legg inn en ny samarbeidspartner» (add a partner) -------------------------------------------

def test_add_a_partner_with_a_referral_and_its_logo_on_every_page(project):
    made = run_etablerer(project, PINNED, "organisation", module="etablerer.newcontent", NAME="Gründerhuset Østfold")
    assert made.returncode == 0, made.stderr
    organisations = project / ORGANISATIONS
    head, marker, entry = read(project, ORGANISATIONS).partition("  # Lagt til med `make new-organisation`")
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
