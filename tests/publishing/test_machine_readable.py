"""Feature: what machines read (JSON-LD, Open Graph, the course feed, the sitemaps) is valid for
readers nobody here wrote, complete, and in the language of the page (issue 19).

Clients: tests/publishing/clients.py (the schema.org vocabulary of an npm package, the
sitemaps.org XSD, the feed's published JSON Schema). Expectations come from the fixture
project's data and interface files, never from a list typed here.
"""

from __future__ import annotations

import json
import re
from datetime import timedelta

import pytest

from etablerer.facts.courses import Status
from etablerer.inputs.fieldtypes import LocalText
from tests.support.expected import (
    COPIES,
    COPY,
    DEFAULT_LANGUAGE,
    LANGUAGES,
    NOT_FOUND,
    OTHER_LANGUAGES,
    interface,
    language_of,
    language_prefix,
)

from . import clients

# --- helpers -----------------------------------------------------------------------------------


def json_ld(site, copy, rel) -> list[dict]:
    soup = site.soup_of(site.copy_dir(copy) / rel)
    return [json.loads(s.string) for s in soup.find_all("script", type="application/ld+json")]


def plain_strings(value):
    """Every string value that claims no language of its own (not inside a value object with @language)."""
    if isinstance(value, dict):
        if "@language" in value:
            return
        for key, item in value.items():
            if not key.startswith("@"):
                yield from plain_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from plain_strings(item)
    elif isinstance(value, str):
        yield value


def local_texts(data) -> list[LocalText]:
    """Every data text with translations beside it, found by walking the loaded data."""
    found, seen = [], set()

    def walk(value):
        if id(value) in seen:
            return
        seen.add(id(value))
        if isinstance(value, LocalText):
            found.append(value)
        elif isinstance(value, str | int | float | bool) or value is None:
            return
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list | tuple | set | frozenset):
            for item in value:
                walk(item)
        elif hasattr(value, "__dict__") and type(value).__module__.startswith("etablerer"):
            for item in vars(value).values():
                walk(item)

    walk(data)
    return found


def bokmal_only(data, lang: str) -> set[str]:
    """Texts a page in `lang` must not give as if they were in its language: every bokmål data
    text and interface string whose `lang` version differs (or is missing)."""
    texts = {str(t) for t in local_texts(data) if t.in_language(lang) != str(t)}
    nb_strings, own = interface(DEFAULT_LANGUAGE), interface(lang)
    texts |= {v for k, v in nb_strings.items() if isinstance(v, str) and own.get(k) != v}
    return {t for t in texts if len(t) > 3}


def shown_as(text: str, bokmal: set[str]) -> str | None:
    """The bokmål text `text` is, or starts (a label with its date, a session's '(1/2)')."""
    for original in bokmal:
        if text == original or text.startswith((original + ",", original + " (")):
            return original
    return None


def pages_with_json_ld(site, copy):
    for rel in site.html_pages(copy):
        blocks = json_ld(site, copy, rel)
        if blocks:
            yield rel, blocks


def og(soup, prop: str) -> str | None:
    tag = soup.find("meta", attrs={"property": prop})
    return tag["content"] if tag else None


# --- JSON-LD against the schema.org vocabulary --------------------------------------------------------------


def test_the_vocabulary_package_knows_the_types_the_site_needs():
    """The client works: CourseInstance has courseWorkload (its own) and startDate (from Event)."""
    props = clients.schema_org_properties("CourseInstance")
    assert {"courseWorkload", "startDate", "name"} <= props
    assert "courseWorkload" not in clients.schema_org_properties("Course")


@pytest.mark.parametrize("copy", COPIES)
def test_every_json_ld_type_and_property_is_in_the_schema_org_vocabulary(published, copy):
    wrong = []
    for rel, blocks in pages_with_json_ld(published, copy):
        for block in blocks:
            for path, node in clients.json_ld_nodes(block):
                types = node["@type"] if isinstance(node["@type"], list) else [node["@type"]]
                for type_name in types:
                    if clients.schema_org_type(type_name) is None:
                        wrong.append(f"{rel} {path}: no type {type_name}")
                        continue
                    props = set().union(*(clients.schema_org_properties(t) for t in types))
                    wrong += [f"{rel} {path}: {type_name} has no property {key}"
                              for key in node if not key.startswith("@") and key not in props]
    assert wrong == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_course_instance_has_its_workload(published, lang):
    """Google's course markup needs courseSchedule or courseWorkload: here the time of all sessions."""
    by_url = {}
    for course in published.data.courses:
        by_url[f"{published.base_url(COPY)}{language_prefix(lang)}kurs/{course.id}/"] = course
    checked = 0
    for rel, blocks in pages_with_json_ld(published, COPY):
        if language_of(rel) != lang:
            continue
        for block in blocks:
            if block.get("@type") != "Course":
                continue
            course = by_url[block["url"]]
            total = sum((s.ends_at() - s.starts_at() for s in course.sessions), timedelta())
            for instance in block["hasCourseInstance"]:
                assert "courseWorkload" in instance or "courseSchedule" in instance, rel
                hours, minutes = re.fullmatch(r"PT(?:(\d+)H)?(?:(\d+)M)?", instance["courseWorkload"]).groups()
                assert timedelta(hours=int(hours or 0), minutes=int(minutes or 0)) == total, rel
                checked += 1
    assert checked >= 1


