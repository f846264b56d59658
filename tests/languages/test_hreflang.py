"""Feature: search engines learn which pages are the same page in another language.

A page that exists in several languages names each of them in
<link rel="alternate" hreflang="…" href="…">, with the absolute URL in the same
copy (base_url from data/municipalities.yml), plus x-default for the bokmål
page. A page that exists in one language only names none. Which pages exist
is read off the built tree.
"""

from __future__ import annotations

import re

import pytest

from tests.site.helpers import COPIES

from .expected import CODES, DEFAULT, NOT_FOUND, base_url, language_pages, prefix, url_of_file

_ALTERNATE = re.compile(r"<link\b[^>]*\brel=\"alternate\"[^>]*>", re.IGNORECASE)
_HREFLANG = re.compile(r'\bhreflang="([^"]*)"')
_HREF = re.compile(r'\bhref="([^"]*)"')


def alternates(raw: str) -> list[tuple[str, str]]:
    head = raw.split("</head>", 1)[0]
    out = []
    for tag in _ALTERNATE.findall(head):
        lang, href = _HREFLANG.search(tag), _HREF.search(tag)
        if lang:
            out.append((lang[1], href[1] if href else ""))
    return out


@pytest.mark.parametrize("copy", COPIES)
def test_alternates_name_exactly_the_languages_the_page_exists_in(site, copy):
    copy_dir = site.copy_dir(copy)
    base = base_url(copy)
    existing = language_pages(copy_dir)
    wrong, several = [], 0
    for code in CODES:
        for inner in sorted(existing[code]):
            if inner == NOT_FOUND:
                continue  # served at every unknown address: no address of its own to name (see the 404 test)
            rel = prefix(code) + inner
            raw = (copy_dir / rel).read_text(encoding="utf-8")
            if not raw.lstrip()[:15].lower().startswith("<!doctype html"):
                continue
            where = [c for c in CODES if inner in existing[c]]
            if len(where) > 1:
                several += 1
                url = url_of_file(inner)
                expected = sorted([(c, base + prefix(c) + url) for c in where] + [("x-default", base + url)])
            else:
                expected = []
            found = sorted(alternates(raw))
            if found != expected:
                wrong.append(f"{rel}:\n    found    {found}\n    expected {expected}")
    assert several > 0
    assert wrong == [], f"{copy}: " + "\n".join(wrong[:10])


def test_pages_in_one_language_only_exist(site):
    # So that the 'none' half of the rule above is tested too.
    existing = language_pages(site.copy_dir(COPIES[0]))
    only_bokmal = [p for p in existing[DEFAULT] if not any(p in existing[c] for c in CODES if c != DEFAULT)]
    assert only_bokmal, "no page exists in bokmål only: the rule 'one language, no alternates' is not exercised"


def test_a_page_missing_in_some_languages_names_only_those_it_exists_in(site):
    copy = COPIES[0]
    raw = (site.copy_dir(copy) / "tilbud" / "index.html").read_text(encoding="utf-8")
    existing = language_pages(site.copy_dir(copy))
    where = {c for c in CODES if "tilbud/index.html" in existing[c]}
    assert DEFAULT in where and len(where) < len(CODES), "the shipped site has tilbud/ in some languages only"
    assert {lang for lang, _ in alternates(raw)} == where | {"x-default"}
