"""Every page of the live data passes axe-core (WCAG 2.1 A/AA, 2.2 AA, best practice) at 1280 px.

Every page of every language (data/region.yml) of ONE copy: the copies are proven identical
outside their declared differences (test_built_site.py, checks.copy_problems), so one copy
per language is enough. (Moved here from tests/browser/test_axe.py, which keeps one page per
template in every state on the fixture: this sweep is about content.) axe's undecided
results go to test-results/axe-incomplete-content.json for a person to review.
"""

from __future__ import annotations

import pytest

from tests.browser.support import RESULTS_DIR, IncompleteReport, run_axe, site_pages
from tests.browser.test_axe import failures_text
from tests.support.browser import DESKTOP, Opener
from tests.support.expected import language_prefix

from .checks import language_of

pytestmark = [pytest.mark.content, pytest.mark.browser, pytest.mark.build, pytest.mark.slow]


@pytest.fixture(scope="module")
def incomplete_report():
    report = IncompleteReport(RESULTS_DIR / "axe-incomplete-content.json")
    yield report
    report.write()


@pytest.fixture
def opener(browser, content_server, content_site):
    opened = Opener(browser, content_server, content_site, content_site.copies[0])
    yield opened
    opened.close()


def test_every_page_of_one_copy_has_no_violations(opener, content_site, incomplete_report, language):
    copy, prefix = opener.copy, language_prefix(language)
    pages = [path for path in site_pages(content_site.copy_dir(copy)) if language_of(content_site, path) == language]
    assert prefix in pages and f"{prefix}404.html" in pages, f"{copy}: no front page or 404 page in {language}: {pages}"
    page = opener.context(DESKTOP).new_page()
    failures = []
    for path in pages:
        page.goto(opener.url(path), wait_until="load")
        violations, incomplete = run_axe(page)
        where = f"{copy}/{path or '(front page)'} [{language}, 1280 px]"
        incomplete_report.add(where, incomplete)
        failures += [v.describe(where) for v in violations]
    assert not failures, failures_text(failures)
