"""`make messages`: extract every editor message from the code and update the bokmål catalogue.

Updates hooks/etablerer/locale/nb/LC_MESSAGES/etablerer.po (no .pot: the code is the
template, and the test extracts it itself): new messages are added with
an empty text (fill it in), changed ones are kept as fuzzy (check and clear the flag),
vanished ones are dropped. tests/editors/test_messages.py fails until every msgid has a
bokmål text with the same placeholders.
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
HOOKS = ROOT / "hooks"
LOCALE = HOOKS / "etablerer" / "locale"
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}
SOURCES = ("etablerer", "generator_adapter")


def extracted() -> Catalog:
    """Every msgid in the package and the adapter, with file:line references."""
    catalogue = Catalog(project="etablerer", charset="utf-8")
    for source in SOURCES:
        found = extract_from_dir(HOOKS / source, method_map=[("**.py", "python")], keywords=KEYWORDS,
                                 comment_tags=("Translators:",), strip_comment_tags=True)
        for file, line, message, comments, context in found:
            flags = ("python-brace-format",) if "{" in (message if isinstance(message, str) else message[0]) else ()
            catalogue.add(message, None, [(f"hooks/{source}/{file}", line)], auto_comments=comments,
                          flags=flags, context=context)
    return catalogue


def updated(language: str = "nb") -> Catalog:
    po_file = LOCALE / language / "LC_MESSAGES" / "etablerer.po"
    with po_file.open("rb") as fh:
        catalogue = read_po(fh, locale=language)
    template = extracted()
    template.creation_date = catalogue.creation_date  # no new date on every run: a diff only when a text changes
    catalogue.update(template, no_fuzzy_matching=False)
    catalogue.obsolete.clear()
    return catalogue


def untranslated(text: str | tuple[str, ...]) -> bool:
    return not all(text) if isinstance(text, tuple) else not text


def main() -> int:
    po_file = LOCALE / "nb" / "LC_MESSAGES" / "etablerer.po"
    catalogue = updated()
    with po_file.open("wb") as fh:
        write_po(fh, catalogue, width=100, sort_by_file=True, ignore_obsolete=True, include_lineno=False)
    missing = [m.id for m in catalogue if m.id and (untranslated(m.string) or m.fuzzy)]
    print(f"{po_file.relative_to(ROOT)}: {len(catalogue)} messages, {len(missing)} without a checked bokmål text")
    return 0


if __name__ == "__main__":
    sys.exit(main())
