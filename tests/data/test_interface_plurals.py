"""Interface strings with plural forms (search's "22 treff"), validated with CLDR's rules via Babel.

A counting string in languages/<code>/interface.yml maps the language's plural
forms to texts. Each case edits a fresh copy of the shipped files (data_copy) and
expects the exact message; the shipped files themselves are checked against
Babel's rules for each language.
"""

from __future__ import annotations

import shutil

import pytest
import yaml
from babel import Locale

from tests.support.edits import edit

from .conftest import errors_of, load
from .test_languages_validation import line_in

KEY = "search_results"


def forms_of(code: str) -> set[str]:
    return set(Locale.parse(code).plural_form.tags) | {"other"}


@pytest.mark.parametrize("code", ["nb", "en", "uk", "pl", "ar"])
def test_the_shipped_counting_strings_have_exactly_each_languages_forms(shipped, code):
    written = yaml.safe_load((shipped.language_files.base / code / "interface.yml").read_text(encoding="utf-8"))
    assert set(written[KEY]) == forms_of(code)
    assert shipped.language_files.plurals[code][KEY] == {form: text.strip() for form, text in written[KEY].items()}


def test_arabic_has_six_forms_and_bokmal_two(shipped):
    assert list(shipped.language_files.plurals["ar"][KEY]) == ["zero", "one", "two", "few", "many", "other"]
    assert list(shipped.language_files.plurals["nb"][KEY]) == ["one", "other"]


def test_a_form_the_language_does_not_have_is_an_error(data_copy):
    rel = "languages/en/interface.yml"
    edit(data_copy / rel, '  one: "{count} result"\n', '  one: "{count} result"\n  few: "{count} results"\n')
    assert errors_of(data_copy) == [
        f"{rel}:{line_in(data_copy, rel, KEY + ':')}: {KEY}.few: 'few' er ikke en bøyningsform etter antall i "
        "dette språket; formene er one:, other:"]


def test_bokmal_must_write_every_form(data_copy):
    rel = "languages/nb/interface.yml"
    edit(data_copy / rel, '  one: "{count} treff"\n', "")
    assert errors_of(data_copy) == [
        f"{rel}:{line_in(data_copy, rel, KEY + ':')}: {KEY}: skriv alle bøyningsformene etter antall i dette "
        "språket: one:, other: (mangler: one:)"]


def test_a_drafted_translation_may_leave_forms_out_and_shows_other(data_copy):
    # How a translator starts: a copy of bokmål's file (one, other) for Ukrainian (one, few, many, other).
    shutil.copy(data_copy / "languages/nb/interface.yml", data_copy / "languages/uk/interface.yml")
    forms = load(data_copy).language_files.plurals["uk"][KEY]
    assert forms == {"one": "{count} treff", "few": "{count} treff", "many": "{count} treff", "other": "{count} treff"}


def test_a_reviewed_translation_must_write_every_form(data_copy):
    rel = "languages/uk/interface.yml"
    edit(data_copy / rel, "review: drafted\n", "review: reviewed\n")
    edit(data_copy / rel, '  many: "{count} результатів"\n', "")
    assert errors_of(data_copy) == [
        f"{rel}:{line_in(data_copy, rel, KEY + ':')}: {KEY}: skriv alle bøyningsformene etter antall i dette "
        "språket: one:, few:, many:, other: (mangler: many:)"]


def test_other_is_always_required(data_copy):
    rel = "languages/pl/interface.yml"
    edit(data_copy / rel, '  other: "{count} wyniku"\n', "")
    assert errors_of(data_copy) == [
        f"{rel}:{line_in(data_copy, rel, KEY + ':')}: {KEY}: formen other: mangler; den brukes for alle tall "
        "de andre formene ikke dekker"]


def test_a_placeholder_bokmal_does_not_have_is_an_error(data_copy):
    rel = "languages/en/interface.yml"
    edit(data_copy / rel, '  other: "{count} results"\n', '  other: "{antall} results"\n')
    assert errors_of(data_copy) == [
        f"{rel}:{line_in(data_copy, rel, KEY + ':')}: {KEY}.other: ordene i krøllparentes må være de samme som "
        "på bokmål ({count}); la dem stå uendret"]


def test_one_text_where_bokmal_has_forms_is_an_error(data_copy):
    rel = "languages/en/interface.yml"
    edit(data_copy / rel, f'{KEY}:\n  one: "{{count}} result"\n  other: "{{count}} results"\n',
         f"{KEY}: results\n")
    assert errors_of(data_copy) == [
        f"{rel}:{line_in(data_copy, rel, KEY + ':')}: {KEY}: denne teksten har bøyningsformer etter antall på "
        "bokmål; skriv én tekst per form (one: …, other: …)"]


def test_forms_where_bokmal_has_one_text_is_an_error(data_copy):
    rel = "languages/en/interface.yml"
    edit(data_copy / rel, "search_none: No results\n", "search_none:\n  one: No result\n  other: No results\n")
    assert errors_of(data_copy) == [
        f"{rel}:{line_in(data_copy, rel, 'search_none:')}: search_none: denne teksten har ingen bøyningsformer "
        "etter antall på bokmål; skriv én tekst"]
