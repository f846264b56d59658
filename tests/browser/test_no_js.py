"""Feature: without JavaScript every page, the navigation and the course list work.

Some readers block scripts, some networks drop them. With JavaScript off the
content is there, the menu's links are shown (a plain list above the content
on narrow screens, since the drawer cannot open), the course list leads to
the courses, and no button is shown that would do nothing.
"""

from __future__ import annotations

import pytest

from tests.support.browser import DESKTOP, PHONE
from tests.support.expected import COPY

from .support import site_pages

pytestmark = pytest.mark.browser

NAV_LINKS = "#et-drawer .md-nav__list a"


@pytest.mark.slow
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=lambda v: f"{v['width']}px")
def test_every_page_reads_and_navigates_without_javascript(opener, built, viewport):
    context = opener.context(viewport, javascript=False)
    page = context.new_page()
    problems = []
    for path in site_pages(built.copy_dir(COPY)):
        where = f"{COPY}/{path or '(front page)'} without JavaScript at {viewport['width']} px"
        page.goto(opener.url(path), wait_until="load")
        assert page.evaluate("() => !document.documentElement.classList.contains('js')"), "JavaScript ran"
        if not page.locator("main h1").first.is_visible():
            problems.append(f"{where}: the main heading is not shown")
        if len(page.locator("main").inner_text().split()) < 5:
            problems.append(f"{where}: the main content is empty")
        if page.locator("#et-drawer").count() == 0:
            continue  # a page for other sites to frame (embed/): no site menu
        links = page.locator(NAV_LINKS)
        hidden = [links.nth(i).inner_text().strip() for i in range(links.count()) if not links.nth(i).is_visible()]
        if links.count() < 8 or hidden:
            problems.append(f"{where}: menu links not shown: {hidden or 'none found'}")
        for needs_js in (".et-menu-button", ".et-search-button", ".md-search__input"):
            if page.locator(needs_js).is_visible():
                problems.append(f"{where}: {needs_js} is shown but needs JavaScript")
    assert not problems, "\n".join(problems)


def test_course_list_leads_to_every_course_without_javascript(opener, built):
    page = opener.open("kurs/", viewport=PHONE, javascript=False)
    links = page.locator("main .et-course__title a")
    count = links.count()
    assert count >= 3, "the course list should show the upcoming courses"
    hrefs = [links.nth(i).get_attribute("href") for i in range(count)]
    for href in hrefs:
        assert (built.copy_dir(COPY) / "kurs" / href / "index.html").resolve().is_file(), f"{href} leads nowhere"
    links.first.click()
    page.wait_for_load_state("load")
    assert page.url.rstrip("/").endswith(hrefs[0].rstrip("/").split("/")[-1])
    assert page.locator("main h1").is_visible()
