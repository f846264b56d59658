"""Feature: a translation nobody has checked yet says so, and points to the original.

Every page in another language whose template (or editorial file) is marked
review: drafted shows <div class="et-translation-note"> with review_note of
that language's interface.yml and a link (hreflang="nb") to the same page in
bokmål. When the template, the interface strings and the data texts shown are
all reviewed, the note goes. A data text with no translation is shown in
bokmål inside lang="nb", and the page says some of its text is only in Norwegian.
"""

from __future__ import annotations

import re

import pytest

from tests.support.expected import (
    COPY,
    DATA_DIR,
    LANGUAGES_DIR,
    NOT_FOUND,
    nb,
    normalise,
    review_of_page,
    text_of,
    upcoming,
    url_of_file,
)
from tests.support.expected import DEFAULT_LANGUAGE as DEFAULT
from tests.support.expected import OTHER_LANGUAGES as OTHERS
from tests.support.expected import parse_html as soup
from tests.support.expected import shown_interface as interface
from tests.support.expected import split_language as language_of
from tests.support.site import resolve_rel as resolve

from .conftest import side_build

pytestmark = pytest.mark.build


def notes(soup):
    return soup.find_all("div", class_="et-translation-note")


def review_notes(soup, code: str):
    said = interface(code)["review_note"]
    return [n for n in notes(soup) if said in normalise(n.get_text(" "))]


def drafted_pages(pages, code):
    for rel, page in pages.items():
        lang, inner = language_of(rel)
        if lang == code and inner != NOT_FOUND and review_of_page(code, url_of_file(inner)) == "drafted":
            yield rel, inner, page


@pytest.mark.parametrize("code", OTHERS)
def test_every_drafted_page_shows_the_review_note_with_a_link_to_the_original(pages, copy_dir, code):
    wrong, seen = [], 0
    for rel, inner, page in drafted_pages(pages, code):
        seen += 1
        found = review_notes(page, code)
        if len(found) != 1:
            wrong.append(f"{rel}: {len(found)} notes with {interface(code)['review_note'][:40]!r}…")
            continue
        note = found[0]
        if note.get("role") != "note":
            wrong.append(f"{rel}: the note has no role=\"note\"")
        originals = [a for a in note.find_all("a", hreflang=DEFAULT)
                     if resolve(copy_dir, rel, a.get("href", "")) == inner]
        if not originals:
            wrong.append(f"{rel}: no link hreflang=\"nb\" to the bokmål {inner} in the note: {note}")
        elif text_of(originals[0]) != interface(code)["review_link"]:
            wrong.append(f"{rel}: link text {text_of(originals[0])!r}, expected {interface(code)['review_link']!r}")
    assert seen > 0, f"{code}: no drafted page found: the shipped translations are all drafts"
    assert wrong == [], "\n".join(wrong[:20])


def test_bokmal_pages_have_no_translation_note(pages):
    with_note = [rel for rel, page in pages.items() if language_of(rel)[0] == DEFAULT and notes(page)]
    assert with_note == []


# --- a data text with no translation --------------------------------------------


def test_an_untranslated_course_title_on_a_ukrainian_page_is_bokmal_marked_and_noted(pages):
    untranslated = [c for c in upcoming() if not (isinstance(c["title"], dict) and "uk" in c["title"])]
    assert untranslated, "the shipped data has an upcoming course with no Ukrainian title"
    page = pages["uk/kurs/index.html"]
    title = normalise(nb(untranslated[0]["title"]))
    shown = [e for e in page.find("article").find_all(lang=DEFAULT) if text_of(e) == title]
    assert shown, f"uk/kurs/: {title!r} not shown inside an element with lang=\"nb\""
    said = [normalise(n.get_text(" ")) for n in notes(page)]
    assert any(interface("uk")["untranslated_note"] in s for s in said), said


# --- English marked reviewed ---------------------------------------------------------


@side_build("en-reviewed", languages=("en",))
def mark_english_reviewed(root):
    """languages/en/interface.yml, languages/en/pages/front.md and every data text (a superset of those
    on the English front page) marked reviewed for English; the other English templates stay drafted."""
    english = root / LANGUAGES_DIR.name / "en"
    for file, pattern in ((english / "interface.yml", r"(?m)^review: drafted$"),
                          (english / "pages" / "front.md", r"\A---\nreview: drafted\n")):
        text = file.read_text(encoding="utf-8")
        assert re.search(pattern, text), f"{file}: no 'review: drafted' to change"
        file.write_text(re.sub(pattern, lambda m: m[0].replace("drafted", "reviewed"), text, count=1),
                        encoding="utf-8")
    changed = 0
    for file in (root / DATA_DIR.name).rglob("*.y*ml"):
        text = file.read_text(encoding="utf-8")
        new = re.sub(r"\ben: drafted\b", "en: reviewed", text)
        changed += new != text
        file.write_text(new, encoding="utf-8")
    assert changed > 0, "no data text was marked drafted for English"


@pytest.fixture(scope="module")
def side_build_en_reviewed(side_builds):
    return side_builds["en-reviewed"].wait() / COPY


def test_a_reviewed_english_front_page_has_no_review_note(side_build_en_reviewed):
    page = read_page(side_build_en_reviewed / "en" / "index.html")
    assert page.find("html").get("lang") == "en"
    assert review_notes(page, "en") == [], "everything the English front page is made of is reviewed"
    assert not [a for n in notes(page) for a in n.find_all("a") if text_of(a) == interface("en")["review_link"]]


def test_a_drafted_english_page_still_has_it_in_the_same_build(side_build_en_reviewed):
    # The contact page's template is still drafted: the note did not just vanish everywhere.
    page = read_page(side_build_en_reviewed / "en" / "kontakt" / "index.html")
    assert len(review_notes(page, "en")) == 1


def read_page(file):
    return soup(file.read_text(encoding="utf-8"))
