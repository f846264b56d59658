"""The as-of date of the behaviour tests and the environment a build or a command runs in.

Every build and command of the behaviour tests runs at noon in Oslo on its as-of day
(PINNED_DAY unless a test says otherwise), so no time zone or daylight-saving edge can
move it to another day.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from datetime import date, datetime
from zoneinfo import ZoneInfo

OSLO = ZoneInfo("Europe/Oslo")

# The as-of day of the fixture project (tests/fixtures/project/).
PINNED_DAY = date(2026, 11, 27)

# Variables of the caller's environment a test must not inherit: the preview's switches,
# `make check STRICT=1`, the titles make new-course / new-organisation pass on, the
# developers' English messages (the tests assert the editors' bokmål), and GitHub Actions'
# GITHUB_ACTIONS=true (make check would add annotations to the output the tests read).
_NOT_INHERITED = ("ETABLERER_MODE", "ETABLERER_COPY", "STRICT", "TITLE", "NAME", "ETABLERER_MESSAGES",
                  "GITHUB_ACTIONS")


def epoch_of(day: date) -> str:
    """SOURCE_DATE_EPOCH for noon in Oslo on `day`."""
    return str(int(datetime(day.year, day.month, day.day, 12, 0, tzinfo=OSLO).timestamp()))


PINNED_EPOCH = int(epoch_of(PINNED_DAY))


def pinned_environ(day: date = PINNED_DAY, **extra: str) -> dict[str, str]:
    """This process's environment with the as-of date `day` (SOURCE_DATE_EPOCH), without the
    variables above, UTF-8 for a child Python's output, and `extra` on top."""
    env = {name: value for name, value in os.environ.items() if name not in _NOT_INHERITED}
    env.update(SOURCE_DATE_EPOCH=epoch_of(day), NO_MKDOCS_2_WARNING="1", PYTHONIOENCODING="utf-8", **extra)
    return env


@contextmanager
def switched_off(*names: str):
    """Test-only switches (ETABLERER_CSP, ETABLERER_PLAIN_TEXT) set to off in os.environ for a
    build (pinned_environ passes os.environ on), and restored after."""
    previous = {name: os.environ.get(name) for name in names}
    os.environ.update({name: "off" for name in names})
    try:
        yield
    finally:
        for name, value in previous.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
