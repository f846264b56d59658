"""A data text in one language: the translation, else the bokmål original, and what a page showed."""

from __future__ import annotations

from dataclasses import dataclass

from etablerer.inputs.fieldtypes import DEFAULT_LANGUAGE, LocalText


@dataclass
class Usage:
    """What one page showed: translations not yet reviewed, bokmål shown for lack of a translation."""

    drafted: bool = False
    untranslated: int = 0


def text_in(value: object, lang: str, usage: Usage | None = None) -> tuple[str, bool]:
    """(text, is_fallback): a data text in `lang`, else its bokmål original."""
    if not isinstance(value, LocalText):
        return ("" if value is None else str(value)), False
    found = value.in_language(lang)
    if found is not None:
        if usage is not None and value.review_of(lang) != "reviewed":
            usage.drafted = True
        return found, False
    if usage is not None:
        usage.untranslated += 1
    return str(value), lang != DEFAULT_LANGUAGE
