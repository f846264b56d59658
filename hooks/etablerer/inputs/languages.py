"""The site's languages: which exist, their names, and their files under languages/.

A language is data: its code on one line of data/region.yml (`languages:`) and
its files under languages/<code>/:

    interface.yml     every interface string (menu, banner, footer, notes, course facts);
                      a string that counts something ("22 treff") is a mapping of the
                      language's plural forms (CLDR's, via Babel: one/other in bokmål,
                      zero/one/two/few/many/other in Arabic), see inputs/plurals.py
    pages/<name>.md   the generated pages translated so far (a missing file: no page
                      in that language; readers are led to the bokmål page instead)

plus, for editorial pages, content/<code>/<page>.md. Bokmål (nb) is the
original; every other file names its review status in front matter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from babel import Locale

from etablerer.inputs.addresses import FRONT_PAGE
from etablerer.inputs.errors import DataError, shown_path
from etablerer.inputs.fieldtypes import DEFAULT_LANGUAGE, REVIEW_STATES
from etablerer.inputs.messages import _
from etablerer.inputs.plurals import plural_strings
from etablerer.inputs.yamlsource import load_yaml, parse_yaml

LANGUAGES_DIR = "languages"
INTERFACE_FILE = "interface.yml"
PAGES_DIR = "pages"
_FRONT_MATTER = re.compile(r"\A---\n(.*?\n)---\n", re.DOTALL)


@dataclass(frozen=True)
class Language:
    code: str

    @property
    def own_name(self) -> str:
        """'Norsk bokmål', 'English', 'Українська': the name its readers know, from CLDR."""
        name = Locale.parse(self.code).get_display_name(self.code) or self.code
        return name[:1].upper() + name[1:]

    @property
    def direction(self) -> str:
        return "rtl" if Locale.parse(self.code).character_order == "right-to-left" else "ltr"

    @property
    def prefix(self) -> str:
        """Where its pages are inside a copy: bokmål at the root, others under their code."""
        return "" if self.code == DEFAULT_LANGUAGE else f"{self.code}/"

    @property
    def is_default(self) -> bool:
        return self.code == DEFAULT_LANGUAGE


@cache
def language_name(code: str, in_language: str = DEFAULT_LANGUAGE) -> str:
    """'uk' in bokmål → 'ukrainsk'; in English → 'Ukrainian'. From CLDR via Babel."""
    return Locale.parse(in_language).languages.get(code, code)


@dataclass(frozen=True)
class PageTemplate:
    """One generated page's wording in one language."""

    name: str  # 'front'
    template: str  # Jinja name, 'en/pages/front.md'
    review: str  # 'reviewed' or 'drafted'


@dataclass(frozen=True)
class LanguageFiles:
    """What languages/ holds, validated."""

    languages: tuple[Language, ...]
    interface: dict[str, dict[str, str]]  # code → key → text
    pages: dict[str, dict[str, PageTemplate]] = field(default_factory=dict)  # code → name → template
    base: Path | None = None  # the languages/ folder: Jinja loads the page templates from there
    interface_review: dict[str, str] = field(default_factory=dict)  # code → review status of its interface.yml
    plurals: dict[str, dict[str, dict[str, str]]] = field(default_factory=dict)  # code → key → plural form → text

    def language(self, code: str) -> Language:
        return next(lang for lang in self.languages if lang.code == code)

    def has_page(self, code: str, name: str) -> bool:
        return name in self.pages.get(code, {})


def front_matter(text: str, shown: str) -> tuple[dict, str, list[DataError]]:
    """A page's leading `---` block (review status) and the text after it, line count kept."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text, []
    doc, problems = parse_yaml(match[1], shown)
    meta = doc.data if doc is not None and isinstance(doc.data, dict) else {}
    errors = [DataError(e.file, e.line + 1, e.field, _("front matter: {message}").format(message=e.message))
              for e in problems]
    return meta, "\n" * match[0].count("\n") + text[match.end():], errors


def review_status(meta: dict, shown: str, code: str) -> tuple[str, list[DataError]]:
    """A translation's review status from its front matter; bokmål is the original."""
    if code == DEFAULT_LANGUAGE:
        return "reviewed", []
    state = meta.get("review", "drafted")
    if state not in REVIEW_STATES:
        return "drafted", [DataError(shown, 2, "review", _("'{state}' is not a review status; write review: "
                                                           "drafted or review: reviewed").format(state=state))]
    return state, []


