"""Feature: in every language, readers find the courses taught in a language they read.

The catalogue of every language shows each course's language(s) of
instruction; the static lists kurs/sprak/<code>/ exist in every language and
list exactly the upcoming courses taught in <code>; a language's front page
lists its own upcoming courses first (ul.et-courses--own). "Upcoming" is
worked out here from data/courses/ with the pinned as-of day, as tests/courses does.
"""

from __future__ import annotations

import posixpath

import pytest

from tests.support.expected import (
    COPY,
    LANGUAGE_NAMES,
    OWN_NAMES,
    base_url,
    courses,
    normalise,
    taught_in,
    template_headings,
    text_of,
)
from tests.support.expected import LANGUAGES as CODES
from tests.support.expected import OTHER_LANGUAGES as OTHERS
from tests.support.expected import language_prefix as prefix
from tests.support.expected import shown_interface as interface
from tests.support.expected import split_language as language_of
from tests.support.site import resolve_rel as resolve

TAUGHT = sorted({code for c in courses() for code in c["languages"]})


def course_id_of(href: str) -> str:
    return posixpath.basename(href.rstrip("/"))


def cards(ul):
    return [li for li in ul.find_all("li", class_="et-course")]


def card_id(li) -> str:
    return course_id_of(li.find("p", class_="et-course__title").a["href"])


def listed_under(soup, heading: str) -> list[str]:
    """The course ids listed under the h2 `heading`, in order."""
    found = [h for h in soup.find("article").find_all("h2") if text_of(h) == heading]
    assert len(found) == 1, f"no single h2 {heading!r}"
    out = []
    for sibling in found[0].find_next_siblings():
        if sibling.name == "h2":
            break
        if sibling.name == "ul" and "et-courses" in (sibling.get("class") or []):
            out += [card_id(li) for li in cards(sibling)]
    return out


def fact(card, label: str) -> str | None:
    for dt in card.find_all("dt"):
        if text_of(dt) == label:
            return normalise(dt.find_next_sibling("dd").get_text(" "))
    return None


def test_every_language_of_the_site_is_taught_in_some_course():
    # So that each language's own list below has something to show.
    assert set(CODES) <= set(TAUGHT), TAUGHT


@pytest.mark.parametrize("code", CODES)
def test_the_catalogue_shows_each_courses_languages_of_instruction(pages, code):
    by_id = {c["id"]: c for c in courses()}
    soup = pages[prefix(code) + "kurs/index.html"]
    label = interface(code)["fact_language"]
    wrong, seen = [], 0
    for li in soup.find("article").find_all("li", class_="et-course"):
        course = by_id[card_id(li)]
        seen += 1
        shown = fact(li, label)
        if shown is None:
            wrong.append(f"{course['id']}: no {label!r}")
            continue
        names = [LANGUAGE_NAMES[code][lang] for lang in course["languages"]]
        missing = [name for name in names if name not in shown]
        if missing:
            wrong.append(f"{course['id']}: {label} {shown!r} does not name {missing}")
    assert seen > 0
    assert wrong == [], f"{code}: " + "\n".join(wrong)


@pytest.mark.parametrize("taught", TAUGHT)
@pytest.mark.parametrize("code", CODES)
def test_each_language_has_the_list_of_upcoming_courses_taught_in_a_language(pages, code, taught):
    rel = prefix(code) + f"kurs/sprak/{taught}/index.html"
    assert rel in pages, f"{rel} does not exist"
    heading = template_headings(code, "course_filter")[0]  # '## Kommende kurs' / '## Upcoming courses' …
    assert listed_under(pages[rel], heading) == taught_in(taught)


