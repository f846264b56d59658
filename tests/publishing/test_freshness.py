"""Feature: every page says when it was built ("Sist oppdatert …", the as-of date).

Each page says it in its own language: languages/<code>/interface.yml (updated:)
with the date as that language writes it (written out in tests/support/expected.py).
"""

from __future__ import annotations

import pytest

from tests.support.environ import PINNED_DAY
from tests.support.expected import COPIES, PINNED_DAY_LONG, interface_text, language_of, long_date, text_of

BUILT = f"Sist oppdatert {long_date(PINNED_DAY)}"


def built_line(lang: str) -> str:
    return interface_text(lang, "updated", date=PINNED_DAY_LONG[lang])


def test_the_bokmal_line_is_the_one_these_specs_know():
    assert PINNED_DAY_LONG["nb"] == long_date(PINNED_DAY)
    assert built_line("nb").startswith(BUILT)


@pytest.mark.parametrize("copy", COPIES)
def test_every_page_of_the_copy_says_when_it_was_built(published, copy):
    pages = published.html_pages(copy)
    without = [f"{rel}: {built_line(language_of(rel))!r}" for rel in pages
               if built_line(language_of(rel)) not in text_of(published.soup_of(published.copy_dir(copy) / rel))]
    assert pages and without == [], f"{copy}: pages without the as-of date in their language"


def test_the_landing_page_says_when_it_was_built(published):
    assert BUILT in text_of(published.landing())
