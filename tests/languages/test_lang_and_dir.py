"""Feature: every page says which language it is in, and marks what is in another.

<html lang> is the language of the folder the page is in (bokmål at the root of
a copy); Arabic, and only Arabic, is written right to left (dir="rtl" on
<html> and <body>). A data text that has no translation is shown in bokmål,
inside an element with lang="nb", so a screen reader reads it with Norwegian
pronunciation; the language names in the switcher carry their own lang.
"""

from __future__ import annotations

import re

import pytest

from tests.support.expected import COPIES, normalise, untranslated_texts
from tests.support.expected import LANGUAGES as CODES
from tests.support.expected import OTHER_LANGUAGES as OTHERS
from tests.support.expected import RTL_LANGUAGES as RTL
from tests.support.expected import split_language as language_of

_HTML_TAG = re.compile(r"<html\b([^>]*)>", re.IGNORECASE)
_BODY_TAG = re.compile(r"<body\b([^>]*)>", re.IGNORECASE)
_ATTR = re.compile(r'\b(lang|dir)="([^"]*)"')


def attributes(tag: re.Pattern, raw: str) -> dict[str, str]:
    found = tag.search(raw)
    return dict(_ATTR.findall(found[1])) if found else {}


@pytest.mark.parametrize("copy", COPIES)
def test_every_page_has_the_lang_and_direction_of_its_language_folder(site, copy):
    """All copies: the raw tags (quick), so each copy's every page is read."""
    copy_dir = site.copy_dir(copy)
    wrong = []
    seen = set()
    for file in sorted(copy_dir.rglob("*.html")):
        rel = file.relative_to(copy_dir).as_posix()
        raw = file.read_text(encoding="utf-8")
        if not raw.lstrip()[:15].lower().startswith("<!doctype html"):
            continue  # a fragment for other sites' pages (embed/snippet.html): no <html> of its own
        code, _ = language_of(rel)
        seen.add(code)
        direction = "rtl" if code in RTL else "ltr"
        html, body = attributes(_HTML_TAG, raw), attributes(_BODY_TAG, raw)
        if html.get("lang") != code:
            wrong.append(f"{rel}: <html lang={html.get('lang')!r}>, expected {code!r}")
        if html.get("dir", "ltr") != direction:
            wrong.append(f"{rel}: <html dir={html.get('dir')!r}>, expected {direction!r}")
        if body.get("dir", html.get("dir", "ltr")) != direction:
            wrong.append(f"{rel}: <body dir={body.get('dir')!r}>, expected {direction!r}")
        if code in RTL and (html.get("dir") != "rtl" or body.get("dir") != "rtl"):
            wrong.append(f"{rel}: right-to-left must be said on <html> and <body>, got {html.get('dir')!r}, "
                         f"{body.get('dir')!r}")
    assert seen == set(CODES), f"{copy}: pages found for {sorted(seen)}, expected every language {CODES}"
    assert wrong == [], f"{copy}: " + "\n".join(wrong[:20])


def test_the_switcher_marks_each_language_name_with_its_own_lang(pages):
    wrong = []
    for rel, soup in pages.items():
        for nav in soup.find_all("nav", class_="et-languages"):
            for a in nav.find_all("a"):
                if not a.get("lang") or a.get("lang") != a.get("hreflang"):
                    wrong.append(f"{rel}: {a}")
    assert wrong == [], "switcher links without lang equal to their hreflang:\n" + "\n".join(wrong[:10])


def unmarked_places(body, text: str) -> list[str]:
    """The innermost elements showing `text` outside any lang="nb" element, named for a report."""
    places = []
    for element in body.find_all(True):
        if text in normalise(element.get_text(" ")) and element.find_parent(lang="nb") is None \
                and element.get("lang") != "nb" \
                and not any(text in normalise(child.get_text(" ")) for child in element.find_all(True)):
            classes = ".".join(element.get("class") or [])
            parent = element.parent
            parent_classes = ".".join(parent.get("class") or []) if parent else ""
            places.append(f"<{parent.name}.{parent_classes}> <{element.name}.{classes}>")
    return places


def marked_and_unmarked(body, text: str) -> tuple[int, int]:
    """How often `text` is shown in the body, and how often inside an element with lang="nb"."""
    shown = normalise(body.get_text(" ")).count(text)
    marked = sum(normalise(e.get_text(" ")).count(text) for e in body.find_all(lang="nb")
                 if not e.find_parent(lang="nb"))
    return shown, marked


@pytest.mark.parametrize("code", OTHERS)
def test_data_texts_shown_in_bokmal_are_marked_lang_nb(pages, code):
    texts = untranslated_texts(code)
    wrong, found = [], 0
    for rel, soup in pages.items():
        if language_of(rel)[0] != code or soup.body is None:
            continue
        body_text = normalise(soup.body.get_text(" "))
        for text in texts:
            if text not in body_text:
                continue
            shown, marked = marked_and_unmarked(soup.body, text)
            found += shown
            if marked < shown:
                wrong.append(f"{rel}: {text!r} shown {shown}×, inside lang=\"nb\" {marked}×; not marked in "
                             + ", ".join(unmarked_places(soup.body, text)))
    if code != "en":  # English has (almost) everything translated; the others must show some bokmål
        assert found > 0, f"{code}: no untranslated data text found on any page: the check would prove nothing"
    assert wrong == [], f"{code}: bokmål data texts not marked lang=\"nb\":\n" + "\n".join(wrong[:20])

