"""What the language specs compare with, read straight from data/, languages/ and
content/ with PyYAML (never through the product's loader), or written out here.

Dates, times, prices and language names in another language are written out
literally in the tests (CLDR's wording as a reader expects it), not produced
by the product's formatting functions or by Babel.
"""

from __future__ import annotations

import json
import re
from datetime import date
from functools import cache
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

from tests.fixtures import FIXTURE, REPO
from tests.site.helpers import COPIES, DATA_DIR, PINNED_DAY, normalise, resolve_in_copy

LANGUAGES_DIR = FIXTURE / "languages"
CONTENT_DIR = FIXTURE / "content"
DEFAULT = "nb"
COPY = COPIES[0]  # one copy for the page-by-page checks: copies differ only in their declared differences


# --- reading files -----------------------------------------------------------

@cache
def read_yaml(file: Path):
    """All scalars as strings (no YAML 1.1 surprises: 18:00 stays '18:00'). Read once; do not change."""
    return yaml.load(file.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


_FRONT = re.compile(r"\A---\n(.*?\n)---\n", re.DOTALL)


def front_matter(file: Path) -> dict:
    found = _FRONT.match(file.read_text(encoding="utf-8"))
    return (yaml.safe_load(found[1]) or {}) if found else {}


# Languages of the site, bokmål first (data/region.yml).
CODES: list[str] = list(read_yaml(DATA_DIR / "region.yml")["languages"])
OTHERS: list[str] = [c for c in CODES if c != DEFAULT]

# The name each language's readers know it by (CLDR's own name, capitalised), written out.
OWN_NAMES = {"nb": "Norsk bokmål", "en": "English", "uk": "Українська", "pl": "Polski", "ar": "العربية"}
RTL = {"ar"}

# Names of the languages of instruction as each language's pages write them (CLDR), written out.
LANGUAGE_NAMES = {
    "nb": {"nb": "norsk bokmål", "en": "engelsk", "uk": "ukrainsk", "pl": "polsk", "ar": "arabisk"},
    "en": {"nb": "Norwegian Bokmål", "en": "English", "uk": "Ukrainian", "pl": "Polish", "ar": "Arabic"},
    "uk": {"nb": "норвезька (букмол)", "en": "англійська", "uk": "українська", "pl": "польська", "ar": "арабська"},
    "pl": {"nb": "norweski (bokmål)", "en": "angielski", "uk": "ukraiński", "pl": "polski", "ar": "arabski"},
    "ar": {"nb": "النرويجية بوكمال", "en": "الإنجليزية", "uk": "الأوكرانية", "pl": "البولندية", "ar": "العربية"},
}


def prefix(code: str) -> str:
    """Where a language's pages are inside a copy: bokmål at the root, others under their code."""
    return "" if code == DEFAULT else f"{code}/"


@cache
def interface(code: str) -> dict[str, str]:
    return {k: " ".join(v.split()) for k, v in read_yaml(LANGUAGES_DIR / code / "interface.yml").items()}


def template_file(code: str, name: str) -> Path:
    return LANGUAGES_DIR / code / "pages" / f"{name}.md"


def has_template(code: str, name: str) -> bool:
    return template_file(code, name).is_file()


def template_review(code: str, name: str) -> str:
    """'drafted' or 'reviewed', from the translation's front matter (no status: drafted)."""
    return front_matter(template_file(code, name)).get("review", "drafted")


def template_headings(code: str, name: str, level: int = 2) -> list[str]:
    """The plain headings a translator wrote in a page template ('## Courses in English')."""
    marks = "#" * level + " "
    return [line[len(marks):].strip() for line in template_file(code, name).read_text(encoding="utf-8").splitlines()
            if line.startswith(marks) and "{" not in line]


# --- the menu and the pages --------------------------------------------------

class _NavLoader(yaml.SafeLoader):
    """mkdocs.yml with its !!python tags read as nothing."""


_NavLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def nav_sources() -> list[str]:
    """The menu's pages in mkdocs.yml, in order: 'index.md', 'kurs/index.md', …"""
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_NavLoader)
    return [next(iter(item.values())) if isinstance(item, dict) else item for item in config["nav"]]


