"""The models of data/: one class per kind of record, typed and immutable.

Each data file is checked against its model on its own (see loading.py);
rules that need several records or files are in rules.py. Derived values
(the agreement in force, the funding table, course status) are computed
elsewhere and never stored here.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from etablerer.inputs.asof import OSLO
from etablerer.inputs.fieldtypes import (
    BaseUrl,
    Count,
    Flag,
    Id,
    Language,
    Link,
    LocalText,
    Nok,
    PlainShortText,
    ReviewState,
    ShortText,
    Text,
    YamlDate,
    YamlTime,
)
from etablerer.inputs.messages import N_, _


class Record(BaseModel):
    """Base: immutable, and an unknown field (a typo) is an error."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    @model_validator(mode="after")
    def _review_to_texts(self) -> Record:
        """A record's `review:` ({en: reviewed, uk: drafted}) applies to every text inside it,
        except records inside that have a `review:` of their own."""
        review = getattr(self, "review", None)
        if review:
            _apply_review(self, dict(review))
        return self


def _apply_review(value: object, review: dict[str, str]) -> None:
    if isinstance(value, LocalText):
        value.review = review
    elif isinstance(value, tuple):
        for item in value:
            _apply_review(item, review)
    elif isinstance(value, Record):
        for name in type(value).model_fields:
            inner = getattr(value, name)
            if not (isinstance(inner, Record) and "review" in type(inner).model_fields):
                _apply_review(inner, review)


# On records whose texts are translated: the review status of each language.
REVIEW_FIELD = Field(
    default_factory=dict,
    description=N_("Review status of each translation: drafted (not yet checked) or reviewed (checked by a fluent "
                   "speaker), for example {en: reviewed, uk: drafted}. A translation not listed counts as drafted "
                   "and readers see a note saying so."))


class Period(Record):
    start: YamlDate = Field(description=N_("First day, YYYY-MM-DD."))
    end: YamlDate | None = Field(None, description=N_("Last day, YYYY-MM-DD; leave out while open-ended."))

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.end is not None and self.end < self.start:
            raise PydanticCustomError("period_order", _("{end} is before start {start}; the end comes after the start"),
                                      {"field": "end", "end": self.end.isoformat(), "start": self.start.isoformat()})
        return self

    def contains(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)

    def has_ended(self, day: date) -> bool:
        return self.end is not None and self.end < day


# --- organisations -----------------------------------------------------------

class Logo(Record):
    file: PlainShortText = Field(
        description=N_("Image under content/, written without content/: for example assets/logos/viken.svg."))
    alt: PlainShortText = Field(description=N_("Alt text: the organisation's name as the logo shows it."))
    placeholder: Flag = Field(
        False, description=N_("true while the file is our drawn placeholder, not the official logo."))


class Organisation(Record):
    review: dict[Language, ReviewState] = REVIEW_FIELD
    id: Id = Field(description=N_("Short id other files use to refer to it: lowercase letters, digits and hyphens."))
    name: ShortText = Field(description=N_("The organisation's name as readers know it."))
    kind: Literal["county", "state", "municipality", "company", "other"] = Field(
        description=N_("county, state, municipality, company or other."))
    role: ShortText = Field(description=N_("Its role for founders in one short phrase (the 'mention')."))
    url: Link | None = Field(None, description=N_("Its own website; leave out if it has none (for example ceased)."))
    org_number: str | None = Field(None, pattern=r"^\d{9}$", description=N_("Organisasjonsnummer, 9 digits, if known."))
    logo: Logo | None = Field(None, description=N_("Its logo, if the site shows one."))
    valid: Period | None = Field(None, description=N_("When the organisation existed; leave out end while it exists."))
    successors: tuple[Id, ...] = Field((), description=N_("Organisations that took over when it ceased."))
    ceased_note: Text | None = Field(None, description=N_("A plain sentence on what happened, for readers."))
    sample: Flag = Field(
        False, description=N_("true while this record is invented sample data; set false when the details are real."))


class OrganisationsFile(Record):
    sample: Flag = Field(False, description=N_("true if everything in this file is sample data."))
    organisations: tuple[Organisation, ...] = Field(
        description=N_("Every organisation the site names: parties, operator, referral directory."))


