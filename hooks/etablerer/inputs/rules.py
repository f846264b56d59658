"""Rules that need more than one record: unique ids, references, files, prices.

Each rule returns errors pointing at the record's own file and line.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path

from etablerer.inputs.addresses import FEED
from etablerer.inputs.asof import local_time_problem
from etablerer.inputs.errors import DataError
from etablerer.inputs.languages import LANGUAGES_DIR
from etablerer.inputs.logofiles import open_logo
from etablerer.inputs.messages import N_, _
from etablerer.inputs.servicedata import ServiceData


def check_rules(data: ServiceData) -> list[DataError]:
    errors: list[DataError] = []
    for rule in (_pages_need_services, _unique_ids, _references, _logos, _minimum_items_have_services,
                 _populations_for_funding, _course_rules, _course_times, _course_places, _course_languages,
                 _former_ids, _course_addresses, _theme_languages, _base_urls):
        errors.extend(rule(data))
    return errors


# Pages describe these services by id (guidance hours, the business assessment's price).
SERVICES_PAGES_NEED = ("veiledning", "etablererkurs", "naeringsfaglig-vurdering")


def _pages_need_services(data: ServiceData) -> Iterator[DataError]:
    known = {s.id for s in data.services}
    doc = data.sources["services.yml"]
    for service_id in SERVICES_PAGES_NEED:
        if service_id not in known:
            yield DataError(doc.path, doc.line_of(("services",)), "services",
                            _("a service with id '{id}' is needed; the pages describe it").format(id=service_id))


def _duplicates(data: ServiceData, records: Iterable, another: str) -> Iterator[DataError]:
    """`another`: N_("another course") and the like, translated here."""
    seen: dict[str, object] = {}
    for record in records:
        first = seen.setdefault(record.id, record)
        if first is not record:
            there = data.where(first)
            place = f"{there.doc.path}:{there.doc.line_of(there.path + ('id',))}"
            yield data.where(record).error(("id",), _(
                "the id '{id}' is already used by {another} in {place}; give each one its own id").format(
                id=record.id, another=_(another), place=place))


def _unique_ids(data: ServiceData) -> Iterator[DataError]:
    yield from _duplicates(data, data.organisations, N_("another organisation"))
    yield from _duplicates(data, data.municipalities, N_("another municipality"))
    yield from _duplicates(data, data.agreements, N_("another agreement"))
    yield from _duplicates(data, data.services, N_("another service"))
    yield from _duplicates(data, data.situations, N_("another situation"))
    yield from _duplicates(data, data.courses, N_("another course"))
    yield from _duplicates(data, data.region.advisers, N_("another adviser"))
    for agreement in data.agreements:
        yield from _duplicates(data, agreement.minimum_items, N_("another minimum item"))
    for course in data.courses:
        yield from _duplicates(data, course.sessions, N_("another session"))


def _references(data: ServiceData) -> Iterator[DataError]:
    orgs = {o.id for o in data.organisations}
    munis = {m.id for m in data.municipalities}
    services = {s.id for s in data.services}
    items = {i.id for a in data.agreements for i in a.minimum_items}

    def ref(record, field_path, value, known, what):
        """`what`: N_("organisation id") and the like, translated here."""
        if value not in known:
            options = ", ".join(sorted(known)) or _("none yet")
            return [data.where(record).error(field_path, _("'{value}' is not a known {what}; known: {options}").format(
                value=value, what=_(what), options=options))]
        return []

    out: list[DataError] = []
    out += ref(data.region, ("operator",), data.region.operator, orgs, N_("organisation id"))
    for org in data.organisations:
        for i, succ in enumerate(org.successors):
            out += ref(org, ("successors", i), succ, orgs, N_("organisation id"))
    for muni in data.municipalities:
        for membership in muni.counties:
            out += ref(membership, ("county",), membership.county, orgs, N_("organisation id"))
    for agreement in data.agreements:
        out += ref(agreement, ("host_municipality",), agreement.host_municipality, munis, N_("municipality id"))
        out += ref(agreement, ("operator",), agreement.operator, orgs, N_("organisation id"))
        for party in agreement.parties:
            if party.organisation is not None:
                out += ref(party, ("organisation",), party.organisation, orgs, N_("organisation id"))
            else:
                out += ref(party, ("municipality",), party.municipality, munis, N_("municipality id"))
        for item in agreement.minimum_items:
            for i, partner in enumerate(item.partners):
                out += ref(item, ("partners", i), partner, orgs, N_("organisation id"))
        funding = agreement.funding
        out += ref(funding, ("county",), funding.county, orgs, N_("organisation id"))
        for i, muni_id in enumerate(funding.municipalities):
            out += ref(funding, ("municipalities", i), muni_id, munis, N_("municipality id"))
        for i, org_id in enumerate(agreement.visibility.organisations):
            out += ref(agreement.visibility, ("organisations", i), org_id, orgs, N_("organisation id"))
    for service in data.services:
        for i, item in enumerate(service.fulfils):
            out += ref(service, ("fulfils", i), item, items, N_("minimum item id"))
    for situation in data.situations:
        for i, service_id in enumerate(situation.services):
            out += ref(situation, ("services", i), service_id, services, N_("service id"))
        for referral in situation.referrals:
            out += ref(referral, ("organisation",), referral.organisation, orgs, N_("organisation id"))
    for course in data.courses:
        if course.venue is not None:
            out += ref(course.venue, ("municipality",), course.venue.municipality, munis, N_("municipality id"))
    return iter(out)


def _logos(data: ServiceData) -> Iterator[DataError]:
    """Every organisation a visibility rule names needs a logo; every logo a file a browser can show."""
    required = {org_id for a in data.agreements for org_id in a.visibility.organisations}
    for org in data.organisations:
        if org.logo is None:
            if org.id in required:
                yield data.where(org).error(("logo",), _("a logo is required: an agreement's visibility rule names "
                                                         "this organisation; add logo: with file: and alt:"))
            continue
        path = org.logo.file.replace("\\", "/")
        if path.startswith("content/"):
            yield data.where(org.logo).error(("file",), _(
                "'{file}' starts with content/; logo paths are inside content/ already, so leave it out: "
                "{path}").format(file=org.logo.file, path=path.removeprefix("content/")))
        elif path.startswith("/") or ".." in path.split("/"):
            yield data.where(org.logo).error(("file",), _(
                "'{file}' must be a path inside content/, for example assets/logos/name.svg").format(
                file=org.logo.file))
        elif not (data.content_dir / org.logo.file).is_file():
            yield data.where(org.logo).error(("file",), _(
                "the logo file content/{file} does not exist; add the file or correct the path").format(
                file=org.logo.file))
        else:
            opened = open_logo(data.content_dir / org.logo.file)
            if isinstance(opened, str):
                yield data.where(org.logo).error(("file",), _("the logo file content/{file} {problem}").format(
                    file=org.logo.file, problem=opened))


def _minimum_items_have_services(data: ServiceData) -> Iterator[DataError]:
    fulfilled = {item for s in data.services for item in s.fulfils}
    for agreement in data.agreements:
        for item in agreement.minimum_items:
            if item.kind == "service" and item.id not in fulfilled:
                yield data.where(item).error(("id",), _(
                    "no service in data/services.yml fulfils '{id}'; add one with fulfils: [{id}]").format(id=item.id))


def _populations_for_funding(data: ServiceData) -> Iterator[DataError]:
    for agreement in data.agreements:
        funding = agreement.funding
        for i, muni_id in enumerate(funding.municipalities):
            muni = next((m for m in data.municipalities if m.id == muni_id), None)
            if muni and not any(p.date == funding.population_date for p in muni.populations):
                yield data.where(funding).error(
                    ("municipalities", i),
                    _("{name} has no population for {date} in data/municipalities.yml; add it under "
                      "populations:").format(name=muni.name, date=funding.population_date.isoformat()))


def _course_rules(data: ServiceData) -> Iterator[DataError]:
    for course in data.courses:
        where = data.where(course)
        first = course.first_day()
        if course.registration.deadline >= first:
            yield data.where(course.registration).error(
                ("deadline",), _("{deadline} is not before the first session ({first}); set a deadline "
                                 "before {first}").format(deadline=course.registration.deadline.isoformat(),
                                                          first=first.isoformat()))
        if course.kind == "basic" and course.price != 0:
            yield where.error(("price",), _("the basic founder course is free for participants (agreement "
                                            "§5.2.1); write price: 0, not {price}").format(price=course.price))
        if course.format in ("onsite", "hybrid") and course.venue is None:
            yield where.error(("venue",), _("a course with format: {format} needs a venue with name, address "
                                            "and municipality").format(format=course.format))
        if course.format in ("online", "hybrid") and course.online_url is None:
            yield where.error(("online_url",), _("a course with format: {format} needs online_url: the link "
                                                 "to join").format(format=course.format))
        # A reason without `cancelled: true` cancels nothing: the editor most likely meant to cancel.
        for record in (course, *course.sessions):
            if record.cancellation_reason is not None and not record.cancelled:
                yield data.where(record).error(("cancellation_reason",), _(
                    "a cancellation reason is given, but cancelled: true is missing, so nothing is cancelled; "
                    "write cancelled: true, or remove cancellation_reason"))


def _course_times(data: ServiceData) -> Iterator[DataError]:
    """Local times the clocks skip or repeat, and sessions of one course that overlap."""
    for course in data.courses:
        for session in course.sessions:
            for name in ("start", "end"):
                clock = getattr(session, name)
                problem = local_time_problem(session.date, clock)
                if problem:
                    yield data.where(session).error((name,), _(_DST_MESSAGE[problem]).format(
                        day=session.date.isoformat(), clock=clock.strftime("%H:%M")))
        indexed = list(enumerate(course.sessions))
        for i, one in indexed:
            for j, other in indexed:
                if (other.starts_at(), j) < (one.starts_at(), i) and one.starts_at() < other.ends_at():
                    yield data.where(one).error(("start",), _(
                        "sessions[{i}] ({one}) overlaps sessions[{j}] ({other}); sessions of one course must not "
                        "overlap: change a date or a time").format(i=i, one=_span(one), j=j, other=_span(other)))


_DST_MESSAGE = {
    "gap": N_("{clock} does not exist on {day}: the clocks in Norway go forward from 02:00 to 03:00 that "
              "night; choose a time before 02:00 or from 03:00"),
    "ambiguous": N_("{clock} happens twice on {day}: the clocks in Norway go back from 03:00 to 02:00 that "
                    "night; choose a time before 02:00 or from 03:00"),
}


def _span(session) -> str:
    return f"{session.date.isoformat()} {session.start.strftime('%H:%M')}–{session.end.strftime('%H:%M')}"


def _course_places(data: ServiceData) -> Iterator[DataError]:
    """A place that contradicts the format would put the wrong place in calendars and search results."""
    for course in data.courses:
        if course.format == "online" and course.venue is not None:
            yield data.where(course).error(("venue",), _("an online course has no venue; remove venue: "
                                                         "or write format: hybrid"))
        if course.format == "onsite" and course.online_url is not None:
            yield data.where(course).error(("online_url",), _("an onsite course has no online_url; remove it "
                                                              "or write format: hybrid"))


def _course_languages(data: ServiceData) -> Iterator[DataError]:
    for course in data.courses:
        seen: set[str] = set()
        for i, code in enumerate(course.languages):
            if code in seen:
                yield data.where(course).error(("languages", i), _(
                    "'{code}' is listed twice; list each language once").format(code=code))
            seen.add(code)


def _former_ids(data: ServiceData) -> Iterator[DataError]:
    """An old address leads to one page only, and never hides a course's current page."""
    current = {c.id: c for c in data.courses}
    claimed: dict[str, tuple] = {}
    for course in data.courses:
        for i, old in enumerate(course.former_ids):
            here = data.where(course)
            if old == course.id:
                yield here.error(("former_ids", i), _(
                    "'{old}' is this course's own id; list only ids it had before").format(old=old))
            elif old in current:
                there = data.where(current[old])
                yield here.error(("former_ids", i), _(
                    "'{old}' is the id of the course in {file}; an address cannot lead to two pages").format(
                    old=old, file=there.doc.path))
            elif old in claimed:
                path, line = claimed[old]
                yield here.error(("former_ids", i), _(
                    "'{old}' is already a former id in {place}; an old address can lead to one course only").format(
                    old=old, place=f"{path}:{line}"))
            else:
                claimed[old] = (here.doc.path, here.doc.line_of(here.path + ("former_ids", i)))


