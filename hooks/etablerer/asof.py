"""The as-of date of a build: SOURCE_DATE_EPOCH when set, else now, in Europe/Oslo."""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

OSLO = ZoneInfo("Europe/Oslo")


def as_of(environ: Mapping[str, str] | None = None) -> datetime:
    environ = os.environ if environ is None else environ
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), tz=UTC).astimezone(OSLO)
        except (ValueError, OverflowError, OSError):
            raise SystemExit(f"SOURCE_DATE_EPOCH={epoch!r} is not a whole number of seconds") from None
    return datetime.now(OSLO)


def as_of_date(environ: Mapping[str, str] | None = None) -> date:
    return as_of(environ).date()