# --- municipalities ----------------------------------------------------------

class CountyMembership(Record):
    county: Id = Field(description=N_("Organisation id of the county."))
    period: Period = Field(description=N_("When the municipality belonged to this county."))


class Population(Record):
    count: Count = Field(description=N_("Number of inhabitants (SSB)."))
    date: YamlDate = Field(description=N_("The date of the count, YYYY-MM-DD."))
    source: PlainShortText = Field(description=N_("Where the figure comes from, for example SSB, tabell 06913."))


class Municipality(Record):
    id: Id = Field(description=N_("URL slug of this municipality's copy: moss, vestby, rade, valer."))
    name: PlainShortText = Field(description=N_("The municipality's name, without 'kommune'."))
    number: str = Field(pattern=r"^\d{4}$", description=N_("Kommunenummer (4 digits) as of today."))
    counties: tuple[CountyMembership, ...] = Field(
        min_length=1, description=N_("The county or counties it belongs or belonged to, each with its period."))
    populations: tuple[Population, ...] = Field(
        min_length=1, description=N_("Population counts used for the funding table."))
    base_url: BaseUrl = Field(description=N_("Where this municipality's copy is published; ends with /."))
    accessibility_statement_url: Link = Field(description=N_("The municipality's statement in uustatus.no."))
    privacy_url: Link = Field(description=N_("The municipality's privacy page."))
    sample: Flag = Field(
        False, description=N_("true while this record is invented sample data; set false when the details are real."))


class MunicipalitiesFile(Record):
    sample: Flag = Field(False, description=N_("true if everything in this file is sample data."))
    municipalities: tuple[Municipality, ...] = Field(
        min_length=1, description=N_("One entry per municipality; each gets its own copy of the site."))


# --- region and operator -----------------------------------------------------

class Address(Record):
    street: PlainShortText = Field(description=N_("Street and number."))
    postcode: str = Field(pattern=r"^\d{4}$", description=N_("Postnummer, 4 digits, in quotes: \"1530\"."))
    city: PlainShortText = Field(description=N_("Poststed, for example Moss."))


class Contact(Record):
    address: Address = Field(description=N_("The office's visiting address."))
    phone: PlainShortText = Field(description=N_("Phone number as readers should dial it, in quotes."))
    email: PlainShortText = Field(pattern=r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$",
                                  description=N_("The service's e-mail address."))
    opening_hours: tuple[ShortText, ...] = Field(min_length=1, description=N_("One line per opening-hours rule."))
    public_transport: Text = Field(description=N_("How to get there by bus or train."))
    step_free_access: Text = Field(description=N_("Entrance, lift and toilet: what a wheelchair user needs to know."))


class Adviser(Record):
    id: Id = Field(description=N_("Short id: lowercase letters, digits and hyphens."))
    name: PlainShortText = Field(description=N_("The adviser's name."))
    title: ShortText = Field(description=N_("Job title, for example Rådgiver for etablerere."))
    languages: tuple[Language, ...] = Field(
        min_length=1, description=N_("Language codes the adviser speaks, for example [nb, en, pl]."))
    sample: Flag = Field(
        False, description=N_("true while this record is invented sample data; set false when the details are real."))


