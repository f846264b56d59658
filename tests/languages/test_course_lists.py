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

from tests.site.helpers import normalise, text_of

from .expected import CODES, LANGUAGE_NAMES, OTHERS, courses, interface, prefix, taught_in, template_headings

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

