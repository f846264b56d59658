"""Everything the pages show, derived from the data on the as-of date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property

from etablerer.facts import courses as course_status
from etablerer.facts.agreements import AgreementInForce, agreement_in_force, has_ceased
from etablerer.facts.funding import FundingTable, funding_table
from etablerer.facts.host import Host
from etablerer.facts.sample import has_sample
from etablerer.facts.texts import text_in
from etablerer.inputs.addresses import FEED, course_file, page_url, relative
from etablerer.inputs.fieldtypes import DEFAULT_LANGUAGE
from etablerer.inputs.languages import Language, language_name
from etablerer.inputs.model import Agreement, Course, Organisation, Service
from etablerer.inputs.servicedata import ServiceData
from etablerer.view.available import available_pages
from etablerer.view.labels import course_suffixes
from etablerer.view.pagespecs import page_specs


@dataclass(frozen=True)
class Responsible:
    """An organisation the visibility rule names, as shown on every page."""

    organisation: Organisation
    ceased: bool
    successors: tuple[Organisation, ...]


@dataclass(frozen=True)
class SiteView:
    data: ServiceData
    today: date
    host: Host
    lang: str = DEFAULT_LANGUAGE

    @property
    def language(self) -> Language:
        return self.data.language_files.language(self.lang)

    @property
    def languages_dir(self):
        return self.data.language_files.base

    @property
    def strings(self) -> dict[str, str]:
        return self.data.language_files.interface[self.lang]

    @property
    def plurals(self) -> dict[str, dict[str, str]]:
        """Interface strings with plural forms: key → every form of the language → text."""
        return self.data.language_files.plurals.get(self.lang, {})

    def in_language(self, lang: str) -> SiteView:
        return SiteView(self.data, self.today, self.host, lang)

    def text(self, value: object) -> str:
        """A data text in this view's language, else bokmål (for plain-text places: meta, JSON-LD, .ics)."""
        return text_in(value, self.lang)[0]

    @cached_property
    def available(self) -> dict[str, frozenset[str]]:
        """language → the src_uris of its pages (generated and editorial)."""
        return available_pages(self.data, page_specs(self.data, self.course_filters))

    def has_page(self, lang: str, src: str) -> bool:
        return src in self.available.get(lang, frozenset())

    def page_lang(self, src: str) -> str:
        """The language a link to `src` from this view's pages leads to: ours if translated, else bokmål."""
        return self.lang if self.has_page(self.lang, src) else DEFAULT_LANGUAGE

    def copy_url(self, lang: str, to: str) -> str:
        """A page's (or file's) path inside a copy, for `lang`: 'en/kurs/'."""
        target = page_url(to) if to.endswith(".md") else to
        return self.data.language_files.language(lang).prefix + target

    def link(self, from_src: str, to: str) -> str:
        """Relative URL from a page of this language to a page in this language, or the bokmål one."""
        if to.endswith(".md") and self.has_page(self.lang, to):
            return relative(from_src, to)
        # a page without a translation, or a file that only the bokmål tree has (calendar files)
        prefix = self.language.prefix
        return relative(prefix + from_src, to) if prefix else relative(from_src, to)

    @cached_property
    def in_force(self) -> AgreementInForce:
        return agreement_in_force(self.data.agreements, self.today)

    @property
    def agreement(self) -> Agreement:
        return self.in_force.agreement

    @cached_property
    def agreements_newest_first(self) -> tuple[Agreement, ...]:
        return tuple(sorted(self.data.agreements, key=lambda a: a.period.start, reverse=True))

    def agreement_ended(self, agreement: Agreement) -> bool:
        return agreement.period.has_ended(self.today)

    def funding(self, agreement: Agreement) -> FundingTable:
        return funding_table(agreement, self.data.municipalities)

    @cached_property
    def is_sample(self) -> bool:
        return has_sample(self.data)

    @cached_property
    def responsible(self) -> tuple[Responsible, ...]:
        out = []
        for org_id in self.agreement.visibility.organisations:
            org = self.data.organisation(org_id)
            out.append(Responsible(org, has_ceased(org, self.today), self.successors_of(org)))
        return tuple(out)

    @property
    def responsible_municipalities(self):
        if not self.agreement.visibility.with_municipalities:
            return ()
        return tuple(self.data.municipality(m) for m in self.agreement.funding.municipalities)

    def organisation(self, org_id: str) -> Organisation:
        return self.data.organisation(org_id)

    def ceased(self, org: Organisation) -> bool:
        return has_ceased(org, self.today)

    def successors_of(self, org: Organisation) -> tuple[Organisation, ...]:
        return tuple(self.data.organisation(s) for s in org.successors)

    @cached_property
    def catalogue(self) -> course_status.Catalogue:
        return course_status.catalogue(self.data.courses, self.today)

    @cached_property
    def _course_suffixes(self) -> dict[str, str]:
        return course_suffixes(self.data.courses, self.lang, self._course_place)

    def _course_place(self, course: Course) -> str:
        if course.format == "online" or course.venue is None:
            return self.strings["online"]
        return f"{course.venue.name}, {course.venue.address.city}"

    def course_suffix(self, course: Course) -> str:
        """What tells this course from another of the same title: '' or ', 14. april 2027' (labels.py)."""
        return self._course_suffixes[course.id]

    def course_label(self, course: Course) -> str:
        """The course's title in this language with its suffix, as plain text (.ics, JSON-LD, courses.json)."""
        return (self.text(course.title) + self.course_suffix(course)).replace("\u00a0", " ")

    @cached_property
    def statuses(self) -> dict[str, course_status.Status]:
        """Course id → its registration status, computed once for the whole site: the page top,
        the registration section, the lists, courses.json, the calendars and the JSON-LD all read it."""
        return course_status.statuses(self.data.courses, self.today)

    def status(self, course: Course) -> course_status.Status:
        return self.statuses[course.id]

    def status_words(self, course: Course) -> str:
        return self.strings[f"status_{self.status(course).value}"]

    def status_key(self, course: Course) -> str:
        return self.status(course).value

    def registration_open(self, course: Course) -> bool:
        """One can sign up now: open or closing soon, with a sign-up link."""
        return self.status(course) in course_status.JOINABLE

    def still_joinable(self, course: Course) -> bool:
        return self.status(course) in course_status.STILL_JOINABLE

    def cancelled(self, course: Course) -> bool:
        return self.status(course) is course_status.Status.CANCELLED

    def session_cancelled(self, course: Course, session) -> bool:
        return course_status.session_cancelled(course, session)

    @property
    def next_courses(self) -> tuple[Course, ...]:
        """The front page's next courses: joinable ones first, then those whose registration closed."""
        return course_status.next_courses(self.data.courses, self.today)

    @cached_property
    def course_filters(self) -> tuple[course_status.FilterGroup, ...]:
        return course_status.filter_groups(self.data.courses, self.data.municipalities,
                                           lambda code: language_name(code, self.lang), self.strings)

    @property
    def upcoming_in_language(self) -> tuple[Course, ...]:
        """Upcoming courses taught in this view's language: first on its front page."""
        return tuple(c for c in self.catalogue.upcoming if self.lang in c.languages)

    def filtered(self, course_filter: course_status.CourseFilter) -> tuple[Course, ...]:
        """The upcoming courses one filter value lists."""
        return tuple(c for c in self.catalogue.upcoming if course_filter.matches(c))

    def calendar_file(self, course: Course) -> str:
        return course_file(course)

    @property
    def calendar_feed(self) -> str:
        return FEED

    def service(self, service_id: str) -> Service:
        return self.data.service(service_id)

    def services_for(self, item_id: str) -> tuple[Service, ...]:
        return tuple(s for s in self.data.services if item_id in s.fulfils)

    @property
    def guidance(self) -> Service:
        return self.data.service("veiledning")

    @property
    def assessment(self) -> Service:
        return self.data.service("naeringsfaglig-vurdering")

    @property
    def supplements(self) -> tuple[Service, ...]:
        """The services the offer page lists after the agreement's minimum items: the supplements,
        and any service that fulfils no item of the agreement in force (an item a newer agreement
        dropped): every service keeps its place on the page, so links to it keep working."""
        items = {item.id for item in self.agreement.minimum_items}
        return tuple(s for s in self.data.services if s.kind == "supplement" or not items.intersection(s.fulfils))

    @property
    def supplements_sample(self) -> bool:
        """Is any of them sample data (not confirmed yet)? The offer page then says so."""
        return any(s.sample for s in self.supplements)

    def municipality_name(self, slug: str) -> str:
        return self.data.municipality(slug).name
