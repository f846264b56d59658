"""Feature: courses that share a title are told apart wherever they are linked or listed (issue 22).

Editors repeat titles. A project copy of the fixture gets three courses named "Bokføring for
nybegynnere" (two on one day, in different places) and a pair whose titles collide only in
English. Every link, calendar entry, structured-data name, feed label, page title and heading
then says which course it is; titles that are unique stay as they are.
"""

from __future__ import annotations

import json
import posixpath
from collections import defaultdict
from datetime import date, timedelta

import pytest
from icalendar import Calendar

from etablerer.facts.formatting import long_date
from etablerer.inputs.loading import load_data
from etablerer.view.labels import course_suffixes
from tests.support.environ import PINNED_DAY
from tests.support.expected import COPIES, LANGUAGES, language_of, normalise, text_of
from tests.support.project import project_copy
from tests.support.site import build

pytestmark = pytest.mark.build

TITLE = "Bokføring for nybegynnere"
SAME = ("bokforing-var-2027", "bokforing-host-moss-2027", "bokforing-host-nett-2027")
ENGLISH_ONLY = ("kveldskurs-salg-2027", "salg-om-kvelden-2027")


def course_yaml(course_id: str, title: str, day: date, *, online: bool = False, municipality: str = "moss",
                languages: str = "[nb]") -> str:
    place = ("format: online\nonline_url: https://example.com/rom/" + course_id + "\n" if online else
             f"format: onsite\nvenue:\n  name: Kurshuset\n  address: {{street: Storgata 1, postcode: \"1530\", "
             f"city: {municipality.capitalize()}}}\n  municipality: {municipality}\n")
    return (f"sample: true\nid: {course_id}\ntitle: {title}\nkind: theme\n"
            f"description: Et kurs som bare finnes i testene.\n"
            f"sessions:\n  - id: del-1\n    date: {day.isoformat()}\n    start: 18:00\n    end: 21:00\n"
            f"{place}languages: {languages}\nprice: 0\ncapacity: 20\n"
            f"registration:\n  url: https://example.com/pamelding/{course_id}\n"
            f"  deadline: {(day - timedelta(days=7)).isoformat()}\n"
            "target_group: Alle som vil prøve.\n")


@pytest.fixture(scope="module")
def same_titles(tmp_path_factory):
    base = tmp_path_factory.mktemp("same-title")
    root = project_copy(base / "project")
    folder = root / "data" / "courses"
    spring, autumn = date(2027, 4, 14), date(2027, 9, 15)
    for course_id, day, online, municipality in ((SAME[0], spring, False, "vestby"), (SAME[1], autumn, False, "moss"),
                                                 (SAME[2], autumn, True, "moss")):
        (folder / f"{course_id}.yml").write_text(course_yaml(course_id, TITLE, day, online=online,
                                                             municipality=municipality), encoding="utf-8")
    for course_id, nb_title, day in ((ENGLISH_ONLY[0], "Kveldskurs i salg", spring),
                                     (ENGLISH_ONLY[1], "Salg om kvelden", autumn)):
        (folder / f"{course_id}.yml").write_text(
            course_yaml(course_id, f"{{nb: {nb_title}, en: Selling in the evening}}", day, languages="[nb, en]"),
            encoding="utf-8")
    return build(root, base / "site")


# --- the rule -----------------------------------------------------------------

def courses_of(site, ids):
    by_id = {c.id: c for c in site.data.courses}
    return [by_id[i] for i in ids]


def test_a_unique_title_gets_nothing_added(same_titles):
    suffixes = course_suffixes(same_titles.data.courses, "nb", lambda c: "sted")
    unique = [c.id for c in same_titles.data.courses if c.id not in SAME]
    assert unique and all(suffixes[i] == "" for i in unique)


def test_a_shared_title_gets_its_first_date_and_a_shared_day_its_place(same_titles):
    suffixes = course_suffixes(same_titles.data.courses, "nb", lambda c: "STED-" + c.id)
    assert suffixes[SAME[0]] == f", {long_date(date(2027, 4, 14), 'nb')}"
    autumn = long_date(date(2027, 9, 15), "nb")
    assert suffixes[SAME[1]] == f", {autumn}, STED-{SAME[1]}"
    assert suffixes[SAME[2]] == f", {autumn}, STED-{SAME[2]}"


def test_titles_are_compared_in_each_language(same_titles):
    nb = course_suffixes(same_titles.data.courses, "nb", str)
    en = course_suffixes(same_titles.data.courses, "en", str)
    assert [nb[i] for i in ENGLISH_ONLY] == ["", ""]
    assert all(en[i] for i in ENGLISH_ONLY) and en[ENGLISH_ONLY[0]] != en[ENGLISH_ONLY[1]]


def test_the_validator_accepts_repeated_titles(same_titles, tmp_path):
    # build() would have raised otherwise; load once more to be explicit.
    root = same_titles.out.parent / "project"
    assert len(load_data(root / "data", root / "content", root).courses) == len(same_titles.data.courses)


# --- every output -------------------------------------------------------------

