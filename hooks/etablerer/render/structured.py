"""Structured data (schema.org as JSON-LD) for the pages: courses, the catalogue, the service.

URLs are absolute under the copy's base URL (a token in the single build,
replaced per copy by copies.py). script_block() makes the JSON safe inside
an HTML <script> element.

Texts are in the page's language where the data has a translation; a text
shown in bokmål on a translated page says so ({"@value": …, "@language": "nb"}),
so no reader of the JSON-LD takes it for the page's language. (schema.org has
no inLanguage on Service or ItemList: their language is the page's, <html lang>.)
"""

from __future__ import annotations

import json
from datetime import timedelta
from decimal import Decimal

from markupsafe import Markup

from etablerer.facts import courses as course_status
from etablerer.facts.texts import text_in
from etablerer.inputs.fieldtypes import DEFAULT_LANGUAGE
from etablerer.inputs.addresses import CATALOGUE, course_src
from etablerer.inputs.model import Course, Session

SCHEMA = "https://schema.org"
COURSE_MODE = {"onsite": "onsite", "online": "online", "hybrid": "blended"}
ATTENDANCE = {"onsite": f"{SCHEMA}/OfflineEventAttendanceMode", "online": f"{SCHEMA}/OnlineEventAttendanceMode",
              "hybrid": f"{SCHEMA}/MixedEventAttendanceMode"}
# Only what the data says: a sign-up link while registration is open, every place taken.
# Other states (not yet open, closed, past, cancelled) have no availability.
AVAILABILITY = {
    course_status.Status.OPEN: f"{SCHEMA}/InStock",
    course_status.Status.CLOSING_SOON: f"{SCHEMA}/InStock",
    course_status.Status.FULL: f"{SCHEMA}/SoldOut",
}


def event_status(cancelled: bool) -> str:
    return f"{SCHEMA}/EventCancelled" if cancelled else f"{SCHEMA}/EventScheduled"


