"""Feature: axe-core finds no WCAG 2.1 A/AA (and 2.2 AA, best-practice) violation.

One page of each template of the fixture is checked in every state a reader can put it
in: phone and desktop width, the mobile menu and the search dialog open as well as
closed, each colour scheme the site offers; in bokmål, and the front and course pages in
Arabic too (right to left). Fragments for other sites are checked inside a plain host
page, and pages that redirect must do so at once. Every page of every language at
1280 px is a question of content: tests/content/test_every_page_axe.py sweeps the live
data's pages. axe's "incomplete" results (it could not decide) go to
test-results/axe-incomplete.json for a person to review.
"""

from __future__ import annotations

import posixpath

import pytest

from tests.support.browser import DESKTOP, PHONE
from tests.support.expected import COPY, interface

from .support import (
    FRAGMENT_HOST,
    LANGUAGES,
    RTL,
    TEMPLATE_PAGES,
    colour_schemes,
    fragments,
    redirect_pages,
    run_axe,
    site_pages,
)

pytestmark = pytest.mark.browser

# A word each language's search finds (gives results to check): bokmål's pages say "kurs";
# Arabic is searched in Arabic (its search index is its own), with the menu's word for courses.
SEARCH_WORDS = {"nb": "kurs", RTL: interface(RTL)["nav_kurs_index"]}


def failures_text(failures: list[str]) -> str:
    return f"{len(failures)} axe violation(s):\n" + "\n".join(failures)


def test_every_fragment_inside_a_host_page_has_no_violations(opener, built, incomplete_report):
    assert fragments(built.copy_dir(COPY)), "no fragment for other sites: nothing to check"
    failures = []
    # A host page has its own policy, not ours: our pages' CSP (style-src 'self') would
    # otherwise stay in force after set_content and block the snippet's style attributes.
    page = opener.context(DESKTOP, bypass_csp=True).new_page()
    for path in fragments(built.copy_dir(COPY)):
        fragment = (built.copy_dir(COPY) / path).read_text(encoding="utf-8")
        page.goto(opener.url(""), wait_until="load")  # same origin, so relative links resolve
        page.set_content(FRAGMENT_HOST.format(fragment=fragment))
        violations, incomplete = run_axe(page)
        where = f"{COPY}/{path} (fragment, inside a plain host page) [1280 px]"
        incomplete_report.add(where, incomplete)
        failures += [v.describe(where) for v in violations]
    assert not failures, failures_text(failures)


# Menu and search states that exist at each width: the menu button shows only
# on narrow screens; the search field sits in the header on wide ones. Closed at
# 1280 px is also what tests/content/test_every_page_axe.py checks on every page of
# the live data; here it is checked on the fixture's templates.
STATES = [(PHONE, "closed"), (PHONE, "menu open"), (PHONE, "search open"), (DESKTOP, "closed"),
          (DESKTOP, "search open")]
# Every template in bokmål; the front and course pages also in Arabic, the one
# right-to-left language (the other languages' pages are laid out as bokmål's).
MATRIX_PAGES = {"nb": list(TEMPLATE_PAGES), RTL: ["front", "course"]}
MATRIX = [
    pytest.param(template, TEMPLATE_PAGES[template], viewport, state, scheme, language, prefix,
                 id=f"{template}-{viewport['width']}px-{state.replace(' ', '-')}-{scheme}-{language}")
    for language, prefix in LANGUAGES if language in MATRIX_PAGES
    for template in MATRIX_PAGES[language]
    for viewport, state in STATES
    for scheme in colour_schemes()
]


def open_menu(page) -> None:
    page.locator(".et-menu-button").click()
    page.locator("#et-drawer").wait_for(state="visible")
    assert page.locator("#__drawer").is_checked()
    assert page.locator(".et-menu-button").get_attribute("aria-expanded") == "true"


def open_search(page, narrow: bool, language: str = "nb") -> None:
    if narrow:
        page.locator(".et-search-button").click()
    else:
        page.locator(".md-search__input").click()
    field = page.locator(".md-search__input")
    field.wait_for(state="visible")
    field.press_sequentially(SEARCH_WORDS[language])  # Material searches on keyup, which fill() does not send
    # Letters a US keyboard has no key for (Arabic) are typed as inserted text, with no
    # keyup: a last key that leaves the text as it is sends one, as a reader's keyboard does.
    field.press("End")
    page.locator(".md-search-result__item").first.wait_for(state="visible")
    assert page.locator("#__search").is_checked()


@pytest.mark.parametrize("template,path,viewport,state,scheme,language,prefix", MATRIX)
def test_each_template_in_every_state_has_no_violations(opener, incomplete_report, template, path, viewport,
                                                          state, scheme, language, prefix):
    page = opener.open(prefix + path, viewport=viewport)
    if len(colour_schemes()) > 1:
        page.evaluate("s => document.body.setAttribute('data-md-color-scheme', s)", scheme)
    assert page.locator("body").get_attribute("data-md-color-scheme") == scheme
    if state == "menu open":
        open_menu(page)
    elif state == "search open":
        open_search(page, narrow=viewport is PHONE, language=language)

    violations, incomplete = run_axe(page)
    where = f"{template} page {COPY}/{prefix + path} [{language}, {viewport['width']} px, {state}, {scheme}]"
    incomplete_report.add(where, incomplete)
    assert not violations, failures_text([v.describe(where) for v in violations])

    # Nothing was stored on the reader's device by opening the page, the menu or search.
    stored = page.evaluate("() => [localStorage.length, sessionStorage.length, document.cookie]")
    assert stored == [0, 0, ""], f"{where}: localStorage, sessionStorage, cookies = {stored}"


def test_pages_that_redirect_do_so_at_once_to_a_checked_page(built):
    """An old address sends the reader on with no delay (WCAG 2.2.1 allows only
    that), to a page of the copy (tests/content's sweep checks every page)."""
    copy_dir = built.copy_dir(COPY)
    checked = set(site_pages(copy_dir))
    for path, (delay, target) in redirect_pages(copy_dir).items():
        assert delay == 0, f"{path}: redirects after {delay} s; a timed redirect needs a way to stop it"
        landing = posixpath.normpath(posixpath.join(path, target)) + "/"
        assert landing in checked, f"{path}: redirects to {target}, which is not a page of the copy"
