"""Fixtures of the browser specs: one build, one local server, one Chromium."""

from __future__ import annotations

import pytest

from tests.support.browser import LocalServer, Opener, serve
from tests.support.site import BuiltSite

from .support import RESULTS_DIR, IncompleteReport


@pytest.fixture(scope="session")
def built(site) -> BuiltSite:
    """data/ as shipped: the session build of tests/conftest.py."""
    return site


@pytest.fixture(scope="session")
def server(built) -> LocalServer:
    local = serve(built.out)
    yield local
    local.stop()




@pytest.fixture(scope="session")
def incomplete_report():
    report = IncompleteReport(RESULTS_DIR / "axe-incomplete.json")
    yield report
    report.write()


@pytest.fixture
def opener(browser, server, built):
    opened = Opener(browser, server, built)
    yield opened
    opened.close()
