"""A built site: building a project with the pinned as-of date, and finding things in the
result (pages, files, where a link leads, sitemaps, the search index)."""

from __future__ import annotations

import gzip
import json
import posixpath
import re
from datetime import date
from functools import cached_property
from pathlib import Path
from urllib.parse import unquote, urlsplit
from xml.etree import ElementTree

from bs4 import BeautifulSoup

from etablerer.inputs.loading import ServiceData, load_data
from etablerer.publish.build import build_site
from generator_adapter import runner

from .environ import PINNED_DAY, pinned_environ
from .expected import LANGUAGES, language_prefix, parse_html, split_language

# HTML files of a copy that are fragments, not pages.
HTML_FRAGMENTS = ("embed/snippet.html",)


def is_embed(rel: str) -> bool:
    """Blocks and widgets for the municipalities' own pages (embed/): not pages of the site."""
    return rel.startswith("embed/")


# --- URLs inside a copy ------------------------------------------------------

EXTERNAL_SCHEMES = ("http:", "https:", "mailto:", "tel:")


def page_file(url: str) -> str:
    """'om/' → 'om/index.html', '' → 'index.html', '404.html' → '404.html'."""
    return url + "index.html" if url == "" or url.endswith("/") else url


def resolve_in_copy(copy_dir: Path, page_rel: str, url: str, base_url: str | None = None) -> Path | None:
    """The file in the copy that `url` (on page `page_rel`) leads to, or None.

    Relative URLs resolve against the page; an absolute URL only when it starts
    with the copy's own base_url. A directory means its index.html.
    """
    if base_url and url.startswith(base_url):
        joined = urlsplit(url[len(base_url):]).path.lstrip("/")
    elif urlsplit(url).scheme or url.startswith("//"):
        return None
    else:
        path = urlsplit(url).path
        if path.startswith("/"):
            return None
        joined = posixpath.join(posixpath.dirname(page_rel), path)
    normal = posixpath.normpath(unquote(joined)) if joined else "."
    if normal == ".." or normal.startswith("../"):
        return None
    target = copy_dir / normal if normal != "." else copy_dir
    if target.is_dir():
        target = target / "index.html"
    return target


def resolve_rel(copy_dir: Path, page_rel: str, href: str, absolute_base: str | None = None) -> str | None:
    """resolve_in_copy as a path relative to the copy ('kurs/index.html'), or None.
    Relative hrefs only, unless `absolute_base` (the copy's base_url) is given."""
    target = resolve_in_copy(copy_dir, page_rel, href, absolute_base)
    if target is None:
        return None
    try:
        return target.relative_to(copy_dir).as_posix()
    except ValueError:
        return None


def fragment_of(url: str) -> str:
    return unquote(urlsplit(url).fragment)


# --- the built tree -------------------------------------------------------------

def language_pages(copy_dir: Path) -> dict[str, set[str]]:
    """language → rel paths of its HTML pages ('kurs/index.html'), from the built tree."""
    found: dict[str, set[str]] = {code: set() for code in LANGUAGES}
    for file in copy_dir.rglob("*.html"):
        rel = file.relative_to(copy_dir).as_posix()
        if is_embed(rel):
            continue
        code, inner = split_language(rel)
        found.setdefault(code, set()).add(inner)
    return found


def search_index(copy_dir: Path, code: str) -> dict:
    return json.loads((copy_dir / language_prefix(code) / "search" / "search_index.json").read_text(encoding="utf-8"))


def read_sitemap(copy_dir: Path, name: str = "sitemap.xml") -> str:
    raw = (copy_dir / name).read_bytes()
    if name.endswith(".gz"):
        raw = gzip.decompress(raw)
    return raw.decode("utf-8")


def sitemap_locations(xml: str) -> list[str]:
    return re.findall(r"<loc>\s*([^<]*?)\s*</loc>", xml)


SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"


def sitemap_entries(xml: str) -> list[tuple[str, list[tuple[str, str, str]]]]:
    """Each <url> of a sitemap, in order: (loc, [(rel, hreflang, href) of each <xhtml:link>]).

    Parsed as XML (namespaces bound as the sitemap protocol and Google's hreflang
    extension require), not with a pattern: an unbound xhtml: prefix is an error here."""
    root = ElementTree.fromstring(xml.encode("utf-8"))
    assert root.tag == f"{{{SITEMAP_NS}}}urlset", root.tag
    entries = []
    for url in root.findall(f"{{{SITEMAP_NS}}}url"):
        locs = url.findall(f"{{{SITEMAP_NS}}}loc")
        assert len(locs) == 1, f"a <url> with {len(locs)} <loc>"
        links = [(link.get("rel", ""), link.get("hreflang", ""), link.get("href", ""))
                 for link in url.findall(f"{{{XHTML_NS}}}link")]
        entries.append(((locs[0].text or "").strip(), links))
    return entries


# --- the built site ----------------------------------------------------------

class BuiltSite:
    """One build output: OUT/index.html and OUT/<copy>/ for each municipality."""

    def __init__(self, out: Path, data: ServiceData, today: date):
        self.out = out
        self.data = data
        self.today = today
        self._soups: dict[Path, BeautifulSoup] = {}

    @property
    def copies(self) -> list[str]:
        return [m.id for m in self.data.municipalities]

    def municipality(self, copy: str):
        return self.data.municipality(copy)

    def base_url(self, copy: str) -> str:
        return self.municipality(copy).base_url

    def copy_dir(self, copy: str) -> Path:
        return self.out / copy

    def file(self, copy: str, url: str) -> Path:
        return self.copy_dir(copy) / page_file(url)

    def soup_of(self, path: Path) -> BeautifulSoup:
        if path not in self._soups:
            self._soups[path] = parse_html(path.read_text(encoding="utf-8"))
        return self._soups[path]

    def page(self, copy: str, url: str) -> BeautifulSoup:
        """page('moss', 'om/') → the about page of the Moss copy, parsed."""
        return self.soup_of(self.file(copy, url))

    def landing(self) -> BeautifulSoup:
        return self.soup_of(self.out / "index.html")

    def html_pages(self, copy: str) -> list[str]:
        """Every HTML page of a copy, in every language, as paths relative to the copy:
        'om/index.html', 'en/om/index.html' (language_of(rel) gives its language).

        Not the CMS snippet (embed/snippet.html): a fragment for other sites' pages,
        with rules of its own (tests/publishing/test_embeds.py)."""
        root = self.copy_dir(copy)
        return sorted(rel for rel in (p.relative_to(root).as_posix() for p in root.rglob("*.html"))
                      if rel not in HTML_FRAGMENTS)

    def all_files(self, copy: str) -> list[str]:
        root = self.copy_dir(copy)
        return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())

    @cached_property
    def in_force(self):
        from etablerer.facts.agreements import agreement_in_force
        return agreement_in_force(self.data.agreements, self.today)


def build(root: Path, out: Path) -> BuiltSite:
    """Build `root` (a project folder) into `out` with the pinned as-of date."""
    build_site(root, out, pinned_environ(), engine=runner.engine())
    data = load_data(root / "data", root / "content", root)
    return BuiltSite(out, data, PINNED_DAY)
