"""Feature: a copy works from whatever address a municipality publishes it at.

Every link inside a copy is relative and leads to a file of the copy (and to
an element with that id when it has a #fragment). The 404 page (one per
language: 404.html, en/404.html, …) is served at any depth, so its links are
absolute, under the copy's own base URL.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.support.expected import COPIES, LANGUAGES, language_prefix
from tests.support.site import EXTERNAL_SCHEMES, fragment_of, resolve_in_copy

NOT_FOUND_PAGE = "404.html"
NOT_FOUND_PAGES = {lang: language_prefix(lang) + NOT_FOUND_PAGE for lang in LANGUAGES}
URL_ATTRIBUTES = ("href", "src")


def urls_on(soup):
    """(tag, attribute, url) for every href and src (and each srcset candidate) on the page."""
    for element in soup.find_all(True):
        for attribute in URL_ATTRIBUTES:
            if element.has_attr(attribute):
                yield element.name, attribute, element[attribute].strip()
        if element.has_attr("srcset"):
            for candidate in element["srcset"].split(","):
                if candidate.strip():
                    yield element.name, "srcset", candidate.split()[0]


def is_external(url: str) -> bool:
    return url.lower().startswith(EXTERNAL_SCHEMES)


def pages_except_404(site, copy):
    return [rel for rel in site.html_pages(copy) if rel not in NOT_FOUND_PAGES.values()]


@pytest.mark.parametrize("copy", COPIES)
def test_every_language_has_its_404_page(site, copy):
    assert [lang for lang, rel in NOT_FOUND_PAGES.items() if not (site.copy_dir(copy) / rel).is_file()] == []


@pytest.mark.parametrize("copy", COPIES)
def test_every_link_inside_the_copy_is_relative(site, copy):
    rooted = [f"{rel}: <{tag} {attr}={url!r}>" for rel in pages_except_404(site, copy)
              for tag, attr, url in urls_on(site.soup_of(site.copy_dir(copy) / rel))
              if not is_external(url) and url.startswith("/")]
    assert rooted == [], f"{copy}: links starting with '/' break when the copy is published under a path"


@pytest.mark.parametrize("copy", COPIES)
def test_every_relative_link_leads_to_a_file_of_the_copy(site, copy):
    broken = []
    for rel in pages_except_404(site, copy):
        for tag, attr, url in urls_on(site.soup_of(site.copy_dir(copy) / rel)):
            if is_external(url) or url.startswith("/"):
                continue
            target = resolve_in_copy(site.copy_dir(copy), rel, url)
            if target is None or not target.is_file():
                broken.append(f"{rel}: <{tag} {attr}={url!r}>")
    assert broken == [], f"{copy}: links to no file of the copy"


@pytest.mark.parametrize("copy", COPIES)
def test_every_fragment_leads_to_an_element_with_that_id(site, copy):
    broken = []
    for rel in pages_except_404(site, copy):
        for tag, attr, url in urls_on(site.soup_of(site.copy_dir(copy) / rel)):
            if is_external(url) or url.startswith("/") or not fragment_of(url):
                continue
            target = resolve_in_copy(site.copy_dir(copy), rel, url)
            if target is None or not target.is_file() or target.suffix != ".html":
                continue  # reported by the test above
            if site.soup_of(target).find(id=fragment_of(url)) is None:
                broken.append(f"{rel}: {url!r}")
    assert broken == [], f"{copy}: #fragments with no element of that id in the target page"


def links_of_404(site, copy, lang="nb"):
    return [(tag, attr, url) for tag, attr, url in urls_on(site.page(copy, NOT_FOUND_PAGES[lang]))
            if not url.lower().startswith(("mailto:", "tel:"))]


def host_of(url: str) -> str:
    return url.split("/")[2].lower() if url.lower().startswith(("http://", "https://")) else ""


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("copy", COPIES)
def test_the_404_page_has_no_relative_links(site, copy, lang):
    relative = [f"<{tag} {attr}={url!r}>" for tag, attr, url in links_of_404(site, copy, lang)
                if not is_external(url) and not url.startswith("#")]
    assert relative == [], (f"{copy}/{NOT_FOUND_PAGES[lang]} is served at any depth: "
                            f"its links must start with {site.base_url(copy)}")


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("copy", COPIES)
def test_the_404_pages_links_to_the_copys_host_start_with_its_base_url(site, copy, lang):
    base = site.base_url(copy)
    municipality = site.municipality(copy)
    wrong = [url for tag, attr, url in links_of_404(site, copy, lang)
             if host_of(url) == host_of(base) and not url.startswith(base)
             and url not in (municipality.privacy_url, municipality.accessibility_statement_url)]
    assert wrong == [], f"{copy}/{NOT_FOUND_PAGES[lang]}: links that do not start with {base}"


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("copy", COPIES)
def test_the_404_pages_links_have_no_double_slash_after_the_base_url(site, copy, lang):
    base = site.base_url(copy)
    doubled = [url for tag, attr, url in links_of_404(site, copy, lang) if url.startswith(base + "/")]
    assert doubled == [], f"{copy}/{NOT_FOUND_PAGES[lang]}: '{base}/…' is not the address of a page of the copy"


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("copy", COPIES)
def test_the_404_pages_links_do_not_climb_out_of_the_language_folder(site, copy, lang):
    """…/en/kontakt/, not …/en/../en/kontakt/: a '..' segment in a published address is a
    detour a reader sees in the status bar, and a link checker counts as another address."""
    base = site.base_url(copy)
    climbing = [url for tag, attr, url in links_of_404(site, copy, lang)
                if url.startswith(base) and ".." in urlsplit(url).path.split("/")]
    assert climbing == [], f"{copy}/{NOT_FOUND_PAGES[lang]}: links with '..'"


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("copy", COPIES)
def test_the_404_pages_footer_links_to_contact_and_accessibility_in_its_language(site, copy, lang):
    """The page in the 404 page's language, or the bokmål one when it has no translation."""
    def address(url):
        translated = (site.copy_dir(copy) / language_prefix(lang) / url / "index.html").is_file()
        return site.base_url(copy) + (language_prefix(lang) if translated else "") + url

    hrefs = {a["href"] for a in site.page(copy, NOT_FOUND_PAGES[lang]).find("footer").find_all("a", href=True)}
    assert {address("kontakt/"), address("tilgjengelighet/")} <= hrefs, sorted(hrefs)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("copy", COPIES)
def test_the_404_pages_links_lead_to_files_of_the_copy(site, copy, lang):
    base = site.base_url(copy)
    broken = []
    for tag, attr, url in links_of_404(site, copy, lang):
        if not url.startswith(base):
            continue
        target = resolve_in_copy(site.copy_dir(copy), NOT_FOUND_PAGES[lang], url, base)
        if target is None or not target.is_file():
            broken.append(url)
    assert broken == []


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("copy", COPIES)
def test_the_404_page_links_to_the_front_page_courses_and_contact_in_its_language(site, copy, lang):
    base = site.base_url(copy) + language_prefix(lang)
    hrefs = {a["href"] for a in site.page(copy, NOT_FOUND_PAGES[lang]).find("article").find_all("a", href=True)}
    assert {base, base + "kurs/", base + "kontakt/"} <= hrefs


def test_the_landing_page_links_lead_to_the_copies(site):
    broken = [url for tag, attr, url in urls_on(site.landing())
              if not is_external(url) and not (site.out / url / "index.html").is_file()]
    assert broken == []
