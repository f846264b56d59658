"""Data texts take plain text: HTML, mojibake, control characters and template syntax are errors.

Each case copies the fixture's data/, changes one text, and expects the exact
message on the text's own line (str(DataError): `file:line: field: message`).
The last part walks the models: every field that takes free text goes through
the check, so a new text field cannot skip it.
"""

from __future__ import annotations

import types
import typing
from typing import Annotated, Any

import pytest
from pydantic import BaseModel, TypeAdapter, ValidationError

from etablerer.inputs.loading import SINGLE_FILES
from etablerer.inputs.model import Course
from etablerer.inputs.plaintext import text_problems
from tests.support.edits import edit

from .conftest import BASIC, ORGANISATIONS, REGION, errors_of, line_of, load

TITLE = "  nb: Etablererkurs våren 2027"
TITLE_EN = "  en: Course for new business owners, spring 2027"
DESCRIPTION = "  nb: Grunnkurset for deg som vil starte bedrift."
TARGET_GROUP = "  nb: Deg som har en idé"
ADVISER = "    name: Kari Nordmann"

HTML = ("er HTML; en tekst i data/ er ren tekst og vises akkurat slik den er skrevet, så skriv ordene uten "
        "tagger (formatering hører hjemme på en Markdown-side i content/)")
ENCODING = "teksten er lagret eller kopiert med feil tegnkoding"
CONTROL = "slett teksten og skriv den inn på nytt"
TEMPLATE = ("er malkode, og det brukes ikke i tekster i data/: teksten vises akkurat slik den er skrevet; "
            "skriv selve ordene i stedet")


def at(rel: str, text: str, field: str, message: str) -> str:
    return f"{rel}:{line_of(rel, text)}: {field}: {message}"


def title_of(root) -> str:
    return next(c.title for c in load(root).courses if c.id == "etablererkurs-var-test-2027")


def title_is(root, new_title: str) -> None:
    edit(root / BASIC, TITLE, f"  nb: {new_title}")


# --- HTML -------------------------------------------------------------------------------------

def test_a_script_element_is_refused(data_copy):
    title_is(data_copy, "<script>alert(1)</script>")
    assert errors_of(data_copy) == [at(BASIC, TITLE, "title.nb", f"'<script>' (og 1 tagg til) {HTML}")]


def test_bold_is_refused(data_copy):
    title_is(data_copy, "Etablererkurs <b>våren</b> 2027")
    assert errors_of(data_copy) == [at(BASIC, TITLE, "title.nb", f"'<b>' (og 1 tagg til) {HTML}")]


def test_a_lone_end_tag_is_refused(data_copy):
    title_is(data_copy, "Etablererkurs våren 2027</p>")
    assert errors_of(data_copy) == [at(BASIC, TITLE, "title.nb", f"'</p>' {HTML}")]


def test_a_link_tag_is_refused(data_copy):
    title_is(data_copy, "'Les <a href=\"https://www.nav.no/\">mer</a>'")
    assert errors_of(data_copy) == [
        at(BASIC, TITLE, "title.nb", f"'<a href=\"https://www.nav.no/\">' (og 1 tagg til) {HTML}")]


def test_a_line_break_tag_is_refused(data_copy):
    title_is(data_copy, "Etablererkurs<br/>våren 2027")
    assert errors_of(data_copy) == [at(BASIC, TITLE, "title.nb", f"'<br/>' {HTML}")]


def test_an_html_comment_is_refused(data_copy):
    title_is(data_copy, "Etablererkurs våren 2027 <!-- ikke ferdig -->")
    assert errors_of(data_copy) == [at(BASIC, TITLE, "title.nb", "'<!-- ikke ferdig -->' er en HTML-kommentar; "
                                                                 "en tekst i data/ er ren tekst og vises akkurat "
                                                                 "slik den er skrevet, så skriv ordene uten tagger "
                                                                 "(formatering hører hjemme på en Markdown-side i "
                                                                 "content/)")]


def test_html_in_a_translation_is_refused_on_its_own_line(data_copy):
    edit(data_copy / BASIC, TITLE_EN, "  en: Course for <i>new</i> business owners")
    assert errors_of(data_copy) == [at(BASIC, TITLE_EN, "title.en", f"'<i>' (og 1 tagg til) {HTML}")]


