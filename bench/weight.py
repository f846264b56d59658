"""Bytes a first visit transfers, per page type, gzip-compressed, measured in Chromium.

The built copy is served from 127.0.0.1 (tests/support/browser.py's server, which
does not compress). Each page is opened in a fresh browser context (cold cache)
and followed until the network is idle; every response body is then counted as
a server with gzip would send it: text types (HTML, CSS, JS, JSON, SVG, XML)
gzip-compressed at level 6 (a common server default), others (PNG, JPEG, fonts)
as they are. data: URLs are inside the bytes of the file that holds them.

Every language's version of a page type is measured (bokmål at the copy's root,
the others under their code, at the same path; a page without a translation in a
language is left out), and per page type the heaviest language is what counts
against the budget: `heaviest_first_visits`.

By hand, on a built site: `.venv/bin/python -m bench.weight site/` (or any
`etablerer build --site` folder) prints every page type in every language.
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import sys
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import sync_playwright
from tests.support.browser import CHROMIUM_ARGS, chromium_executable, serve

DEFAULT_LANGUAGE = "nb"  # bokmål, at the copy's root
CATEGORIES = ("HTML", "CSS", "JS", "images", "search index", "other")
_TEXT = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")


def category(url: str, content_type: str) -> str:
    path = url.split("?", 1)[0]
    if path.endswith("search_index.json"):
        return "search index"
    if "html" in content_type:
        return "HTML"
    if "css" in content_type or path.endswith(".css"):
        return "CSS"
    if "javascript" in content_type or path.endswith(".js"):
        return "JS"
    if content_type.startswith("image/"):
        return "images"
    return "other"


def wire_bytes(body: bytes, content_type: str) -> int:
    if content_type.startswith(_TEXT):
        return len(gzip.compress(body, compresslevel=6, mtime=0))
    return len(body)


@dataclass
class Visit:
    page: str
    language: str = DEFAULT_LANGUAGE
    by_category: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CATEGORIES, 0))
    requests: list[tuple[str, str, int]] = field(default_factory=list)  # (url, category, bytes)

    @property
    def total(self) -> int:
        return sum(self.by_category.values())


def language_path(language: str, path: str) -> str:
    """A page's path inside the copy in `language`: bokmål at the root, others under their code."""
    return path if language == DEFAULT_LANGUAGE else f"{language}/{path}"


def first_visits(site: Path, copy: str, pages: dict[str, str],
                 languages: tuple[str, ...] | list[str] = (DEFAULT_LANGUAGE,)) -> list[Visit]:
    """pages: name → path inside the copy ('' is the front page), in bokmål. Each is measured
    in each of `languages` whose version of it exists (a page without a translation is
    not built under that language's code); page type by page type, in the order given."""
    server = serve(site)
    visits = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium_executable(p.chromium), args=CHROMIUM_ARGS)
            try:
                for name, path in pages.items():
                    for language in languages:
                        where = language_path(language, path)
                        if not (site / copy / where / "index.html").is_file():
                            continue
                        visit = _visit(browser, server.url(copy, where), name)
                        visits.append(dataclasses.replace(visit, language=language))
            finally:
                browser.close()
    finally:
        server.stop()
    return visits


def heaviest(visits: list[Visit]) -> list[Visit]:
    """Per page type (in the order first seen), the language whose first visit transfers the most;
    its page is named with that language and how many were measured: 'front (uk, heaviest of 5)'."""
    by_page: dict[str, list[Visit]] = {}
    for visit in visits:
        by_page.setdefault(visit.page, []).append(visit)
    result = []
    for page, measured in by_page.items():
        top = max(measured, key=lambda v: v.total)
        label = f"{page} ({top.language}, heaviest of {len(measured)})" if len(measured) > 1 else page
        result.append(dataclasses.replace(top, page=label))
    return result


def heaviest_first_visits(site: Path, copy: str, pages: dict[str, str],
                          languages: tuple[str, ...] | list[str]) -> list[Visit]:
    """`first_visits` in every language, then per page type the heaviest (what the budget is checked on)."""
    return heaviest(first_visits(site, copy, pages, languages))


def _visit(browser, url: str, name: str) -> Visit:
    context = browser.new_context(viewport={"width": 375, "height": 740})  # a phone; a new context: cold cache
    visit = Visit(name)
    responses = []
    context.on("response", lambda response: responses.append(response))
    # Nothing may leave 127.0.0.1 (there is nothing to reach, and it would not be counted).
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(
        ("http://127.0.0.1", "data:", "blob:")) else route.abort())
    try:
        page = context.new_page()
        page.goto(url, wait_until="networkidle")
        for response in responses:
            if response.url.startswith(("data:", "blob:")):
                continue
            body = response.body()
            content_type = (response.headers.get("content-type") or "").split(";")[0].strip()
            kind = category(response.url, content_type)
            size = wire_bytes(body, content_type)
            visit.by_category[kind] += size
            visit.requests.append((response.url, kind, size))
    finally:
        context.close()
    return visit


def search_bytes(visit: Visit) -> int:
    """What search costs a visit: the index, its worker and the lunr language files."""
    return sum(size for url, kind, size in visit.requests
               if kind == "search index" or "/javascripts/workers/search" in url or "/javascripts/lunr/" in url)


def site_languages(copy_dir: Path) -> list[str]:
    """Bokmål and every language folder of a built copy (one with its own search index)."""
    others = sorted(d.name for d in copy_dir.iterdir()
                    if d.is_dir() and (d / "search" / "search_index.json").is_file() and (d / "index.html").is_file())
    return [DEFAULT_LANGUAGE, *others]


def page_types(copy_dir: Path) -> dict[str, str]:
    """The page types of the budget in a built copy; the course page is the first course (by address)."""
    course = min(d.name for d in (copy_dir / "kurs").iterdir() if (d / "index.html").is_file())
    return {"front": "", "catalogue": "kurs/", "course": f"kurs/{course}/", "about": "om/"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.weight", description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="a built site folder (make site: site/)")
    parser.add_argument("--copy", default="moss", help="which municipality's copy (default: moss)")
    args = parser.parse_args(argv)
    copy_dir = args.site / args.copy
    visits = first_visits(args.site, args.copy, page_types(copy_dir), site_languages(copy_dir))
    print("| Page | Language | " + " | ".join(CATEGORIES) + " | Total | of which search | Requests |")
    print("|---|---|" + "---|" * (len(CATEGORIES) + 3))
    for v in visits:
        print(f"| {v.page} | {v.language} | " + " | ".join(f"{v.by_category[c] / 1000:.1f}" for c in CATEGORIES)
              + f" | {v.total / 1000:.1f} | {search_bytes(v) / 1000:.1f} | {len(v.requests)} |")
    print()
    for v in heaviest(visits):
        print(f"heaviest: {v.page}: {v.total / 1000:.1f} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
