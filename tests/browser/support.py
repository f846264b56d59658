"""What the browser specs share: the pages to visit, the colour schemes, axe.

Chromium, the local server and the Opener are in tests/support/browser.py.
"""

from __future__ import annotations

import json
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml
from axe_playwright_python.sync_playwright import Axe

from tests.fixtures import REPO
from tests.support.browser import NOT_FOUND_PATH
from tests.support.expected import COURSE_IDS, language_of, language_prefix
from tests.support.expected import LANGUAGES as LANGUAGE_CODES

# --- what to test --------------------------------------------------------------

# Languages of the site (data/region.yml): each entry is (code, path prefix
# inside a copy): ("nb", ""), ("en", "en/"), … Arabic is written right to left.
LANGUAGES: list[tuple[str, str]] = [(code, language_prefix(code)) for code in LANGUAGE_CODES]
RTL = "ar"

# One page of each template, for the full matrix of widths and states.
TEMPLATE_PAGES: dict[str, str] = {
    "front": "",
    "catalogue": "kurs/",
    "course": f"kurs/{COURSE_IDS[0]}/",
    "about": "om/",
    "content": "ordliste/",
    "404": NOT_FOUND_PATH,  # any unknown address: the host serves 404.html
}

# axe-core rule sets: WCAG 2.0/2.1 A and AA, the AA rules of 2.2, best practice.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]

RESULTS_DIR = REPO / "test-results"


def colour_schemes() -> list[str]:
    """The colour schemes the site offers, from mkdocs.yml (Material's palette).

    One palette (a mapping) is one scheme; a list of palettes is a toggle
    between them, and every scheme in it joins the matrix.
    """
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    palette = config.get("theme", {}).get("palette") or {}
    palettes = palette if isinstance(palette, list) else [palette]
    return [p.get("scheme", "default") for p in palettes]


# --- the pages of a copy --------------------------------------------------------

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
