"""Feature: states a real site reaches render well, and the content checks pass on them.

Three builds of the fixture, each at the pinned day:

- no course at all (between seasons): the front page and the catalogue say so in every
  language, and lead to guidance and to the course calendar;
- an ordinary season: no course taught in Ukrainian, a course with one session, a course
  whose registration link is not there yet, and a real logo as a PNG;
- everything real: no sample record and no placeholder logo left: no banner, every page
  open to search engines, and the production guard lets the municipal copies be made.
"""

from __future__ import annotations

import json
from datetime import date

import pytest

from tests.support.edits import edit
from tests.support.environ import PINNED_DAY as PINNED
from tests.support.expected import language_prefix, normalise
from tests.support.project import project_copy, run_etablerer
from tests.support.site import resolve_in_copy

from .conftest import course_text, only_courses
from .promise import holds, logo_sources, real_png, real_svg

pytestmark = [pytest.mark.build, pytest.mark.slow]

COURSES = "data/courses"
FRONT_AND_CATALOGUE = ("", "kurs/")


def languages_with(site, template: str) -> list[str]:
    return [lang.code for lang in site.data.language_files.languages if site.data.language_files.has_page(lang.code,
                                                                                                         template)]


def redirects(soup) -> bool:
    return soup.find("meta", attrs={"http-equiv": "refresh"}) is not None


# --- no course at all --------------------------------------------------------------------------

@pytest.fixture(scope="module")
def without_courses(tmp_path_factory):
    root = project_copy(tmp_path_factory.mktemp("no-courses") / "project")
    only_courses(root)
    return holds(root)


def test_no_course_front_page_and_catalogue_say_so_and_lead_on(without_courses):
    site = without_courses
    assert site.data.courses == ()
    for copy in site.copies:
        copy_dir = site.copy_dir(copy)
        for lang, template in [(lang, t) for t in ("front", "catalogue") for lang in languages_with(site, t)]:
            url = language_prefix(lang) + ("" if template == "front" else "kurs/")
            page = site.page(copy, url)
            assert page.select(".et-course") == [], f"{copy}/{url}: lists a course"
            block = page.select_one(".et-no-courses")
            assert block is not None, f"{copy}/{url}: does not say there are no courses"
            targets = {resolve_in_copy(copy_dir, url + "index.html", a["href"]) for a in block.find_all("a", href=True)}
            guidance = {copy_dir / language_prefix(lang) / "veiledning" / "index.html",
                        copy_dir / "veiledning" / "index.html"}
            assert targets & guidance, f"{copy}/{url}: no link to the guidance page: {targets}"
            assert copy_dir / "kurs" / "alle-kurs.ics" in targets, f"{copy}/{url}: no link to the course calendar"
            assert all(t is not None and t.is_file() for t in targets), targets


def test_no_course_calendar_and_data_are_empty_but_there(without_courses):
    for copy in without_courses.copies:
        copy_dir = without_courses.copy_dir(copy)
        feed = (copy_dir / "kurs" / "alle-kurs.ics").read_text(encoding="utf-8")
        assert feed.startswith("BEGIN:VCALENDAR") and "BEGIN:VEVENT" not in feed
        assert json.loads((copy_dir / "embed" / "courses.json").read_text(encoding="utf-8"))["courses"] == []


# --- an ordinary season ---------------------------------------------------------------------------

ONE_SESSION = "en-kveld-test-2027"  # one session, registration link in place
NO_LINK = "uten-lenke-test-2027"  # registration open, but the link is not there yet
PNG_ORG, PNG_ALT = "statlig-innovasjon", "Innovasjon Norge"


@pytest.fixture(scope="module")
def ordinary(tmp_path_factory):
    root = project_copy(tmp_path_factory.mktemp("ordinary") / "project")
    courses = root / COURSES
    for file in courses.glob("*.yml"):  # no course taught in Ukrainian
        if "uk" in file.read_text(encoding="utf-8").split("languages: [", 1)[1].split("]", 1)[0]:
            file.unlink()
    (courses / f"{ONE_SESSION}.yml").write_text(
        course_text(ONE_SESSION, date(2027, 1, 19), deadline=date(2027, 1, 12)), encoding="utf-8")
    (courses / f"{NO_LINK}.yml").write_text(
        course_text(NO_LINK, date(2027, 1, 5), deadline=date(2026, 12, 22), url=False), encoding="utf-8")
    (root / "content" / "assets" / "logos" / "innovasjon-norge.png").write_bytes(real_png(PNG_ALT))
    edit(root / "data" / "organisations.yml",
         "      file: assets/logos/statlig-innovasjon.svg\n      alt: Innovasjon Norge\n      placeholder: true\n",
         "      file: assets/logos/innovasjon-norge.png\n      alt: Innovasjon Norge\n      placeholder: false\n")
    return holds(root)