@pytest.mark.parametrize("lang", OTHER_LANGUAGES)
def test_no_bokmal_text_passes_for_the_pages_language_in_json_ld(published, lang):
    """Texts with a translation are in the page's language; a text shown in bokmål says so."""
    bokmal = bokmal_only(published.data, lang)
    wrong = []
    for rel, blocks in pages_with_json_ld(published, COPY):
        if language_of(rel) != lang:
            continue
        for block in blocks:
            wrong += [f"{rel}: {text!r}" for text in plain_strings(block) if shown_as(text, bokmal)]
    assert wrong == []


def test_a_text_marked_bokmal_is_bokmal(published):
    """Never a wrong locale: what says @language nb is a bokmål text without a translation there."""
    marked, wrong = 0, []
    for lang in OTHER_LANGUAGES:
        untranslated = {str(t) for t in local_texts(published.data) if t.in_language(lang) is None}
        for rel, blocks in pages_with_json_ld(published, COPY):
            if language_of(rel) != lang:
                continue
            for block in blocks:
                for path, n in _value_objects(block):
                    marked += 1
                    if n.get("@language") != DEFAULT_LANGUAGE or not shown_as(n["@value"], untranslated):
                        wrong.append(f"{rel} {path}: {n}")
    assert marked, "the fixture has an untranslated course: some text must be marked"
    assert wrong == []


def _value_objects(value, path="$"):
    if isinstance(value, dict):
        if "@value" in value:
            yield path, value
            return
        for key, item in value.items():
            yield from _value_objects(item, f"{path}.{key}")
    elif isinstance(value, list):
        for n, item in enumerate(value):
            yield from _value_objects(item, f"{path}[{n}]")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_list_and_catalogue_names_are_in_the_pages_language(published, lang):
    """The catalogue's ItemList and the front page's OfferCatalog are named as the page names them."""
    strings = interface(lang)
    names = {}
    for rel, blocks in pages_with_json_ld(published, COPY):
        if language_of(rel) == lang:
            for block in blocks:
                for _, node in clients.json_ld_nodes(block):
                    if node["@type"] in ("ItemList", "OfferCatalog"):
                        names[node["@type"]] = node["name"]
    assert names == {"ItemList": strings["upcoming_courses"], "OfferCatalog": strings["nav_tilbud"]}


# --- Open Graph ----------------------------------------------------------------------------------------------


def test_a_course_shown_in_bokmal_has_the_bokmal_og_locale(published):
    nb_locale = interface(DEFAULT_LANGUAGE)["og_locale"]
    seen, wrong = set(), []
    for lang in OTHER_LANGUAGES:
        own_locale = interface(lang)["og_locale"]
        for course in published.data.courses:
            page = published.copy_dir(COPY) / f"{language_prefix(lang)}kurs/{course.id}/index.html"
            if not page.is_file():
                continue
            in_bokmal = course.title.in_language(lang) is None or course.description.in_language(lang) is None
            got = og(published.soup_of(page), "og:locale")
            if got != (nb_locale if in_bokmal else own_locale):
                wrong.append(f"{lang} {course.id}: {got}")
            seen.add(in_bokmal)
    assert wrong == []
    assert seen == {True, False}, "the fixture has translated and untranslated courses"


@pytest.mark.parametrize("copy", COPIES)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_404_page_has_its_languages_description_and_open_graph(published, copy, lang):
    soup = published.soup_of(published.copy_dir(copy) / f"{language_prefix(lang)}{NOT_FOUND}")
    strings = interface(lang)
    description = soup.find("meta", attrs={"name": "description"})
    assert description is not None and description["content"] == strings["site_description"]
    assert og(soup, "og:description") == strings["site_description"]
    assert og(soup, "og:locale") == strings["og_locale"]
    assert og(soup, "og:title") == strings["not_found_title"]
    assert og(soup, "og:image")


