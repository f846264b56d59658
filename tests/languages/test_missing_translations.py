"""Feature: a page with no translation leads the reader to the bokmål page, said openly.

A page exists in a language only when its template (languages/<code>/pages/)
or its file (content/<code>/) exists: nothing is machine-filled. In a language
without it, the menu entry leads to the bokmål page, with hreflang="nb", its
bokmål title inside lang="nb", and "(in Norwegian)" in the reader's language
(in_norwegian of that language's interface.yml). The switcher on such a
bokmål page leads to the other language's front page.
"""

from __future__ import annotations

import pytest

from tests.support.expected import (
    CONTENT_DIR,
    NAV_TEMPLATES,
    NOT_FOUND,
    has_template,
    nav_key,
    nav_sources,
    normalise,
    page_exists_in,
    template_of_page,
    text_of,
    url_of_file,
    url_of_source,
)
from tests.support.expected import DEFAULT_LANGUAGE as DEFAULT
from tests.support.expected import LANGUAGES as CODES
from tests.support.expected import OTHER_LANGUAGES as OTHERS
from tests.support.expected import language_prefix as prefix
from tests.support.expected import shown_interface as interface
from tests.support.expected import split_language as language_of
from tests.support.site import language_pages
from tests.support.site import resolve_rel as resolve


def untranslated_nav(code: str) -> list[str]:
    return [src for src in nav_sources() if not page_exists_in(code, src)]


def menu_links(soup):
    nav = soup.find("nav", class_="md-nav--primary")
    return nav.find_all("a", class_="md-nav__link") if nav else []


def test_the_shipped_languages_miss_the_pages_the_issue_names():
    # tilbud, om and ordliste have no Ukrainian, Polish or Arabic translation (yet).
    for code in ("uk", "pl", "ar"):
        assert {"tilbud.md", "om.md", "ordliste.md"} <= set(untranslated_nav(code)), code


@pytest.mark.parametrize("code", OTHERS)
def test_no_page_exists_without_its_translation(copy_dir, code):
    built = language_pages(copy_dir)[code]
    wrong = []
    for inner in sorted(built):
        if inner == NOT_FOUND:
            continue  # made by the theme from the interface strings
        made_from = template_of_page(url_of_file(inner))
        if made_from is None:
            wrong.append(f"{code}/{inner}: made from nothing this test knows")
        elif made_from[0] == "template" and not has_template(code, made_from[1]):
            wrong.append(f"{code}/{inner}: languages/{code}/pages/{made_from[1]}.md does not exist")
        elif made_from[0] == "content" and not (CONTENT_DIR / code / made_from[1]).is_file():
            wrong.append(f"{code}/{inner}: content/{code}/{made_from[1]} does not exist")
    assert wrong == [], "\n".join(wrong)


@pytest.mark.parametrize("code", OTHERS)
def test_every_translated_menu_page_exists_and_no_untranslated_one(copy_dir, code):
    for src in nav_sources():
        file = copy_dir / prefix(code) / (url_of_source(src) + "index.html")
        assert file.is_file() == page_exists_in(code, src), f"{code}: {src} → {file.relative_to(copy_dir)}"


def test_no_ukrainian_offer_page(copy_dir):
    assert not (copy_dir / "uk" / "tilbud").exists()


@pytest.mark.parametrize("code", OTHERS)
def test_the_menu_leads_to_the_bokmal_page_marked_as_norwegian(pages, copy_dir, code):
    missing = untranslated_nav(code)
    if code != "en":
        assert missing, f"{code}: expected pages without translation in the shipped site"
    note = f"({interface(code)['in_norwegian']})"
    wrong, checked = [], 0
    for rel, soup in pages.items():
        if language_of(rel)[0] != code or language_of(rel)[1] == NOT_FOUND:
            continue
        links = menu_links(soup)
        for src in missing:
            target = url_of_source(src) + "index.html"
            entries = [a for a in links if resolve(copy_dir, rel, a.get("href", "")) == target]
            if len(entries) != 1:
                wrong.append(f"{rel}: {len(entries)} menu entries lead to the bokmål {target}")
                continue
            a = entries[0]
            checked += 1
            title = interface(DEFAULT)[nav_key(src)]
            marked = [s for s in a.find_all(lang=DEFAULT) if text_of(s) == title]
            if a.get("hreflang") != DEFAULT:
                wrong.append(f"{rel}: {src} entry without hreflang=\"nb\": {a}")
            if not marked:
                wrong.append(f"{rel}: {src} entry: bokmål title {title!r} not inside lang=\"nb\"")
            if note not in normalise(a.get_text(" ")):
                wrong.append(f"{rel}: {src} entry: no {note!r}")
        for src in nav_sources():  # and every translated page stays in its own language
            if src in missing:
                continue
            target = prefix(code) + url_of_source(src) + "index.html"
            if not [a for a in links if resolve(copy_dir, rel, a.get("href", "")) == target]:
                wrong.append(f"{rel}: no menu entry leads to {target}")
    assert checked or not missing
    assert wrong == [], "\n".join(wrong[:20])


@pytest.mark.parametrize("src", [s for s in NAV_TEMPLATES] + ["ordliste.md"])
def test_the_switcher_on_a_bokmal_page_without_translation_leads_to_the_front_page(pages, copy_dir, src):
    rel = url_of_source(src) + "index.html"
    links = pages[rel].find("nav", class_="et-languages").find_all("a")
    for code in CODES:
        a = next(a for a in links if a.get("hreflang") == code)
        expected = prefix(code) + (url_of_source(src) if page_exists_in(code, src) else "") + "index.html"
        assert resolve(copy_dir, rel, a["href"]) == expected, f"{rel}: {code} link {a['href']!r}"