def test_a_quoted_tag_in_a_translation_is_shown_as_written(data_copy):
    # The message quotes the text; braces in it are not filled in like a message template.
    edit(data_copy / BASIC, TITLE_EN, "  en: Course <a title=\"{field}\">here</a>")
    assert errors_of(data_copy) == [
        at(BASIC, TITLE_EN, "title.en", f"'<a title=\"{{field}}\">' (og 1 tagg til) {HTML}")]


def test_html_in_a_name_is_refused(data_copy):
    edit(data_copy / REGION, ADVISER, "    name: <b>Kari</b> Nordmann")
    assert errors_of(data_copy) == [at(REGION, ADVISER, "advisers[0].name", f"'<b>' (og 1 tagg til) {HTML}")]


def test_html_in_a_block_text_is_refused_on_the_field_line(data_copy):
    edit(data_copy / BASIC, "description:\n" + DESCRIPTION,
         "description:\n  nb: |\n    Grunnkurset for deg som vil starte bedrift.\n    <ul><li>Marked</li></ul>\n   ")
    assert errors_of(data_copy) == [at(BASIC, DESCRIPTION, "description.nb", f"'<ul>' (og 3 tagger til) {HTML}")]


# An e-mail or web address in angle brackets parses as a tag too (a browser hides it, and a
# municipal system that shows courses.json unescaped would): refused, with its own advice.

def test_an_email_address_in_angle_brackets_is_refused_with_its_own_advice(data_copy):
    title_is(data_copy, "Spør oss på <post@example.no>")
    assert errors_of(data_copy) == [at(BASIC, TITLE, "title.nb", (
        "'<post@example.no>' er en adresse mellom < og >, og det leser en nettleser som HTML; "
        "skriv den uten < og >: post@example.no"))]


def test_a_web_address_in_angle_brackets_is_refused_with_its_own_advice(data_copy):
    title_is(data_copy, "Les mer på <https://www.nav.no/>")
    assert errors_of(data_copy) == [at(BASIC, TITLE, "title.nb", (
        "'<https://www.nav.no/>' er en adresse mellom < og >, og det leser en nettleser som HTML; "
        "skriv den uten < og >: https://www.nav.no/"))]


@pytest.mark.parametrize("text", [
    "Omsetning a < b", "Vi <3 gründere", "Fra <- til ->", "Skift << og >>", "Mindre enn <50 000 kr>",
    "Bokstaven <ø>", "5 > 3 og 2 < 4", "Kurs {for} alle",
], ids=["less-than", "heart", "arrows", "double-angle", "digit-after-less-than", "non-ascii-letter",
        "comparisons", "single-brace"])
def test_angle_brackets_and_braces_that_are_not_markup_are_fine(data_copy, text):
    title_is(data_copy, f"'{text}'")
    assert title_of(data_copy) == text


# --- mojibake ---------------------------------------------------------------------------------

@pytest.mark.parametrize("written, meant", [
    ("Ã¸", "ø"), ("Ã¥", "å"), ("Ã¦", "æ"), ("Ã˜", "Ø"), ("Ã…", "Å"), ("Ã†", "Æ"), ("Ã©", "é"),
    ("â€™", "’"), ("â€“", "–"), ("â€œ", "“"), ("â€", "”"), ("Â«", "«"), ("Â°", "°"),
    ("Å‚", "ł"), ("Ð¿", "п"),
])
def test_mojibake_names_the_letter_that_was_meant(data_copy, written, meant):
    title_is(data_copy, f"Kurs{written}x")
    assert errors_of(data_copy) == [at(BASIC, TITLE, "title.nb", f"{written} er trolig {meant}: {ENCODING}; "
                                                                 f"skriv {meant} i stedet")]


def test_a_word_with_two_broken_letters_names_both(data_copy):
    title_is(data_copy, "Etablererkurs vÃ¥ren for grÃ¼ndere")
    assert errors_of(data_copy) == [at(BASIC, TITLE, "title.nb", f"Ã¥ er trolig å, Ã¼ er trolig ü: {ENCODING}; "
                                                                 "skriv å, ü i stedet")]


def test_a_whole_broken_text_names_three_and_counts_the_rest(data_copy):
    title_is(data_copy, "SÃ¸k pÃ¥ nÃ¦ringsstÃ¸tte fÃ˜r frÃ…")
    assert errors_of(data_copy) == [at(BASIC, TITLE, "title.nb", (
        f"Ã¸ er trolig ø, Ã¥ er trolig å, Ã¦ er trolig æ (og 2 til): {ENCODING}; "
        "skriv ø, å, æ og så videre i stedet"))]


