"""Bytes a first visit transfers, per page type, gzip-compressed, measured in Chromium.

The built copy is served from 127.0.0.1 (tests/browser/support.py's server, which
does not compress). Each page is opened in a fresh browser context (cold cache)
and followed until the network is idle; every response body is then counted as
a server with gzip would send it: text types (HTML, CSS, JS, JSON, SVG, XML)
gzip-compressed at level 6 (a common server default), others (PNG, JPEG, fonts)
as they are. data: URLs are inside the bytes of the file that holds them.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import sync_playwright
from tests.browser.support import CHROMIUM_ARGS, chromium_executable, serve

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
    by_category: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CATEGORIES, 0))
    requests: list[tuple[str, str, int]] = field(default_factory=list)  # (url, category, bytes)

    @property
    def total(self) -> int:
        return sum(self.by_category.values())


def first_visits(site: Path, copy: str, pages: dict[str, str]) -> list[Visit]:
    """pages: name → path inside the copy ('' is the front page)."""
    server = serve(site)
    visits = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium_executable(p.chromium), args=CHROMIUM_ARGS)
            try:
                for name, path in pages.items():
                    visits.append(_visit(browser, server.url(copy, path), name))
            finally:
                browser.close()
    finally:
        server.stop()
    return visits


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
