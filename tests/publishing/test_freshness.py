"""Feature: every page says when it was built ("Sist oppdatert …", the as-of date)."""

from __future__ import annotations

import pytest

from tests.site.helpers import COPIES, PINNED_DAY, long_date, text_of

BUILT = f"Sist oppdatert {long_date(PINNED_DAY)}"


@pytest.mark.parametrize("copy", COPIES)
def test_every_page_of_the_copy_says_when_it_was_built(published, copy):
    pages = published.html_pages(copy)
    without = [rel for rel in pages if BUILT not in text_of(published.soup_of(published.copy_dir(copy) / rel))]
    assert pages and without == [], f"{copy}: pages without {BUILT!r}"


def test_the_landing_page_says_when_it_was_built(published):
    assert BUILT in text_of(published.landing())
