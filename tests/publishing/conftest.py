"""One build of the shipped data for the publishing specs, with the pinned as-of date."""

from __future__ import annotations

import pytest

from tests.site.helpers import ROOT, BuiltSite, build


@pytest.fixture(scope="session")
def published(tmp_path_factory) -> BuiltSite:
    """data/ as shipped, built into a temporary folder: OUT/manifest.json, OUT/<copy>/…"""
    return build(ROOT, tmp_path_factory.mktemp("published") / "site")
