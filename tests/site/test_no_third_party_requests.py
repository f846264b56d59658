"""Feature: reading a page makes no request to another host (ekomloven; brief §4).

No web fonts, analytics or CDNs: everything a page loads (src, <link href>,
srcset, url(...) in CSS, inline styles) is a file of the copy. A plain link
(<a href>) to another site is fine: it is a link, not a request.
"""

from __future__ import annotations

import re

import pytest

from tests.support.expected import COPIES, parse_html

CSS_URL = re.compile(r"""url\(\s*(?P<q>['"]?)(?P<url>.*?)(?P=q)\s*\)""", re.S)
CSS_IMPORT = re.compile(r"""@import\s+(?P<q>['"])(?P<url>[^'"]+)(?P=q)""")
GOOGLE_FONTS = (b"fonts.googleapis.com", b"fonts.gstatic.com")


def loads_from_elsewhere(url: str, base_url: str) -> bool:
    """True when fetching `url` would contact a host other than the copy's own base URL."""
    url = url.strip()
    lowered = url.lower()
    if lowered.startswith("data:") or lowered.startswith("#"):
        return False
    if lowered.startswith(("http:", "https:", "//")):
        return not url.startswith(base_url)
    return ":" in lowered.split("/")[0]  # any other scheme (ftp:, javascript: …) is not a file of the copy


def urls_in_css(css: str) -> list[str]:
    return [m["url"] for m in CSS_URL.finditer(css)] + [m["url"] for m in CSS_IMPORT.finditer(css)]


def fetched_urls(soup) -> list[str]:
    """Everything the page makes the browser load."""
    urls = []
    for element in soup.find_all(True):
        for attribute in ("src", "poster"):
            if element.has_attr(attribute):
                urls.append(element[attribute])
        if element.name == "object" and element.has_attr("data"):
            urls.append(element["data"])
        if element.name == "link" and element.has_attr("href"):
            urls.append(element["href"])
        if element.has_attr("srcset"):
            urls += [c.split()[0] for c in element["srcset"].split(",") if c.strip()]
        if element.has_attr("style"):
            urls += urls_in_css(element["style"])
        if element.name == "style":
            urls += urls_in_css(element.get_text())
    return urls


def pages_of(site, copy):
    return {rel: site.soup_of(site.copy_dir(copy) / rel) for rel in site.html_pages(copy)}


@pytest.mark.parametrize("copy", COPIES)
def test_no_page_loads_anything_from_another_host(site, copy):
    base = site.base_url(copy)
    elsewhere = [f"{rel}: {url}" for rel, soup in pages_of(site, copy).items()
                 for url in fetched_urls(soup) if loads_from_elsewhere(url, base)]
    assert elsewhere == [], f"{copy}: requests to another host"


@pytest.mark.parametrize("copy", COPIES)
def test_no_stylesheet_loads_anything_from_another_host(site, copy):
    base = site.base_url(copy)
    elsewhere = []
    for css in site.copy_dir(copy).rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        elsewhere += [f"{css.name}: {url[:80]}" for url in urls_in_css(text) if loads_from_elsewhere(url, base)]
    assert elsewhere == [], f"{copy}: url(...) or @import to another host in CSS"


def test_the_landing_page_loads_nothing_from_another_host(site):
    elsewhere = [url for url in fetched_urls(site.landing()) if loads_from_elsewhere(url, "\0")]
    assert elsewhere == []


@pytest.mark.parametrize("copy", COPIES)
def test_no_file_of_the_copy_mentions_google_fonts(site, copy):
    found = [p.relative_to(site.copy_dir(copy)).as_posix() for p in site.copy_dir(copy).rglob("*")
             if p.is_file() and any(host in p.read_bytes() for host in GOOGLE_FONTS)]
    assert found == []


def test_the_landing_page_does_not_mention_google_fonts(site):
    raw = (site.out / "index.html").read_bytes()
    assert not any(host in raw for host in GOOGLE_FONTS)


def test_a_request_to_another_host_would_be_found():
    """The checks above would catch what they look for."""
    soup = parse_html('<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">'
                      '<img src="https://cdn.example.net/x.png"><div style="background:url(//t.example.net/p.gif)">'
                      '<img srcset="https://cdn.example.net/a.png 2x"><a href="https://www.nav.no/">NAV</a>')
    found = [url for url in fetched_urls(soup) if loads_from_elsewhere(url, "https://own.example/")]
    assert set(found) == {"https://fonts.googleapis.com/css?family=Roboto", "https://cdn.example.net/x.png",
                          "https://cdn.example.net/a.png", "//t.example.net/p.gif"}
