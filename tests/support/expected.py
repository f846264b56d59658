"""What the specs compare with: read straight from the fixture project's data/, languages/
and content/ with PyYAML (never through the product's loader), or written out here.

Dates, amounts, prices and the names of languages are formatted or written out here, not
with the product's formatting functions or Babel, so a wrong formatter cannot agree with
itself. (Course status and the agreement in force are taken from etablerer's facts, as
the issue asks.)
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

from tests.fixtures import FIXTURE, REPO

from .environ import PINNED_DAY

DATA_DIR = FIXTURE / "data"  # the behaviour tests' data: the fixture project, never data/
COURSES_DIR = DATA_DIR / "courses"
LANGUAGES_DIR = FIXTURE / "languages"
CONTENT_DIR = FIXTURE / "content"


# --- reading files -----------------------------------------------------------

@cache
def read_yaml(file: Path):
    """All scalars as strings (no YAML 1.1 surprises: 18:00 stays '18:00', no date parsing).
    Read once; do not change what it gives."""
    return yaml.load(file.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


_FRONT = re.compile(r"\A---\n(.*?\n)---\n", re.DOTALL)


def front_matter(file: Path) -> dict:
    found = _FRONT.match(file.read_text(encoding="utf-8"))
    return (yaml.safe_load(found[1]) or {}) if found else {}


def course_ids_from_files() -> list[str]:
    """The id written in each file of data/courses/, read without the product's loader."""
    return [read_yaml(file)["id"] for file in sorted(COURSES_DIR.glob("*.y*ml"))]


# Known at collection time, read straight from data/ (not through the product).
COPIES: list[str] = [m["id"] for m in read_yaml(DATA_DIR / "municipalities.yml")["municipalities"]]
COURSE_IDS: list[str] = course_ids_from_files()
SITE_NAME: str = read_yaml(DATA_DIR / "region.yml")["name"]

# Specs that check page by page do it in one copy: the copies are byte-identical outside
# etablerer's declared differences (tests/site/test_copies.py proves it).
COPY = COPIES[0]

SAMPLE_BANNER = "Eksempelinnhold – ikke ekte kurs eller kontaktinformasjon"  # bokmål; sample_banner(lang)

MONTHS = ("januar", "februar", "mars", "april", "mai", "juni", "juli",
          "august", "september", "oktober", "november", "desember")


# --- languages ----------------------------------------------------------------
# Bokmål is at the root of a copy; every other language under <copy>/<code>/.
# A page's interface strings come from languages/<code>/interface.yml.

DEFAULT_LANGUAGE = "nb"
LANGUAGES: list[str] = list(read_yaml(DATA_DIR / "region.yml")["languages"])  # bokmål first
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

# The name each language's readers know it by (CLDR's own name, capitalised), written out.
OWN_NAMES = {"nb": "Norsk bokmål", "en": "English", "uk": "Українська", "pl": "Polski", "ar": "العربية"}

# Names of the languages of instruction as each language's pages write them (CLDR), written out.
LANGUAGE_NAMES = {
    "nb": {"nb": "norsk bokmål", "en": "engelsk", "uk": "ukrainsk", "pl": "polsk", "ar": "arabisk"},
    "en": {"nb": "Norwegian Bokmål", "en": "English", "uk": "Ukrainian", "pl": "Polish", "ar": "Arabic"},
    "uk": {"nb": "норвезька (букмол)", "en": "англійська", "uk": "українська", "pl": "польська", "ar": "арабська"},
    "pl": {"nb": "norweski (bokmål)", "en": "angielski", "uk": "ukraiński", "pl": "polski", "ar": "arabski"},
    "ar": {"nb": "النرويجية بوكمال", "en": "الإنجليزية", "uk": "الأوكرانية", "pl": "البولندية", "ar": "العربية"},
}


@cache
def interface(lang: str) -> dict[str, str]:
    """languages/<lang>/interface.yml: every interface string of that language, as written
    (a string with plural forms is a mapping, see plural_interface)."""
    return read_yaml(LANGUAGES_DIR / lang / "interface.yml")