# Addresses under kurs/ that the build makes from something other than a course: a course
# (or a former id) named so would overwrite it, or be overwritten, without a word.
# Each reason is translated where it is shown, then filled in with feed=FEED.
RESERVED_COURSE_IDS: dict[str, str] = {
    "index": N_("kurs/ is the page listing every course"),
    FEED.removeprefix("kurs/").removesuffix(".ics"): N_("{feed} is the calendar file of all upcoming courses"),
}


def _reserved_because(course_id: str) -> str:
    return _(RESERVED_COURSE_IDS[course_id]).format(feed=FEED)


def _course_addresses(data: ServiceData) -> Iterator[DataError]:
    for course in data.courses:
        here = data.where(course)
        if course.id in RESERVED_COURSE_IDS:
            yield here.error(("id",), _("'{id}' cannot be a course id: {reason}; choose another id").format(
                id=course.id, reason=_reserved_because(course.id)))
        for i, old in enumerate(course.former_ids):
            if old in RESERVED_COURSE_IDS:
                yield here.error(("former_ids", i), _("'{old}' cannot be an old course address: {reason}; "
                                                      "remove it").format(old=old, reason=_reserved_because(old)))


# The theme's own words (search, menu, "back to top") come from Material for MkDocs: one file
# per language in partials/languages/, ours (hooks/generator_adapter/theme/) first. Without one, MkDocs stops.
THEME_DIR = Path("hooks") / "generator_adapter" / "theme"
THEME_LANGUAGES = Path("partials") / "languages"