def test_a_stray_a_circumflex_before_a_space_is_refused(data_copy):
    title_is(data_copy, "Etablererkurs kr 0Â per time")
    assert errors_of(data_copy) == [at(BASIC, TITLE, "title.nb", f"Â er trolig et mellomrom: {ENCODING}; "
                                                                 "skriv et mellomrom i stedet")]


def test_a_lost_character_is_refused(data_copy):
    title_is(data_copy, "Etablererkurs v\ufffdren 2027")
    assert errors_of(data_copy) == [at(BASIC, TITLE, "title.nb", f"\ufffd er et tegn som har gått tapt: {ENCODING}; "
                                                                 "skriv den riktige bokstaven i stedet")]


def test_mojibake_in_a_street_name_is_refused(data_copy):
    edit(data_copy / REGION, "    street: Eksempelgata 1", "    street: Eksempelgata 1, 2. etasje Ã¸st")
    assert errors_of(data_copy) == [at(REGION, "    street: Eksempelgata 1", "contact.address.street",
                                       f"Ã¸ er trolig ø: {ENCODING}; skriv ø i stedet")]


@pytest.mark.parametrize("text", [
    "Gründere på Østlandet – «Våren» 2027", "PÅ… «SÅ»", "São Paulo", "„groß“", "CÂBLE", "Ærlig talt: 30 %",
    "Kurs for æ, ø og å", "Ñandú – Ð",
], ids=["norwegian", "a-ring-before-punctuation", "portuguese", "german-quotes", "french-capitals", "ae",
        "letters", "spanish-icelandic"])
def test_real_letters_are_not_mojibake(data_copy, text):
    title_is(data_copy, f"'{text}'")
    assert title_of(data_copy) == text


# --- control characters -------------------------------------------------------------------------
# The YAML reader refuses a control character written into the file (test_validation.py);
# an escape in double quotes ("\a", "\e", "\r") gets past it.

@pytest.mark.parametrize("escape, code", [("\\a", "0007"), ("\\e", "001b"), ("\\r", "000d"), ("\\0", "0000"),
                                          ("\\x85", "0085"), ("\\ufeff", "feff"), ("\\ud800", "d800")],
                         ids=["bell", "escape", "carriage-return", "nul", "next-line", "byte-order-mark",
                              "lone-surrogate"])
def test_an_escaped_control_character_is_refused(data_copy, escape, code):
    title_is(data_copy, f'"Etablererkurs{escape} våren 2027"')
    assert errors_of(data_copy) == [at(BASIC, TITLE, "title.nb", (
        f"inneholder et usynlig styretegn (#x{code} vist som kode); {CONTROL}"))]


def test_an_escaped_control_character_in_a_translation_is_refused(data_copy):
    edit(data_copy / BASIC, TITLE_EN, '  en: "Course for new\\x07 business owners"')
    assert errors_of(data_copy) == [at(BASIC, TITLE_EN, "title.en", (
        f"inneholder et usynlig styretegn (#x0007 vist som kode); {CONTROL}"))]


def test_tabs_and_line_breaks_are_fine(data_copy):
    title_is(data_copy, '"Etablererkurs\\tvåren\\n2027"')
    assert title_of(data_copy) == "Etablererkurs\tvåren\n2027"


# --- template syntax ----------------------------------------------------------------------------

@pytest.mark.parametrize("opener", ["{{", "{%", "{#"])
def test_template_syntax_is_refused(data_copy, opener):
    title_is(data_copy, f"'Etablererkurs {opener} year }}'")
    assert errors_of(data_copy) == [at(BASIC, TITLE, "title.nb", f"'{opener}' {TEMPLATE}")]


def test_template_syntax_in_a_logo_text_is_refused(data_copy):
    edit(data_copy / ORGANISATIONS, "      alt: Viken fylkeskommune", "      alt: '{{ org.name }}'")
    assert errors_of(data_copy) == [at(ORGANISATIONS, "      alt: Viken fylkeskommune", "organisations[0].logo.alt",
                                       f"'{{{{' {TEMPLATE}")]


# --- every problem at once ---------------------------------------------------------------------

def test_several_kinds_in_one_text_come_in_one_message(data_copy):
    title_is(data_copy, "'<b>Kurs</b> for grÃ¼ndere {{ year }}'")
    assert errors_of(data_copy) == [at(BASIC, TITLE, "title.nb", (
        f"'<b>' (og 1 tagg til) {HTML}; dessuten Ã¼ er trolig ü: {ENCODING}; skriv ü i stedet; "
        f"dessuten '{{{{' {TEMPLATE}"))]


