"""The shipped data built once for these specs, with the pinned as-of date (2026-11-27).

Expectations come from the loaded data and are written out here (filter rules,
URLs, times), not computed with the product's own course functions, except the
status, which the issue defines in etablerer.courses.
"""

from __future__ import annotations

import pytest

from etablerer.asof import as_of_date

from ..site.helpers import PINNED_DAY, ROOT, BuiltSite, build, pinned_environ


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> BuiltSite:
    assert as_of_date(pinned_environ()) == PINNED_DAY
    return build(ROOT, tmp_path_factory.mktemp("courses") / "site")


@pytest.fixture(scope="session")
def data(site):
    return site.data


@pytest.fixture(scope="session")
def today(site):
    return site.today
