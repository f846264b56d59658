"""The fixture project (tests/fixtures/project/), built ONCE per test session with the pinned as-of date.

Every suite that reads the built site (site, courses, publishing, browser) uses
this one build; tests that change a site work on a copy of it (copytree) or on a
project copy of their own (tests/site/helpers.project_copy), never on this.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import sync_playwright

from etablerer.inputs.asof import as_of_date
from tests.site.helpers import PINNED_DAY, BuiltSite, build, pinned_environ, project_copy


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> BuiltSite:
    """The fixture project, built into a temporary folder: OUT/index.html and OUT/<copy>/."""
    assert as_of_date(pinned_environ()) == PINNED_DAY, "SOURCE_DATE_EPOCH does not give the pinned day in Oslo"
    work = tmp_path_factory.mktemp("fixture")
    return build(project_copy(work / "project"), work / "site")


@pytest.fixture(scope="session")
def data(site):
    return site.data


@pytest.fixture(scope="session")
def today(site):
    return site.today


@pytest.fixture(scope="session")
def browser():
    """One Chromium for the whole run, shared by every suite that drives it (tests/browser,
    tests/languages): Playwright's sync API allows one instance per session."""
    from tests.browser.support import CHROMIUM_ARGS, chromium_executable

    with sync_playwright() as playwright:
        try:
            executable = chromium_executable(playwright.chromium)
        except LookupError as problem:
            pytest.fail(str(problem), pytrace=False)
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
