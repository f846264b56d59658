"""Feature: search engines and municipal calendars can read the courses without retyping.

Every JSON-LD block on every page parses; course pages describe a Course with
its CourseInstance (dates with offset, place, mode, languages, offer,
organiser), the catalogue an ItemList of the upcoming courses, and the front
page the organisation and the service. URLs are the copy's own.
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from tests.support.expected import COPIES, COURSE_IDS, parse_html

from .helpers import upcoming

OSLO = ZoneInfo("Europe/Oslo")
OFFSET = re.compile(r"T\d\d:\d\d:\d\d[+-]\d\d:\d\d$")
MODES = {"onsite": "onsite", "online": "online", "hybrid": "blended"}


def blocks(soup) -> list[dict]:
    return [json.loads(s.string) for s in soup.find_all("script", type="application/ld+json")]


def course_of(data, course_id):
    return next(c for c in data.courses if c.id == course_id)


@pytest.mark.parametrize("copy", COPIES)
def test_every_json_ld_block_on_every_page_parses(site, copy):
    bad = []
    for rel in site.html_pages(copy):
        for script in site.soup_of(site.copy_dir(copy) / rel).find_all("script", type="application/ld+json"):
            try:
                data = json.loads(script.string)
            except (TypeError, ValueError) as exc:
                bad.append(f"{rel}: {exc}")
                continue
            if data.get("@context") != "https://schema.org" or "@type" not in data:
                bad.append(f"{rel}: no schema.org context or type")
    assert bad == []


@pytest.mark.parametrize("copy", COPIES)
def test_every_absolute_url_in_json_ld_is_the_copys_own_or_a_registration_link(site, data, copy):
    allowed = {c.registration.url for c in data.courses if c.registration.url}
    wrong = []
    for rel in site.html_pages(copy):
        for block in blocks(site.soup_of(site.copy_dir(copy) / rel)):
            for url in re.findall(r'"(https?://[^"]+)"', json.dumps(block)):
                if not (url.startswith(site.base_url(copy)) or url.startswith("https://schema.org")
                        or url in allowed):
                    wrong.append(f"{rel}: {url}")
    assert wrong == []


@pytest.mark.parametrize("copy", COPIES)
@pytest.mark.parametrize("course_id", COURSE_IDS)
def test_the_course_page_describes_the_course_and_its_instance(site, data, today, copy, course_id):
    from etablerer.facts import courses as course_status

    course = course_of(data, course_id)
    page_url = site.base_url(copy) + f"kurs/{course_id}/"
    found = [b for b in blocks(site.page(copy, f"kurs/{course_id}/")) if b["@type"] == "Course"]
    assert len(found) == 1
    block = found[0]
    assert (block["name"], block["description"], block["url"]) == (course.title, course.description, page_url)
    assert block["isAccessibleForFree"] is (course.price == 0)
    [instance] = block["hasCourseInstance"]
    assert instance["@type"] == "CourseInstance"
    sessions = sorted(course.sessions, key=lambda s: (s.date, s.start))
    assert OFFSET.search(instance["startDate"]) and OFFSET.search(instance["endDate"])
    assert datetime.fromisoformat(instance["startDate"]) == datetime.combine(sessions[0].date, sessions[0].start, OSLO)
    assert datetime.fromisoformat(instance["endDate"]) == datetime.combine(sessions[-1].date, sessions[-1].end, OSLO)
    assert instance["courseMode"] == MODES[course.format]
    assert instance["inLanguage"] == list(course.languages)
    offer = instance["offers"]
    assert (offer["@type"], offer["priceCurrency"]) == ("Offer", "NOK")
    assert float(offer["price"]) == float(course.price)
    assert offer["validThrough"] == course.registration.deadline.isoformat()
    # Only what the data says: InStock with a sign-up link, SoldOut only when full, else none.
    expected = {course_status.Status.OPEN: "https://schema.org/InStock",
                course_status.Status.CLOSING_SOON: "https://schema.org/InStock",
                course_status.Status.FULL: "https://schema.org/SoldOut"}.get(course_status.status(course, today))
    assert offer.get("availability") == expected
    assert instance["organizer"]["name"] == data.region.name
    assert instance["organizer"]["url"] == site.base_url(copy)
    if len(sessions) > 1:
        assert [datetime.fromisoformat(e["startDate"]) for e in instance["subEvent"]] == [
            datetime.combine(s.date, s.start, OSLO) for s in sessions]


@pytest.mark.parametrize("course_id", COURSE_IDS)
def test_the_location_is_a_place_with_an_address_or_a_virtual_location(site, data, course_id):
    course = course_of(data, course_id)
    [block] = [b for b in blocks(site.page(COPIES[0], f"kurs/{course_id}/")) if b["@type"] == "Course"]
    location = block["hasCourseInstance"][0]["location"]
    places = location if isinstance(location, list) else [location]
    types = [p["@type"] for p in places]
    expected = {"onsite": ["Place"], "online": ["VirtualLocation"], "hybrid": ["Place", "VirtualLocation"]}
    assert types == expected[course.format]
    for place in places:
        if place["@type"] == "Place":
            address = place["address"]
            assert (address["@type"], address["streetAddress"], address["postalCode"], address["addressLocality"]) == (
                "PostalAddress", course.venue.address.street, course.venue.address.postcode, course.venue.address.city)
        else:
            assert place["url"].startswith(site.base_url(COPIES[0]))


@pytest.mark.parametrize("copy", COPIES)
def test_the_catalogue_has_an_item_list_of_the_upcoming_courses(site, data, today, copy):
    [item_list] = [b for b in blocks(site.page(copy, "kurs/")) if b["@type"] == "ItemList"]
    expected = [site.base_url(copy) + f"kurs/{c.id}/" for c in upcoming(data, today)]
    assert [e["url"] for e in item_list["itemListElement"]] == expected
    assert [e["position"] for e in item_list["itemListElement"]] == list(range(1, len(expected) + 1))
    assert item_list["numberOfItems"] == len(expected)


@pytest.mark.parametrize("copy", COPIES)
def test_the_front_page_describes_the_organisation_and_the_service(site, data, copy):
    found = {b["@type"]: b for b in blocks(site.page(copy, ""))}
    organisation, service = found["Organization"], found["Service"]
    assert (organisation["name"], organisation["url"]) == (data.region.name, site.base_url(copy))
    assert organisation["email"] == data.region.contact.email
    assert organisation["address"]["postalCode"] == data.region.contact.address.postcode
    assert organisation["parentOrganization"]["name"] == data.organisation(data.region.operator).name
    municipalities = [m.name for m in data.municipalities]
    assert [a["name"] for a in organisation["areaServed"]] == municipalities
    assert service["provider"]["@id"] == organisation["@id"]
    assert [o["itemOffered"]["name"] for o in service["hasOfferCatalog"]["itemListElement"]] == [
        s.name for s in data.services]


def test_json_ld_cannot_end_its_script_element():
    from etablerer.render.structured import script_block

    hostile = {"@context": "https://schema.org", "name": "</script><script>alert(1)</script> & <!--"}
    soup = parse_html(f"<head>{script_block(hostile)}</head>")
    [script] = soup.find_all("script")
    assert json.loads(script.string) == hostile
    assert "</script" not in str(script_block(hostile))[:-len("</script>")]
