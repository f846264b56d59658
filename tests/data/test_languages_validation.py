"""Validation of texts in several languages and of the files under languages/.

A reader-facing text in data/ is plain bokmål or a mapping {nb: …, en: …};
records say how far each translation is checked with review: {en: drafted}.
languages/<code>/ holds each language's interface strings (interface.yml, the
same keys as languages/nb/interface.yml) and page templates (pages/<name>.md,
only names that bokmål has). data/region.yml lists the languages, bokmål first.

Each case works on a temporary copy of data/, content/ and languages/ (the
data_copy fixture), changes one thing, and expects the exact messages, written
out here. Line numbers are read from the edited copy (line_in), not from the
product.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.support.edits import edit

from .conftest import ACCOUNTING, BASIC, REGION, data_errors, errors_of, load

ORIGINALS = "languages/nb/interface.yml"
ACCOUNTING_TITLE = ("title:\n  nb: Regnskap og skatt for nye bedrifter\n"
                    "  en: Accounting and tax for new businesses\n")
BASIC_EN_TITLE = "  en: Course for new business owners, spring 2027"
BASIC_REVIEW = "review: {en: drafted, uk: drafted, pl: drafted, ar: drafted}"
SHIPPED_LANGUAGES = "languages: [nb, en, uk, pl, ar]"
LANGUAGE_ADVICE = "skriv nb:, en:, uk:, pl:, ar: … foran hver tekst"


def line_in(root: Path, rel: str, text: str) -> int:
    """The number (from 1) of the one line of root/rel that holds text."""
    lines = (root / rel).read_text(encoding="utf-8").splitlines()
    found = [number for number, line in enumerate(lines, start=1) if text in line]
    assert len(found) == 1, f"fixture problem: {text!r} is on lines {found} of {rel}"
    return found[0]


# --- a text field in data/ ---------------------------------------------------------

def test_a_title_without_bokmal_names_file_line_field_and_bokmal(data_copy):
    edit(data_copy / BASIC, "  nb: Etablererkurs våren 2027\n", "")
    assert errors_of(data_copy) == [
        f"{BASIC}:{line_in(data_copy, BASIC, 'title:')}: title: teksten på bokmål mangler; skriv nb: … først, "
        "så andre språk (en: …, uk: …)"]


def test_no_instead_of_nb_is_a_missing_bokmal_text(data_copy):
    # 'no' (Norwegian) is what many would write; the site's original is bokmål, nb.
    edit(data_copy / ACCOUNTING, "  nb: Regnskap og skatt", "  no: Regnskap og skatt")
    assert errors_of(data_copy) == [
        f"{ACCOUNTING}:{line_in(data_copy, ACCOUNTING, 'title:')}: title: teksten på bokmål mangler; "
        "skriv nb: … først, så andre språk (en: …, uk: …)"]


@pytest.mark.parametrize("code", ["xx", "ua", "EN", "qqq"])
def test_a_key_that_is_not_a_language_code_is_an_error(data_copy, code):
    # ua is a country (Ukraine), not a language; language codes are lower case.
    edit(data_copy / BASIC, BASIC_EN_TITLE, f"  {code}: Course for new business owners, spring 2027")
    # The line of the wrong key itself, and the field with it.
    line = line_in(data_copy, BASIC, f"  {code}: Course for new business owners")
    assert errors_of(data_copy) == [
        f"{BASIC}:{line}: title.{code}: '{code}' er ikke en språkkode; {LANGUAGE_ADVICE}"]


@pytest.mark.parametrize("empty", ['""', '"   "'], ids=["empty-quotes", "only-spaces"])
def test_an_empty_translation_is_an_error(data_copy, empty):
    edit(data_copy / BASIC, BASIC_EN_TITLE, f"  en: {empty}")
    assert errors_of(data_copy) == [
        f"{BASIC}:{line_in(data_copy, BASIC, '  en: ' + empty)}: title.en: teksten er tom; "
        "skriv teksten, eller ta bort feltet"]


def BASIC_EN_LINE(root: Path) -> int:
    lines = (root / BASIC).read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, start=1) if line.rstrip() == "  en:")


def test_a_translation_left_blank_is_an_error_on_its_field(data_copy):
    # `en:` with nothing after it (YAML null), as an editor leaves a translation to do later.
    edit(data_copy / BASIC, BASIC_EN_TITLE, "  en:")
    [error] = data_errors(data_copy).errors
    # Said in words an editor knows (not "'None' is not text"), on the translation's own line.
    assert (error.file, error.line, error.field, error.message) == (
        BASIC, BASIC_EN_LINE(data_copy), "title.en", "teksten er tom; skriv teksten, eller ta bort feltet")


def test_an_empty_bokmal_text_is_an_error(data_copy):
    edit(data_copy / BASIC, "  nb: Etablererkurs våren 2027", '  nb: ""')
    line = line_in(data_copy, BASIC, '  nb: ""')
    assert errors_of(data_copy) == [
        f"{BASIC}:{line}: title.nb: teksten er tom; "
        "skriv teksten, eller ta bort feltet"]


def test_a_review_status_that_is_not_drafted_or_reviewed_is_an_error(data_copy):
    edit(data_copy / BASIC, BASIC_REVIEW, "review: {en: checked}")
    assert errors_of(data_copy) == [
        f"{BASIC}:{line_in(data_copy, BASIC, 'review:')}: review.en: 'checked' er ikke tillatt her; "
        "skriv ett av disse: drafted, reviewed"]


def test_a_review_of_an_unknown_language_is_an_error(data_copy):
    edit(data_copy / ACCOUNTING, "review: {en: drafted}", "review: {xx: drafted}")
    assert [(e.file, e.line, e.message) for e in data_errors(data_copy).errors] == [
        (ACCOUNTING, line_in(data_copy, ACCOUNTING, "review:"),
         "'xx' er ikke en kjent språkkode; skriv en kode som nb, en, uk, pl eller ar")]


def test_a_plain_string_is_still_a_bokmal_text_without_translations(data_copy):
    edit(data_copy / ACCOUNTING, ACCOUNTING_TITLE, "title: Regnskap og skatt\n")
    course = next(c for c in load(data_copy).courses if c.id == "regnskap-og-skatt-test-2027")
    assert (str(course.title), course.title.translations, course.title.in_language("en")) == (
        "Regnskap og skatt", {}, None)


def test_a_mapping_keeps_every_translation(data_copy):
    course = next(c for c in load(data_copy).courses if c.id == "regnskap-og-skatt-test-2027")
    assert (str(course.title), course.title.translations) == (
        "Regnskap og skatt for nye bedrifter", {"en": "Accounting and tax for new businesses"})


# --- languages/<code>/interface.yml ---------------------------------------------------

def test_a_copied_interface_file_with_every_key_loads(data_copy):
    # How a translator starts: copy the bokmål file, then translate each line.
    shutil.copy(data_copy / ORIGINALS, data_copy / "languages/uk/interface.yml")
    assert load(data_copy).language_files.interface["uk"]["status_full"] == "Fullt"


def test_a_missing_key_in_a_copied_interface_file_is_an_error(data_copy):
    shutil.copy(data_copy / ORIGINALS, data_copy / "languages/uk/interface.yml")
    edit(data_copy / "languages/uk/interface.yml", "status_full: Fullt\n", "")
    assert errors_of(data_copy) == [
        "languages/uk/interface.yml:1: status_full: denne teksten mangler; oversett den fra "
        "languages/nb/interface.yml"]


def test_a_missing_key_in_a_translated_interface_file_is_an_error(data_copy):
    edit(data_copy / "languages/en/interface.yml", "status_full: Full\n", "")
    assert errors_of(data_copy) == [
        "languages/en/interface.yml:1: status_full: denne teksten mangler; oversett den fra "
        "languages/nb/interface.yml"]


def test_an_unknown_key_in_an_interface_file_is_an_error_on_its_line(data_copy):
    rel = "languages/en/interface.yml"
    edit(data_copy / rel, "status_full: Full\n", "status_full: Full\nstatus_fulll: Full\n")
    assert errors_of(data_copy) == [
        f"{rel}:{line_in(data_copy, rel, 'status_fulll:')}: status_fulll: languages/nb/interface.yml har "
        "ingen tekst med dette navnet; sjekk skrivemåten eller fjern linjen"]


def test_a_misspelt_key_is_both_unknown_and_missing(data_copy):
    rel = "languages/pl/interface.yml"
    original = next(line for line in (data_copy / rel).read_text(encoding="utf-8").splitlines()
                    if line.startswith("status_full:"))
    edit(data_copy / rel, original + "\n", original.replace("status_full:", "status_ful:") + "\n")
    assert errors_of(data_copy) == [
        f"{rel}:1: status_full: denne teksten mangler; oversett den fra languages/nb/interface.yml",
        f"{rel}:{line_in(data_copy, rel, 'status_ful:')}: status_ful: languages/nb/interface.yml har "
        "ingen tekst med dette navnet; sjekk skrivemåten eller fjern linjen"]


def test_an_interface_string_without_text_is_an_error_on_its_line(data_copy):
    rel = "languages/en/interface.yml"
    edit(data_copy / rel, "status_full: Full\n", "status_full:\n")
    assert errors_of(data_copy) == [
        f"{rel}:{line_in(data_copy, rel, 'status_full:')}: status_full: skriv teksten her"]


def test_a_bad_review_status_in_an_interface_file_is_an_error(data_copy):
    rel = "languages/en/interface.yml"
    edit(data_copy / rel, "review: drafted\n", "review: checked\n")
    assert errors_of(data_copy) == [
        f"{rel}:{line_in(data_copy, rel, 'review:')}: review: skriv review: drafted eller review: reviewed"]


def test_a_new_bokmal_string_is_missing_in_every_other_language(data_copy):
    edit(data_copy / ORIGINALS, "status_full: Fullt\n", "status_full: Fullt\nstatus_waiting: Venteliste\n")
    assert errors_of(data_copy) == [
        f"languages/{code}/interface.yml:1: status_waiting: denne teksten mangler; oversett den fra "
        "languages/nb/interface.yml" for code in ("ar", "en", "pl", "uk")]


def test_a_language_without_an_interface_file_is_an_error(data_copy):
    (data_copy / "languages/pl/interface.yml").unlink()
    assert errors_of(data_copy) == [
        "languages/pl/interface.yml:1: filen mangler; kopier languages/nb/interface.yml og oversett hver tekst"]


# --- languages/<code>/pages/<name>.md ---------------------------------------------------

@pytest.mark.parametrize("code", ["en", "uk", "ar"])
def test_a_page_template_that_bokmal_does_not_have_is_an_error(data_copy, code):
    (data_copy / f"languages/{code}/pages/nosuch.md").write_text("---\nreview: drafted\n---\n# Nosuch\n",
                                                                 encoding="utf-8")
    assert errors_of(data_copy) == [
        f"languages/{code}/pages/nosuch.md:1: det finnes ingen side 'nosuch' på bokmål "
        "(languages/nb/pages/nosuch.md) å oversette; sjekk filnavnet"]


def test_a_translated_page_whose_bokmal_page_is_gone_is_an_error(data_copy):
    # offer exists in nb and en only: without the bokmål original, the English one has nothing to translate.
    (data_copy / "languages/nb/pages/offer.md").unlink()
    assert errors_of(data_copy) == [
        "languages/en/pages/offer.md:1: det finnes ingen side 'offer' på bokmål "
        "(languages/nb/pages/offer.md) å oversette; sjekk filnavnet",
        "languages/nb/pages/offer.md:1: filen mangler; siden lages fra denne filen"]


def test_a_bad_review_status_in_a_page_template_is_an_error_on_its_line(data_copy):
    rel = "languages/en/pages/front.md"
    edit(data_copy / rel, "review: drafted", "review: checked")
    assert errors_of(data_copy) == [
        f"{rel}:{line_in(data_copy, rel, 'review:')}: review: 'checked' kan ikke stå i review:; "
        "skriv review: drafted eller review: reviewed"]


# --- data/region.yml languages: ---------------------------------------------------------

@pytest.mark.parametrize("languages", ["[en, nb, uk, pl, ar]", "[en, uk]", "[]"],
                         ids=["nb-second", "no-nb", "empty"])
def test_languages_must_start_with_bokmal(data_copy, languages):
    edit(data_copy / REGION, SHIPPED_LANGUAGES, f"languages: {languages}")
    assert errors_of(data_copy) == [
        f"{REGION}:{line_in(data_copy, REGION, f'languages: {languages}')}: languages: bokmål skal stå først: "
        "skriv languages: [nb, …]"]


def test_a_language_listed_twice_is_an_error(data_copy):
    edit(data_copy / REGION, SHIPPED_LANGUAGES, "languages: [nb, en, uk, en]")
    assert errors_of(data_copy) == [
        f"{REGION}:{line_in(data_copy, REGION, 'languages: [nb, en, uk, en]')}: "
        "languages: et språk står to ganger; ta bort det ene"]


def test_a_new_language_needs_its_files(data_copy):
    edit(data_copy / REGION, SHIPPED_LANGUAGES, "languages: [nb, en, de]")
    assert errors_of(data_copy) == [
        "languages/de/interface.yml:1: filen mangler; kopier languages/nb/interface.yml og oversett hver tekst",
        "languages/de/pages/front.md:1: filen mangler; hvert språk må ha en forside (språkvelgeren leder "
        "dit): kopier languages/nb/pages/front.md og oversett den"]


def test_fewer_languages_load_with_only_their_files(data_copy):
    edit(data_copy / REGION, SHIPPED_LANGUAGES, "languages: [nb, en]")
    files = load(data_copy).language_files
    assert ([lang.code for lang in files.languages], sorted(files.interface)) == (["nb", "en"], ["en", "nb"])


def test_a_string_removed_from_bokmal_is_bokmals_error_not_the_translations(data_copy):
    # Every other language still has fact_when: the bokmål file is the one to fix.
    edit(data_copy / ORIGINALS, "fact_when: Når\n", "")
    assert errors_of(data_copy) == [
        "languages/nb/interface.yml:1: fact_when: denne teksten mangler på bokmål (alle de "
        "andre språkene har den); skriv teksten på bokmål"]


def test_a_bokmal_page_template_the_build_needs_is_required(data_copy):
    (data_copy / "languages/nb/pages/guidance.md").rename(data_copy / "languages/nb/pages/guidance-old.md")
    errors = errors_of(data_copy)
    assert "languages/nb/pages/guidance.md:1: filen mangler; siden lages fra denne filen" in errors
    assert any(e.startswith("languages/nb/pages/guidance-old.md:1: ingen side lages fra 'guidance-old'")
               for e in errors)


def test_a_placeholder_changed_in_a_translation_is_an_error_on_its_line(data_copy):
    rel = "languages/en/interface.yml"
    text = (data_copy / rel).read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if line.startswith("register_for:"))
    edit(data_copy / rel, line, line.replace("{title}", "{titel}"))
    assert errors_of(data_copy) == [
        f"{rel}:{line_in(data_copy, rel, 'register_for:')}: register_for: ordene i krøllparentes må være "
        "de samme som på bokmål ({title}); la dem stå uendret"]


@pytest.mark.parametrize("slip", ["{{ course.title | tr | md }", "{{ cours.title | tr | md }}"],
                         ids=["unclosed", "unknown-name"])
def test_a_slip_in_a_translated_page_template_is_a_file_and_line_not_a_traceback(data_copy, slip):
    import subprocess
    import sys

    rel = "languages/en/pages/course.md"
    edit(data_copy / rel, "{{ course.title | tr | md }}", slip)
    line = line_in(data_copy, rel, slip)
    done = subprocess.run([sys.executable, "-m", "etablerer", "check"], cwd=data_copy, capture_output=True,
                          text=True, timeout=600)
    assert done.returncode != 0
    assert "Traceback" not in done.stderr + done.stdout
    assert f"{rel}:{line}: feil i malen:" in done.stderr
