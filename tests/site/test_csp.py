"""Feature: every page carries a strict Content Security Policy and a referrer policy.

The hashes are computed here from the page as the browser reads it (BeautifulSoup
and hashlib), not with etablerer.csp, so a wrong hasher cannot agree with itself.
tests/browser/test_csp.py loads the pages and records every violation.
"""

from __future__ import annotations

import base64
import hashlib
import re

import pytest

from tests.support.expected import COPIES
from tests.support.site import HTML_FRAGMENTS

RUNNABLE = {None, "", "module", "text/javascript", "application/javascript"}
CSP_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', re.IGNORECASE)


def directives(policy: str) -> dict[str, list[str]]:
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def policy_of(soup) -> dict[str, list[str]]:
    metas = soup.find_all("meta", attrs={"http-equiv": re.compile("^content-security-policy$", re.I)})
    assert len(metas) == 1, f"{len(metas)} CSP meta tags"
    return directives(metas[0]["content"])


def pages(site):
    return [(copy, rel) for copy in COPIES for rel in site.html_pages(copy)]


def test_every_page_of_every_copy_and_the_landing_page_has_one_policy(site):
    missing = []
    for copy, rel in pages(site):
        if len(CSP_META.findall((site.copy_dir(copy) / rel).read_text("utf-8"))) != 1:
            missing.append(f"{copy}/{rel}")
    if len(CSP_META.findall((site.out / "index.html").read_text("utf-8"))) != 1:
        missing.append("index.html")
    assert missing == []
    assert len(pages(site)) > 20  # the redirect pages and embed/courses/ are among them


@pytest.mark.parametrize("copy", COPIES)
def test_the_policy_comes_before_anything_it_governs(site, copy):
    late = []
    for rel in site.html_pages(copy):
        head = (site.copy_dir(copy) / rel).read_text("utf-8").split("</head>")[0]
        at = CSP_META.search(head).start()
        first = min((m.start() for m in re.finditer(r"<(script|style|link|img)\b", head)), default=len(head))
        if at > first:
            late.append(rel)
    assert late == []


def test_the_policy_is_strict(site):
    for copy, rel in pages(site):
        policy = policy_of(site.soup_of(site.copy_dir(copy) / rel))
        where = f"{copy}/{rel}"
        assert policy["default-src"] == ["'self'"], where
        assert policy["object-src"] == ["'none'"], where
        assert policy["base-uri"] == ["'self'"], where
        assert policy["img-src"] == ["'self'", "data:"], where  # Material's CSS icons are data: SVGs
        for name in ("script-src", "style-src"):
            assert policy[name][0] == "'self'", where
            extra = policy[name][1:]
            assert all(v.startswith("'sha256-") for v in extra), f"{where}: {name} {extra}"


@pytest.mark.parametrize("copy", COPIES)
def test_script_src_lists_exactly_the_hashes_of_the_pages_own_inline_scripts(site, copy):
    wrong = {}
    for rel in site.html_pages(copy):
        soup = site.soup_of(site.copy_dir(copy) / rel)
        inline = {sha256(s.string or "") for s in soup.find_all("script")
                  if not s.get("src") and (s.get("type") or "").lower() in RUNNABLE}
        listed = set(policy_of(soup)["script-src"][1:])
        if inline != listed:
            wrong[rel] = (sorted(inline - listed), sorted(listed - inline))
    assert wrong == {}


def test_the_404_pages_script_hash_differs_per_copy_as_declared(site):
    """copies.DERIVED: the 404 page's inline script holds the copy's base URL."""
    hashes = {copy: tuple(policy_of(site.page(copy, "404.html"))["script-src"]) for copy in COPIES}
    assert len(set(hashes.values())) == len(COPIES)


def test_the_landing_pages_style_element_is_allowed_by_its_hash(site):
    soup = site.landing()
    styles = [s.string or "" for s in soup.find_all("style")]
    assert styles, "the landing page has a <style> element"
    assert set(policy_of(soup)["style-src"][1:]) == {sha256(s) for s in styles}


@pytest.mark.parametrize("copy", COPIES)
def test_no_page_has_what_the_policy_would_silently_block(site, copy):
    """Event-handler attributes, javascript: URLs and style attributes would be refused."""
    found = []
    for rel in site.html_pages(copy):
        for tag in site.soup_of(site.copy_dir(copy) / rel).find_all(True):
            for name, value in tag.attrs.items():
                text = " ".join(value) if isinstance(value, list) else str(value)
                if name.lower().startswith("on") or name.lower() == "style":
                    found.append(f"{rel}: <{tag.name} {name}>")
                elif name in ("href", "src", "action") and text.strip().lower().startswith("javascript:"):
                    found.append(f"{rel}: <{tag.name} {name}={text}>")
    assert found == []


def test_every_page_has_a_referrer_policy(site):
    def referrers(copy, rel):
        metas = site.soup_of(site.copy_dir(copy) / rel).find_all("meta", attrs={"name": "referrer"})
        return [m.get("content") for m in metas]

    wanted = ["strict-origin-when-cross-origin"]
    without = [f"{copy}/{rel}" for copy, rel in pages(site) if referrers(copy, rel) != wanted]
    assert without == []


@pytest.mark.parametrize("copy", COPIES)
def test_the_cms_snippet_has_no_policy_of_its_own(site, copy):
    """A fragment lives in the municipality's page, under that page's policy."""
    for rel in HTML_FRAGMENTS:
        assert "Content-Security-Policy" not in (site.copy_dir(copy) / rel).read_text("utf-8")