@pytest.mark.parametrize("code", OTHERS)
def test_the_front_page_lists_the_upcoming_courses_in_its_language_first(pages, code):
    article = pages[prefix(code) + "index.html"].find("article")
    lists = article.find_all("ul", class_="et-courses")
    own = [ul for ul in lists if "et-courses--own" in ul.get("class")]
    expected = taught_in(code)
    assert expected, f"the shipped data has an upcoming course taught in {code}"
    assert len(own) == 1, f"{code}: {len(own)} lists of own-language courses"
    assert [card_id(li) for li in cards(own[0])] == expected
    others = [ul for ul in lists if ul is not own[0]]
    assert others and lists.index(own[0]) < lists.index(others[0]), "the own-language list comes first"



# --- the language filter links: named as lists, not as the language -------------------------

# What a reader of each language reads on the link to kurs/sprak/<code>/, written out for
# bokmål and English; the others are the translator's courses_in_language with the
# language's name as CLDR writes it (LANGUAGE_NAMES, written out in tests/support/expected.py).
FILTER_NAMES = {
    "nb": {"nb": "Kurs på norsk bokmål", "en": "Kurs på engelsk", "uk": "Kurs på ukrainsk", "pl": "Kurs på polsk",
           "ar": "Kurs på arabisk"},
    "en": {"nb": "Courses in Norwegian Bokmål", "en": "Courses in English", "uk": "Courses in Ukrainian",
           "pl": "Courses in Polish", "ar": "Courses in Arabic"},
}


def filter_name(code: str, taught: str) -> str:
    if code in FILTER_NAMES:
        return FILTER_NAMES[code][taught]
    return interface(code)["courses_in_language"].replace("{language}", LANGUAGE_NAMES[code][taught])


def language_filter_links(soup, rel: str, copy_dir, code: str) -> dict[str, list[str]]:
    """taught language → the names of the links in nav.et-filters that lead to its list."""
    found: dict[str, list[str]] = {}
    nav = soup.find("nav", class_="et-filters")
    for a in nav.find_all("a", href=True) if nav else ():
        target = resolve(copy_dir, rel, a["href"]) or ""
        for taught in TAUGHT:
            if target == prefix(code) + f"kurs/sprak/{taught}/index.html":
                found.setdefault(taught, []).append(text_of(a))
    return found


@pytest.mark.parametrize("code", CODES)
def test_the_language_filter_links_are_named_as_lists_of_courses(pages, copy_dir, code):
    """'Kurs på engelsk' / 'Courses in English', never the bare 'English' the switcher uses."""
    expected = {taught: [filter_name(code, taught)] for taught in TAUGHT}
    wrong, seen = [], 0
    for rel, soup in pages.items():
        if not rel.startswith(prefix(code) + "kurs/") or language_of(rel)[0] != code:
            continue
        found = language_filter_links(soup, rel, copy_dir, code)
        if not found:
            continue
        seen += 1
        if found != expected:
            wrong.append(f"{rel}: {found}")
    assert seen > 1, f"{code}: no page with the language filters (the catalogue and its lists have them)"
    assert wrong == [], f"{code}: expected {expected}\n" + "\n".join(wrong[:5])


def test_no_link_outside_the_switcher_is_named_like_a_switcher_link_that_leads_elsewhere(pages, copy_dir):
    """One name, one place: 'English' is the switcher's; a link with that name elsewhere on the
    page must lead where the switcher's does."""
    names = {name.casefold() for name in OWN_NAMES.values()}
    wrong = []
    for rel, soup in pages.items():
        switcher = {text_of(a).casefold(): resolve(copy_dir, rel, a.get("href", ""), base_url(COPY))
                    for nav in soup.find_all("nav", class_="et-languages") for a in nav.find_all("a")}
        for a in soup.find_all("a", href=True):
            name = text_of(a).casefold()
            if name not in names or a.find_parent("nav", class_="et-languages") is not None:
                continue
            target = resolve(copy_dir, rel, a["href"], base_url(COPY))
            if target != switcher.get(name):
                wrong.append(f"{rel}: {text_of(a)!r} → {a['href']!r}, the switcher's leads to {switcher.get(name)!r}")
    assert wrong == [], "\n".join(wrong[:10])
