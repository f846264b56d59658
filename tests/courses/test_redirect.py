"""Feature: a renamed course keeps its old address working, because people share course links.

data/courses/prising-og-budsjett-test-2027.yml lists former_ids: [prisregning-test-2027].
The old address is a page that sends the reader on (a relative meta refresh
and a plain link) and asks search engines not to index it.
"""

from __future__ import annotations

import posixpath

import pytest

from tests.support.expected import COPIES, LANGUAGES, language_prefix
from tests.support.site import resolve_in_copy

from .helpers import RENAMED

OLD, NEW = RENAMED


def redirect_page(site, copy):
    return site.page(copy, f"kurs/{OLD}/")


def refresh_target(soup) -> str:
    [refresh] = soup.find_all("meta", attrs={"http-equiv": "refresh"})
    delay, _, rest = refresh["content"].partition(";")
    assert delay.strip() == "0"
    key, _, url = rest.strip().partition("=")
    assert key.lower() == "url"
    return url


def test_the_renamed_course_names_its_former_id(data):
    course = next(c for c in data.courses if c.id == NEW)
    assert OLD in course.former_ids


@pytest.mark.parametrize("copy", COPIES)
def test_the_old_address_refreshes_to_the_new_page_relatively(site, copy):
    url = refresh_target(redirect_page(site, copy))
    assert url == f"../{NEW}/"
    target = resolve_in_copy(site.copy_dir(copy), f"kurs/{OLD}/index.html", url)
    assert target == site.copy_dir(copy) / "kurs" / NEW / "index.html" and target.is_file()


@pytest.mark.parametrize("copy", COPIES)
def test_the_old_address_has_a_plain_link_to_the_new_page(site, data, copy):
    title = next(c.title for c in data.courses if c.id == NEW)
    links = [a for a in redirect_page(site, copy).find("article").find_all("a", href=True)
             if a["href"] == f"../{NEW}/"]
    assert links and title in links[0].get_text()


@pytest.mark.parametrize("copy", COPIES)
def test_the_old_address_is_not_indexed(site, copy):
    robots = [m.get("content", "") for m in redirect_page(site, copy).find_all("meta", attrs={"name": "robots"})]
    assert robots == ["noindex"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_old_address_in_each_language_refreshes_to_that_languages_new_page(site, lang):
    old = f"{language_prefix(lang)}kurs/{OLD}/"
    soup = site.page(COPIES[0], old)
    robots = [m.get("content", "") for m in soup.find_all("meta", attrs={"name": "robots"})]
    url = refresh_target(soup)
    target = resolve_in_copy(site.copy_dir(COPIES[0]), old + "index.html", url)
    assert (url, robots) == (f"../{NEW}/", ["noindex"])
    assert target == site.copy_dir(COPIES[0]) / f"{language_prefix(lang)}kurs" / NEW / "index.html"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_old_address_is_left_out_of_the_search_index(site, lang):
    import json

    # One search index per language: <copy>/search/ for bokmål, <copy>/<code>/search/ for the others,
    # with locations relative to that language's root.
    folder = site.copy_dir(COPIES[0]) / language_prefix(lang) / "search"
    index = json.loads((folder / "search_index.json").read_text(encoding="utf-8"))
    locations = [d["location"] for d in index["docs"]]
    assert [loc for loc in locations if loc.startswith(f"kurs/{NEW}/")]  # the index does hold the course pages
    assert not [loc for loc in locations if loc.startswith(f"kurs/{OLD}/")]


def test_the_new_page_does_not_refresh(site):
    assert site.page(COPIES[0], f"kurs/{NEW}/").find("meta", attrs={"http-equiv": "refresh"}) is None


def test_only_old_addresses_refresh(site):
    # The old address in every language: every language has the redirect page's template.
    refreshing = [rel for rel in site.html_pages(COPIES[0])
                  if site.soup_of(site.copy_dir(COPIES[0]) / rel).find("meta", attrs={"http-equiv": "refresh"})]
    assert refreshing == sorted(language_prefix(lang) + posixpath.join("kurs", OLD, "index.html")
                                for lang in LANGUAGES)
