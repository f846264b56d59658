"""Rules moved into the validator because the build (or the content checks) refused what
`make check` let through: each with its bad input and the exact message an editor reads,
and the valid neighbour that must keep loading (tests/data/test_validation.py style).

- A course id or a former id may not be an address the build uses under kurs/ for
  something else: `index` (the catalogue, kurs/) and `alle-kurs` (the calendar of all
  courses, kurs/alle-kurs.ics). Before, the build went through and one page or file
  silently replaced the other.
- A site language needs its front page (languages/<code>/pages/front.md): the language switcher
  of every page and the language's 404 page lead there. Before, `make check` passed and every
  page of every language linked to a page that was not built.
- A site language needs the theme's words in it (Material for MkDocs' partials/languages/,
  or the project's own hooks/generator_adapter/theme/partials/languages/<code>.html). Before, `make check`
  passed and the build stopped with a Jinja traceback (TemplateNotFound).
"""

from __future__ import annotations

import shutil

import pytest

from .conftest import NEW_COURSE, REGION, errors_of, line_of, load, write

NEW = "data/courses/x.yml"
ID_LINE = 2  # of NEW_COURSE
FORMER_LINE = NEW_COURSE.count("\n") + 1  # former_ids: added as the last line
LANGUAGES_LINE = line_of(REGION, "languages: [nb, en, uk, pl, ar]")


def with_id(course_id: str) -> str:
    return NEW_COURSE.replace("id: testkurs-2027", f"id: {course_id}")


def with_former(*old: str) -> str:
    return NEW_COURSE + f"former_ids: [{', '.join(old)}]\n"


@pytest.mark.parametrize(("course_id", "why"), [
    ("index", "kurs/ er siden som viser alle kursene"),
    ("alle-kurs", "kurs/alle-kurs.ics er kalenderfilen med alle kommende kurs"),
])
def test_a_course_id_the_build_uses_for_something_else(data_copy, course_id, why):
    write(data_copy, NEW, with_id(course_id))
    assert errors_of(data_copy) == [
        f"{NEW}:{ID_LINE}: id: '{course_id}' kan ikke være id for et kurs: {why}; velg en annen id"]


@pytest.mark.parametrize(("old", "why"), [
    ("index", "kurs/ er siden som viser alle kursene"),
    ("alle-kurs", "kurs/alle-kurs.ics er kalenderfilen med alle kommende kurs"),
])
def test_a_former_id_the_build_uses_for_something_else(data_copy, old, why):
    write(data_copy, NEW, with_former("testkurs-2026", old))
    assert errors_of(data_copy) == [
        f"{NEW}:{FORMER_LINE}: former_ids[1]: '{old}' kan ikke være en gammel kursadresse: {why}; fjern den"]


@pytest.mark.parametrize("course_id", ["alle-kurs-2027", "index-og-register", "kurs", "sprak"])
def test_ids_near_the_reserved_ones_are_fine(data_copy, course_id):
    write(data_copy, NEW, with_id(course_id) + "former_ids: [alle-kurs-2026]\n")
    assert course_id in [c.id for c in load(data_copy).courses]


def add_language(root, code: str) -> None:
    region = root / REGION
    text = region.read_text(encoding="utf-8")
    region.write_text(text.replace("languages: [nb, en, uk, pl, ar]", f"languages: [nb, en, uk, pl, ar, {code}]"),
                      encoding="utf-8")
    (root / "languages" / code / "pages").mkdir(parents=True)
    shutil.copy(root / "languages" / "en" / "interface.yml", root / "languages" / code / "interface.yml")
    shutil.copy(root / "languages" / "en" / "pages" / "front.md", root / "languages" / code / "pages" / "front.md")


def test_a_language_the_theme_has_no_words_for(data_copy):
    add_language(data_copy, "so")  # Somali: CLDR knows it, Material for MkDocs does not
    assert errors_of(data_copy) == [
        f"{REGION}:{LANGUAGES_LINE}: languages[5]: 'so' er et språk som temaet (Material for MkDocs) ikke "
        "har ord for (søk, meny, 'til toppen'), så ingen side kan lages på det; fjern det, eller be en utvikler "
        "legge til hooks/generator_adapter/theme/partials/languages/so.html"]


def test_a_language_with_the_projects_own_theme_words_is_fine(data_copy):
    add_language(data_copy, "so")
    own = data_copy / "hooks" / "generator_adapter" / "theme" / "partials" / "languages" / "so.html"
    own.parent.mkdir(parents=True)
    own.write_text("{% macro t(key) %}{{ key }}{% endmacro %}\n", encoding="utf-8")
    assert [lang.code for lang in load(data_copy).language_files.languages][-1] == "so"


def test_a_language_material_has_is_fine(data_copy):
    add_language(data_copy, "lt")
    assert [lang.code for lang in load(data_copy).language_files.languages][-1] == "lt"


def test_a_language_needs_its_front_page(data_copy):
    add_language(data_copy, "lt")
    (data_copy / "languages" / "lt" / "pages" / "front.md").unlink()
    assert errors_of(data_copy) == [
        "languages/lt/pages/front.md:1: filen mangler; hvert språk må ha en forside (språkvelgeren leder "
        "dit): kopier languages/nb/pages/front.md og oversett den"]


def test_a_language_with_only_its_front_page_is_fine(data_copy):
    add_language(data_copy, "lt")
    assert load(data_copy).language_files.pages["lt"].keys() == {"front"}