def script_block(data: dict) -> Markup:
    """<script type="application/ld+json"> with <, > and & escaped, so no text can end the element."""
    text = json.dumps(data, ensure_ascii=False, indent=None, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(f'<script type="application/ld+json">{text}</script>')


def url_of(view, src: str) -> str:
    return view.host.base_url + view.copy_url(view.lang, src)


def local_text(view, value: object, shown: str | None = None) -> str | dict:
    """A data text in the page's language; when the page shows the bokmål original instead,
    a JSON-LD value object that says so. `shown`: the text as written (a label with its suffix)."""
    text, fallback = text_in(value, view.lang)
    shown = text if shown is None else shown
    return {"@value": shown, "@language": DEFAULT_LANGUAGE} if fallback else shown


def _label(view, course: Course) -> str | dict:
    return local_text(view, course.title, view.course_label(course))


def iso_duration(total: timedelta) -> str:
    """ISO 8601 duration in hours and minutes: 'PT6H', 'PT5H30M'."""
    minutes = int(total.total_seconds()) // 60
    hours, rest = divmod(minutes, 60)
    return "PT" + (f"{hours}H" if hours else "") + (f"{rest}M" if rest or not hours else "")


def workload(course: Course) -> str:
    """The time of all sessions together (schema.org courseWorkload, as Google's course markup reads it)."""
    return iso_duration(sum((s.ends_at() - s.starts_at() for s in course.sessions), timedelta()))


def _amount(value: Decimal) -> str:
    return format(value.normalize(), "f") if value == value.to_integral() else format(value, "f")


def organisation(view) -> dict:
    """The service as an organisation, run by its operator."""
    region = view.data.region
    operator = view.data.organisation(region.operator)
    address = region.contact.address
    org = {
        "@type": "Organization",
        "@id": view.host.base_url + "#organisasjon",
        "name": region.name,
        "url": view.host.base_url,
        "email": region.contact.email,
        "telephone": region.contact.phone,
        "address": {"@type": "PostalAddress", "streetAddress": address.street, "postalCode": address.postcode,
                    "addressLocality": address.city, "addressCountry": "NO"},
        "areaServed": [{"@type": "AdministrativeArea", "name": m.name} for m in view.responsible_municipalities],
        "parentOrganization": {"@type": "Organization", "name": operator.name,
                               **({"url": operator.url} if operator.url else {})},
    }
    return org


def front_page(view) -> list[dict]:
    region = view.data.region
    offers = []
    for service in view.data.services:
        offer = {"@type": "Offer", "itemOffered": {"@type": "Service", "name": local_text(view, service.name),
                                                  "description": local_text(view, service.summary)}}
        if service.price is not None:
            offer |= {"price": _amount(service.price), "priceCurrency": "NOK"}
        offers.append(offer)
    service = {
        "@context": SCHEMA,
        "@type": "Service",
        "name": region.name,
        "url": view.host.base_url,
        "provider": {"@id": view.host.base_url + "#organisasjon"},
        "areaServed": [{"@type": "AdministrativeArea", "name": m.name} for m in view.responsible_municipalities],
        "hasOfferCatalog": {"@type": "OfferCatalog", "name": view.strings["nav_tilbud"], "itemListElement": offers},
    }
    return [{"@context": SCHEMA, **organisation(view)}, service]


def _iso(moment) -> str:
    return moment.isoformat(timespec="seconds")  # with the UTC offset of that day in Oslo


def _places(course: Course, view) -> list[dict]:
    out = []
    if course.venue is not None:
        a = course.venue.address
        out.append({"@type": "Place", "name": course.venue.name,
                    "address": {"@type": "PostalAddress", "streetAddress": a.street, "postalCode": a.postcode,
                                "addressLocality": a.city, "addressCountry": "NO"}})
    if course.format in ("online", "hybrid"):
        # The join link goes to those who sign up; the page is where readers start.
        out.append({"@type": "VirtualLocation", "url": url_of(view, course_src(course))})
    return out


def _offer(course: Course, view) -> dict:
    state = view.status(course)
    offer = {
        "@type": "Offer",
        "category": "Free" if course.price == 0 else "Paid",
        "price": _amount(course.price),
        "priceCurrency": "NOK",
        "validThrough": course.registration.deadline.isoformat(),
        "url": course.registration.url or url_of(view, course_src(course)),
    }
    if state in AVAILABILITY:
        offer["availability"] = AVAILABILITY[state]
    return offer


def _session_event(course: Course, session: Session, number: int, view) -> dict:
    label = _label(view, course)
    counted = f" ({number}/{len(course.sessions)})"
    name = {**label, "@value": label["@value"] + counted} if isinstance(label, dict) else label + counted
    return {"@type": "Event", "name": name,
            "startDate": _iso(session.starts_at()), "endDate": _iso(session.ends_at()),
            "eventStatus": event_status(course_status.session_cancelled(course, session))}


def course(course: Course, view) -> dict:
    sessions = sorted(course.sessions, key=lambda s: (s.date, s.start))
    url = url_of(view, course_src(course))
    organiser = {"@id": view.host.base_url + "#organisasjon", "@type": "Organization",
                 "name": view.data.region.name, "url": view.host.base_url}
    places = _places(course, view)
    instance = {
        "@type": "CourseInstance",
        "name": _label(view, course),
        "url": url,
        "startDate": _iso(sessions[0].starts_at()),
        "endDate": _iso(sessions[-1].ends_at()),
        "courseWorkload": workload(course),
        "courseMode": COURSE_MODE[course.format],
        "eventAttendanceMode": ATTENDANCE[course.format],
        "eventStatus": event_status(view.cancelled(course)),
        "location": places[0] if len(places) == 1 else places,
        "inLanguage": list(course.languages),
        "maximumAttendeeCapacity": course.capacity,
        "offers": _offer(course, view),
        "organizer": organiser,
    }
    if len(sessions) > 1:
        instance["subEvent"] = [_session_event(course, s, n, view) for n, s in enumerate(sessions, 1)]
    return {
        "@context": SCHEMA,
        "@type": "Course",
        "name": _label(view, course),
        "description": local_text(view, course.description),
        "url": url,
        "inLanguage": list(course.languages),
        "isAccessibleForFree": course.price == 0,
        "provider": organiser,
        "offers": _offer(course, view),
        "hasCourseInstance": [instance],
    }


def catalogue(view) -> dict:
    listed = view.catalogue.upcoming
    return {
        "@context": SCHEMA,
        "@type": "ItemList",
        "name": view.strings["upcoming_courses"],
        "url": url_of(view, CATALOGUE),
        "numberOfItems": len(listed),
        "itemListElement": [{"@type": "ListItem", "position": n, "url": url_of(view, course_src(c)),
                             "name": _label(view, c)} for n, c in enumerate(listed, 1)],
    }
