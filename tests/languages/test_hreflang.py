"""Feature: search engines learn which pages are the same page in another language.

The alternates are in each language's sitemap (sitemap.xml of the copy for
bokmål, <code>/sitemap.xml for the others, and the .gz beside each): the
<url> of a page that exists in several languages names each of them in
<xhtml:link rel="alternate" hreflang="…" href="…"/>, with the absolute URL in
the same copy (base_url from data/municipalities.yml), plus x-default for the
bokmål page; the <url> of a page that exists in one language only names none.
Which pages exist is read off the built tree.

No HTML page has a <link rel="alternate"> in its <head> any more: Material's
script fetches a sitemap.xml beside every such link and takes over clicks on
links below it (it broke the language switcher). The browser side of that is in
test_in_the_browser.py.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.support.expected import COPIES, NOT_FOUND, base_url, url_of_file
from tests.support.expected import DEFAULT_LANGUAGE as DEFAULT
from tests.support.expected import LANGUAGES as CODES
from tests.support.expected import language_prefix as prefix
from tests.support.site import language_pages, read_sitemap, sitemap_entries

SITEMAPS = ("sitemap.xml", "sitemap.xml.gz")


def alternates_by_page(copy_dir: Path, code: str, name: str = "sitemap.xml") -> dict[str, list[tuple[str, str]]]:
    """loc → [(hreflang, href)] of each <url> in `code`'s sitemap (a loc listed twice fails here)."""
    entries = sitemap_entries(read_sitemap(copy_dir / prefix(code), name))
    locs = [loc for loc, _ in entries]
    assert len(locs) == len(set(locs)), f"{prefix(code)}{name}: a page is listed twice"
    wrong_rel = [(loc, rel) for loc, links in entries for rel, _, _ in links if rel != "alternate"]
    assert wrong_rel == [], f"{prefix(code)}{name}: <xhtml:link> that are not rel=alternate"
    return {loc: [(lang, href) for _, lang, href in links] for loc, links in entries}


def expected_alternates(copy: str, existing: dict[str, set[str]], inner: str) -> list[tuple[str, str]]:
    """The languages page `inner` exists in, as absolute URLs of the copy, and x-default → bokmål;
    none when it exists in one language only."""
    where = [c for c in CODES if inner in existing[c]]
    if len(where) < 2:
        return []
    base, url = base_url(copy), url_of_file(inner)
    return sorted([(c, base + prefix(c) + url) for c in where] + [("x-default", base + prefix(DEFAULT) + url)])


def html_pages(existing: dict[str, set[str]], code: str, copy_dir: Path) -> list[str]:
    # The 404 page is served at every unknown address: no address of its own, so in no sitemap;
    # nor the old address of a renamed course, which only redirects to the new one.
    return sorted(inner for inner in existing[code]
                  if inner != NOT_FOUND and not redirects(copy_dir / prefix(code) / inner))


def redirects(file: Path) -> bool:
    return 'http-equiv="refresh"' in file.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", SITEMAPS)
@pytest.mark.parametrize("copy", COPIES)
def test_each_sitemap_names_exactly_the_languages_each_page_exists_in(site, copy, name):
    copy_dir = site.copy_dir(copy)
    base = base_url(copy)
    existing = language_pages(copy_dir)
    wrong, several, single = [], 0, 0
    for code in CODES:
        listed = alternates_by_page(copy_dir, code, name)
        pages = {base + prefix(code) + url_of_file(inner): inner for inner in html_pages(existing, code, copy_dir)}
        missing = sorted(set(pages) - set(listed))
        stray = sorted(set(listed) - set(pages))
        if missing or stray:
            wrong.append(f"{prefix(code)}{name}: pages not listed {missing[:5]}, listed but no page {stray[:5]}")
        for loc, inner in sorted(pages.items()):
            if loc not in listed:
                continue
            expected = expected_alternates(copy, existing, inner)
            several += bool(expected)
            single += not expected
            found = sorted(listed[loc])
            if found != expected:
                wrong.append(f"{prefix(code)}{name} <url> {loc}:\n    found    {found}\n    expected {expected}")
    assert several > 0, "no page exists in several languages: the alternates are not exercised"
    assert single > 0, "no page exists in one language only: 'no alternates' is not exercised"
    assert wrong == [], f"{copy}: " + "\n".join(wrong[:10])


def test_pages_in_one_language_only_exist(site):
    # So that the 'none' half of the rule above is tested too.
    existing = language_pages(site.copy_dir(COPIES[0]))
    only_bokmal = [p for p in existing[DEFAULT] if not any(p in existing[c] for c in CODES if c != DEFAULT)]
    assert only_bokmal, "no page exists in bokmål only: the rule 'one language, no alternates' is not exercised"


def test_a_page_missing_in_some_languages_names_only_those_it_exists_in(site):
    copy = COPIES[0]
    copy_dir = site.copy_dir(copy)
    existing = language_pages(copy_dir)
    where = {c for c in CODES if "tilbud/index.html" in existing[c]}
    assert DEFAULT in where and len(where) < len(CODES), "the shipped site has tilbud/ in some languages only"
    base = base_url(copy)
    for code in sorted(where):
        entry = alternates_by_page(copy_dir, code)[base + prefix(code) + "tilbud/"]
        assert {lang for lang, _ in entry} == where | {"x-default"}, f"{prefix(code)}sitemap.xml: {entry}"
    for code in sorted(set(CODES) - where):
        assert base + prefix(code) + "tilbud/" not in alternates_by_page(copy_dir, code), code


def test_the_english_front_page_is_named_in_the_bokmal_sitemap_of_every_copy(site):
    """Written out for one page, so the rule above cannot agree with itself on a wrong address."""
    for copy, host in (("moss", "www.moss.example.com"), ("vestby", "www.vestby.example.com")):
        if copy not in COPIES:
            pytest.fail(f"data/municipalities.yml has no copy {copy!r}: update this test")
        front = alternates_by_page(site.copy_dir(copy), DEFAULT)[f"https://{host}/etablerertjenesten/"]
        assert ("en", f"https://{host}/etablerertjenesten/en/") in front
        assert ("x-default", f"https://{host}/etablerertjenesten/") in front


# --- no <link rel="alternate"> in any page ------------------------------------------

_LINK_ALTERNATE = re.compile(
    r"<link\b[^>]*?\brel\s*=\s*(?:\"[^\"]*\balternate\b[^\"]*\"|'[^']*\balternate\b[^']*'|alternate\b)",
    re.IGNORECASE)


def test_the_pattern_finds_alternate_links_as_they_were_written():
    for tag in ('<link rel="alternate" hreflang="en" href="https://x/en/">',
                "<link href='https://x/en/' rel='alternate'>", "<LINK REL=alternate href=x>",
                '<link hreflang="x-default" rel="Alternate" href="https://x/">'):
        assert _LINK_ALTERNATE.search(tag), tag
    assert not _LINK_ALTERNATE.search('<link rel="canonical" href="https://x/">')
    assert not _LINK_ALTERNATE.search('<a rel="alternate" href="x">')


def test_no_html_page_has_a_link_rel_alternate(site):
    """Material's script fetches <href>/sitemap.xml for every <link rel="alternate"> and then
    takes over clicks on links under that address: none may be in any page of any copy or language."""
    files = sorted(site.out.rglob("*.html"))
    assert len(files) > len(COPIES) * len(CODES), "the build has hardly any HTML pages"
    found = [f"{f.relative_to(site.out).as_posix()}: {m[0]}" for f in files
             for m in _LINK_ALTERNATE.finditer(f.read_text(encoding="utf-8"))]
    assert found == [], "\n".join(found[:10])
