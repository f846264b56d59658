"""The shipped data, built once per test session with a pinned as-of date."""

from __future__ import annotations

import pytest

from etablerer.asof import as_of_date

from .helpers import PINNED_DAY, ROOT, BuiltSite, build, pinned_environ


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> BuiltSite:
    """data/ as shipped, built into a temporary folder: OUT/index.html and OUT/<copy>/."""
    assert as_of_date(pinned_environ()) == PINNED_DAY, "SOURCE_DATE_EPOCH does not give the pinned day in Oslo"
    return build(ROOT, tmp_path_factory.mktemp("shipped") / "site")


@pytest.fixture(scope="session")
def data(site):
    return site.data


@pytest.fixture(scope="session")
def today(site):
    return site.today
