"""Feature: the site works with a keyboard alone.

The first Tab reaches a skip link, which takes focus to the main content;
Tab reaches every link, button and field in reading order; focus can always
be seen and is never hidden; the mobile menu and the search dialog open with
Enter and close with Escape, and focus never gets stuck. In every language,
the first Tab reaches the skip link and Tab reaches each link of the language
switcher, with focus that can be seen.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from tests.support.browser import DESKTOP, PHONE
from tests.support.expected import COURSE_IDS

from .support import LANGUAGES

pytestmark = pytest.mark.browser

PAGES = {"front": "", "course": f"kurs/{COURSE_IDS[0]}/"}
WIDTHS = {"1280px": DESKTOP, "375px": PHONE}

# Marks every element a keyboard user must be able to reach now (shown, not
# disabled, not taken out of the order with tabindex=-1), in document order.
MARK_REACHABLE = """() => {
  const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]';
  const all = [...document.querySelectorAll(selector)];
  const reachable = all.filter(e => !e.disabled && e.tabIndex >= 0 && !e.closest('[inert]')
      && e.getClientRects().length > 0 && getComputedStyle(e).visibility === 'visible');
  reachable.forEach((e, i) => e.setAttribute('data-kb', String(i)));
  return {count: reachable.length, positive: all.filter(e => e.tabIndex > 0).map(e => e.outerHTML.slice(0, 80))};
}"""

# What a sighted keyboard user sees of the focused element.
FOCUS_STATE = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const style = getComputedStyle(e);
  const rect = e.getBoundingClientRect();
  const parse = c => (c.match(/[\\d.]+/g) || []).map(Number);
  const opaque = el => { for (; el; el = el.parentElement) {
      const c = parse(getComputedStyle(el).backgroundColor); if (c.length === 3 || c[3] > 0.9) return c; }
    return [255, 255, 255]; };
  const lum = ([r, g, b]) => { const f = v => (v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const cx = Math.min(Math.max(rect.left + rect.width / 2, 0), innerWidth - 1);
  const cy = Math.min(Math.max(rect.top + rect.height / 2, 0), innerHeight - 1);
  const top = document.elementFromPoint(cx, cy);
  return {
    kb: e.getAttribute('data-kb'),
    html: e.outerHTML.slice(0, 120),
    inViewport: rect.width > 0 && rect.height > 0 && rect.bottom > 0 && rect.right > 0
      && rect.top < innerHeight && rect.left < innerWidth,
    uncovered: !!top && (e === top || e.contains(top) || top.contains(e)),
    outline: style.outlineStyle !== 'none' ? parseFloat(style.outlineWidth) : 0,
    outlineContrast: ratio(parse(style.outlineColor), opaque(e.parentElement)),
    inMain: !!e.closest('main'),
  };
}"""


def focus(page):
    return page.evaluate(FOCUS_STATE)