@cache
def _material_languages() -> frozenset[str] | None:
    spec = importlib.util.find_spec("material")
    if spec is None or not spec.submodule_search_locations:
        return None  # not installed here: the build itself will say so
    folder = Path(next(iter(spec.submodule_search_locations))) / "templates" / THEME_LANGUAGES
    return frozenset(p.stem for p in folder.glob("*.html"))


def _theme_languages(data: ServiceData) -> Iterator[DataError]:
    known = _material_languages()
    if known is None:
        return
    base = data.language_files.base
    root = base.parent if base is not None and base.name == LANGUAGES_DIR else data.data_dir.parent
    for i, code in enumerate(data.region.languages):
        if code not in known and not (root / THEME_DIR / THEME_LANGUAGES / f"{code}.html").is_file():
            yield data.where(data.region).error(("languages", i), _(
                "'{code}' is a language the theme (Material for MkDocs) has no words for (search, menu, "
                "'back to top'), so no page can be built in it; remove it, or have a developer add {file}").format(
                code=code, file=f"{(THEME_DIR / THEME_LANGUAGES).as_posix()}/{code}.html"))


# Written the same way in HTML, JSON and calendar files, so every copy can be made by
# replacing one token (copies.py).
_URL_UNSAFE = "&<>\"',;\\"


def _base_urls(data: ServiceData) -> Iterator[DataError]:
    for muni in data.municipalities:
        bad = sorted({ch for ch in muni.base_url if ch in _URL_UNSAFE})
        if bad:
            yield data.where(muni).error(("base_url",), _(
                "'{url}' contains {found}; a base URL for the copies may not contain any of {unsafe}").format(
                url=muni.base_url, found=" ".join(bad), unsafe=" ".join(_URL_UNSAFE)))