class Booking(Record):
    form_url: Link = Field(description=N_("The web form where a founder books guidance."))
    email: PlainShortText = Field(
        pattern=r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", description=N_("E-mail address for booking guidance."))
    phone: PlainShortText = Field(description=N_("Phone number for booking, in quotes."))
    video: Text = Field(description=N_("How video guidance works, in one or two sentences."))
    interpreter: Text = Field(description=N_("How to ask for an interpreter."))


class Survey(Record):
    url: Link | None = Field(None, description=N_("Link to the current user survey; leave out when none is open."))
    interval_months: Count = Field(description=N_("How often a user survey is held, in months."))
    last_held: YamlDate = Field(description=N_("When the last user survey was held, YYYY-MM-DD."))
    sample: Flag = Field(
        False, description=N_("true while this record is invented sample data; set false when the details are real."))


class Deviation(Record):
    problem: Text = Field(description=N_("What does not work as it should, in plain words."))
    affects: ShortText = Field(description=N_("Who it affects, for example: deg som bruker skjermleser."))


class Accessibility(Record):
    reviewed: YamlDate = Field(description=N_("When the site was last checked for accessibility (shown on the page)."))
    deviations: tuple[Deviation, ...] = Field(
        (), description=N_("Known deviations from WCAG 2.1 AA and who they affect."))


class Region(Record):
    review: dict[Language, ReviewState] = REVIEW_FIELD
    sample: Flag = Field(False, description=N_("true while this file holds sample contact details."))
    name: PlainShortText = Field(description=N_("The service's name, for example Etablerertjenesten i Mosseregionen."))
    region: PlainShortText = Field(description=N_("The region's name, for example Mosseregionen."))
    operator: Id = Field(description=N_("Organisation id of the operator."))
    contact: Contact = Field(description=N_("Address, phone, e-mail and opening hours."))
    advisers: tuple[Adviser, ...] = Field(description=N_("The advisers founders can meet."))
    booking: Booking = Field(description=N_("How to book guidance."))
    survey: Survey = Field(description=N_("The regular user survey the agreement asks for."))
    calendar_domain: str = Field(pattern=r"^[a-z0-9.-]+\.[a-z]{2,}$",
                                 description=N_("Domain used in calendar event ids; never change it."))
    accessibility: Accessibility = Field(
        description=N_("What the accessibility page says: review date, known deviations."))
    languages: tuple[Language, ...] = Field(
        ("nb",), description=N_("The site's languages, bokmål (nb) first: one line per language. "
                                "Adding a language: add its code here and its files under languages/ "
                                "(see VEILEDNING.md, «Legg til et nytt språk»)."))

    @model_validator(mode="after")
    def _bokmal_first(self) -> Region:
        if not self.languages or self.languages[0] != "nb":
            raise PydanticCustomError("languages", _("bokmål comes first: write languages: [nb, …]"),
                                      {"field": "languages"})
        if len(set(self.languages)) != len(self.languages):
            raise PydanticCustomError("languages", _("a language is listed twice"), {"field": "languages"})
        return self


# --- agreements --------------------------------------------------------------

class Party(Record):
    organisation: Id | None = Field(
        None, description=N_("Organisation id of the party (or write municipality: instead)."))
    municipality: Id | None = Field(
        None, description=N_("Municipality id of the party (or write organisation: instead)."))
    role: Text = Field(description=N_("The party's role in one plain sentence."))

    @model_validator(mode="after")
    def _one_of(self) -> Party:
        if (self.organisation is None) == (self.municipality is None):
            raise PydanticCustomError("party", _("name either organisation or municipality (one of them)"))
        return self


class MinimumItem(Record):
    id: Id = Field(description=N_("Short id of the item; services refer to it with fulfils:."))
    text: Text = Field(description=N_("The item as the agreement words it, in plain language."))
    kind: Literal["service", "cooperation"] = Field(
        description=N_("service: something a founder can use; cooperation: work the service takes part in."))
    partners: tuple[Id, ...] = Field((), description=N_("For cooperation: organisations to ask."))


class Funding(Record):
    population_date: YamlDate = Field(description=N_("SSB population reference date, for example 2021-07-01."))
    county: Id = Field(description=N_("Organisation id of the county that pays the county rate."))
    county_rate: Nok = Field(description=N_("Minimum kroner per inhabitant per year from the county."))
    municipal_rate: Nok = Field(description=N_("Minimum kroner per inhabitant per year from each municipality."))
    municipalities: tuple[Id, ...] = Field(
        min_length=1, description=N_("Municipality ids that pay the municipal rate."))
    reservation: Text = Field(description=N_("The reservation about annual appropriations."))


class Visibility(Record):
    organisations: tuple[Id, ...] = Field(min_length=1,
                                          description=N_("Shown with logo and mention on every page."))
    with_municipalities: Flag = Field(
        True, description=N_("true: the municipalities are shown as responsible together with them."))


class Agreement(Record):
    review: dict[Language, ReviewState] = REVIEW_FIELD
    id: Id = Field(description=N_("Short id of the agreement, for example viken-2022-2025."))
    title: ShortText = Field(description=N_("The agreement's title."))
    period: Period = Field(description=N_("The agreement period: start and end."))
    source: Text = Field(description=N_("The document the facts come from."))
    host_municipality: Id = Field(description=N_("Municipality id of the party that signs on behalf of all."))
    operator: Id = Field(description=N_("Organisation id of the company that runs the service."))
    parties: tuple[Party, ...] = Field(min_length=1, description=N_("The parties, each with its role."))
    goals: tuple[Text, ...] = Field(description=N_("The agreement's goals, one line each."))
    minimum_items: tuple[MinimumItem, ...] = Field(
        min_length=1, description=N_("The minimum list: what the service must offer."))
    funding: Funding = Field(description=N_("Minimum contributions per inhabitant."))
    visibility: Visibility = Field(description=N_("Who must be shown with logo and mention on every page."))


class AgreementsFile(Record):
    sample: Flag = Field(False, description=N_("true if everything in this file is sample data."))
    agreements: tuple[Agreement, ...] = Field(
        min_length=1, description=N_("Every agreement, the newest last; add a new one when it is signed."))


# --- services ----------------------------------------------------------------

class Service(Record):
    review: dict[Language, ReviewState] = REVIEW_FIELD
    id: Id = Field(description=N_("Short id of the service; situations refer to it."))
    name: ShortText = Field(description=N_("The service's name as readers see it."))
    summary: Text = Field(description=N_("What the founder gets, in one or two plain sentences."))
    kind: Literal["minimum", "supplement"] = Field(
        description=N_("minimum: on the agreement's minimum list; supplement: an extra."))
    fulfils: tuple[Id, ...] = Field((), description=N_("Ids of the agreement's minimum items this service fulfils."))
    price: Nok | None = Field(None, description=N_("Price in kroner; 0 means free; leave out when it varies."))
    price_note: ShortText | None = Field(None, description=N_("The price in words when it varies or needs a note."))
    free_hours: Count | None = Field(None, description=N_("Free up to this many hours (guidance)."))
    nav_pays: Flag | None = Field(None, description=N_("Whether NAV pays for it; false for the business assessment."))
    sample: Flag = Field(
        False, description=N_("true while this record is invented sample data; set false when the details are real."))


class ServicesFile(Record):
    sample: Flag = Field(False, description=N_("true if everything in this file is sample data."))
    services: tuple[Service, ...] = Field(description=N_("Every service offered."))


# --- referral directory ------------------------------------------------------

class Referral(Record):
    organisation: Id = Field(description=N_("Organisation id of who can help."))
    what: Text = Field(description=N_("What they help with, in plain words."))
    url: Link = Field(description=N_("The authoritative page; link to it, do not copy its rules."))
    checked: YamlDate = Field(description=N_("When an editor last checked the page."))


class Situation(Record):
    review: dict[Language, ReviewState] = REVIEW_FIELD
    id: Id = Field(description=N_("Short id; also the anchor on the page."))
    title: ShortText = Field(description=N_("The situation in the reader's words: 'I have an idea'."))
    intro: Text = Field(description=N_("A short plain introduction to the situation."))
    services: tuple[Id, ...] = Field((), description=N_("Service ids that help in this situation."))
    referrals: tuple[Referral, ...] = Field((), description=N_("Other organisations that can help."))


class ReferralsFile(Record):
    sample: Flag = Field(False, description=N_("true if everything in this file is sample data."))
    situations: tuple[Situation, ...] = Field(
        min_length=1, description=N_("Founders' situations, in the order the start page shows them."))


# --- courses -----------------------------------------------------------------

class Session(Record):
    """One meeting of a course; times are local time in Europe/Oslo."""

    id: Id = Field(description=N_("Short id of the session, for example del-1; never change it once published."))
    date: YamlDate = Field(description=N_("Day of the session, YYYY-MM-DD."))
    start: YamlTime = Field(description=N_("Start time, HH:MM (Oslo time)."))
    end: YamlTime = Field(description=N_("End time, HH:MM (Oslo time), after the start."))
    cancelled: Flag = Field(
        False, description=N_("true when this session is cancelled; keep its date and times, so calendars find it."))
    cancellation_reason: Text | None = Field(
        None, description=N_("Why the session is cancelled, in one plain sentence (optional)."))

    @model_validator(mode="before")
    @classmethod
    def _cancelled_keeps_date(cls, value: object) -> object:
        if isinstance(value, dict) and value.get("cancelled") is True and value.get("date") is None:
            raise PydanticCustomError(
                "cancelled_date", _("a cancelled session still needs its date, so calendars can find it; "
                                    "keep date: as it was"), {"field": "date"})
        return value

    def starts_at(self) -> datetime:
        return datetime.combine(self.date, self.start, tzinfo=OSLO)

    def ends_at(self) -> datetime:
        return datetime.combine(self.date, self.end, tzinfo=OSLO)

    @model_validator(mode="after")
    def _ordered(self) -> Session:
        if self.end <= self.start:
            if self.end == self.start:
                raise PydanticCustomError(
                    "session_order", _("{end} is the same as start; a session ends after it starts"),
                    {"field": "end", "end": self.end.strftime("%H:%M")})
            raise PydanticCustomError(
                "session_order", _("{end} is before start {start}; a session ends after it starts"),
                {"field": "end", "end": self.end.strftime("%H:%M"), "start": self.start.strftime("%H:%M")})
        return self


class Venue(Record):
    name: PlainShortText = Field(description=N_("Name of the place."))
    address: Address = Field(description=N_("Street, postcode and city."))
    municipality: Id = Field(description=N_("Municipality id where the venue is: moss, vestby, rade or valer."))


class Registration(Record):
    url: Link | None = Field(None, description=N_("Sign-up link; may be left out until registration opens."))
    deadline: YamlDate = Field(description=N_("Last day to sign up, YYYY-MM-DD, before the first session."))


class Course(Record):
    review: dict[Language, ReviewState] = REVIEW_FIELD
    sample: Flag = Field(
        False, description=N_("true while this record is invented sample data; set false when the details are real."))
    id: Id = Field(description=N_("Short id; it becomes the page address. Never change it once published."))
    title: ShortText = Field(description=N_("The course title as readers see it."))
    kind: Literal["basic", "theme"] = Field(description=N_("basic: the free founder course; theme: a theme course."))
    description: Text = Field(description=N_("What the course is about, in two or three plain sentences."))
    sessions: tuple[Session, ...] = Field(min_length=1, description=N_("Each meeting: id, date, start and end."))
    format: Literal["onsite", "online", "hybrid"] = Field(
        description=N_("onsite (needs venue), online (needs online_url) or hybrid (needs both)."))
    venue: Venue | None = Field(None, description=N_("Where the course is held (onsite and hybrid)."))
    online_url: Link | None = Field(None, description=N_("Link to join online (online and hybrid)."))
    languages: tuple[Language, ...] = Field(
        min_length=1, description=N_("Language codes of the teaching, for example [nb] or [nb, uk]."))
    price: Nok = Field(
        description=N_("Price in kroner for the participant; 0 means free (the basic course is always 0)."))
    capacity: int = Field(strict=True, ge=1, description=N_("Number of places."))
    full: Flag = Field(False, description=N_("true when every place is taken."))
    cancelled: Flag = Field(
        False, description=N_("true when the whole course is cancelled; its page stays and says so, and it leaves "
                              "the lists of upcoming courses."))
    cancellation_reason: Text | None = Field(
        None, description=N_("Why the course is cancelled, in one plain sentence (optional)."))
    registration: Registration = Field(description=N_("Sign-up link and deadline."))
    target_group: Text = Field(description=N_("Who the course is for, in one plain sentence."))
    practical: Text | None = Field(None, description=N_("Practical details: what to bring, food, parking."))
    former_ids: tuple[Id, ...] = Field(
        (), description=N_("Earlier ids of a renamed course, for example [etablererkurs-var]: the old address "
                           "then leads to the new page."))

    def first_day(self) -> date:
        return min(s.date for s in self.sessions)

    def last_day(self) -> date:
        return max(s.date for s in self.sessions)

    def first_start(self) -> tuple[date, time]:
        return min((s.date, s.start) for s in self.sessions)
