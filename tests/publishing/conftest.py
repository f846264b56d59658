"""The publishing specs read the session build of tests/conftest.py (fixture `published`)."""

from __future__ import annotations

import pytest

from tests.support.site import BuiltSite


@pytest.fixture(scope="session")
def published(site) -> BuiltSite:
    """data/ as shipped (the session build of tests/conftest.py): OUT/manifest.json, OUT/<copy>/…"""
    return site