def load_language_files(root: Path, codes: tuple[str, ...],
                        required: tuple[str, ...] = ()) -> tuple[LanguageFiles, list[DataError]]:
    """Read every language's interface strings and page templates; report every problem.
    `required`: the page templates the build uses; bokmål must have each, and no other."""
    errors: list[DataError] = []
    base = root / LANGUAGES_DIR
    interface: dict[str, dict[str, str]] = {}
    pages: dict[str, dict[str, PageTemplate]] = {}
    raw = {code: _interface(base / code / INTERFACE_FILE, root) for code in codes}
    for code in codes:
        strings, found = raw[code]
        errors += found + _key_errors(code, raw, root)
        interface[code] = strings
        pages[code], found = _page_templates(base, code, root, set(pages.get(DEFAULT_LANGUAGE, {})))
        errors += found
        if code != DEFAULT_LANGUAGE and FRONT_PAGE not in pages[code]:
            shown = shown_path(base / code / PAGES_DIR / f"{FRONT_PAGE}.md", root)
            original = f"{LANGUAGES_DIR}/{DEFAULT_LANGUAGE}/{PAGES_DIR}/{FRONT_PAGE}.md"
            errors.append(DataError(shown, 1, "", _(
                "the file is missing; every language needs its front page (the language switcher leads there): "
                "copy {file} and translate it").format(file=original)))
    if required and DEFAULT_LANGUAGE in pages:
        errors += _required_templates(base, root, pages[DEFAULT_LANGUAGE], required)
    review = {code: ("reviewed" if code == DEFAULT_LANGUAGE else raw[code][0].review) for code in codes}
    plurals: dict[str, dict[str, dict[str, str]]] = {}
    for code in codes:
        originals = raw[DEFAULT_LANGUAGE][0].plural_values if DEFAULT_LANGUAGE in raw else {}
        shown = shown_path(base / code / INTERFACE_FILE, root)
        plurals[code], found = plural_strings(code, raw[code][0], review[code], originals, shown)
        errors += found
    return LanguageFiles(tuple(Language(c) for c in codes), interface, pages, base, review, plurals), errors


def _key_errors(code: str, raw: dict, root: Path) -> list[DataError]:
    """Keys are bokmål's: a key only bokmål lacks (every other language has it) is bokmål's to
    add back; a key only some languages have is theirs to remove or correct."""
    strings = raw[code][0]
    reference = set(raw.get(DEFAULT_LANGUAGE, ({}, []))[0])
    others = [c for c in raw if c != DEFAULT_LANGUAGE]
    everywhere = set.intersection(*(set(raw[c][0].lines) for c in others)) if others else set()
    everywhere.discard("review")
    shown = shown_path(root / LANGUAGES_DIR / code / INTERFACE_FILE, root)
    lines = strings.lines
    errors = []
    if strings.missing_file:
        return errors  # said once: the file is missing
    if code == DEFAULT_LANGUAGE:
        for key in sorted(everywhere - set(lines)):
            errors.append(DataError(shown, 1, key, _("this interface string is missing in bokmål (every other "
                                                     "language has it); write the bokmål text")))
        return errors
    plural_keys = set(raw[DEFAULT_LANGUAGE][0].plural_values) if DEFAULT_LANGUAGE in raw else set()
    for key in sorted(set(strings) & plural_keys):
        errors.append(DataError(shown, lines.get(key, 1), key, _(
            "this string has plural forms in bokmål; write one text per form (one: …, other: …)")))
    for key in sorted(set(strings.plural_values) & reference):
        errors.append(DataError(shown, lines.get(key, 1), key, _(
            "this string has no plural forms in bokmål; write one text")))
    for key in sorted((set(strings) | set(strings.plural_values)) - reference - plural_keys - everywhere):
        errors.append(DataError(shown, lines.get(key, 1), key, _("no such interface string in "
                                                                 "languages/nb/interface.yml; check the spelling "
                                                                 "or remove it")))
    originals = raw[DEFAULT_LANGUAGE][0]
    for key in sorted(set(strings) & reference - plural_keys):
        want, got = _placeholders(originals[key]), _placeholders(strings[key])
        if want != got:
            names = ", ".join("{" + name + "}" for name in sorted(want)) or _("none")
            errors.append(DataError(shown, lines.get(key, 1), key, _(
                "the placeholders must be those of bokmål ({names}); keep them as they are").format(names=names)))
    for key in sorted((reference | plural_keys) - set(lines)):
        errors.append(DataError(shown, 1, key, _("this interface string is missing; translate it from "
                                                 "languages/nb/interface.yml")))
    return errors


