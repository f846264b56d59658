"""Feature: search loads when the reader starts to use it, not with every page (issue 9).

content/assets/et-lazy-search.js, loaded before Material's bundle, holds back the
search index, the search worker and the worker's lunr files until search is used.

- A first visit to a page, in every language, requests none of them (recorded
  until the network is idle), while Material's script runs as usual.
- Each way of starting to search loads them and finds: a click in the field
  (1280 px), the search button (375 px), Material's keyboard shortcut, a page
  opened with ?q=; ?h= marks the words on the page. In bokmål, Ukrainian and
  the other languages (each has its own index). No CSP violation, no request to
  another host, nothing stored on the reader's device.
- A query typed before the index has arrived (the test holds it back) is
  answered once it arrives.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.support.browser import DESKTOP, NOT_FOUND_PATH, PHONE
from tests.support.expected import interface

from .support import LANGUAGES
from .test_csp import RECORDER, violations

pytestmark = pytest.mark.browser

# A word each language's search finds: bokmål's pages say "kurs"; the other languages
# are searched in their own words (their indexes are their own), the menu's word for courses.
WORDS = {code: "kurs" if code == "nb" else interface(code)["nav_kurs_index"] for code, _ in LANGUAGES}
PREFIX = dict(LANGUAGES)


def is_search(url: str) -> bool:
    """The search index, the search worker or one of lunr's files."""
    path = urlsplit(url).path
    return (path.endswith("/search/search_index.json") or "/javascripts/workers/search." in path
            or "/javascripts/lunr/" in path)


class Visit:
    """One page in a fresh context, every request and CSP violation recorded."""

    def __init__(self, opener, path: str, viewport=DESKTOP, query: str = ""):
        self.opener = opener
        self.requests: list[str] = []
        context = opener.context(viewport)
        context.add_init_script(RECORDER)
        context.on("request", lambda request: self.requests.append(request.url))
        self.context = context
        self.page = context.new_page()
        self.page.goto(opener.url(path) + query, wait_until="load")

    def search_requests(self) -> list[str]:
        return [url for url in self.requests if is_search(url)]

    def elsewhere(self) -> list[str]:
        own = (self.opener.server.origin + "/", self.opener.base_url)
        return [url for url in self.requests if not url.startswith(own) and not url.startswith("data:")]

    def assert_clean(self, where: str) -> None:
        assert violations(self.page) == [], where
        assert self.elsewhere() == [], where
        stored = self.page.evaluate("() => [localStorage.length, sessionStorage.length, document.cookie]")
        assert stored == [0, 0, ""], f"{where}: localStorage, sessionStorage, cookies = {stored}"


def type_word(page, word: str) -> None:
    page.keyboard.type(word)
    # Letters a US keyboard has no key for are typed as inserted text, with no keyup;
    # Material searches on keyup, so a key that changes nothing sends one, as a keyboard does.
    page.keyboard.press("End")


def results(page) -> int:
    page.locator(".md-search-result__item").first.wait_for(state="visible")
    return page.locator(".md-search-result__item").count()


# --- a first visit -------------------------------------------------------------------

FIRST_VISITS = [pytest.param(prefix + path, id=f"{code}-{path or 'front'}")
                for code, prefix in LANGUAGES for path in ("", "kurs/")]
FIRST_VISITS.append(pytest.param(NOT_FOUND_PATH, id="nb-404"))


@pytest.mark.parametrize("path", FIRST_VISITS)
def test_a_first_visit_requests_no_part_of_search(opener, path):
    visit = Visit(opener, path, PHONE)
    visit.page.wait_for_load_state("networkidle")
    where = f"{path or '(front page)'}"
    assert visit.page.evaluate("document.documentElement.classList.contains('js')"), "Material's script did not run"
    assert any(urlsplit(url).path.endswith("/assets/et-lazy-search.js") for url in visit.requests), where
    assert visit.page.locator("form[name=search] .md-search__input").count() == 1, f"{where}: no search field"
    assert visit.search_requests() == [], f"{where}: search loaded before it was used"
    visit.assert_clean(where)