# Each generated menu page and the template it is made from (languages/<code>/pages/<name>.md).
NAV_TEMPLATES = {
    "index.md": "front", "start-her.md": "start", "kurs/index.md": "catalogue", "veiledning.md": "guidance",
    "tilbud.md": "offer", "hjelp.md": "referrals", "om.md": "about", "kontakt.md": "contact",
    "tilgjengelighet.md": "accessibility", "personvern.md": "privacy",
}
FILTER_DIMENSIONS = ("type", "form", "kommune", "sprak", "pris")
NOT_FOUND = "404.html"


def url_of_source(src: str) -> str:
    """'index.md' → '', 'kurs/index.md' → 'kurs/', 'om.md' → 'om/'."""
    if src == "index.md":
        return ""
    if src.endswith("/index.md"):
        return src[: -len("index.md")]
    return src[: -len(".md")] + "/"


def url_of_file(rel: str) -> str:
    """'kurs/index.html' → 'kurs/', 'index.html' → '', '404.html' → '404.html'."""
    return rel[: -len("index.html")] if rel == "index.html" or rel.endswith("/index.html") else rel


def nav_key(src: str) -> str:
    return "nav_" + src.removesuffix(".md").replace("/", "_")


def page_exists_in(code: str, src: str) -> bool:
    """A menu page exists in a language when its template (generated) or its file (editorial) does."""
    if code == DEFAULT:
        return True
    if src in NAV_TEMPLATES:
        return has_template(code, NAV_TEMPLATES[src])
    return (CONTENT_DIR / code / src).is_file()


# --- courses, from data/courses/ ----------------------------------------------

def nb(value):
    """The bokmål text of a data text written plainly or as {nb: …, en: …}."""
    return value["nb"] if isinstance(value, dict) else value


def in_language(value, code: str):
    """The text in `code`, or None when it has no translation there."""
    if isinstance(value, dict):
        return value.get(code)
    return value if code == DEFAULT else None


@cache
def courses() -> list[dict]:
    return [read_yaml(f) for f in sorted((DATA_DIR / "courses").glob("*.y*ml"))]


def course(course_id: str) -> dict:
    return next(c for c in courses() if c["id"] == course_id)


def first_session(c: dict) -> tuple[str, str]:
    return min((s["date"], s["start"]) for s in c["sessions"])


def last_day(c: dict) -> date:
    return max(date.fromisoformat(s["date"]) for s in c["sessions"])


def upcoming(today: date = PINNED_DAY) -> list[dict]:
    """Courses whose last session is on or after the as-of day, by first session (as tests/courses does)."""
    return sorted((c for c in courses() if last_day(c) >= today), key=lambda c: (first_session(c), c["id"]))


def taught_in(code: str, today: date = PINNED_DAY) -> list[str]:
    return [c["id"] for c in upcoming(today) if code in c["languages"]]


def former_ids() -> dict[str, str]:
    """Old address → course, for renamed courses."""
    return {old: c["id"] for c in courses() for old in c.get("former_ids", [])}


def template_of_page(url: str) -> tuple[str, str] | None:
    """('template', name) for a generated page, ('content', src) for an editorial one, None otherwise."""
    for src, name in NAV_TEMPLATES.items():
        if url == url_of_source(src):
            return "template", name
    parts = url.strip("/").split("/")
    if url.startswith("kurs/") and len(parts) == 2:
        if parts[1] in {c["id"] for c in courses()}:
            return "template", "course"
        if parts[1] in former_ids():
            return "template", "course_redirect"
    if url.startswith("kurs/") and len(parts) == 3 and parts[1] in FILTER_DIMENSIONS:
        return "template", "course_filter"
    if url.endswith("/") and (CONTENT_DIR / (url.rstrip("/") + ".md")).is_file():
        return "content", url.rstrip("/") + ".md"
    return None


def review_of_page(code: str, url: str) -> str | None:
    """Review status of the translation a page of `code` is made from (None: not a translated page)."""
    made_from = template_of_page(url)
    if made_from is None:
        return None
    kind, name = made_from
    if kind == "template":
        return template_review(code, name)
    return front_matter(CONTENT_DIR / code / name).get("review", "drafted")