def test_no_course_in_ukrainian(ordinary):
    site = ordinary
    assert not any("uk" in c.languages for c in site.data.courses)
    for copy in site.copies:
        copy_dir = site.copy_dir(copy)
        assert not (copy_dir / "kurs" / "sprak" / "uk").exists(), f"{copy}: an empty list of Ukrainian courses"
        front = site.page(copy, "uk/")
        assert front.select(".et-courses--own") == [], f"{copy}: uk/ offers Ukrainian courses there are none of"
        assert front.select(".et-courses .et-course"), f"{copy}: uk/ lists no course at all"
        assert site.page(copy, "pl/").select(".et-courses--own .et-course"), f"{copy}: pl/ lost its own courses"
        for lang in languages_with(site, "catalogue"):
            url = language_prefix(lang) + "kurs/"
            links = [a["href"] for a in site.page(copy, url).find_all("a", href=True)]
            assert not any("sprak/uk" in href for href in links), f"{copy}/{url}: a filter for Ukrainian courses"


def test_a_course_with_one_session(ordinary):
    for copy in ordinary.copies:
        page = ordinary.page(copy, f"kurs/{ONE_SESSION}/")
        assert len(page.select(".et-sessions li")) == 1
        calendar = (ordinary.copy_dir(copy) / "kurs" / f"{ONE_SESSION}.ics").read_text(encoding="utf-8")
        assert calendar.count("BEGIN:VEVENT") == 1
        summary = next(line for line in calendar.splitlines() if line.startswith("SUMMARY:"))
        assert summary == f"SUMMARY:Testkurs {ONE_SESSION}", "one session: no '(1 av 1)'"


def test_a_course_with_no_registration_link_yet(ordinary):
    for copy in ordinary.copies:
        copy_dir = ordinary.copy_dir(copy)
        for lang in languages_with(ordinary, "course"):
            url = language_prefix(lang) + f"kurs/{NO_LINK}/"
            page = ordinary.page(copy, url)
            external = [a["href"] for a in page.select("main a[href^='https://example.com/pamelding']")]
            assert external == [], f"{copy}/{url}: a sign-up link the data does not have"
            assert page.select("main a[href^='mailto:']"), f"{copy}/{url}: no way to ask about signing up"
        listed = json.loads((copy_dir / "embed" / "courses.json").read_text(encoding="utf-8"))
        entry = next(c for c in listed["courses"] if c["id"] == NO_LINK)
        # No link yet and the deadline ahead: not yet open (issue 19), the same state the page shows.
        assert entry["registration"]["url"] is None and entry["registration"]["open"] is False
        assert entry["registration"]["status"] == "not-yet-open"


def test_a_real_logo_as_png(ordinary):
    for copy in ordinary.copies:
        assert logo_sources(ordinary, copy, PNG_ALT) == {"innovasjon-norge.png"}
    # The CMS snippet carries its logos inside it, as data: images of the right type.
    snippet = (ordinary.copy_dir("moss") / "embed" / "snippet.html").read_text(encoding="utf-8")
    assert f'alt="{PNG_ALT}"' in snippet and "data:image/png;base64," in snippet


# --- everything real ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def real(tmp_path_factory):
    root = project_copy(tmp_path_factory.mktemp("real") / "project")
    for file in sorted((root / "data").rglob("*.yml")):
        text = file.read_text(encoding="utf-8").replace("sample: true", "sample: false")
        file.write_text(text.replace("placeholder: true", "placeholder: false"), encoding="utf-8")
    logos = root / "content" / "assets" / "logos"
    for name, words in (("gammelfylket.svg", "Viken"), ("statlig-innovasjon.svg", "Innovasjon Norge")):
        (logos / name).write_text(real_svg(words), encoding="utf-8")
    return holds(root)


def every_page(site):
    yield "index.html", site.landing()
    for copy in site.copies:
        for rel in site.html_pages(copy):
            yield f"{copy}/{rel}", site.soup_of(site.copy_dir(copy) / rel)


def test_everything_real_no_banner_anywhere(real):
    banners = {normalise(strings["sample_banner"]) for strings in real.data.language_files.interface.values()}
    shown = [where for where, soup in every_page(real)
             if soup.select(".et-banner") or any(b in normalise(soup.get_text(" ")) for b in banners)]
    assert shown == [], f"the sample banner on {len(shown)} pages: {shown[:5]}"
    for copy in real.copies:
        offer = real.page(copy, "tilbud/").get_text(" ")
        assert "(eksempel)" not in offer and "ikke bekreftet" not in offer, f"{copy}: tilbud/ still says 'example'"


def test_everything_real_pages_are_open_to_search_engines(real):
    closed = []
    for where, soup in every_page(real):
        noindex = any("noindex" in (m.get("content") or "") for m in soup.find_all("meta", attrs={"name": "robots"}))
        if redirects(soup):
            assert noindex, f"{where}: an old address must stay out of search engines"
        elif noindex:
            closed.append(where)
    assert closed == [], f"{len(closed)} pages ask not to be indexed: {closed[:5]}"
    for copy in real.copies:
        assert json.loads((real.copy_dir(copy) / "embed" / "courses.json").read_text(encoding="utf-8"))["sample"] \
            is False


def test_everything_real_the_production_guard_lets_the_copies_be_made(real):
    root = real.data.data_dir.parent
    guard = run_etablerer(root, PINNED, "production-guard")
    assert guard.returncode == 0, guard.stderr
    assert guard.stdout.strip().endswith("kommunenes kopier kan lages.")
