"""Feature: every copy has embeds for CMS pages: a snippet, an iframe page, a JSON feed.

Expectations come from data/ read here, or are written out; the course list
on the as-of date uses etablerer.courses for status (as tests/site does).
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from decimal import Decimal

import pytest

from etablerer.facts.courses import registration_open
from tests.fixtures import FIXTURE, REPO
from tests.support.environ import PINNED_DAY
from tests.support.expected import COPIES, SAMPLE_BANNER, long_date, normalise, parse_html, text_of

LANDMARK_ELEMENTS = ("main", "nav", "header", "footer", "aside", "section", "form", "search")
README = REPO / "README.md"


def upcoming(data):
    """Upcoming on the as-of date: any course whose last session is today or later, by first session."""
    courses = [c for c in data.courses if max(s.date for s in c.sessions) >= PINNED_DAY]
    return sorted(courses, key=lambda c: (min((s.date, s.start) for s in c.sessions), c.id))


def required_organisations(site):
    from etablerer.facts.agreements import agreement_in_force
    rule = agreement_in_force(site.data.agreements, PINNED_DAY).agreement.visibility
    return [site.data.organisation(org_id) for org_id in rule.organisations]


# --- embed/snippet.html ------------------------------------------------------

def snippet(site, copy):
    return parse_html((site.copy_dir(copy) / "embed/snippet.html").read_text(encoding="utf-8"))


@pytest.mark.parametrize("copy", COPIES)
def test_the_snippet_is_one_element_in_bokmal(published, copy):
    top = [e for e in snippet(published, copy).contents if getattr(e, "name", None)]
    assert [(e.name, e.get("lang")) for e in top] == [("div", "nb")]


@pytest.mark.parametrize("copy", COPIES)
def test_the_snippet_has_no_script_no_style_element_and_no_handlers(published, copy):
    soup = snippet(published, copy)
    found = [e.name for e in soup.find_all(["script", "style", "link", "iframe", "object", "embed", "meta", "base"])]
    handlers = [name for e in soup.find_all(True) for name in e.attrs if name.lower().startswith("on")]
    assert found == [] and handlers == []


@pytest.mark.parametrize("copy", COPIES)
def test_the_snippet_requests_nothing(published, copy):
    """Images are data: URLs; nothing else loads anything."""
    soup = snippet(published, copy)
    loads = [e.get("src") for e in soup.find_all(src=True)] + [e.get("srcset") for e in soup.find_all(srcset=True)]
    assert loads and all(src.startswith("data:image/") for src in loads)
    styles = [e["style"] for e in soup.find_all(style=True)]
    assert not any("url(" in s or "@import" in s for s in styles)


@pytest.mark.parametrize("copy", COPIES)
def test_the_snippets_css_cannot_reach_the_host_page(published, copy):
    """Styles only as style attributes: no selector, so nothing outside the snippet can match."""
    soup = snippet(published, copy)
    assert soup.find("style") is None and soup.find(style=True) is not None


@pytest.mark.parametrize("copy", COPIES)
def test_the_snippet_has_no_landmarks_and_no_ids(published, copy):
    soup = snippet(published, copy)
    assert soup.find_all(LANDMARK_ELEMENTS) == []
    assert soup.find_all(attrs={"role": True}) == [] and soup.find_all(id=True) == []


@pytest.mark.parametrize("copy", COPIES)
def test_the_snippet_headings_start_at_level_two_and_skip_none(published, copy):
    levels = [int(h.name[1]) for h in snippet(published, copy).find_all(re.compile(r"^h[1-6]$"))]
    assert levels[0] == 2 and all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False)), levels


@pytest.mark.parametrize("copy", COPIES)
def test_the_snippet_says_the_service_is_free_and_names_the_municipalities(published, copy):
    text = text_of(snippet(published, copy))
    assert published.data.region.name in text and "gratis" in text.lower()
    assert all(m.name in text for m in published.data.municipalities)


@pytest.mark.parametrize("copy", COPIES)
def test_the_snippet_says_how_to_book_guidance_and_how_to_get_in_touch(published, copy):
    region = published.data.region
    hrefs = {a["href"] for a in snippet(published, copy).find_all("a", href=True)}
    assert {region.booking.form_url, f"mailto:{region.booking.email}", f"mailto:{region.contact.email}"} <= hrefs
    assert "tel:" + region.contact.phone.replace(" ", "") in hrefs


@pytest.mark.parametrize("copy", COPIES)
def test_the_snippet_links_to_the_courses_of_its_own_copy(published, copy):
    hrefs = {a["href"] for a in snippet(published, copy).find_all("a", href=True)}
    assert published.base_url(copy) + "kurs/" in hrefs


@pytest.mark.parametrize("copy", COPIES)
def test_every_link_in_the_snippet_is_absolute(published, copy):
    """It is pasted into other sites' pages: a relative link would lead nowhere there."""
    relative = [a["href"] for a in snippet(published, copy).find_all("a", href=True)
                if not a["href"].startswith(("https://", "http://", "mailto:", "tel:"))]
    assert relative == []


@pytest.mark.parametrize("copy", COPIES)
def test_the_snippet_shows_each_required_logo_with_its_mention(published, copy):
    soup = snippet(published, copy)
    missing = []
    for org in required_organisations(published):
        images = [img for img in soup.find_all("img") if img.get("alt") == org.logo.alt]
        beside = " ".join(text_of(img.parent) for img in images)
        if not images or org.name not in beside or normalise(org.role) not in beside:
            missing.append(org.name)
    assert missing == []