def link_names(soup, rel: str) -> dict[str, set[str]]:
    names: dict[str, set[str]] = defaultdict(set)
    for a in soup.select("main a[href], article a[href]"):
        href = a["href"].split("#")[0]
        target = href if "://" in href or href.startswith(("mailto:", "tel:")) else \
            posixpath.normpath(posixpath.join(posixpath.dirname(rel), href or posixpath.basename(rel)))
        names[text_of(a).casefold()].add(target)
    return names


@pytest.mark.parametrize("copy", COPIES[:1])
def test_no_two_links_of_one_name_lead_to_different_courses(same_titles, copy):
    problems = []
    for rel in same_titles.html_pages(copy):
        soup = same_titles.soup_of(same_titles.copy_dir(copy) / rel)
        for name, targets in link_names(soup, rel).items():
            courses = {t for t in targets if "/kurs/" in f"/{t}" and any(i in t for i in SAME + ENGLISH_ONLY)}
            if len(courses) > 1:
                problems.append(f"{rel}: '{name}' → {sorted(courses)}")
    assert problems == []


def test_the_lists_show_the_dates_as_part_of_the_link(same_titles):
    soup = same_titles.page(COPIES[0], "kurs/")
    names = [text_of(p.a) for p in soup.select(".et-course__title") if TITLE in text_of(p)]
    assert len(names) == 3 and len(set(names)) == 3
    assert normalise(f"{TITLE}, {long_date(date(2027, 4, 14), 'nb')}") in names


def test_each_course_page_has_its_own_title_and_heading(same_titles):
    for lang in LANGUAGES:
        prefix = "" if lang == "nb" else f"{lang}/"
        pages = [same_titles.page(COPIES[0], f"{prefix}kurs/{i}/") for i in SAME + ENGLISH_ONLY]
        titles = [normalise(p.title.string) for p in pages]
        headings = [text_of(p.find("h1")) for p in pages]
        assert len(set(titles)) == len(titles) and len(set(headings)) == len(headings), (lang, titles, headings)


def test_calendar_summaries_differ(same_titles):
    copy_dir = same_titles.copy_dir(COPIES[0])
    summaries = []
    for course_id in SAME:
        cal = Calendar.from_ical((copy_dir / "kurs" / f"{course_id}.ics").read_bytes())
        summaries += [str(e["SUMMARY"]) for e in cal.walk("VEVENT")]
    assert len(summaries) == 3 and len(set(summaries)) == 3, summaries
    feed = Calendar.from_ical((copy_dir / "kurs" / "alle-kurs.ics").read_bytes())
    in_feed = [str(e["SUMMARY"]) for e in feed.walk("VEVENT") if TITLE in str(e["SUMMARY"])]
    assert sorted(in_feed) == sorted(summaries)


def structured(soup) -> list[dict]:
    return [json.loads(s.string) for s in soup.find_all("script", type="application/ld+json")]


def _shown(name) -> str:
    """A JSON-LD name as text: a title shown in bokmål on a translated page is {"@value", "@language": "nb"}."""
    return name["@value"] if isinstance(name, dict) else name


def test_structured_data_names_differ_in_every_language(same_titles):
    for lang in LANGUAGES:
        prefix = "" if lang == "nb" else f"{lang}/"
        names = []
        for course_id in SAME + ENGLISH_ONLY:
            items = structured(same_titles.page(COPIES[0], f"{prefix}kurs/{course_id}/"))
            course = next(i for i in items if i.get("@type") == "Course")
            names.append((_shown(course["name"]), _shown(course["hasCourseInstance"][0]["name"])))
        assert len({n for n, _ in names}) == len(names) and len({n for _, n in names}) == len(names), (lang, names)
        catalogue = structured(same_titles.page(COPIES[0], f"{prefix}kurs/"))
        listed = [_shown(e["name"]) for i in catalogue if i.get("@type") == "ItemList" for e in i["itemListElement"]]
        assert len(listed) == len(set(listed)), (lang, listed)


def test_the_feed_labels_are_unique_and_keep_unique_titles(same_titles):
    feed = json.loads((same_titles.copy_dir(COPIES[0]) / "embed/courses.json").read_text(encoding="utf-8"))
    for lang in {code for c in feed["courses"] for code in c["label"]}:
        labels = [c["label"][lang] for c in feed["courses"] if lang in c["label"]]
        assert len(labels) == len(set(labels)), lang
    by_id = {c.id: c for c in same_titles.data.courses}
    for item in feed["courses"]:
        if item["id"] not in SAME:
            assert item["label"]["nb"] == str(by_id[item["id"]].title)


def test_the_embed_page_tells_them_apart(same_titles):
    soup = same_titles.soup_of(same_titles.copy_dir(COPIES[0]) / "embed/courses/index.html")
    names = [text_of(p.a) for p in soup.select(".et-course__title") if TITLE in text_of(p)]
    assert len(names) == 3 and len(set(names)) == 3


def test_today_is_the_fixtures_day(same_titles):
    assert same_titles.today == PINNED_DAY and language_of("en/kurs/index.html") == "en"
