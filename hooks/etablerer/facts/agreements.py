"""Which agreement applies on a date, and the state of organisations on it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from etablerer.inputs.messages import _
from etablerer.inputs.model import Agreement, Organisation


@dataclass(frozen=True)
class AgreementInForce:
    agreement: Agreement
    in_period: bool  # False: none is in force; this is the most recent one (or the first, if none has started)
    day: date

    @property
    def warning(self) -> str | None:
        if self.in_period:
            return None
        a = self.agreement
        if a.period.start > self.day:
            return _("No agreement is in force: the first recorded, '{title}', starts {start}. Its visibility "
                     "rule applies already.").format(title=a.title, start=a.period.start.isoformat())
        return _("No agreement is in force: '{title}' ended {end} and no newer one is recorded in "
                 "data/agreements.yml. Its visibility rule still applies until one is.").format(
                 title=a.title, end=a.period.end.isoformat())


def agreement_in_force(agreements: tuple[Agreement, ...], day: date) -> AgreementInForce:
    """The agreement whose period contains `day`; else the most recent that has started; else the earliest."""
    current = [a for a in agreements if a.period.contains(day)]
    if current:
        return AgreementInForce(max(current, key=lambda a: a.period.start), True, day)
    started = [a for a in agreements if a.period.start <= day]
    if started:
        return AgreementInForce(max(started, key=lambda a: a.period.start), False, day)
    return AgreementInForce(min(agreements, key=lambda a: a.period.start), False, day)


def has_ceased(org: Organisation, day: date) -> bool:
    return org.valid is not None and org.valid.has_ended(day)