def plural_interface(lang: str, key: str) -> dict[str, str]:
    """An interface string with plural forms: form ('one', 'other', …) → text, as written."""
    forms = interface(lang)[key]
    assert isinstance(forms, dict), f"languages/{lang}/interface.yml: {key} has no plural forms"
    return forms


@cache
def shown_interface(lang: str) -> dict[str, str]:
    """Every interface string of `lang` as a page shows it: white space normalised
    (placeholders such as {language} left in)."""
    return {key: " ".join(value.split()) for key, value in interface(lang).items() if isinstance(value, str)}


def interface_text(lang: str, key: str, **values: str) -> str:
    """An interface string with its {placeholders} filled in, normalised as text_of gives it."""
    return normalise(interface(lang)[key].format(**values))


def sample_banner(lang: str) -> str:
    return interface_text(lang, "sample_banner")


def language_of(rel: str) -> str:
    """The language of a file of a copy from its path: 'en/om/index.html' → 'en', 'om/index.html' → 'nb'
    ('en/' → 'en': the paths a reader opens count too)."""
    first = rel.split("/", 1)[0]
    return first if first in OTHER_LANGUAGES and "/" in rel else DEFAULT_LANGUAGE


def split_language(rel: str) -> tuple[str, str]:
    """('uk', 'kurs/index.html') for 'uk/kurs/index.html'; bokmål for anything outside a language
    folder (a file's path: 'uk/' alone is bokmål's)."""
    head, _, rest = rel.partition("/")
    if head in OTHER_LANGUAGES and rest:
        return head, rest
    return DEFAULT_LANGUAGE, rel


def language_prefix(lang: str) -> str:
    """'' for bokmål, 'en/' for English: where a language's pages are in a copy."""
    return "" if lang == DEFAULT_LANGUAGE else f"{lang}/"


def in_language(text, lang: str) -> str:
    """A text of the loaded data (ServiceData) as a page in `lang` shows it: its translation
    there, or the bokmål text when it has none (the fallback). Plain text has no translations."""
    if lang == DEFAULT_LANGUAGE:
        return str(text)
    return getattr(text, "translations", {}).get(lang) or str(text)


def translation_of(value, lang: str):
    """A text read straight from data YAML (plain, or {nb: …, en: …}) in `lang`, or None when
    it has no translation there."""
    if isinstance(value, dict):
        return value.get(lang)
    return value if lang == DEFAULT_LANGUAGE else None


def nb(value):
    """The bokmål text of a field read straight from data YAML: plain text or {nb: …, en: …}."""
    return value["nb"] if isinstance(value, dict) else value


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


# --- reading text as a reader sees it ---------------------------------------

def normalise(text: str) -> str:
    """No-break spaces as spaces, runs of white space as one space."""
    return " ".join(text.replace("\u00a0", " ").split())


def text_of(element) -> str:
    return normalise(element.get_text(" "))


def parse_html(raw: str) -> BeautifulSoup:
    return BeautifulSoup(raw, "html.parser")


def nearest_lang(element) -> str | None:
    """The lang attribute in force at `element` (its own or its nearest ancestor's)."""
    for node in [element, *element.parents]:
        if getattr(node, "attrs", None) and node.get("lang"):
            return node["lang"]
    return None


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
    if code == DEFAULT_LANGUAGE:
        return True
    if src in NAV_TEMPLATES:
        return has_template(code, NAV_TEMPLATES[src])
    return (CONTENT_DIR / code / src).is_file()


# --- courses, from data/courses/ ----------------------------------------------

@cache
def courses() -> list[dict]:
    return [read_yaml(f) for f in sorted(COURSES_DIR.glob("*.y*ml"))]


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
    return isinstance(value, dict) and DEFAULT_LANGUAGE in value and set(value) <= set(LANGUAGES) and all(
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
        plain = normalise(text[DEFAULT_LANGUAGE])
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
