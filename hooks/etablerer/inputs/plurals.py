"""Interface strings with plural forms: "1 treff", "22 treff"; in Arabic six forms.

A counting string in languages/<code>/interface.yml is a mapping from the
language's plural forms to texts, the forms CLDR gives the language (read
through Babel, the same rules browsers use):

    search_results:
      one: "{count} treff"
      other: "{count} treff"

Every form must be one of the language's; `other` is always required. A reviewed
file (bokmål is the original, so always) writes every form. A drafted
translation, often a copy of another language's file, may leave forms out: they
show the `other` text until someone who knows the language fills them in.
Placeholders are bokmål's (`{count}`); a form may leave the number out ("one result").
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from babel import Locale

from etablerer.inputs.errors import DataError
from etablerer.inputs.messages import _

ORDER = ("zero", "one", "two", "few", "many", "other")  # CLDR's order of the forms


def plural_forms(code: str) -> tuple[str, ...]:
    """The plural forms CLDR gives the language: ('one', 'other') for bokmål."""
    tags = Locale.parse(code).plural_form.tags | {"other"}
    return tuple(form for form in ORDER if form in tags)


def _placeholders(text: str) -> set[str]:
    return set(re.findall(r"\{(\w+)\}", text))


def plural_strings(code: str, strings, review: str, originals: Mapping[str, object],
                   shown: str) -> tuple[dict[str, dict[str, str]], list[DataError]]:
    """key → every plural form of the language → text; missing forms of a draft are `other`'s text.
    `strings`: the file as read (plural_values, lines); `originals`: bokmål's plural mappings."""
    forms = plural_forms(code)
    listed = ", ".join(f"{form}:" for form in forms)
    result: dict[str, dict[str, str]] = {}
    errors: list[DataError] = []
    for key, mapping in strings.plural_values.items():
        line = strings.lines.get(key, 1)
        texts: dict[str, str] = {}
        allowed = set().union(*(_placeholders(str(text)) for text in originals.get(key, {}).values()
                                if isinstance(text, str))) if isinstance(originals.get(key), dict) else set()
        for form, text in mapping.items():
            field = f"{key}.{form}"
            if form not in forms:
                errors.append(DataError(shown, line, field, _(
                    "'{form}' is not a plural form in this language; its forms are {forms}").format(
                    form=form, forms=listed)))
            elif not isinstance(text, str) or not text.strip():
                errors.append(DataError(shown, line, field, _("write the text for this form")))
            elif _placeholders(text) - allowed:
                names = ", ".join("{" + name + "}" for name in sorted(allowed)) or _("none")
                errors.append(DataError(shown, line, field, _(
                    "the placeholders must be those of bokmål ({names}); keep them as they are").format(names=names)))
            else:
                texts[str(form)] = text.strip()
        if "other" not in mapping:
            errors.append(DataError(shown, line, key, _(
                "the form other: is missing; it is used for every number the other forms do not cover")))
            continue
        missing = [form for form in forms if form not in mapping]
        if missing and review == "reviewed":
            errors.append(DataError(shown, line, key, _(
                "write every plural form of this language: {forms} (missing: {missing})").format(
                forms=listed, missing=", ".join(f"{form}:" for form in missing))))
        if "other" in texts:
            result[key] = {form: texts.get(form, texts["other"]) for form in forms}
    return result, errors
