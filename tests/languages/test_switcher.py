"""Feature: every page lets the reader change language.

<nav class="et-languages"> holds one link per language of the site, named in
that language (Norsk bokmål, English, Українська, Polski, العربية), with
hreflang and lang; the current language has aria-current="page". Each link
leads (by a relative URL) to the same page in that language when it exists,
else to that language's front page. (Keyboard: test_in_the_browser.py.)
"""

from __future__ import annotations

import re

import pytest

from tests.support.expected import COPY as THE_COPY
from tests.support.expected import LANGUAGES as CODES
from tests.support.expected import NOT_FOUND, OWN_NAMES, base_url, text_of
from tests.support.expected import language_prefix as prefix
from tests.support.expected import split_language as language_of
from tests.support.site import language_pages
from tests.support.site import resolve_rel as resolve


def switcher_links(soup):
    navs = soup.find_all("nav", class_="et-languages")
    return navs, [a for nav in navs for a in nav.find_all("a")]


def site_pages(pages):
    return {rel: soup for rel, soup in pages.items() if language_of(rel)[1] != NOT_FOUND}


def test_the_own_names_are_those_of_the_sites_languages():
    assert set(OWN_NAMES) == set(CODES), "a language of data/region.yml has no own name written out here"


def test_every_page_has_one_switcher_with_one_link_per_language(pages):
    wrong = []
    for rel, soup in site_pages(pages).items():
        navs, links = switcher_links(soup)
        if len(navs) != 1:
            wrong.append(f"{rel}: {len(navs)} nav.et-languages")
            continue
        found = [(a.get("hreflang"), a.get("lang"), text_of(a)) for a in links]
        expected = [(c, c, OWN_NAMES[c]) for c in CODES]
        if found != expected:
            wrong.append(f"{rel}: {found}")
    assert wrong == [], "expected (hreflang, lang, own name) per language:\n" + "\n".join(wrong[:10])


def test_the_current_language_is_marked_and_only_it(pages):
    wrong = []
    for rel, soup in site_pages(pages).items():
        code, _ = language_of(rel)
        current = [a.get("hreflang") for a in switcher_links(soup)[1] if a.get("aria-current") == "page"]
        if current != [code]:
            wrong.append(f"{rel}: aria-current on {current}, expected [{code!r}]")
    assert wrong == [], "\n".join(wrong[:10])


def test_each_link_leads_to_the_same_page_or_that_languages_front_page(pages, copy_dir):
    existing = language_pages(copy_dir)
    wrong, to_front = [], 0
    for rel, soup in site_pages(pages).items():
        _, inner = language_of(rel)
        for a in switcher_links(soup)[1]:
            code, href = a.get("hreflang"), a.get("href", "")
            if re.match(r"^[a-z][a-z0-9+.-]*:|^/", href):
                wrong.append(f"{rel}: {code} link is not relative: {href!r}")
                continue
            expected = prefix(code) + (inner if inner in existing.get(code, ()) else "index.html")
            to_front += inner not in existing.get(code, ())
            target = resolve(copy_dir, rel, href)
            if target != expected:
                wrong.append(f"{rel}: {code} link {href!r} leads to {target!r}, expected {expected!r}")
    assert to_front > 0, "no page without a translation: the front-page rule is not exercised"
    assert wrong == [], "\n".join(wrong[:20])


def test_every_link_leads_to_a_page_that_exists(pages, copy_dir):
    broken = [f"{rel}: {a.get('href')}" for rel, soup in site_pages(pages).items() for a in switcher_links(soup)[1]
              if (target := resolve(copy_dir, rel, a.get("href", ""))) is None or not (copy_dir / target).is_file()]
    assert broken == []


@pytest.mark.parametrize("code", CODES)
def test_the_not_found_page_has_a_switcher_to_each_front_page(pages, copy_dir, code):
    """The 404 page is a page too (a reader who followed a dead link lands on it); it has no
    address of its own, so each link leads to that language's front page (absolute links allowed)."""
    rel = prefix(code) + NOT_FOUND
    navs, links = switcher_links(pages[rel])
    assert len(navs) == 1, f"{rel}: {len(navs)} nav.et-languages (a reader on the 404 page cannot change language)"
    found = {a.get("hreflang"): resolve(copy_dir, rel, a.get("href", ""), base_url(THE_COPY)) for a in links}
    assert found == {c: prefix(c) + "index.html" for c in CODES}
    # Written as each front page's own absolute address: no 'en/../' on the way.
    assert {a.get("hreflang"): a.get("href") for a in links} == {c: base_url(THE_COPY) + prefix(c) for c in CODES}
    assert [text_of(a) for a in links] == [OWN_NAMES[c] for c in CODES]
