"""Link check of a built copy: every internal link and #anchor must lead somewhere.

Internal: a relative URL, or an absolute one under the copy's own base URL
(the 404 page, the CMS snippet, the sitemaps with their hreflang alternates and
embed/courses.json use those).
It must stay inside the copy, lead to a file of it (a folder means its
index.html) and, with a #fragment into an HTML page, to an element with that
id. External links (other hosts, mailto:, tel:) are listed, never fetched.

Run on a built site: .venv/bin/python -m tests.publishing.linkcheck [site]
(the copies and their base URLs come from site/manifest.json).
"""

from __future__ import annotations

import html
import json
import posixpath
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

URL_ATTRIBUTES = ("href", "src", "poster", "action", "data")
EXTERNAL_SCHEMES = ("http", "https", "mailto", "tel")
CSS_URL = re.compile(r"""url\(\s*(?P<q>['"]?)(?P<url>.*?)(?P=q)\s*\)""", re.S)
SITEMAP_LOC = re.compile(r"<loc>\s*([^<]*?)\s*</loc>")
SITEMAP_ALTERNATE = re.compile(r"<xhtml:link\b[^>]*?\bhref=\"([^\"]*)\"")  # hreflang: the page in other languages
JSON_UNDER = ("embed/",)  # JSON files whose URLs are links (not Material's search index)


@dataclass(frozen=True)
class Found:
    source: str  # file inside the copy
    url: str


@dataclass
class LinkReport:
    checked: int = 0
    broken: list[str] = field(default_factory=list)  # "file: url: why"
    external: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # url → files


def _html_urls(rel: str, soup: BeautifulSoup):
    for element in soup.find_all(True):
        if element.name == "base":
            continue  # <base target> only; its href would change every other link
        for attribute in URL_ATTRIBUTES:
            if element.has_attr(attribute) and not (attribute == "data" and element.name != "object"):
                yield Found(rel, element[attribute].strip())
        if element.has_attr("srcset"):
            for candidate in element["srcset"].split(","):
                if candidate.strip():
                    yield Found(rel, candidate.split()[0])


def _json_strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _json_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _json_strings(item)


def links_in(copy_dir: Path):
    """Every link in the copy's HTML, CSS, sitemap and embed JSON files."""
    for path in sorted(copy_dir.rglob("*")):
        rel = path.relative_to(copy_dir).as_posix()
        if path.suffix == ".html":
            yield from _html_urls(rel, _soup(path))
        elif path.suffix == ".css":
            for match in CSS_URL.finditer(path.read_text(encoding="utf-8")):
                yield Found(rel, match["url"].strip())
        elif path.name == "sitemap.xml":  # one per language: sitemap.xml, en/sitemap.xml, …
            xml = path.read_text(encoding="utf-8")
            for url in SITEMAP_LOC.findall(xml) + SITEMAP_ALTERNATE.findall(xml):
                yield Found(rel, html.unescape(url))
        elif path.suffix == ".json" and rel.startswith(JSON_UNDER):
            for text in _json_strings(json.loads(path.read_text(encoding="utf-8"))):
                if text.startswith(("http://", "https://", "mailto:", "tel:")):
                    yield Found(rel, text)


@cache
def _soup_cached(path: str, mtime: float) -> BeautifulSoup:
    return BeautifulSoup(Path(path).read_text(encoding="utf-8"), "html.parser")


def _soup(path: Path) -> BeautifulSoup:
    return _soup_cached(str(path), path.stat().st_mtime_ns)


def _anchors(path: Path) -> set[str]:
    soup = _soup(path)
    return {e["id"] for e in soup.find_all(id=True)} | {e["name"] for e in soup.find_all("a", attrs={"name": True})}


def check(copy_dir: Path, base_url: str) -> LinkReport:
    report = LinkReport()
    for found in links_in(copy_dir):
        report.checked += 1
        problem = _problem(copy_dir, base_url, found, report)
        if problem:
            report.broken.append(f"{found.source}: {found.url}: {problem}")
    return report


def _problem(copy_dir: Path, base_url: str, found: Found, report: LinkReport) -> str | None:
    url = found.url
    lowered = url.lower()
    if not url or lowered.startswith("data:"):
        return None if url else "empty link"
    scheme = urlsplit(url).scheme.lower()
    if url.startswith(base_url):
        inside = url[len(base_url):]
        path_in_copy = posixpath.normpath(unquote(urlsplit(inside).path)) if urlsplit(inside).path else "."
    elif scheme in EXTERNAL_SCHEMES or url.startswith("//"):
        report.external[url].add(found.source)
        return None
    elif scheme:
        return f"'{scheme}:' is not a link a reader can follow"
    elif url.startswith("/"):
        return "starts with '/': breaks when the copy is published under a path"
    else:
        path = unquote(urlsplit(url).path)
        joined = posixpath.join(posixpath.dirname(found.source), path) if path else found.source
        path_in_copy = posixpath.normpath(joined)
    if path_in_copy == ".." or path_in_copy.startswith("../"):
        return "leads outside the copy"
    target = copy_dir if path_in_copy == "." else copy_dir / path_in_copy
    if target.is_dir():
        target = target / "index.html"
    if not target.is_file():
        return f"no such file in the copy ({target.relative_to(copy_dir).as_posix()})"
    fragment = unquote(urlsplit(url).fragment)
    if fragment and fragment != "top" and target.suffix == ".html" and fragment not in _anchors(target):
        return f"no element with id '{fragment}' in {target.relative_to(copy_dir).as_posix()}"
    return None


def copies_of(site: Path) -> dict[str, str]:
    """slug → base URL, from the build's manifest."""
    manifest = json.loads((site / "manifest.json").read_text(encoding="utf-8"))
    return {slug: entry["base_url"] for slug, entry in manifest["copies"].items()}


def main(argv: list[str]) -> int:
    site = Path(argv[0] if argv else "site")
    broken = 0
    external: dict[str, set[str]] = defaultdict(set)
    for slug, base_url in copies_of(site).items():
        report = check(site / slug, base_url)
        broken += len(report.broken)
        for line in report.broken:
            print(f"broken: {slug}/{line}")
        for url, sources in report.external.items():
            external[url] |= {f"{slug}/{s}" for s in sources}
        print(f"{slug}: {report.checked} links checked, {len(report.broken)} broken")
    print(f"External links (listed, not fetched): {len(external)}")
    for url in sorted(external):
        print(f"  {url}  ({len(external[url])} places)")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
