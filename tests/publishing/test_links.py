"""Feature: no internal link or #anchor is broken, in any copy or embed.

External links are listed by the checker (python -m tests.publishing.linkcheck site),
never fetched: the build must not depend on other sites being up.
"""

from __future__ import annotations

import json
import shutil
from urllib.parse import urlsplit

import pytest

from tests.support.edits import edit_file
from tests.support.expected import COPIES, LANGUAGES, language_prefix

from . import linkcheck


def assert_no_broken_links(copy_dir, base_url):
    report = linkcheck.check(copy_dir, base_url)
    assert report.checked > 0, "the checker found no links at all"
    assert report.broken == [], f"{copy_dir.name}: broken links:\n" + "\n".join(report.broken)
    return report


@pytest.mark.parametrize("copy", COPIES)
def test_every_internal_link_and_anchor_of_the_copy_leads_somewhere(published, copy):
    assert_no_broken_links(published.copy_dir(copy), published.base_url(copy))


@pytest.mark.parametrize("copy", COPIES)
def test_the_check_covers_the_embeds(published, copy):
    sources = {found.source for found in linkcheck.links_in(published.copy_dir(copy))}
    assert {"embed/snippet.html", "embed/courses/index.html", "embed/courses.json"} <= sources


@pytest.mark.parametrize("copy", COPIES)
def test_the_check_covers_every_language(published, copy):
    """Each language's pages (under <copy>/<code>/), its 404 page and its sitemap."""
    sources = {found.source for found in linkcheck.links_in(published.copy_dir(copy))}
    missing = [f"{language_prefix(lang)}{name}" for lang in LANGUAGES
               for name in ("index.html", "kontakt/index.html", "404.html", "sitemap.xml")
               if f"{language_prefix(lang)}{name}" not in sources]
    assert missing == []


@pytest.mark.parametrize("copy", COPIES)
def test_external_links_are_listed_and_well_formed(published, copy):
    report = linkcheck.check(published.copy_dir(copy), published.base_url(copy))
    assert report.external, "no external link listed (the footer links the host's accessibility statement)"
    assert published.municipality(copy).accessibility_statement_url in report.external
    malformed = [url for url in report.external
                 if urlsplit(url).scheme in ("http", "https") and not urlsplit(url).hostname]
    assert malformed == []


# --- the check fails on a broken link -----------------------------------------

@pytest.fixture
def broken_copy(published, tmp_path):
    """A throw-away copy of the Moss copy to break."""
    target = tmp_path / COPIES[0]
    shutil.copytree(published.copy_dir(COPIES[0]), target)
    return target


def _insert_link(href):
    return lambda html: html.replace("</main>", f'<a href="{href}">lenke</a></main>', 1)


BREAKAGES = {
    "a page links to a page that does not exist":
        ("om/index.html", _insert_link("../finnes-ikke/"), "../finnes-ikke/"),
    "a page links to an anchor that does not exist":
        ("om/index.html", _insert_link("../kontakt/#ingen-slik-overskrift"), "#ingen-slik-overskrift"),
    "a page links outside the copy":
        ("om/index.html", _insert_link("../../annet/"), "../../annet/"),
    "a page links root-absolute":
        ("om/index.html", _insert_link("/kurs/"), "/kurs/"),
}


@pytest.mark.parametrize("case", list(BREAKAGES))
def test_a_broken_link_in_a_page_fails_the_check(published, broken_copy, case):
    rel, change, url = BREAKAGES[case]
    edit_file(broken_copy / rel, change)
    with pytest.raises(AssertionError) as failure:
        assert_no_broken_links(broken_copy, published.base_url(COPIES[0]))
    assert rel in str(failure.value) and url in str(failure.value)


def test_a_broken_link_in_the_snippet_fails_the_check(published, broken_copy):
    base = published.base_url(COPIES[0])
    edit_file(broken_copy / "embed/snippet.html", lambda html: html.replace(base + "kurs/", base + "kurs-borte/", 1))
    with pytest.raises(AssertionError) as failure:
        assert_no_broken_links(broken_copy, base)
    assert f"embed/snippet.html: {base}kurs-borte/" in str(failure.value)


def test_a_broken_hreflang_alternate_in_a_sitemap_fails_the_check(published, broken_copy):
    base = published.base_url(COPIES[0])
    alternate = f'hreflang="en" href="{base}en/kontakt/"'
    sitemap = broken_copy / "sitemap.xml"
    assert alternate in sitemap.read_text(encoding="utf-8"), "the bokmål sitemap names the English contact page"
    edit_file(sitemap, lambda xml: xml.replace(alternate, f'hreflang="en" href="{base}en/kontakt-borte/"', 1))
    with pytest.raises(AssertionError) as failure:
        assert_no_broken_links(broken_copy, base)
    assert f"sitemap.xml: {base}en/kontakt-borte/" in str(failure.value)


def test_a_course_missing_from_the_copy_breaks_the_json_feed(published, broken_copy):
    base = published.base_url(COPIES[0])
    course = json.loads((broken_copy / "embed/courses.json").read_text(encoding="utf-8"))["courses"][0]["id"]
    shutil.rmtree(broken_copy / "kurs" / course)
    with pytest.raises(AssertionError) as failure:
        assert_no_broken_links(broken_copy, base)
    assert f"embed/courses.json: {base}kurs/{course}/" in str(failure.value)


def test_the_checker_lists_every_copy_of_a_built_site(published, capsys):
    assert linkcheck.main([str(published.out)]) == 0
    out = capsys.readouterr().out
    assert all(f"{copy}: " in out for copy in COPIES) and "External links (listed, not fetched)" in out
