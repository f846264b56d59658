"""Feature: what editors write is shown as text, never run as code.

A course whose title and description hold HTML, an event handler and a
javascript: Markdown link is built (the title also tries to close <title>),
in every language of the site; the pages of every language show those
characters as text.
"""

from __future__ import annotations

import json
import re

import pytest

from tests.support.edits import edit_file
from tests.support.environ import PINNED_DAY, switched_off
from tests.support.expected import COPIES, LANGUAGES, language_prefix, parse_html, text_of
from tests.support.project import project_copy, run_etablerer
from tests.support.site import build

pytestmark = pytest.mark.build

SCRIPT = "<script>alert(1)</script>"
IMAGE = "<img src=x onerror=alert(1)>"
MARKDOWN_LINK = "[x](javascript:alert(1))"
# Browsers read <title> as text up to the first </title>: this one leaves it.
TITLE_BREAKOUT = "</title><script>alert(1)</script>"
PAYLOADS = (SCRIPT, IMAGE, MARKDOWN_LINK, TITLE_BREAKOUT)
COURSE_ID = "regnskap-og-skatt-test-2027"
TITLE = f"Regnskap {SCRIPT} {IMAGE} {MARKDOWN_LINK} {TITLE_BREAKOUT}"
DESCRIPTION = f"Beskrivelse {SCRIPT} {IMAGE} {MARKDOWN_LINK} slutt."


def in_every_language(text: str) -> str:
    """{nb: text, en: text, …} as YAML (JSON is YAML): the same text for every language."""
    return json.dumps({lang: text for lang in LANGUAGES}, ensure_ascii=False)


# A top-level field with its value: on the line (title: …) or below it, indented (title:\n  nb: …).
def top_level_field(name: str) -> re.Pattern:
    return re.compile(rf"(?m)^{name}:.*(?:\n[ \t]+.*)*")


def with_hostile_text(yaml_text: str) -> str:
    for name, text in (("title", TITLE), ("description", DESCRIPTION)):
        value = f"{name}: " + in_every_language(text)
        yaml_text, count = top_level_field(name).subn(lambda _, value=value: value, yaml_text)
        assert count == 1, f"the course file should have one {name}: field"
    return yaml_text


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    root = project_copy(tmp_path_factory.mktemp("escaping") / "project")
    edit_file(root / "data" / "courses" / f"{COURSE_ID}.yml", with_hostile_text)
    with switched_off("ETABLERER_PLAIN_TEXT"):  # the escaping alone (the validator refuses tags: below)
        return build(root, root.parent / "site")


def test_the_validator_refuses_the_hostile_course_first(tmp_path):
    """The first layer: tags in a data text are an error with file:line; the pages above test the second."""
    root = project_copy(tmp_path / "project")
    edit_file(root / "data" / "courses" / f"{COURSE_ID}.yml", with_hostile_text)
    run = run_etablerer(root, PINNED_DAY, "check")
    assert run.returncode == 1
    refused = [line for line in run.stderr.splitlines() if f"data/courses/{COURSE_ID}.yml:" in line]
    assert [line.split(": ", 2)[1] for line in refused] == ["title.nb", "description.nb"]
    assert all("er HTML; en tekst i data/ er ren tekst" in line for line in refused)


COPY = COPIES[0]


def pages_of(site, copy):
    return {rel: site.soup_of(site.copy_dir(copy) / rel) for rel in site.html_pages(copy)}


# Data blocks (JSON-LD) are never run; tests/courses checks they cannot end their element.
NOT_RUN = ("application/ld+json",)


def scripts_running_the_payload(soup):
    return [s for s in soup.find_all("script") if "alert(1)" in s.get_text() and s.get("type") not in NOT_RUN]


def elements_with_event_handlers(soup):
    return [e for e in soup.find_all(True) if any(name.lower().startswith("on") for name in e.attrs)]


def javascript_links(soup):
    return [e for e in soup.find_all(True)
            for attr in ("href", "src", "action", "formaction")
            if e.has_attr(attr) and e[attr].strip().lower().replace("\t", "").startswith("javascript:")]


def course_page(site, lang):
    return site.page(COPY, f"{language_prefix(lang)}kurs/{COURSE_ID}/")


def test_the_course_got_the_hostile_title(hostile):
    course = next(c for c in hostile.data.courses if c.id == COURSE_ID)
    assert course.title == TITLE
    assert course.title.translations == {lang: TITLE for lang in LANGUAGES if lang != "nb"}


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("payload", PAYLOADS)
def test_the_course_page_heading_shows_the_title_as_text(hostile, payload, lang):
    heading = course_page(hostile, lang).find("h1")
    assert payload in text_of(heading)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_course_page_shows_the_description_as_text(hostile, lang):
    assert DESCRIPTION in text_of(course_page(hostile, lang))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_course_page_shows_the_script_tag_as_text(hostile, lang):
    assert SCRIPT in course_page(hostile, lang).get_text()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_browser_tab_shows_the_title_as_text(hostile, lang):
    title = course_page(hostile, lang).title
    assert title is not None and TITLE in title.get_text(), f"the page's <title> is {title}"


def test_no_page_runs_the_script(hostile):
    found = {rel: len(scripts_running_the_payload(soup)) for rel, soup in pages_of(hostile, COPY).items()
             if scripts_running_the_payload(soup)}
    assert found == {}


def test_no_page_has_an_element_with_an_event_handler(hostile):
    found = {rel: [str(e)[:80] for e in elements_with_event_handlers(soup)]
             for rel, soup in pages_of(hostile, COPY).items() if elements_with_event_handlers(soup)}
    assert found == {}


def test_no_page_has_a_javascript_link(hostile):
    found = {rel: [str(e)[:80] for e in javascript_links(soup)]
             for rel, soup in pages_of(hostile, COPY).items() if javascript_links(soup)}
    assert found == {}


def search_entries(site, copy, lang="nb"):
    """The search index of one language (each language has its own, under its folder)."""
    file = site.copy_dir(copy) / language_prefix(lang) / "search" / "search_index.json"
    return json.loads(file.read_text(encoding="utf-8"))["docs"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_search_index_holds_the_title_as_text_not_markup(hostile, lang):
    """The search box shows titles and text from the index as HTML."""
    dangerous = []
    for entry in search_entries(hostile, COPY, lang):
        for field in ("title", "text"):
            fragment = parse_html(entry.get(field) or "")
            if scripts_running_the_payload(fragment) or elements_with_event_handlers(fragment) \
                    or javascript_links(fragment):
                dangerous.append(f"{entry['location']} {field}: {entry[field][:100]!r}")
    assert dangerous == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_search_index_finds_the_course(hostile, lang):
    assert any(e["location"].startswith(f"kurs/{COURSE_ID}/") for e in search_entries(hostile, COPY, lang))