def test_problems_in_several_fields_and_files_come_in_one_run(data_copy):
    title_is(data_copy, "Etablererkurs <b>våren</b>")
    edit(data_copy / BASIC, TARGET_GROUP, "  nb: Deg som har en idÃ©")
    edit(data_copy / REGION, ADVISER, "    name: Kari Nordmann{{")
    assert errors_of(data_copy) == [
        at(BASIC, TITLE, "title.nb", f"'<b>' (og 1 tagg til) {HTML}"),
        at(BASIC, TARGET_GROUP, "target_group.nb", f"Ã© er trolig é: {ENCODING}; skriv é i stedet"),
        at(REGION, ADVISER, "advisers[0].name", f"'{{{{' {TEMPLATE}"),
    ]


# --- every text field goes through the check ----------------------------------------------------
# For each field of every model that takes a string (inside lists, optional values and
# {nb: …, en: …}), whatever accepts a plain sentence must refuse each kind of problem
# with the plain-text check's own message. A field that refuses a sentence (ids, links,
# codes, numbers in quotes) is not free text and is left alone.

SENTENCE = "Kurs for deg som vil starte bedrift i Moss"
BAD = {"html": SENTENCE + " <b>nå</b>", "mojibake": SENTENCE + " nÃ¥", "control": SENTENCE + "\x07",
       "template": SENTENCE + " {{ nå }}"}


def _string_leaves(annotation: Any, metadata: list, where: str, out: dict[str, Any]) -> None:
    origin = typing.get_origin(annotation)
    if origin is Annotated:
        base = typing.get_args(annotation)[0]
        if isinstance(base, type) and issubclass(base, str):
            out[where] = Annotated[annotation, *metadata] if metadata else annotation
            return
        _string_leaves(base, [], where, out)
        return
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        for name, info in annotation.model_fields.items():
            _string_leaves(info.annotation, list(info.metadata), f"{annotation.__name__}.{name}", out)
        return
    if isinstance(annotation, type) and issubclass(annotation, str):
        out[where] = Annotated[annotation, *metadata] if metadata else annotation
        return
    # A constraint on an optional field (org_number: str | None = Field(pattern=…)) applies to its value.
    inherited = metadata if origin in (typing.Union, types.UnionType) else []
    for i, arg in enumerate(typing.get_args(annotation)):
        if arg is not Ellipsis and arg is not type(None):
            _string_leaves(arg, inherited, where + ("{key}" if origin is dict and i == 0 else ""), out)


def string_fields() -> dict[str, Any]:
    out: dict[str, Any] = {}
    for model in (*SINGLE_FILES.values(), Course):
        _string_leaves(model, [], model.__name__, out)
    return out


def accepts(annotation: Any, value: object) -> bool:
    try:
        TypeAdapter(annotation).validate_python(value)
    except ValidationError:
        return False
    return True


def refusal(annotation: Any, value: object) -> str:
    try:
        TypeAdapter(annotation).validate_python(value)
    except ValidationError as exc:
        return exc.errors()[0]["msg"]
    return "accepted"


FREE_TEXT = {name: annotation for name, annotation in string_fields().items() if accepts(annotation, SENTENCE)}


def test_the_walk_finds_the_text_fields():
    # A walk that found nothing would pass every test below.
    assert {"Course.title", "Course.description", "Course.practical", "Address.street", "Contact.phone",
            "Adviser.name", "Logo.alt", "Logo.file", "Contact.opening_hours", "Agreement.goals",
            "Population.source"} <= set(FREE_TEXT)
    assert not {"Course.id", "Course.online_url", "Course.languages", "Municipality.number",
                "Organisation.org_number"} & set(FREE_TEXT)


@pytest.mark.parametrize("kind", BAD)
@pytest.mark.parametrize("field", sorted(FREE_TEXT))
def test_every_free_text_field_refuses_each_kind(field, kind):
    assert refusal(FREE_TEXT[field], BAD[kind]) == "; dessuten ".join(text_problems(BAD[kind].strip()))


@pytest.mark.parametrize("field", sorted(n for n, a in FREE_TEXT.items() if accepts(a, {"nb": SENTENCE})))
def test_every_translated_text_field_checks_its_translations(field):
    assert refusal(FREE_TEXT[field], {"nb": SENTENCE, "en": BAD["html"]}) == text_problems(BAD["html"])[0]
