"""Feature: every page of the service exists in every municipal copy.

Each page has one main heading, and the browser tab (<title>) names both the
page and the service, so a reader with many tabs or a screen reader knows
where they are.
"""

from __future__ import annotations

import pytest

from tests.support.expected import (
    COPIES,
    COURSE_IDS,
    LANGUAGES,
    PINNED_DAY_LONG,
    RTL_LANGUAGES,
    SITE_NAME,
    interface_text,
    language_of,
    language_prefix,
    normalise,
    text_of,
)

# The pages the issue asks for, with the heading a reader sees first.
# The browser tab names the page by this heading, or by its name in the menu.
FIXED_PAGES: dict[str, str] = {
    "": SITE_NAME,  # the front page is headed with the service's name
    "start-her/": "Start her",
    "kurs/": "Kurs",
    "veiledning/": "Veiledning",
    "tilbud/": "Dette tilbyr vi",
    "hjelp/": "Hvem kan hjelpe deg?",
    "om/": "Om tjenesten",
    "kontakt/": "Kontakt oss",
    "tilgjengelighet/": "Tilgjengelighet",
    "personvern/": "Personvern",
    "ordliste/": "Ord og uttrykk",
    "404.html": "Siden finnes ikke",
}
MENU_NAMES: dict[str, str] = {"kontakt/": "Kontakt"}
COURSE_PAGES = [f"kurs/{course_id}/" for course_id in COURSE_IDS]
ALL_PAGES = [*FIXED_PAGES, *COURSE_PAGES]


def expected_heading(site, url: str) -> str:
    if url in FIXED_PAGES:
        return FIXED_PAGES[url]
    course_id = url.split("/")[1]
    return next(c.title for c in site.data.courses if c.id == course_id)


def headings(soup) -> list[str]:
    return [text_of(h1) for h1 in soup.find_all("h1")]


def page_title(soup) -> str:
    return normalise(soup.title.string or "") if soup.title else ""


def test_there_is_a_course_page_for_every_file_in_data_courses(site):
    assert sorted(c.id for c in site.data.courses) == sorted(COURSE_IDS)


@pytest.mark.parametrize("copy", COPIES)
@pytest.mark.parametrize("url", ALL_PAGES)
def test_the_page_exists(site, copy, url):
    assert site.file(copy, url).is_file(), f"{copy}/{url} was not built"


@pytest.mark.parametrize("copy", COPIES)
@pytest.mark.parametrize("url", ALL_PAGES)
def test_the_page_has_one_main_heading_that_names_it(site, copy, url):
    assert headings(site.page(copy, url)) == [expected_heading(site, url)]


@pytest.mark.parametrize("copy", COPIES)
@pytest.mark.parametrize("url", ALL_PAGES)
def test_the_browser_tab_names_the_page_and_the_service(site, copy, url):
    title = page_title(site.page(copy, url))
    page_names = {expected_heading(site, url), MENU_NAMES.get(url, expected_heading(site, url))}
    assert any(name in title for name in page_names) and SITE_NAME in title, (
        f"{copy}/{url}: <title> is {title!r}; it should name the page ({' or '.join(sorted(page_names))!r}) "
        f"and the service ({SITE_NAME!r})")


@pytest.mark.parametrize("copy", COPIES)
def test_every_language_has_pages_in_the_copy(site, copy):
    assert {language_of(rel) for rel in site.html_pages(copy)} == set(LANGUAGES)


@pytest.mark.parametrize("copy", COPIES)
def test_every_page_is_marked_with_its_language_and_direction(site, copy):
    """Bokmål at the root of the copy, every other language under <copy>/<code>/."""
    wrong = {}
    for rel in site.html_pages(copy):
        html = site.soup_of(site.copy_dir(copy) / rel).html
        lang = language_of(rel)
        expected = (lang, "rtl" if lang in RTL_LANGUAGES else "ltr")
        found = (html.get("lang"), html.get("dir", "ltr"))  # no dir attribute: left to right
        if found != expected:
            wrong[rel] = f"lang={html.get('lang')!r} dir={html.get('dir')!r}, expected {expected}"
    assert wrong == {}, f"pages not marked with the language of their folder in {copy}: {wrong}"


@pytest.mark.parametrize("copy", COPIES)
def test_every_bokmal_page_is_marked_as_norwegian_bokmal(site, copy):
    wrong = {rel: site.soup_of(site.copy_dir(copy) / rel).html.get("lang")
             for rel in site.html_pages(copy) if language_of(rel) == "nb"
             if site.soup_of(site.copy_dir(copy) / rel).html.get("lang") != "nb"}
    assert wrong == {}, f"pages without <html lang=\"nb\"> in {copy}: {wrong}"


def test_the_landing_page_is_marked_as_norwegian_bokmal(site):
    assert site.landing().html.get("lang") == "nb"


def test_the_landing_page_links_to_every_copy(site):
    links = {a["href"] for a in site.landing().find_all("a", href=True)}
    assert links >= {f"{copy}/" for copy in site.copies}


def test_the_build_makes_one_folder_per_municipality_and_the_landing_page(site):
    made = sorted(p.name for p in site.out.iterdir())
    # manifest: tests/publishing; _report (content health, never published): tests/editors
    assert made == sorted([*site.copies, "index.html", "manifest.json", "_report"])


@pytest.mark.parametrize("copy", COPIES)
def test_the_footer_gives_the_as_of_date_of_the_build(site, copy):
    assert "Sist oppdatert 27. november 2026" in text_of(site.page(copy, "om/").find("footer"))


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("copy", COPIES)
def test_the_footer_gives_the_as_of_date_of_the_build_in_the_pages_language(site, copy, lang):
    """In the words of languages/<lang>/interface.yml (updated:), the date as that language writes it."""
    expected = interface_text(lang, "updated", date=PINNED_DAY_LONG[lang])
    assert expected in text_of(site.page(copy, language_prefix(lang) + "kontakt/").find("footer"))