@pytest.mark.parametrize("copy", COPIES)
def test_the_snippets_logos_are_the_logo_files(published, copy):
    import base64
    for org in required_organisations(published):
        img = next(i for i in snippet(published, copy).find_all("img") if i.get("alt") == org.logo.alt)
        payload = base64.b64decode(img["src"].split(",", 1)[1])
        assert payload == (FIXTURE / "content" / org.logo.file).read_bytes()


def test_the_snippet_is_evergreen(published):
    """No course, course date or build date in it: pasted once, it must stay true."""
    text = text_of(snippet(published, COPIES[0]))
    titles = [c.title for c in published.data.courses if c.title in text]
    dates = [long_date(s.date) for c in published.data.courses for s in c.sessions if long_date(s.date) in text]
    assert titles == [] and dates == [] and long_date(PINNED_DAY) not in text


def test_the_snippet_carries_the_sample_notice_while_data_is_sample(published):
    assert SAMPLE_BANNER in text_of(snippet(published, COPIES[0]))


# --- embed/courses/ (for an iframe) --------------------------------------------

def iframe_page(site, copy):
    return site.page(copy, "embed/courses/")


@pytest.mark.parametrize("copy", COPIES)
def test_the_iframe_page_lists_the_upcoming_courses_in_order(published, copy):
    shown = [text_of(p) for p in iframe_page(published, copy).select(".et-course__title")]
    assert shown == [c.title for c in upcoming(published.data)]
    assert shown, "the pinned as-of date should have upcoming courses"


@pytest.mark.parametrize("copy", COPIES)
def test_the_iframe_page_has_no_site_navigation(published, copy):
    soup = iframe_page(published, copy)
    assert soup.select(".md-header, .md-nav, .md-search, .md-tabs, [data-md-component]") == []
    assert [nav.get("aria-label") for nav in soup.find_all("nav")] == ["Om nettstedet"]  # the footer's own links


@pytest.mark.parametrize("copy", COPIES)
def test_the_iframe_page_has_a_title_and_opens_links_in_the_whole_window(published, copy):
    soup = iframe_page(published, copy)
    assert "Kommende kurs" in soup.title.get_text() and published.data.region.name in soup.title.get_text()
    assert soup.find("base", attrs={"target": "_top"}) is not None


@pytest.mark.parametrize("copy", COPIES)
def test_the_iframe_page_says_when_it_was_built(published, copy):
    assert f"Sist oppdatert {long_date(PINNED_DAY)}" in text_of(iframe_page(published, copy))


# --- embed/courses.json ---------------------------------------------------------

def feed(site, copy):
    return json.loads((site.copy_dir(copy) / "embed/courses.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("copy", COPIES)
def test_the_feed_lists_the_upcoming_courses(published, copy):
    got = feed(published, copy)
    assert got["as_of"] == PINNED_DAY.isoformat() and got["sample"] is True
    assert [c["id"] for c in got["courses"]] == [c.id for c in upcoming(published.data)]


@pytest.mark.parametrize("copy", COPIES)
def test_the_feed_gives_each_courses_facts(published, copy):
    base = published.base_url(copy)
    by_id = {c.id: c for c in published.data.courses}
    for item in feed(published, copy)["courses"]:
        course = by_id[item["id"]]
        assert item["title"]["nb"] == course.title  # every language: tests/publishing/test_machine_readable.py
        assert item["languages"] == list(course.languages)
        assert Decimal(str(item["price"]["amount"])) == course.price and item["price"]["currency"] == "NOK"
        assert item["price"]["free"] == (course.price == 0)
        assert item["url"] == f"{base}kurs/{course.id}/"
        if course.venue is None:
            assert item["place"] is None
        else:
            assert (item["place"]["name"], item["place"]["city"]) == (course.venue.name, course.venue.address.city)
        is_open = registration_open(course, PINNED_DAY)
        assert item["registration"]["open"] == is_open
        assert item["registration"]["url"] == (course.registration.url if is_open else None)
        assert item["registration"]["deadline"] == course.registration.deadline.isoformat()


OFFSET = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$")


@pytest.mark.parametrize("copy", COPIES)
def test_the_feeds_session_times_carry_the_oslo_offset(published, copy):
    from zoneinfo import ZoneInfo
    by_id = {c.id: c for c in published.data.courses}
    for item in feed(published, copy)["courses"]:
        for got, session in zip(item["sessions"], by_id[item["id"]].sessions, strict=True):
            assert OFFSET.match(got["start"]) and OFFSET.match(got["end"]), got
            start = datetime.fromisoformat(got["start"])
            local = datetime.combine(session.date, session.start, tzinfo=ZoneInfo("Europe/Oslo"))
            assert start == local and start.utcoffset() == local.utcoffset()


def _keys(value):
    if isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _keys(item)
    elif isinstance(value, list):
        for item in value:
            yield from _keys(item)


def test_the_readme_documents_every_field_of_the_feed(published):
    readme = README.read_text(encoding="utf-8")
    section = readme[readme.index("embed/courses.json"):]
    codes = set(published.data.language_files.interface)  # the texts' keys are language codes
    undocumented = sorted({key for key in _keys(feed(published, COPIES[0])) if key not in codes}
                          - set(re.findall(r"`([a-z_]+)`", section)))
    assert undocumented == []


def test_the_readme_documents_the_snippet_heading_level_and_the_iframe_title():
    readme = README.read_text(encoding="utf-8")
    assert "<h2>" in readme and 'title="' in readme and "embed/courses/" in readme
