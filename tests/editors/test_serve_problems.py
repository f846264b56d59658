"""`make serve` with a broken file: the last valid pages, the problems listed on every page, no hang.

Runs what `make serve` runs (mkdocs serve with live reload) in a copy of the project on a
free port of 127.0.0.1 and watches it in Chromium by what a reader sees: no click and no
manual reload — the live reload script of the page itself brings the notice and takes it
away. The deadlines only catch a hang; they say nothing about speed.
"""

from __future__ import annotations

import time

import pytest

from tests.support.edits import edit

from .test_serve import fetch, preview, wait_for

pytestmark = [pytest.mark.browser, pytest.mark.build, pytest.mark.slow]

COURSE_ID = "serve-problem-test-2027"
NOTICE = ".et-preview-problems"
PROBLEM = f"data/courses/{COURSE_ID}.yml:15:"
MESSAGE = "capacity: 0 er for lite; det må være minst 1"
HANG_MS = 120_000


@pytest.fixture
def served(project, tmp_path):
    log = tmp_path / "serve.log"
    with preview(project, log, COURSE_ID) as (course, url, server):
        yield course, url, server, log


def test_a_broken_file_is_listed_on_the_open_page_and_the_fix_takes_it_away(served, browser):
    course, url, server, log = served
    context = browser.new_context(locale="nb-NO")
    try:
        page = context.new_page()
        page.goto(url)
        assert page.locator(NOTICE).count() == 0

        edit(course, "capacity: 20", "capacity: 0")
        notice = page.locator(NOTICE)
        notice.wait_for(state="visible", timeout=HANG_MS)  # the page reloaded itself
        assert notice.get_attribute("role") == "alert"
        assert notice.get_by_role("heading").inner_text() == "Forhåndsvisningen viser den siste versjonen uten feil"
        items = [li.strip() for li in notice.locator("li").all_inner_texts()]
        assert items == [f"{PROBLEM} {MESSAGE}"]  # as make check writes it
        assert page.get_by_role("heading", level=1).first.inner_text().startswith("Testkurs")  # the last valid page

        edit(course, "capacity: 0", "capacity: 20")
        notice.wait_for(state="detached", timeout=HANG_MS)  # reloaded again, without the notice
        assert server.poll() is None
    finally:
        context.close()


def test_while_a_file_is_broken_every_request_is_answered_with_the_notice(served):
    course, url, server, log = served
    edit(course, "capacity: 20", "capacity: 0")
    wait_for(lambda: MESSAGE in log.read_text(), "the error in the terminal", server, log)
    started = time.monotonic()
    # Not held until a build that never comes: answered, with the problem on the page.
    page = wait_for(lambda: (fetch(url) or "") if NOTICE[1:] in (fetch(url) or "") else None,
                    "the notice", server, log)
    assert PROBLEM in page and MESSAGE.removeprefix("capacity: ") in page
    assert time.monotonic() - started < 60  # only catches a hang
    for other in ("", "kurs/", "kontakt/"):
        assert NOTICE[1:] in (fetch(url.rsplit("/kurs/", 1)[0] + "/" + other) or ""), other
