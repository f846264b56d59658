"""One page of each type in every language of the live data passes IBM's
accessibility-checker-engine (tests/browser/ibm.py) at 1280 px, with the one reviewed list
(tests/browser/ibm_reviewed.yml).

tests/browser/test_ibm.py checks the page types on the fixture; this runs the same check
on the project's own content: the front page, the catalogue, one course page, the about
page, one other page and the 404 page of each language of one copy (the copies are proven
identical outside their declared differences). Every page of every language would take
the engine several minutes more; axe sweeps them all (test_every_page_axe.py).
"""

from __future__ import annotations

import pytest

from tests.browser.ibm import run_ibm, unreviewed
from tests.browser.support import site_pages
from tests.support.browser import DESKTOP, Opener
from tests.support.expected import language_prefix

from .checks import language_of

pytestmark = [pytest.mark.content, pytest.mark.browser, pytest.mark.build, pytest.mark.slow]


@pytest.fixture
def opener(browser, content_server, content_site):
    opened = Opener(browser, content_server, content_site, content_site.copies[0])
    yield opened
    opened.close()


def one_page_per_type(pages: list[str], prefix: str) -> list[str]:
    """The front page, catalogue, first course page, about page, 404 page and the first
    other page, of those the language has."""
    course_pages = [p for p in pages if p.startswith(f"{prefix}kurs/") and p != f"{prefix}kurs/"]
    known = {prefix, f"{prefix}kurs/", f"{prefix}om/", f"{prefix}404.html"}
    others = [p for p in pages if p not in known and p not in course_pages]
    return [p for p in (prefix, f"{prefix}kurs/", f"{prefix}om/", f"{prefix}404.html") if p in pages] + \
        course_pages[:1] + others[:1]


def test_one_page_of_each_type_has_no_unreviewed_finding(opener, content_site, language):
    copy, prefix = opener.copy, language_prefix(language)
    pages = [path for path in site_pages(content_site.copy_dir(copy)) if language_of(content_site, path) == language]
    assert prefix in pages and f"{prefix}404.html" in pages, f"{copy}: no front page or 404 page in {language}: {pages}"
    failures = []
    for path in one_page_per_type(pages, prefix):
        page = opener.context(DESKTOP).new_page()
        page.goto(opener.url(path), wait_until="load")
        page.wait_for_load_state("networkidle")
        found = unreviewed(run_ibm(page, path))
        failures += [f.describe(f"{copy}/{path or '(front page)'} [{language}, 1280 px]") for f in found]
        page.context.close()
    assert not failures, (f"{len(failures)} IBM finding(s) not on tests/browser/ibm_reviewed.yml:\n"
                          + "\n".join(failures))