def _placeholders(text: str) -> set[str]:
    return set(re.findall(r"\{(\w+)\}", text))


def _required_templates(base: Path, root: Path, found: dict[str, PageTemplate],
                        required: tuple[str, ...]) -> list[DataError]:
    folder = shown_path(base / DEFAULT_LANGUAGE / PAGES_DIR, root)
    errors = [DataError(f"{folder}/{name}.md", 1, "", _("the file is missing; the build makes this page from it"))
              for name in required if name not in found]
    errors += [DataError(f"{folder}/{name}.md", 1, "", _(
                   "no page is made from '{name}'; the pages are {names}: rename or remove this file").format(
                   name=name, names=", ".join(required)))
               for name in found if name not in required]
    return errors



class _Strings(dict):
    """Interface strings as read, with the line of each key (for messages)."""

    lines: dict[str, int]  # every key written, with its line (also those with an error)
    review: str = "drafted"
    missing_file: bool = False
    plural_values: dict[str, object]  # key → the mapping of plural forms as written (checked in plurals.py)


def _interface(file: Path, root: Path) -> tuple[_Strings, list[DataError]]:
    shown = shown_path(file, root)
    strings = _Strings()
    strings.lines = {}
    strings.plural_values = {}
    if not file.is_file():
        strings.missing_file = True
        return strings, [DataError(shown, 1, "", _("the file is missing; copy languages/nb/interface.yml and "
                                                   "translate each text"))]
    doc, problems = load_yaml(file, shown)
    if doc is None:
        return strings, problems
    if not isinstance(doc.data, dict):
        return strings, [*problems, DataError(shown, 1, "", _("write one 'key: text' line per interface string"))]
    errors = list(problems)
    for key, value in doc.data.items():
        line = doc.line_of((key,))
        strings.lines[str(key)] = line
        if key == "review":
            if value not in REVIEW_STATES:
                errors.append(DataError(shown, line, "review", _("write review: drafted or review: reviewed")))
            else:
                strings.review = value
            continue
        if isinstance(value, dict):
            strings.plural_values[str(key)] = value
            continue
        if not isinstance(value, str) or not value.strip():
            errors.append(DataError(shown, line, str(key), _("write the text for this string")))
            continue
        strings[str(key)] = value.strip()
    return strings, errors


def _page_templates(base: Path, code: str, root: Path, originals: set[str]) -> tuple[dict[str, PageTemplate],
                                                                                   list[DataError]]:
    found: dict[str, PageTemplate] = {}
    errors: list[DataError] = []
    for file in sorted((base / code / PAGES_DIR).glob("*.md")):
        shown = shown_path(file, root)
        name = file.stem
        if code != DEFAULT_LANGUAGE and name not in originals:
            errors.append(DataError(shown, 1, "", _("there is no bokmål page '{name}' (languages/nb/pages/{name}.md) "
                                                    "to translate; check the file name").format(name=name)))
            continue
        try:
            text = file.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            errors.append(DataError(shown, 1, "", _("the file is not UTF-8 text; save it as UTF-8")))
            continue
        meta, _body, problems = front_matter(text, shown)
        state, more = review_status(meta, shown, code)
        errors += problems + more
        found[name] = PageTemplate(name, f"{code}/{PAGES_DIR}/{file.name}", state)
    return found, errors