def test_the_404_descriptions_differ_between_languages():
    assert len({interface(lang)["site_description"] for lang in LANGUAGES}) == len(LANGUAGES)


# --- the feed --------------------------------------------------------------------------------------------


def feed(site, copy) -> dict:
    return json.loads((site.copy_dir(copy) / "embed/courses.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("copy", COPIES)
def test_the_feed_is_valid_against_its_published_schema(published, copy):
    schema = published.copy_dir(copy) / "embed/courses.schema.json"
    assert clients.feed_errors(feed(published, copy), schema) == []
    assert feed(published, copy)["schema"] == published.base_url(copy) + "embed/courses.schema.json"


def test_the_feed_schema_catches_a_wrong_feed(published):
    """The schema says something: a title without bokmål, or an unknown field, fails."""
    schema = published.copy_dir(COPY) / "embed/courses.schema.json"
    wrong = feed(published, COPY)
    wrong["courses"][0]["title"] = {"en": "Only English"}
    wrong["courses"][0]["surprise"] = 1
    errors = clients.feed_errors(wrong, schema)
    assert any("title" in e for e in errors) and any("surprise" in e for e in errors)


def test_the_feed_schema_names_every_registration_state_and_no_other(published):
    """A new state in facts/courses.py must be documented in the published schema too."""
    schema = json.loads((published.copy_dir(COPY) / "embed/courses.schema.json").read_text(encoding="utf-8"))
    registration = schema["$defs"]["course"]["properties"]["registration"]["properties"]
    assert sorted(registration["status"]["enum"]) == sorted(state.value for state in Status)


@pytest.mark.parametrize("copy", COPIES)
def test_the_feed_gives_every_text_in_every_language_that_has_it(published, copy):
    by_id = {c.id: c for c in published.data.courses}
    translated = 0
    for item in feed(published, copy)["courses"]:
        course = by_id[item["id"]]
        expected = {lang: course.title.in_language(lang) for lang in LANGUAGES
                    if course.title.in_language(lang) is not None}
        assert item["title"] == expected
        assert set(item["label"]) == set(expected)
        assert all(item["label"][lang].startswith(text) for lang, text in expected.items())
        assert set(item["registration"]["status_text"]) == set(LANGUAGES)
        translated += len(expected) - 1
    assert translated > 0


# --- sitemaps ------------------------------------------------------------------------------------------


def sitemaps(site, copy):
    root = site.copy_dir(copy)
    return sorted(root.rglob("sitemap.xml"))


@pytest.mark.parametrize("copy", COPIES)
def test_every_sitemap_is_valid_against_the_sitemaps_org_xsd(published, copy):
    files = sitemaps(published, copy)
    assert len(files) == len(LANGUAGES)
    assert {f.as_posix(): clients.sitemap_errors(f) for f in files} == {f.as_posix(): [] for f in files}


def test_the_sitemap_client_rejects_a_wrong_sitemap(published, tmp_path):
    source = sitemaps(published, COPY)[0].read_text(encoding="utf-8")
    wrong = tmp_path / "sitemap.xml"
    wrong.write_text(source.replace("</loc>", "</loc><lastmod>today</lastmod>", 1), encoding="utf-8")
    assert clients.sitemap_errors(wrong)


LOC = re.compile(r"<loc>([^<]+)</loc>")


@pytest.mark.parametrize("copy", COPIES)
def test_no_sitemap_lists_a_redirect_page(published, copy):
    base, root = published.base_url(copy), published.copy_dir(copy)
    hidden = set()
    for rel in published.html_pages(copy):
        soup = published.soup_of(root / rel)
        if soup.find("meta", attrs={"http-equiv": "refresh"}):  # (a sample site is noindex throughout)
            hidden.add(base + rel.removesuffix("index.html"))
    assert hidden, "the fixture has a renamed course (a redirect page)"
    listed = {url for f in sitemaps(published, copy) for url in LOC.findall(f.read_text(encoding="utf-8"))}
    assert sorted(listed & hidden) == []


@pytest.mark.parametrize("copy", COPIES)
def test_no_sitemap_claims_every_page_changed_on_the_build_date(published, copy):
    """lastmod is left out: MkDocs would give every page the build's date."""
    assert [f for f in sitemaps(published, copy) if "<lastmod>" in f.read_text(encoding="utf-8")] == []
