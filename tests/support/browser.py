"""Chromium, the local server a built site is served from, and the Opener that opens
pages of one copy in fresh browser contexts.

One Chromium is started for the whole run (the `browser` fixture of tests/conftest.py);
each test opens its own context (window size, JavaScript on or off) in it. The site is
served from 127.0.0.1; nothing off that host is fetched (route_copy_base).
"""

from __future__ import annotations

import functools
import http.server
import io
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from playwright.sync_api import Error as PlaywrightError

from .expected import COPY, language_of, language_prefix

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 740}
NARROWEST = {"width": 320, "height": 640}  # WCAG 1.4.10: 1280 px at 400 % zoom

# Any unknown address: the host serves the 404.html of the copy, or of the
# language folder the address is in (en/finnes-ikke/… gets en/404.html).
NOT_FOUND_PATH = "finnes-ikke/dypt/nede/"


# --- Chromium ------------------------------------------------------------------

# Flags from the machine doc: without the networking ones Chromium tries to reach
# Google's hosts at start, which this machine refuses, and requests can hang.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
SYSTEM_CHROMIUM = Path("/usr/bin/chromium")
NO_CHROMIUM = (
    "No Chromium for the browser tests. Install one of:\n"
    "  Debian/Ubuntu: sudo apt-get install chromium   (gives /usr/bin/chromium; .ci/run does this)\n"
    "  elsewhere:     .venv/bin/playwright install chromium\n"
    "or set CHROMIUM=/path/to/chromium."
)


def chromium_executable(playwright_chromium) -> str | None:
    """The Chromium to drive: $CHROMIUM, Debian's, or Playwright's own download.

    Returns None for Playwright's own; raises LookupError if there is none.
    """
    chosen = os.environ.get("CHROMIUM")
    if chosen:
        if not Path(chosen).exists():
            raise LookupError(f"CHROMIUM={chosen} does not exist.\n{NO_CHROMIUM}")
        return chosen
    if SYSTEM_CHROMIUM.exists():
        return str(SYSTEM_CHROMIUM)
    try:
        if Path(playwright_chromium.executable_path).exists():
            return None
    except Exception:  # Playwright raises when its browser was never installed
        pass
    raise LookupError(NO_CHROMIUM)


# --- the local server ----------------------------------------------------------

def not_found_page(copy_dir: Path, rel: str) -> Path:
    """The 404 page a host answers an unknown address `rel` of a copy with: that of
    the language folder the address is in (en/…: en/404.html), else the copy's."""
    return copy_dir / language_prefix(language_of(rel.lstrip("/"))) / "404.html"


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Static files; an unknown address inside a copy gets its (language's) 404.html
    with status 404, as a web server set up for the copy would answer."""

    def log_message(self, format, *args):  # quiet: pytest shows failures
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if not path.exists():
            copy, _, rel = unquote(urlsplit(self.path).path).strip("/").partition("/")
            fallback = not_found_page(Path(self.directory) / copy, rel)
            if copy and fallback.is_file():
                body = fallback.read_bytes()
                self.send_response(404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                return io.BytesIO(body)
        return super().send_head()


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True


@dataclass
class LocalServer:
    root: Path
    server: http.server.ThreadingHTTPServer

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.server.server_port}"

    def url(self, copy: str, path: str = "") -> str:
        return f"{self.origin}/{copy}/{path}"

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def serve(root: Path) -> LocalServer:
    server = _Server(("127.0.0.1", 0), functools.partial(_Handler, directory=str(root)))
    threading.Thread(target=server.serve_forever, name="site-server", daemon=True).start()
    return LocalServer(root, server)


def route_copy_base(context, server: LocalServer, copy: str, base_url: str) -> None:
    """Requests to the copy's own base URL (the 404 page links absolutely) are
    answered from the copy's files, as the local server would answer them;
    anything else off 127.0.0.1 is refused, so no test can reach the network."""
    copy_dir = server.root / copy

    def handle(route):
        url = route.request.url
        try:
            if url.startswith((server.origin + "/", "data:", "blob:")):
                route.continue_()
            elif url.startswith(base_url):
                rel = unquote(urlsplit(url[len(base_url):]).path)
                file = copy_dir / rel
                if file.is_dir():
                    file = file / "index.html"
                if file.is_file():
                    route.fulfill(path=file)
                else:
                    route.fulfill(path=not_found_page(copy_dir, rel), status=404)
            else:
                route.abort()
        except PlaywrightError:
            pass  # the page went on before this request was answered

    context.route("**/*", handle)


def is_not_found_page(path: str) -> bool:
    """'404.html', 'en/404.html', 'finnes-ikke/dypt/nede/', 'ar/finnes-ikke/dypt/nede/'."""
    return path.split("/")[-1] == "404.html" or path.removeprefix(language_prefix(language_of(path))) == NOT_FOUND_PATH


def page_url(server: LocalServer, copy: str, base_url: str, path: str) -> str:
    """Where a test opens a page. A 404 page (of any language) is opened at its
    copy's own origin (routed to the local server) because its links are absolute."""
    if is_not_found_page(path):
        return base_url + path
    return server.url(copy, path)


# --- opening pages -------------------------------------------------------------

class Opener:
    """Opens pages of one copy of a built site (a BuiltSite served by `server`) in fresh
    browser contexts, and closes them after the test (close()).

    `locale`: the reader's language as the browser reports it (None: Chromium's own)."""

    def __init__(self, browser, server: LocalServer, site, copy: str = COPY, *, locale: str | None = "nb-NO"):
        self.browser, self.server, self.site, self.copy, self.locale = browser, server, site, copy, locale
        self.base_url = site.base_url(copy)
        self.contexts = []

    def context(self, viewport=DESKTOP, javascript=True, bypass_csp=False, requests: list[str] | None = None):
        """A fresh context. bypass_csp: for a reader's own style sheet (text spacing, WCAG 1.4.12),
        which a browser applies whatever the page's CSP says. `requests`, when given, gets the
        URL of every request of the context, from the first."""
        options = {"locale": self.locale} if self.locale else {}
        context = self.browser.new_context(viewport=viewport, java_script_enabled=javascript,
                                           reduced_motion="reduce", bypass_csp=bypass_csp, **options)
        context.set_default_timeout(15_000)  # only catches a hang
        if requests is not None:
            context.on("request", lambda request: requests.append(request.url))
        route_copy_base(context, self.server, self.copy, self.base_url)
        self.contexts.append(context)
        return context

    def url(self, path: str, published: bool = False) -> str:
        """Where the page `path` is opened: the local server (a 404 page at the copy's own
        base URL, see page_url), or with `published` at the copy's own base URL (answered from
        the copy's files by route_copy_base), where its absolute links are same-origin, as
        readers get it."""
        return self.base_url + path if published else page_url(self.server, self.copy, self.base_url, path)

    def open(self, path: str, viewport=DESKTOP, javascript=True, context=None, bypass_csp=False,
             requests: list[str] | None = None, published: bool = False):
        """A new page at `path` in `context` (or a fresh one, see context()), loaded."""
        page = (context or self.context(viewport, javascript, bypass_csp, requests)).new_page()
        page.goto(self.url(path, published), wait_until="load")
        return page

    def close(self):
        for context in self.contexts:
            context.close()