# --- starting to search -------------------------------------------------------------------

def by_field(page) -> None:
    page.locator(".md-search__input").click()


def by_button(page) -> None:
    page.locator(".et-search-button").click()


def by_shortcut(page) -> None:
    page.keyboard.press("s")  # Material's shortcut (f, s and /): focus in the search field


WAYS = {"field": (by_field, DESKTOP), "button": (by_button, PHONE), "shortcut": (by_shortcut, DESKTOP)}
CASES = [("nb", way) for way in WAYS] + [("uk", way) for way in WAYS] + \
        [(code, "field") for code, _ in LANGUAGES if code not in ("nb", "uk")]


@pytest.mark.parametrize("code,way", CASES, ids=[f"{code}-{way}" for code, way in CASES])
def test_search_loads_when_it_is_used_and_finds(opener, code, way):
    start, viewport = WAYS[way]
    visit = Visit(opener, PREFIX[code] + "kurs/", viewport)
    page = visit.page
    assert visit.search_requests() == [], "search loaded before it was used"
    start(page)
    # Material opens search on the field's focus (an observable of its own): wait for it, as a reader would.
    page.wait_for_function("() => document.getElementById('__search').checked")
    assert page.evaluate("document.activeElement.matches('.md-search__input')"), "focus should be in the field"
    type_word(page, WORDS[code])
    assert results(page) > 0, f"{code}: searching {WORDS[code]!r} found nothing"
    requested = visit.search_requests()
    assert any(url.endswith(f"/{PREFIX[code]}search/search_index.json") for url in requested), requested
    assert any("/javascripts/workers/search." in url for url in requested), requested
    if code == "nb":  # lunr's Norwegian stemmer, loaded by the worker (other languages use lunr's own English)
        assert any(url.endswith("/lunr/min/lunr.no.min.js") for url in requested), requested
    page.wait_for_load_state("networkidle")
    visit.assert_clean(f"{code}, {way}")


def test_a_page_opened_with_a_query_searches_at_once(opener):
    """Material puts ?q= in the field and searches at once. (It opens the search toggle too, which
    et-a11y.js's reset of the toggles at load closes again: so it was before search loaded lazily.)"""
    visit = Visit(opener, "", DESKTOP, query="?q=kurs")
    page = visit.page
    page.locator(".md-search-result__item").first.wait_for(state="attached")
    assert page.locator(".md-search__input").input_value() == "kurs"
    assert any(url.endswith("/search/search_index.json") for url in visit.search_requests())
    visit.assert_clean("?q=kurs")


def test_a_page_opened_with_words_to_mark_marks_them(opener):
    visit = Visit(opener, "kurs/", DESKTOP, query="?h=kurs")
    visit.page.locator("article mark").first.wait_for(state="visible")
    assert "kurs" in visit.page.locator("article mark").first.inner_text().lower()
    visit.assert_clean("?h=kurs")


# --- a query typed while the index is on its way -------------------------------------------

@pytest.mark.parametrize("code", ["nb", "uk"])
def test_a_query_typed_before_the_index_arrives_is_answered(opener, code):
    visit = Visit(opener, PREFIX[code], PHONE)
    page = visit.page
    held = []
    # Registered after the copy's routing, so it is asked first: the index waits here.
    visit.context.route("**/search/search_index.json", lambda route: held.append(route))
    initial = page.locator(".md-search-result__meta").text_content()
    by_button(page)
    type_word(page, WORDS[code])
    for _ in range(50):
        if held:
            break
        page.wait_for_timeout(100)
    assert len(held) == 1, "opening search should request the index (once)"
    assert page.locator(".md-search-result__item").count() == 0
    assert page.locator(".md-search-result__meta").text_content() == initial, "searched without an index?"
    held[0].fallback()
    assert results(page) > 0, f"{code}: the query typed before the index arrived found nothing"
    assert page.locator(".md-search__input").input_value() == WORDS[code]
    page.wait_for_load_state("networkidle")
    visit.assert_clean(f"{code}, query typed before the index")
