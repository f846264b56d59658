"""What the browser specs share: the pages to visit, the local server, Chromium, axe.

The site is built once into a temporary folder and served from 127.0.0.1.
One Chromium is started for the whole run; each test opens its own context
(window size, JavaScript on or off) in it.
"""

from __future__ import annotations

import functools
import http.server
import io
import json
import os
import posixpath
import re
import threading
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Error as PlaywrightError

from tests.site.helpers import COPIES, COURSE_IDS, ROOT, language_of, language_prefix
from tests.site.helpers import LANGUAGES as LANGUAGE_CODES

# --- what to test --------------------------------------------------------------

# Every page is checked in one copy: the copies are byte-identical outside
# etablerer.copies.DIFFERENCES (tests/site/test_copies.py proves it).
COPY = COPIES[0]

# Languages of the site (data/region.yml): each entry is (code, path prefix
# inside a copy): ("nb", ""), ("en", "en/"), … Arabic is written right to left.
LANGUAGES: list[tuple[str, str]] = [(code, language_prefix(code)) for code in LANGUAGE_CODES]
RTL = "ar"

# Any unknown address: the host serves the 404.html of the copy, or of the
# language folder the address is in (en/finnes-ikke/… gets en/404.html).
NOT_FOUND_PATH = "finnes-ikke/dypt/nede/"

# One page of each template, for the full matrix of widths and states.
TEMPLATE_PAGES: dict[str, str] = {
    "front": "",
    "catalogue": "kurs/",
    "course": f"kurs/{COURSE_IDS[0]}/",
    "about": "om/",
    "content": "ordliste/",
    "404": NOT_FOUND_PATH,  # any unknown address: the host serves 404.html
}

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 740}
NARROWEST = {"width": 320, "height": 640}  # WCAG 1.4.10: 1280 px at 400 % zoom

# axe-core rule sets: WCAG 2.0/2.1 A and AA, the AA rules of 2.2, best practice.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]

RESULTS_DIR = ROOT / "test-results"

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


def colour_schemes() -> list[str]:
    """The colour schemes the site offers, from mkdocs.yml (Material's palette).

    One palette (a mapping) is one scheme; a list of palettes is a toggle
    between them, and every scheme in it joins the matrix.
    """
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    palette = config.get("theme", {}).get("palette") or {}
    palettes = palette if isinstance(palette, list) else [palette]
    return [p.get("scheme", "default") for p in palettes]


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


_REFRESH = re.compile(r'<meta http-equiv="refresh" content="(\d+);\s*url=([^"]*)"', re.IGNORECASE)


def redirect_of(file: Path) -> tuple[int, str] | None:
    """(delay, target) of a page that only sends the reader on (meta refresh), else None."""
    found = _REFRESH.search(file.read_text(encoding="utf-8"))
    return (int(found.group(1)), found.group(2)) if found else None


def _as_path(rel: str) -> str:
    return rel[: -len("index.html")] if rel.endswith("index.html") else rel


def is_document(file: Path) -> bool:
    return file.read_text(encoding="utf-8")[:100].lstrip().lower().startswith("<!doctype html")


def site_pages(copy_dir: Path, language: str | None = None) -> list[str]:
    """Every page of a copy as the path a reader opens: '', 'om/', '404.html', 'en/om/'
    (only those of `language` when given: 'en' → 'en/', 'en/om/', …).

    Left out: pages that only redirect (an old course address; the browser
    leaves them at once, test_redirects checks where they lead) and HTML
    fragments for other sites to embed (see fragments()).
    """
    pages = [_as_path(f.relative_to(copy_dir).as_posix()) for f in sorted(copy_dir.rglob("*.html"))
             if is_document(f) and redirect_of(f) is None]
    return pages if language is None else [path for path in pages if language_of(path) == language]


def fragments(copy_dir: Path) -> list[str]:
    """HTML files that are not documents: blocks a municipality pastes into its own pages."""
    return [f.relative_to(copy_dir).as_posix() for f in sorted(copy_dir.rglob("*.html")) if not is_document(f)]


# A plain host page around a fragment, as a municipality's page would hold it.
FRAGMENT_HOST = """<!doctype html><html lang="nb"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Vertsside</title></head>
<body><main><h1>Kommunens side</h1>{fragment}</main></body></html>"""


def redirect_pages(copy_dir: Path) -> dict[str, tuple[int, str]]:
    return {_as_path(f.relative_to(copy_dir).as_posix()): r for f in sorted(copy_dir.rglob("*.html"))
            if (r := redirect_of(f)) is not None}


# --- axe -------------------------------------------------------------------------

_AXE = Axe()


@dataclass(frozen=True)
class AxeFinding:
    rule: str
    impact: str | None
    help: str
    targets: list[str]
    summary: str

    def describe(self, where: str) -> str:
        return f"{self.rule} ({self.impact}) on {where}: {self.help}\n" + "\n".join(
            f"    element: {target}" for target in self.targets)


def run_axe(page) -> tuple[list[AxeFinding], list[AxeFinding]]:
    """axe-core on the page as it is now: (violations, incomplete)."""
    results = _AXE.run(page, options={
        "runOnly": {"type": "tag", "values": AXE_TAGS},
        "resultTypes": ["violations", "incomplete"],
    }).response

    def findings(kind: str) -> list[AxeFinding]:
        return [AxeFinding(
            rule=item["id"], impact=item.get("impact"), help=item["help"],
            targets=[" ".join(map(str, node["target"])) for node in item["nodes"]],
            summary="; ".join(node.get("failureSummary") or "" for node in item["nodes"])[:2000],
        ) for item in results[kind]]

    return findings("violations"), findings("incomplete")


class IncompleteReport:
    """axe's 'incomplete' results (it could not decide: a person must look),
    collected over the run and written to test-results/ for manual review."""

    def __init__(self, file: Path):
        self.file = file
        self.entries: list[dict] = []

    def add(self, where: str, findings: list[AxeFinding]) -> None:
        for f in findings:
            self.entries.append({"where": where, "rule": f.rule, "help": f.help,
                                 "elements": f.targets, "why": f.summary})

    def write(self) -> None:
        self.file.parent.mkdir(parents=True, exist_ok=True)
        self.file.write_text(json.dumps(self.entries, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def resolve(url: str, href: str) -> str:
    """An href resolved against the page, without fragment; a folder and its
    index.html are the same target."""
    from urllib.parse import urljoin
    target = urljoin(url, href)
    parts = urlsplit(target)
    path = unquote(parts.path)
    if path.endswith("/index.html"):
        path = path[: -len("index.html")]
    path = posixpath.normpath(path) + ("/" if path.endswith("/") and path != "/" else "")
    return parts._replace(path=path, fragment="").geturl()
