"""Checks of content/ (editors' Markdown) that need no build."""

from __future__ import annotations

from pathlib import Path

from etablerer.inputs.activehtml import active_html, in_code
from etablerer.inputs.addresses import PAGES
from etablerer.inputs.contentrefs import Site, reference_problems
from etablerer.inputs.errors import DataError
from etablerer.inputs.fieldtypes import DEFAULT_LANGUAGE
from etablerer.inputs.languages import LANGUAGES_DIR
from etablerer.inputs.messages import _
from etablerer.inputs.yamlsource import EMPTY_FILE, parse_yaml

_GENERATED_DIRS = ("kurs/",)


def editorial_pages(content_dir: Path, codes: tuple[str, ...]) -> dict[str, dict[str, Path]]:
    """language → src_uri → file: bokmål pages in content/, translations in content/<code>/."""
    others = [c for c in codes if c != DEFAULT_LANGUAGE]
    found: dict[str, dict[str, Path]] = {code: {} for code in codes}
    for file in sorted(content_dir.rglob("*.md")):
        rel = file.relative_to(content_dir).as_posix()
        head, _slash, rest = rel.partition("/")
        if rest and head in others:
            found[head][rest] = file
        elif head not in others:
            found[DEFAULT_LANGUAGE][rel] = file
    return found


def check_content(content_dir: Path, root: Path) -> list[DataError]:
    errors: list[DataError] = []
    # content/<code>/ holds another language's pages, at the same places as the bokmål ones.
    folder = root / LANGUAGES_DIR
    languages = {p.name for p in folder.iterdir() if p.is_dir()} if folder.is_dir() else set()
    sources = {p.relative_to(content_dir).as_posix() for p in content_dir.rglob("*.md")}
    by_language: dict[str, set[str]] = {}  # "" for bokmål
    for src in sources:
        head, _slash, rest = src.partition("/")
        lang, page = (head, rest) if rest and head in languages else ("", src)
        by_language.setdefault(lang, set()).add(page)
    sites = {lang: _site(content_dir, lang, pages) for lang, pages in by_language.items()}
    for src in sorted(sources):
        shown = (content_dir / src).relative_to(root).as_posix()
        head, _slash, rest = src.partition("/")
        lang, page_src = (head, rest) if rest and head in languages else ("", src)
        if page_src in PAGES or page_src.startswith(_GENERATED_DIRS):
            errors.append(DataError(shown, 1, "", _("{page} is made from data/ by the build; rename this file or "
                                                    "delete it").format(page=src)))
            continue
        try:
            text = (content_dir / src).read_text(encoding="utf-8")
        except UnicodeDecodeError:
            errors.append(DataError(shown, 1, "", _("the file is not UTF-8 text; save it as UTF-8")))
            continue
        lines = text.splitlines()
        body = _skip_front_matter(lines)
        errors.extend(_front_matter_errors(lines, body, shown))
        first = next(((i, line) for i, line in body if line.strip()), None)
        if first is None:
            errors.append(DataError(shown, 1, "", _("the page is empty; write a heading '# …' and some text")))
        elif not first[1].startswith("# "):
            errors.append(DataError(shown, first[0] + 1, "", _("a page starts with its heading: a line '# Title'")))
        errors.extend(DataError(shown, number, "", message) for number, message in active_html(lines))
        errors.extend(DataError(shown, number, "", message)
                      for number, message in reference_problems(page_src, lines, sites[lang], in_code(lines)))
    return errors


def _site(content_dir: Path, lang: str, written: set[str]) -> Site:
    """What the pages of one language ("" for bokmål) can link to: its own pages and the generated ones."""
    folder = content_dir / lang if lang else content_dir

    def read(src: str) -> list[str] | None:
        if src not in written:
            return None  # a generated page: its anchors are not known before the build
        try:
            return (folder / src).read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            return []

    return Site(content_dir, written | set(PAGES), read)


def _skip_front_matter(lines: list[str]) -> list[tuple[int, str]]:
    numbered = list(enumerate(lines))
    if lines and lines[0].strip() == "---":
        for i in range(1, len(lines)):
            if lines[i].strip() == "---":
                return numbered[i + 1:]
    return numbered


def _front_matter_errors(lines: list[str], body: list[tuple[int, str]], shown: str) -> list[DataError]:
    """MkDocs quietly ignores front matter it cannot read; editors should hear about it."""
    if len(body) == len(lines):
        return []  # no front matter
    end = body[0][0] if body else len(lines)
    block = "\n".join(lines[1:end - 1])
    if not block.strip():
        return []  # an empty block: nothing to read
    doc, problems = parse_yaml(block + "\n", shown)
    if [e.message for e in problems] == [_(EMPTY_FILE)]:
        return []  # only comments: nothing to read
    # The block starts on line 2 of the page: shift the lines parse_yaml counted.
    found = [DataError(e.file, e.line + 1, e.field, _("front matter: {message}").format(message=e.message))
             for e in problems]
    if doc is not None and not isinstance(doc.data, dict):
        found.append(DataError(shown, 2, "", _("front matter: write 'field: value' lines between the --- lines")))
    return found

