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

from .asof import OSLO
from .fieldtypes import (BaseUrl, Count, Flag, Id, Language, Link, Nok, ShortText, Text,
                         YamlDate, YamlTime)


class Record(BaseModel):
    """Base: immutable, and an unknown field (a typo) is an error."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


class Period(Record):
    start: YamlDate = Field(description="First day, YYYY-MM-DD.")
    end: YamlDate | None = Field(None, description="Last day, YYYY-MM-DD; leave out while open-ended.")

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.end is not None and self.end < self.start:
            raise PydanticCustomError("period_order", "{end} is before start {start}; the end comes after the start",
                                      {"field": "end", "end": self.end.isoformat(), "start": self.start.isoformat()})
        return self

    def contains(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)

    def has_ended(self, day: date) -> bool:
        return self.end is not None and self.end < day


# --- organisations -----------------------------------------------------------

class Logo(Record):
    file: str = Field(description="Image under content/, for example assets/logos/viken.svg.")
    alt: ShortText = Field(description="Alt text: the organisation's name as the logo shows it.")
    placeholder: Flag = Field(False, description="true while the file is our drawn placeholder, not the official logo.")


class Organisation(Record):
    id: Id
    name: ShortText
    kind: Literal["county", "state", "municipality", "company", "other"]
    role: ShortText = Field(description="Its role for founders in one short phrase (the 'mention').")
    url: Link | None = Field(None, description="Its own website; leave out if it has none (for example ceased).")
    org_number: str | None = Field(None, pattern=r"^\d{9}$", description="Organisasjonsnummer, 9 digits, if known.")
    logo: Logo | None = None
    valid: Period | None = Field(None, description="When the organisation existed; leave out end while it exists.")
    successors: tuple[Id, ...] = Field((), description="Organisations that took over when it ceased.")
    ceased_note: Text | None = Field(None, description="A plain sentence on what happened, for readers.")
    sample: Flag = False


class OrganisationsFile(Record):
    sample: Flag = False
    organisations: tuple[Organisation, ...]


# --- municipalities ----------------------------------------------------------

class CountyMembership(Record):
    county: Id = Field(description="Organisation id of the county.")
    period: Period


class Population(Record):
    count: Count
    date: YamlDate
    source: ShortText


class Municipality(Record):
    id: Id = Field(description="URL slug of this municipality's copy: moss, vestby, rade, valer.")
    name: ShortText
    number: str = Field(pattern=r"^\d{4}$", description="Kommunenummer (4 digits) as of today.")
    counties: tuple[CountyMembership, ...] = Field(min_length=1)
    populations: tuple[Population, ...] = Field(min_length=1)
    base_url: BaseUrl = Field(description="Where this municipality's copy is published; ends with /.")
    accessibility_statement_url: Link = Field(description="The municipality's statement in uustatus.no.")
    privacy_url: Link = Field(description="The municipality's privacy page.")
    sample: Flag = False


class MunicipalitiesFile(Record):
    sample: Flag = False
    municipalities: tuple[Municipality, ...] = Field(min_length=1)


# --- region and operator -----------------------------------------------------

class Address(Record):
    street: ShortText
    postcode: str = Field(pattern=r"^\d{4}$")
    city: ShortText


class Contact(Record):
    address: Address
    phone: ShortText
    email: ShortText = Field(pattern=r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$")
    opening_hours: tuple[ShortText, ...] = Field(min_length=1)
    public_transport: Text
    step_free_access: Text


class Adviser(Record):
    id: Id
    name: ShortText
    title: ShortText
    languages: tuple[Language, ...] = Field(min_length=1)
    sample: Flag = False


class Booking(Record):
    form_url: Link = Field(description="The web form where a founder books guidance.")
    email: ShortText = Field(pattern=r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$")
    phone: ShortText
    video: Text = Field(description="How video guidance works, in one or two sentences.")
    interpreter: Text = Field(description="How to ask for an interpreter.")


class Survey(Record):
    url: Link | None = None
    interval_months: Count = Field(description="How often a user survey is held, in months.")
    last_held: YamlDate
    sample: Flag = False


class Region(Record):
    sample: Flag = False
    name: ShortText = Field(description="The service's name, for example Etablerertjenesten i Mosseregionen.")
    region: ShortText
    operator: Id = Field(description="Organisation id of the operator.")
    contact: Contact
    advisers: tuple[Adviser, ...]
    booking: Booking
    survey: Survey
    calendar_domain: str = Field(pattern=r"^[a-z0-9.-]+\.[a-z]{2,}$",
                                 description="Domain used in calendar event ids; never change it.")


# --- agreements --------------------------------------------------------------

class Party(Record):
    organisation: Id | None = None
    municipality: Id | None = None
    role: Text = Field(description="The party's role in one plain sentence.")

    @model_validator(mode="after")
    def _one_of(self) -> Party:
        if (self.organisation is None) == (self.municipality is None):
            raise PydanticCustomError("party", "name either organisation or municipality (one of them)")
        return self


class MinimumItem(Record):
    id: Id
    text: Text = Field(description="The item as the agreement words it, in plain language.")
    kind: Literal["service", "cooperation"] = Field(
        description="service: something a founder can use; cooperation: work the service takes part in.")
    partners: tuple[Id, ...] = Field((), description="For cooperation: organisations to ask.")


class Funding(Record):
    population_date: YamlDate = Field(description="SSB population reference date, for example 2021-07-01.")
    county: Id = Field(description="Organisation id of the county that pays the county rate.")
    county_rate: Nok = Field(description="Minimum kroner per inhabitant per year from the county.")
    municipal_rate: Nok = Field(description="Minimum kroner per inhabitant per year from each municipality.")
    municipalities: tuple[Id, ...] = Field(min_length=1)
    reservation: Text = Field(description="The reservation about annual appropriations.")


class Visibility(Record):
    organisations: tuple[Id, ...] = Field(min_length=1,
                                          description="Shown with logo and mention on every page.")
    with_municipalities: Flag = True


class Agreement(Record):
    id: Id
    title: ShortText
    period: Period
    source: Text
    host_municipality: Id
    operator: Id
    parties: tuple[Party, ...] = Field(min_length=1)
    goals: tuple[Text, ...]
    minimum_items: tuple[MinimumItem, ...] = Field(min_length=1)
    funding: Funding
    visibility: Visibility


class AgreementsFile(Record):
    sample: Flag = False
    agreements: tuple[Agreement, ...] = Field(min_length=1)


# --- services ----------------------------------------------------------------

class Service(Record):
    id: Id
    name: ShortText
    summary: Text
    kind: Literal["minimum", "supplement"]
    fulfils: tuple[Id, ...] = Field((), description="Ids of the agreement's minimum items this service fulfils.")
    price: Nok | None = Field(None, description="Price in kroner; 0 means free; leave out when it varies.")
    price_note: ShortText | None = Field(None, description="The price in words when it varies or needs a note.")
    free_hours: Count | None = Field(None, description="Free up to this many hours (guidance).")
    nav_pays: Flag | None = Field(None, description="Whether NAV pays for it; false for the business assessment.")
    sample: Flag = False


class ServicesFile(Record):
    sample: Flag = False
    services: tuple[Service, ...]


# --- referral directory ------------------------------------------------------

class Referral(Record):
    organisation: Id
    what: Text = Field(description="What they help with, in plain words.")
    url: Link = Field(description="The authoritative page; link to it, do not copy its rules.")
    checked: YamlDate = Field(description="When an editor last checked the page.")


class Situation(Record):
    id: Id
    title: ShortText = Field(description="The situation in the reader's words: 'I have an idea'.")
    intro: Text
    services: tuple[Id, ...] = ()
    referrals: tuple[Referral, ...] = ()


class ReferralsFile(Record):
    sample: Flag = False
    situations: tuple[Situation, ...] = Field(min_length=1)


# --- courses -----------------------------------------------------------------

class Session(Record):
    """One meeting of a course; times are local time in Europe/Oslo."""

    id: Id
    date: YamlDate
    start: YamlTime
    end: YamlTime

    def starts_at(self) -> datetime:
        return datetime.combine(self.date, self.start, tzinfo=OSLO)

    def ends_at(self) -> datetime:
        return datetime.combine(self.date, self.end, tzinfo=OSLO)

    @model_validator(mode="after")
    def _ordered(self) -> Session:
        if self.end <= self.start:
            if self.end == self.start:
                raise PydanticCustomError("session_order", "{end} is the same as start; a session ends after it starts",
                                          {"field": "end", "end": self.end.strftime("%H:%M")})
            raise PydanticCustomError(
                "session_order", "{end} is before start {start}; a session ends after it starts",
                {"field": "end", "end": self.end.strftime("%H:%M"), "start": self.start.strftime("%H:%M")})
        return self


class Venue(Record):
    name: ShortText
    address: Address
    municipality: Id


class Registration(Record):
    url: Link | None = Field(None, description="Sign-up link; may be left out until registration opens.")
    deadline: YamlDate


class Course(Record):
    sample: Flag = False
    id: Id
    title: ShortText
    kind: Literal["basic", "theme"] = Field(description="basic: the free founder course; theme: a theme course.")
    description: Text
    sessions: tuple[Session, ...] = Field(min_length=1)
    format: Literal["onsite", "online", "hybrid"]
    venue: Venue | None = None
    online_url: Link | None = None
    languages: tuple[Language, ...] = Field(min_length=1)
    price: Nok
    capacity: int = Field(strict=True, ge=1)
    full: Flag = False
    registration: Registration
    target_group: Text
    practical: Text | None = None

    def first_day(self) -> date:
        return min(s.date for s in self.sessions)

    def last_day(self) -> date:
        return max(s.date for s in self.sessions)

    def first_start(self) -> tuple[date, time]:
        return min((s.date, s.start) for s in self.sessions)
