"""The as-of date of a build: SOURCE_DATE_EPOCH read as a Europe/Oslo date."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from etablerer.inputs.asof import as_of_date


def epoch(year, month, day, hour, minute) -> str:
    return str(int(datetime(year, month, day, hour, minute, tzinfo=UTC).timestamp()))


def test_just_after_midnight_in_oslo_in_winter_is_the_next_day():
    # 2025-12-31 23:30 UTC is 2026-01-01 00:30 in Oslo (UTC+1).
    assert as_of_date({"SOURCE_DATE_EPOCH": epoch(2025, 12, 31, 23, 30)}) == date(2026, 1, 1)


def test_the_same_moment_is_still_the_previous_day_in_utc():
    moment = datetime.fromtimestamp(int(epoch(2025, 12, 31, 23, 30)), tz=UTC)
    assert moment.date() == date(2025, 12, 31)


def test_just_after_midnight_in_oslo_in_summer_is_the_next_day():
    # 2026-06-30 22:15 UTC is 2026-07-01 00:15 in Oslo (UTC+2).
    assert as_of_date({"SOURCE_DATE_EPOCH": epoch(2026, 6, 30, 22, 15)}) == date(2026, 7, 1)


def test_just_before_midnight_in_oslo_is_that_day():
    assert as_of_date({"SOURCE_DATE_EPOCH": epoch(2025, 12, 31, 22, 59)}) == date(2025, 12, 31)


def test_surrounding_spaces_are_ignored():
    assert as_of_date({"SOURCE_DATE_EPOCH": f" {epoch(2026, 11, 27, 12, 0)}\n"}) == date(2026, 11, 27)


def test_an_epoch_that_is_not_a_number_stops_with_a_message():
    with pytest.raises(SystemExit, match="SOURCE_DATE_EPOCH='i går' er ikke et helt antall sekunder"):
        as_of_date({"SOURCE_DATE_EPOCH": "i går"})