# --- data texts ----------------------------------------------------------------

def _is_local_text(value) -> bool:
    return isinstance(value, dict) and DEFAULT in value and set(value) <= set(CODES) and all(
        isinstance(v, str) for v in value.values())


def data_texts() -> list[dict]:
    """Every text in data/ written per language ({nb: …, en: …})."""
    found = []

    def walk(value):
        if _is_local_text(value):
            found.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for file in sorted(DATA_DIR.rglob("*.y*ml")):
        walk(read_yaml(file))
    return found


def untranslated_texts(code: str, shortest: int = 12) -> list[str]:
    """Bokmål data texts with no translation in `code`, as a reader sees them (plain text only:
    texts with Markdown or HTML marks are left out, since the page shows them changed)."""
    out = set()
    for text in data_texts():
        if code in text:
            continue
        plain = normalise(text[DEFAULT])
        if len(plain) >= shortest and not re.search(r"[*_\[\]()<>#`{}]", plain):
            out.add(plain)
    return sorted(out)


# --- agreements: who must be shown -------------------------------------------

def agreement_for_visibility(today: date = PINNED_DAY) -> dict:
    """The agreement in force on the as-of day, else the most recent one."""
    agreements = read_yaml(DATA_DIR / "agreements.yml")["agreements"]

    def period(a):
        p = a["period"]
        return date.fromisoformat(p["start"]), date.fromisoformat(p["end"]) if p.get("end") else None

    in_force = [a for a in agreements if period(a)[0] <= today and (period(a)[1] is None or today <= period(a)[1])]
    return (in_force or sorted(agreements, key=lambda a: period(a)[0]))[-1]


def organisation(org_id: str) -> dict:
    return next(o for o in read_yaml(DATA_DIR / "organisations.yml")["organisations"] if o["id"] == org_id)


def municipalities() -> list[dict]:
    return read_yaml(DATA_DIR / "municipalities.yml")["municipalities"]


def base_url(copy: str) -> str:
    return next(m["base_url"] for m in municipalities() if m["id"] == copy)


# --- the built tree ------------------------------------------------------------

def language_of(rel: str) -> tuple[str, str]:
    """('uk', 'kurs/') for 'uk/kurs/index.html'; bokmål for anything outside a language folder."""
    head, _, rest = rel.partition("/")
    if head in OTHERS and rest:
        return head, rest
    return DEFAULT, rel


def is_embed(rel: str) -> bool:
    """Blocks and widgets for the municipalities' own pages (embed/): not pages of the site."""
    return rel.startswith("embed/")


def language_pages(copy_dir: Path) -> dict[str, set[str]]:
    """language → rel paths of its HTML pages ('kurs/index.html'), from the built tree."""
    found: dict[str, set[str]] = {code: set() for code in CODES}
    for file in copy_dir.rglob("*.html"):
        rel = file.relative_to(copy_dir).as_posix()
        if is_embed(rel):
            continue
        code, inner = language_of(rel)
        found.setdefault(code, set()).add(inner)
    return found


def resolve(copy_dir: Path, page_rel: str, href: str, absolute_base: str | None = None) -> str | None:
    """The rel path of the file an href on page `page_rel` leads to inside the copy, or None.
    Relative hrefs only, unless `absolute_base` (the copy's base_url) is given."""
    target = resolve_in_copy(copy_dir, page_rel, href, absolute_base)
    if target is None:
        return None
    try:
        return target.relative_to(copy_dir).as_posix()
    except ValueError:
        return None


def soup(text: str) -> BeautifulSoup:
    return BeautifulSoup(text, "html.parser")


def search_index(copy_dir: Path, code: str) -> dict:
    return json.loads((copy_dir / prefix(code) / "search" / "search_index.json").read_text(encoding="utf-8"))


def nearest_lang(element) -> str | None:
    for node in [element, *element.parents]:
        if getattr(node, "attrs", None) and node.get("lang"):
            return node["lang"]
    return None
