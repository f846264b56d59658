"""The fixture project (tests/fixtures/project/), built ONCE per test session with the pinned as-of date.

Every suite that reads the built site (site, courses, publishing, browser) uses
this one build; tests that change a site work on a copy of it (copytree) or on a
project copy of their own (tests.support.project.project_copy), never on this.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import sync_playwright

from etablerer.inputs.asof import as_of_date
from tests.support.browser import CHROMIUM_ARGS, chromium_executable
from tests.support.environ import PINNED_DAY, pinned_environ
from tests.support.project import project_copy
from tests.support.site import BuiltSite, build

# Markers (pyproject.toml): a module that builds a project of its own or drives Chromium
# itself says so with `pytestmark`. A test that asks for one of the session fixtures below,
# directly or through another fixture (data, today, built, published, copy_dir, pages, …),
# is marked here, so no test can start the shared build or Chromium unmarked
# (make test-fast deselects both).
BUILDING_FIXTURES = frozenset({"site", "content_site"})  # the fixture project's build; tests/content's build
CHROMIUM_FIXTURES = frozenset({"browser"})


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    for item in items:
        used = set(getattr(item, "fixturenames", ()))
        if used & BUILDING_FIXTURES:
            item.add_marker(pytest.mark.build)
        if used & CHROMIUM_FIXTURES:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(autouse=True)
def editors_language(monkeypatch):
    """Messages in bokmål, as editors read them, even when the developer's shell says
    ETABLERER_MESSAGES=en (tests that want English set it themselves)."""
    monkeypatch.delenv("ETABLERER_MESSAGES", raising=False)


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
    with sync_playwright() as playwright:
        try:
            executable = chromium_executable(playwright.chromium)
        except LookupError as problem:
            pytest.fail(str(problem), pytrace=False)
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
