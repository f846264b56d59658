"""Fixtures of the browser specs: one build, one local server, one Chromium."""

from __future__ import annotations

import pytest

from tests.site.helpers import BuiltSite

from .support import (
    COPY,
    DESKTOP,
    RESULTS_DIR,
    IncompleteReport,
    LocalServer,
    page_url,
    route_copy_base,
    serve,
)


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


class Opener:
    """Opens pages of one copy in fresh browser contexts and closes them after the test."""

    def __init__(self, browser, server: LocalServer, built: BuiltSite, copy: str = COPY):
        self.browser, self.server, self.built, self.copy = browser, server, built, copy
        self.base_url = built.base_url(copy)
        self.contexts = []

    def context(self, viewport=DESKTOP, javascript=True, bypass_csp=False):
        # bypass_csp: for a reader's own style sheet (text spacing, WCAG 1.4.12),
        # which a browser applies whatever the page's CSP says.
        context = self.browser.new_context(viewport=viewport, java_script_enabled=javascript,
                                           reduced_motion="reduce", locale="nb-NO", bypass_csp=bypass_csp)
        context.set_default_timeout(15_000)  # only catches a hang
        route_copy_base(context, self.server, self.copy, self.base_url)
        self.contexts.append(context)
        return context

    def url(self, path: str) -> str:
        return page_url(self.server, self.copy, self.base_url, path)

    def open(self, path: str, viewport=DESKTOP, javascript=True, context=None, bypass_csp=False):
        page = (context or self.context(viewport, javascript, bypass_csp)).new_page()
        page.goto(self.url(path), wait_until="load")
        return page

    def close(self):
        for context in self.contexts:
            context.close()


@pytest.fixture
def opener(browser, server, built):
    opened = Opener(browser, server, built)
    yield opened
    opened.close()
