"""Feature: pages reflow at 320 px and survive a reader's own text spacing.

WCAG 1.4.10: at 320 CSS px (1280 px zoomed to 400 %) nothing needs scrolling
sideways; a table may scroll inside its own container, which then has a name
and takes keyboard focus. WCAG 1.4.12: with line height 1.5, paragraph
spacing 2, letter spacing 0.12 and word spacing 0.16 (times the font size)
no text is cut off or overlaps the edge.
"""

from __future__ import annotations

import pytest

from tests.support.browser import DESKTOP, NARROWEST, PHONE
from tests.support.expected import COPY

from .support import LANGUAGES, TEMPLATE_PAGES, site_pages

pytestmark = pytest.mark.browser

# Elements sticking out of the viewport sideways, except inside a container
# that scrolls sideways; and those containers, with their name and tab stop.
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const shown = e => e.getClientRects().length > 0 && getComputedStyle(e).visibility === 'visible';
  const scrolls = e => ['auto', 'scroll'].includes(getComputedStyle(e).overflowX) && e.scrollWidth > e.clientWidth + 1;
  const sticking = [], containers = [];
  for (const e of document.body.querySelectorAll('*')) {
    if (!shown(e)) continue;
    if (scrolls(e)) containers.push({html: e.outerHTML.slice(0, 100), tabindex: e.tabIndex,
        name: e.getAttribute('aria-label') || e.getAttribute('aria-labelledby') || '',
        role: e.getAttribute('role') || ''});
    const r = e.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || getComputedStyle(e).position === 'fixed') continue;
    if (r.right <= width + 1 && r.left >= -1) continue;
    const media = 'img, svg, input, select, textarea, video, iframe, canvas';
    if (!(e.innerText || '').trim() && !e.matches(media) && !e.querySelector(media)) continue;  // an empty backdrop
    let a = e.parentElement, inside = false;
    for (; a && a !== document.body; a = a.parentElement) if (scrolls(a)) { inside = true; break; }
    if (!inside)
      sticking.push(e.outerHTML.slice(0, 100) + ` (${Math.round(r.left)}..${Math.round(r.right)} of ${width})`);
  }
  return {sticking, containers, pageScroll: document.documentElement.scrollWidth > width,
          bodyScroll: document.body.scrollWidth > width};
}"""

# Text that its box cuts off: the box hides overflow and its content is bigger.
CLIPPED = """() => {
  const out = [];
  for (const e of document.body.querySelectorAll('*')) {
    if (e.getClientRects().length === 0 || getComputedStyle(e).visibility !== 'visible') continue;
    const s = getComputedStyle(e);
    const hidesX = ['hidden', 'clip'].includes(s.overflowX), hidesY = ['hidden', 'clip'].includes(s.overflowY);
    if (!hidesX && !hidesY) continue;
    if (!(e.innerText || '').trim()) continue;
    if (e.clientWidth <= 1 && e.clientHeight <= 1) continue;  // visually hidden text for screen readers
    if ((hidesX && e.scrollWidth > e.clientWidth + 1) || (hidesY && e.scrollHeight > e.clientHeight + 1))
      out.push(e.outerHTML.slice(0, 120)
               + ` (${e.scrollWidth}x${e.scrollHeight} in ${e.clientWidth}x${e.clientHeight})`);
  }
  return out;
}"""

TEXT_SPACING = """
* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }
"""


def check_reflow(page, where: str) -> list[str]:
    found = page.evaluate(OVERFLOW)
    problems = [f"{where}: sticks out sideways: {s}" for s in found["sticking"]]
    if found["pageScroll"] or found["bodyScroll"]:
        problems.append(f"{where}: the page scrolls sideways")
    for c in found["containers"]:
        if c["tabindex"] < 0 or not c["name"]:
            problems.append(f"{where}: a sideways-scrolling box needs tabindex=0 and a name (aria-label): {c['html']}")
    return problems


@pytest.mark.slow
@pytest.mark.parametrize("language", [code for code, _ in LANGUAGES])
def test_every_page_reflows_at_320_px(opener, built, language):
    """Every page of every language: Arabic right to left, Ukrainian's and Polish's longer words."""
    pages = site_pages(built.copy_dir(COPY), language)
    assert len(pages) >= 12, pages
    page = opener.context(NARROWEST).new_page()
    problems = []
    for path in pages:
        page.goto(opener.url(path), wait_until="load")
        assert page.evaluate("document.documentElement.lang") == language, path
        problems += check_reflow(page, f"{COPY}/{path or '(front page)'} at 320 px")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("viewport", [NARROWEST, PHONE, DESKTOP], ids=lambda v: f"{v['width']}px")
def test_text_spacing_cuts_off_nothing(opener, viewport):
    page = opener.context(viewport, bypass_csp=True).new_page()
    problems = []
    for template, path in TEMPLATE_PAGES.items():
        page.goto(opener.url(path), wait_until="load")
        page.add_style_tag(content=TEXT_SPACING)
        where = f"{template} page with WCAG 1.4.12 text spacing at {viewport['width']} px"
        problems += [f"{where}: text cut off: {c}" for c in page.evaluate(CLIPPED)]
        problems += check_reflow(page, where) if viewport is NARROWEST else []
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("state", ["menu open", "search open"])
def test_open_menu_and_search_reflow_with_text_spacing_at_320_px(opener, state):
    page = opener.open("", viewport=NARROWEST, bypass_csp=True)
    page.add_style_tag(content=TEXT_SPACING)
    page.locator(".et-menu-button" if state == "menu open" else ".et-search-button").click()
    page.locator("#et-drawer" if state == "menu open" else ".md-search__input").wait_for(state="visible")
    where = f"front page, {state}, with text spacing at 320 px"
    problems = [f"{where}: text cut off: {c}" for c in page.evaluate(CLIPPED)] + check_reflow(page, where)
    assert not problems, "\n".join(problems)
