"""The editors' language: every message an editor can meet goes through `_()` or `ngettext()`.

The messages are written in English in the code (the msgid) and shown in plain bokmål from
the gettext catalogue hooks/etablerer/locale/nb/LC_MESSAGES/etablerer.po, read through
Babel. Developers who want the English text set ETABLERER_MESSAGES=en. `make messages`
extracts the msgids and updates the catalogue; tests/editors/test_messages.py fails while a
message has no bokmål text or a text with other placeholders.

Placeholders are named and filled with str.format after translation:
    _("'{name}' is not a known field").format(name=...)
so a translation may move them. `_()` takes a literal string only (the extractor reads
the source); a table of messages marks its strings with N_() and translates on use.
"""

from __future__ import annotations

import io
import os
from functools import cache
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

SWITCH = "ETABLERER_MESSAGES"
DEFAULT = "nb"
LANGUAGES = ("nb", "en")  # en is the msgid itself
DOMAIN = "etablerer"
LOCALE_DIR = Path(__file__).resolve().parents[1] / "locale"


def catalogue_file(language: str = DEFAULT) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def message_language() -> str:
    """nb unless ETABLERER_MESSAGES=en; read on every call, so a test or a command can switch."""
    chosen = os.environ.get(SWITCH, "").strip().lower()
    return chosen if chosen in LANGUAGES else DEFAULT


@cache
def _translations(language: str) -> NullTranslations:
    if language == "en":
        return NullTranslations()
    with catalogue_file(language).open("rb") as po:
        catalogue = read_po(po, locale=language, domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, catalogue, use_fuzzy=False)  # a fuzzy (unchecked) text is not shown
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)


def _(message: str) -> str:
    """The message in the editors' language (bokmål unless ETABLERER_MESSAGES=en)."""
    return _translations(message_language()).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """One or several: `ngettext("{n} problem found", "{n} problems found", n).format(n=n)`."""
    return _translations(message_language()).ngettext(singular, plural, count)


def bokmal(message: str) -> str:
    """The bokmål text of a message whatever ETABLERER_MESSAGES says: for files committed in
    bokmål (the hover help in schema/). A message with no bokmål text stays as it is."""
    return _translations(DEFAULT).gettext(message)


def N_(message: str) -> str:
    """Marks a message for the catalogue where it is defined; translate it with _() where it is shown."""
    return message
