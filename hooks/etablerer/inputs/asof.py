"""The as-of date of a build: SOURCE_DATE_EPOCH when set, else now, in Europe/Oslo (every time
in the data is Oslo wall-clock time; some of those times Oslo skips or repeats)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from etablerer.inputs.messages import _

OSLO = ZoneInfo("Europe/Oslo")


def as_of(environ: Mapping[str, str] | None = None) -> datetime:
    environ = os.environ if environ is None else environ
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), tz=UTC).astimezone(OSLO)
        except (ValueError, OverflowError, OSError):
            raise SystemExit(_("SOURCE_DATE_EPOCH={value} is not a whole number of seconds").format(
                value=repr(epoch))) from None
    return datetime.now(OSLO)


def as_of_date(environ: Mapping[str, str] | None = None) -> date:
    return as_of(environ).date()


def local_time_problem(day: date, clock: time) -> str | None:
    """'gap' when the clock skips this time (spring), 'ambiguous' when it occurs twice (autumn)."""
    naive = datetime.combine(day, clock)
    first, second = naive.replace(tzinfo=OSLO, fold=0), naive.replace(tzinfo=OSLO, fold=1)
    if first.utcoffset() == second.utcoffset():
        return None
    # In a gap the wall time does not survive a round trip through UTC.
    round_trip = first.astimezone(UTC).astimezone(OSLO).replace(tzinfo=None)
    return "gap" if round_trip != naive else "ambiguous"
