"""Helpers for the built-site specs: build, find a page, read it as a reader would.

Expectations come from the data or are written out in the tests. Dates,
amounts and prices are formatted here, not with the product's formatting
functions, so a wrong formatter cannot agree with itself. (Course status and
the agreement in force are taken from etablerer.courses and
etablerer.agreements, as the issue asks.)
"""

from __future__ import annotations

import functools
import gzip
import os
import posixpath
import re
import subprocess
import sys
from datetime import date, datetime
from functools import cached_property
from pathlib import Path
from urllib.parse import unquote, urlsplit
from xml.etree import ElementTree
from zoneinfo import ZoneInfo

import yaml
from bs4 import BeautifulSoup

from mkdocs_adapter import runner
from etablerer.publish.build import build_site
from etablerer.inputs.loading import ServiceData, load_data

from tests.fixtures import FIXTURE, REPO, assemble

ROOT = REPO  # the repository: its code (hooks/, mkdocs.yml, workflows)
DATA_DIR = FIXTURE / "data"  # the behaviour tests' data: the fixture project, never data/
COURSES_DIR = DATA_DIR / "courses"

# The as-of date of every build in these specs: noon in Oslo, so no time zone
# or daylight-saving edge can move it to another day.
PINNED_DAY = date(2026, 11, 27)
PINNED_EPOCH = int(datetime(2026, 11, 27, 12, 0, tzinfo=ZoneInfo("Europe/Oslo")).timestamp())

# HTML files of a copy that are fragments, not pages.
HTML_FRAGMENTS = ("embed/snippet.html",)

SAMPLE_BANNER = "Eksempelinnhold – ikke ekte kurs eller kontaktinformasjon"  # bokmål; sample_banner(lang)

MONTHS = ("januar", "februar", "mars", "april", "mai", "juni", "juli",
          "august", "september", "oktober", "november", "desember")


def pinned_environ() -> dict[str, str]:
    env = dict(os.environ)
    env["SOURCE_DATE_EPOCH"] = str(PINNED_EPOCH)
    env["NO_MKDOCS_2_WARNING"] = "1"
    env.pop("ETABLERER_MODE", None)
    env.pop("ETABLERER_COPY", None)
    return env


def _read_yaml(file: Path):
    return yaml.load(file.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)  # all strings: no date parsing here


def course_ids_from_files() -> list[str]:
    """The id written in each file of data/courses/, read without the product's loader."""
    return [_read_yaml(file)["id"] for file in sorted(COURSES_DIR.glob("*.y*ml"))]


# Known at collection time, read straight from data/ (not through the product).
COPIES: list[str] = [m["id"] for m in _read_yaml(DATA_DIR / "municipalities.yml")["municipalities"]]
COURSE_IDS: list[str] = course_ids_from_files()
SITE_NAME: str = _read_yaml(DATA_DIR / "region.yml")["name"]


# --- languages ----------------------------------------------------------------
# Bokmål is at the root of a copy; every other language under <copy>/<code>/.
# A page's interface strings come from languages/<code>/interface.yml, read here
# with yaml (not through the product).

LANGUAGES_DIR = FIXTURE / "languages"
DEFAULT_LANGUAGE = "nb"
LANGUAGES: list[str] = _read_yaml(DATA_DIR / "region.yml")["languages"]
OTHER_LANGUAGES: list[str] = [code for code in LANGUAGES if code != DEFAULT_LANGUAGE]
RTL_LANGUAGES = {"ar"}

# The pinned as-of day as each language writes a long date, written out (CLDR
# long format: Babel's en_GB, uk, pl and ar with Latin digits; bokmål as before).
PINNED_DAY_LONG: dict[str, str] = {
    "nb": "27. november 2026",
    "en": "27 November 2026",
    "uk": "27 листопада 2026 р.",
    "pl": "27 listopada 2026",
    "ar": "27 نوفمبر 2026",
}


@functools.cache
def interface(lang: str) -> dict[str, str]:
    """languages/<lang>/interface.yml: every interface string of that language."""
    return _read_yaml(LANGUAGES_DIR / lang / "interface.yml")


def interface_text(lang: str, key: str, **values: str) -> str:
    """An interface string with its {placeholders} filled in, normalised as text_of gives it."""
    return normalise(interface(lang)[key].format(**values))


def sample_banner(lang: str) -> str:
    return interface_text(lang, "sample_banner")


def language_of(rel: str) -> str:
    """The language of a file of a copy from its path: 'en/om/index.html' → 'en', 'om/index.html' → 'nb'."""
    first = rel.split("/", 1)[0]
    return first if first in OTHER_LANGUAGES and "/" in rel else DEFAULT_LANGUAGE


def language_prefix(lang: str) -> str:
    """'' for bokmål, 'en/' for English: where a language's pages are in a copy."""
    return "" if lang == DEFAULT_LANGUAGE else f"{lang}/"


def in_language(text, lang: str) -> str:
    """A text from data/ as a page in `lang` shows it: its translation there, or the
    bokmål text when it has none (the fallback). Plain data text has no translations."""
    if lang == DEFAULT_LANGUAGE:
        return str(text)
    return getattr(text, "translations", {}).get(lang) or str(text)


def nb(value):
    """The bokmål text of a field read straight from data YAML: plain text or {nb: …, en: …}."""
    return value["nb"] if isinstance(value, dict) else value


# --- reading text as a reader sees it ---------------------------------------

def normalise(text: str) -> str:
    """No-break spaces as spaces, runs of white space as one space."""
    return " ".join(text.replace("\u00a0", " ").split())


def text_of(element) -> str:
    return normalise(element.get_text(" "))


def long_date(day: date) -> str:
    """2027-04-13 → '13. april 2027' (compare with normalised text)."""
    return f"{day.day}. {MONTHS[day.month - 1]} {day.year}"


def kroner(amount) -> str:
    """124890 → 'kr 124 890' (compare with normalised text)."""
    whole = int(amount)
    assert whole == amount, "these specs only need whole kroner"
    return "kr " + f"{whole:,}".replace(",", " ")


def price_in_words(amount) -> str:
    return "Gratis" if amount == 0 else kroner(amount)


def parse_html(raw: str) -> BeautifulSoup:
    return BeautifulSoup(raw, "html.parser")


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


def fragment_of(url: str) -> str:
    return unquote(urlsplit(url).fragment)


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


def project_copy(target: Path) -> Path:
    """A throw-away copy of the fixture project to edit data in (tests/fixtures.assemble):
    data/, content/, languages/ copied, the code linked."""
    return assemble(target)


def edit_file(file: Path, change) -> None:
    file.write_text(change(file.read_text(encoding="utf-8")), encoding="utf-8")


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "etablerer", *args], cwd=cwd, env=pinned_environ(),
                          capture_output=True, text=True, timeout=600)


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
