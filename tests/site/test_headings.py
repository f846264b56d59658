"""Feature: text that heads a group is a real heading, and the headings keep a logical order.

A screen-reader user jumps from heading to heading (WCAG 1.3.1, 2.4.6; HTML_CodeSniffer H42).
A paragraph that is only bold text ending in ':' and introduces a list ("Dette kan vi hjelpe
deg med:") looks like a heading but cannot be reached that way, so no page has one; and no
heading is more than one level below the heading before it (h2 → h4 skips a level).
tests/content/checks.py runs the same two rules on every page of the real site (heading_problems).
"""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup, NavigableString, Tag

from tests.support.expected import COPIES, normalise

HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
BOLD = ("strong", "b")
LISTS = ("ul", "ol", "dl")


def _only_bold(p: Tag) -> str | None:
    """The text of a paragraph whose only content is bold text, or None."""
    parts = [c for c in p.contents if not (isinstance(c, NavigableString) and not c.strip())]
    if len(parts) == 1 and isinstance(parts[0], Tag) and parts[0].name in BOLD:
        return normalise(parts[0].get_text())
    return None


def _next_element(tag: Tag) -> Tag | None:
    return next((s for s in tag.next_siblings if isinstance(s, Tag)), None)


def fake_headings(soup: BeautifulSoup) -> list[str]:
    """Paragraphs that are only bold text and work as a heading: they end in ':' and the next
    element is a list, or they head a list with nothing else ("Type kurs" over its links)."""
    found = []
    for p in soup.find_all("p"):
        text = _only_bold(p)
        following = _next_element(p)
        if text and following is not None and following.name in LISTS:
            found.append(text)
        elif text and text.endswith(":"):
            found.append(text)
    return found


def skipped_levels(soup: BeautifulSoup) -> list[str]:
    """'h2 → h4 (Title)' for each heading more than one level below the heading before it
    (the first heading of a page may be any level up to h1's child, h2, when it has no h1)."""
    found, previous = [], 1
    for heading in soup.find_all(HEADINGS):
        level = int(heading.name[1])
        if level > previous + 1:
            found.append(f"h{previous} → h{level} ({normalise(heading.get_text())[:60]})")
        previous = level
    return found


def heading_problems_of(soup: BeautifulSoup) -> list[str]:
    """Both rules on one page, one line each."""
    return ([f"bold paragraph used as a heading: {text!r}" for text in fake_headings(soup)]
            + [f"heading level skipped: {skip}" for skip in skipped_levels(soup)])


# --- the rules themselves ---------------------------------------------------------------

def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


@pytest.mark.parametrize("html", [
    "<h2>A</h2><p><strong>Dette kan vi hjelpe deg med:</strong></p><ul><li>x</li></ul>",
    "<h2>A</h2><p> <b>Vi er åpne:</b> </p><p>Mandag</p>",
    "<h2>A</h2><p class='et-filters__name'><strong>Type kurs</strong></p><ul><li>x</li></ul>",
])
def test_a_bold_paragraph_heading_a_list_is_found(html):
    assert len(fake_headings(soup(html))) == 1


@pytest.mark.parametrize("html", [
    "<h2>A</h2><h3>Dette kan vi hjelpe deg med</h3><ul><li>x</li></ul>",
    "<p><strong>Eksempel.</strong> Mer tekst.</p><ul><li>x</li></ul>",
    "<p><strong>Avtaleperiode:</strong> 1. januar til 31. desember.</p>",
    "<p><strong>Påmeldingen er stengt</strong></p><p>Neste kurs kommer.</p>",
])
def test_real_headings_and_bold_words_in_a_sentence_are_not_found(html):
    assert fake_headings(soup(html)) == []


def test_a_skipped_level_is_found_and_going_back_up_is_not():
    assert skipped_levels(soup("<h1>A</h1><h2>B</h2><h3>C</h3><h2>D</h2><h4>E</h4>")) == ["h2 → h4 (E)"]
    assert skipped_levels(soup("<h1>A</h1><h3>B</h3>")) == ["h1 → h3 (B)"]
    assert skipped_levels(soup("<h1>A</h1><h2>B</h2><h3>C</h3><h4>D</h4><h2>E</h2><h3>F</h3>")) == []


# --- the fixture site -----------------------------------------------------------------------

def test_no_page_of_any_copy_has_a_fake_heading_or_a_skipped_level(site):
    problems = [f"{copy}/{rel}: {problem}" for copy in COPIES for rel in site.html_pages(copy)
                for problem in heading_problems_of(site.soup_of(site.copy_dir(copy) / rel))]
    assert problems == []


def test_the_lead_ins_and_filter_groups_are_headings_one_level_below_their_section(site):
    """The catalogue's filter groups and the start page's lead-ins are h3 under an h2."""
    for url in ("kurs/", "start-her/", "kontakt/"):
        levels = [int(h.name[1]) for h in site.page(COPIES[0], url).find_all(HEADINGS)]
        assert 3 in levels, f"{url} has no h3: {levels}"
    catalogue = site.page(COPIES[0], "kurs/")
    names = catalogue.select(".et-filters .et-filters__name")
    assert names and all(n.name == "h3" for n in names)
