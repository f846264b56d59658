"""Everything the pages show, derived from the data on the as-of date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property

from . import courses as course_status
from . import ics
from .agreements import AgreementInForce, agreement_in_force, has_ceased
from .funding import FundingTable, funding_table
from .host import Host
from .loading import ServiceData
from .model import Agreement, Course, Organisation, Service
from .render import language_name
from .sample import has_sample


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

    def status_words(self, course: Course) -> str:
        return course_status.STATUS_WORDS[course_status.status(course, self.today)]

    def status_key(self, course: Course) -> str:
        return course_status.status(course, self.today).value

    def registration_open(self, course: Course) -> bool:
        return course_status.registration_open(course, self.today)

    @cached_property
    def course_filters(self) -> tuple[course_status.FilterGroup, ...]:
        return course_status.filter_groups(self.data.courses, self.data.municipalities, language_name)

    def filtered(self, course_filter: course_status.CourseFilter) -> tuple[Course, ...]:
        """The upcoming courses one filter value lists."""
        return tuple(c for c in self.catalogue.upcoming if course_filter.matches(c))

    def calendar_file(self, course: Course) -> str:
        return ics.course_file(course)

    @property
    def calendar_feed(self) -> str:
        return ics.FEED

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
        return tuple(s for s in self.data.services if s.kind == "supplement")

    def municipality_name(self, slug: str) -> str:
        return self.data.municipality(slug).name