def assert_visible_focus(state, where: str) -> None:
    assert state is not None, f"{where}: focus was lost (on the page body)"
    assert state["inViewport"] and state["uncovered"], f"{where}: focused element is out of sight: {state['html']}"
    assert state["outline"] >= 2, f"{where}: no visible focus outline on {state['html']}"
    assert state["outlineContrast"] >= 3, (
        f"{where}: focus outline contrast {state['outlineContrast']:.1f}:1 (< 3:1) on {state['html']}")


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", PAGES)
def test_tab_reaches_everything_in_order_with_visible_focus(opener, name, width):
    page = opener.open(PAGES[name], viewport=WIDTHS[width])
    marked = page.evaluate(MARK_REACHABLE)
    assert marked["positive"] == [], f"tabindex > 0 breaks the reading order: {marked['positive']}"
    expected = marked["count"]
    assert expected > 5

    reached: list[int] = []
    for step in range(1, expected * 2 + 5):
        page.keyboard.press("Tab")
        state = focus(page)
        if state is None or (state["kb"] == "0" and reached):
            break  # past the end of the page, or round to the start again: no trap
        where = f"{name} page, {width}, Tab {step}"
        if step == 1:
            assert "md-skip" in state["html"], f"{where}: the first Tab should reach the skip link, got {state['html']}"
        assert state["kb"] is not None, f"{where}: focus went to a hidden or unexpected element: {state['html']}"
        assert_visible_focus(state, where)
        reached.append(int(state["kb"]))
    else:
        pytest.fail(f"{name} page, {width}: {expected * 2 + 5} Tabs never left the page: a keyboard trap?")

    missed = sorted(set(range(expected)) - set(reached))
    assert not missed, f"{name} page, {width}: Tab never reached {len(missed)} element(s): " + ", ".join(
        page.locator(f"[data-kb='{i}']").evaluate("e => e.outerHTML.slice(0, 100)") for i in missed[:5])
    assert reached == sorted(reached), f"{name} page, {width}: Tab order is not the reading order: {reached}"


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", PAGES)
def test_skip_link_takes_focus_to_the_main_content(opener, name, width):
    page = opener.open(PAGES[name], viewport=WIDTHS[width])
    page.keyboard.press("Tab")
    assert "md-skip" in focus(page)["html"]
    assert_visible_focus(focus(page), f"{name}, {width}, skip link")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "hovedinnhold"
    assert page.evaluate("document.activeElement.tagName") == "MAIN"
    page.keyboard.press("Tab")
    state = focus(page)
    assert state["inMain"], f"after the skip link, Tab should stay in the main content, got {state['html']}"
    assert_visible_focus(state, f"{name}, {width}, first Tab after the skip link")


def tab_to(page, selector: str, limit: int = 40) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    pytest.fail(f"{limit} Tabs did not reach {selector}")


def test_menu_opens_and_closes_by_keyboard(opener):
    page = opener.open("", viewport=PHONE)
    button = page.locator(".et-menu-button")
    tab_to(page, ".et-menu-button")
    assert button.get_attribute("aria-expanded") == "false"
    assert not page.locator("#et-drawer a").first.is_visible(), "the closed menu's links must not be visible"

    page.keyboard.press("Enter")
    assert page.locator("#__drawer").is_checked()
    assert button.get_attribute("aria-expanded") == "true"
    assert page.evaluate("!!document.activeElement.closest('#et-drawer')"), "focus should move into the menu"
    links = page.locator("#et-drawer .md-nav__list a")
    assert links.count() >= 8
    for i in range(links.count() + 2):  # logo, close button, then every link
        state = focus(page)
        assert_visible_focus(state, f"menu, stop {i}")
        if page.evaluate("document.activeElement.matches('#et-drawer .md-nav__list li:last-child a')"):
            break
        page.keyboard.press("Tab")
    else:
        pytest.fail("Tab did not reach the last link of the menu")

    page.keyboard.press("Escape")
    assert not page.locator("#__drawer").is_checked(), "Escape should close the menu"
    assert button.get_attribute("aria-expanded") == "false"
    # et-a11y.js gives focus back in a task of its own (setTimeout 0, after the checkbox's change
    # event): wait for that task instead of reading the focus before it may have run.
    try:
        page.wait_for_function("document.activeElement.matches('.et-menu-button')")
    except PlaywrightTimeoutError:
        pytest.fail("focus should return to the menu button, is on "
                    + page.evaluate("document.activeElement.outerHTML.slice(0, 120)"), pytrace=False)

    # Tabbing out of the open menu closes it: focus never sits behind it.
    page.keyboard.press("Enter")
    tab_to(page, "#et-drawer .md-nav__list li:last-child a")
    page.keyboard.press("Tab")
    assert not page.locator("#__drawer").is_checked(), "leaving the menu with Tab should close it"
    assert_visible_focus(focus(page), "first stop after the menu")


def wait_until_results_settle(page, quiet_ms: int = 500, limit_ms: int = 15_000) -> None:
    """Wait until the result list has not changed for `quiet_ms` (a hang guard, not a timing assertion)."""
    page.wait_for_function("""([quiet, limit]) => new Promise(resolve => {
        const list = document.querySelector('.md-search-result__list');
        let last = list ? list.innerHTML : '', since = Date.now(), start = Date.now();
        const tick = () => {
            const now = list ? list.innerHTML : '';
            if (now !== last) { last = now; since = Date.now(); }
            if (Date.now() - since >= quiet || Date.now() - start >= limit) resolve(true);
            else setTimeout(tick, 50);
        };
        tick();
    })""", arg=[quiet_ms, limit_ms], timeout=limit_ms + 5_000)


@pytest.mark.parametrize("width", WIDTHS)
def test_search_opens_and_closes_by_keyboard(opener, width):
    page = opener.open("kurs/", viewport=WIDTHS[width])
    narrow = WIDTHS[width] is PHONE
    opener_selector = ".et-search-button" if narrow else ".md-search__input"
    tab_to(page, opener_selector)
    if narrow:
        assert page.locator(".md-search__input").is_hidden(), "the closed search field must not take focus"
        page.keyboard.press("Enter")
    assert page.locator("#__search").is_checked(), "search should be open"
    assert page.evaluate("document.activeElement.matches('.md-search__input')")
    assert_visible_focus(focus(page), f"search field, {width}")

    page.keyboard.type("kurs")
    page.locator(".md-search-result__item").first.wait_for(state="visible")
    wait_until_results_settle(page)  # results re-render per keystroke; a loaded machine lags
    page.keyboard.press("ArrowDown")
    assert page.evaluate("!!document.activeElement.closest('.md-search-result')"), "ArrowDown should reach the results"
    assert_visible_focus(focus(page), f"first search result, {width}")

    page.keyboard.press("Escape")
    assert not page.locator("#__search").is_checked(), "Escape should close search"
    if narrow:
        # As with the menu: et-a11y.js gives focus back in a task of its own (setTimeout 0); wait for it.
        try:
            page.wait_for_function("document.activeElement.matches('.et-search-button')")
        except PlaywrightTimeoutError:
            pytest.fail("focus should return to the search button, is on "
                        + page.evaluate("document.activeElement.outerHTML.slice(0, 120)"), pytrace=False)
    page.keyboard.press("Tab")
    state = focus(page)
    assert state is not None and not page.evaluate("!!document.activeElement.closest('.md-search')"), \
        f"Tab after closing search should leave it, got {state and state['html']}"
    assert_visible_focus(state, f"after search, {width}")


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language,prefix", LANGUAGES, ids=[code for code, _ in LANGUAGES])
def test_in_every_language_tab_reaches_the_skip_link_then_every_language_link(opener, language, prefix, width):
    where = f"{language} front page, {width}"
    page = opener.open(prefix, viewport=WIDTHS[width])
    assert page.evaluate("document.documentElement.lang") == language
    page.keyboard.press("Tab")
    state = focus(page)
    assert state is not None and "md-skip" in state["html"], f"{where}: the first Tab should reach the skip link"
    assert_visible_focus(state, f"{where}, skip link")

    switcher = page.locator("nav.et-languages a[hreflang]")
    assert switcher.count() == len(LANGUAGES), f"{where}: the switcher should link every language"
    reached: list[str] = []
    for step in range(2, 80):
        page.keyboard.press("Tab")
        if not page.evaluate("!!document.activeElement.closest('nav.et-languages')"):
            if reached:
                break  # Tab has left the switcher
            continue
        code = page.evaluate("document.activeElement.getAttribute('hreflang')")
        assert_visible_focus(focus(page), f"{where}, Tab {step}, switcher link {code}")
        reached.append(code)
    assert reached == [code for code, _ in LANGUAGES], f"{where}: Tab reached the switcher's links {reached}"
