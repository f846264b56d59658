"""Feature: the new AA success criteria of WCAG 2.2 hold, each tested by name.

- 2.5.8 Target Size (Minimum): every link, button and field a pointer can hit is at least
  24 × 24 CSS px, or is spaced so that a 24 px circle centred on it touches no other target
  (nor the circle of another small target), or is a link inside a sentence (the inline
  exception), on every page type at 375 and 1280 px.
- 2.4.11 Focus Not Obscured (Minimum): at every Tab stop of every page type, at both widths,
  the focused element is not entirely hidden by the sticky header, the sticky tabs or the
  drawer: some part of it is the top element at its point on the screen.
- 3.2.6 Consistent Help: the help mechanisms (contact, and booking a guidance talk) are on
  every page, in the same order relative to the other footer links, in every language.

2.5.7 (dragging), 3.3.7 (redundant entry) and 3.3.8 (accessible authentication) do not apply
(nothing is dragged, no multi-step form, no log-in): the accessibility page says so
(tests/browser/test_accessibility_page.py).
"""

from __future__ import annotations

import pytest

from tests.support.browser import DESKTOP, NOT_FOUND_PATH, PHONE
from tests.support.expected import COPIES, COURSE_IDS, LANGUAGES, interface_text, language_prefix

pytestmark = [pytest.mark.browser, pytest.mark.slow]

WIDTHS = {"1280px": DESKTOP, "375px": PHONE}
# One page of each page type (template); the filter page is taken from the catalogue's filters.
PAGE_TYPES: dict[str, str] = {
    "front": "",
    "start": "start-her/",
    "catalogue": "kurs/",
    "course": f"kurs/{COURSE_IDS[0]}/",
    "filter": "",  # resolved in filter_page()
    "guidance": "veiledning/",
    "offer": "tilbud/",
    "referrals": "hjelp/",
    "about": "om/",
    "contact": "kontakt/",
    "accessibility": "tilgjengelighet/",
    "privacy": "personvern/",
    "content": "ordliste/",
    "404": NOT_FOUND_PATH,
}
MINIMUM = 24  # CSS px, WCAG 2.2 SC 2.5.8

# A target is what a pointer can activate: not an element that only takes focus from a script
# (tabindex=-1, such as <main> for the skip link).
TARGETS = ("a[href], button, input:not([type=hidden]), select, textarea, summary, label[for], [role=button], "
           "[tabindex]:not([tabindex^='-'])")

# The targets a pointer can hit now, with their boxes, and whether each is inside a sentence.
MEASURE_TARGETS = """(selector) => {
  const shown = e => { const s = getComputedStyle(e);
    return e.getClientRects().length > 0 && s.visibility === 'visible' && s.pointerEvents !== 'none'
      && !e.closest('[inert], [aria-hidden=true]') && parseFloat(s.opacity) > 0; };
  const hittable = e => { const r = e.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && r.right > 0 && r.left < innerWidth; };
  // The inline exception: a link inside a block of text, its size set by the line of text.
  const inSentence = e => {
    if (getComputedStyle(e).display !== 'inline') return false;
    let block = e.parentElement;
    while (block && getComputedStyle(block).display === 'inline') block = block.parentElement;
    if (!block) return false;
    const own = (e.textContent || '').trim().length;
    const all = (block.textContent || '').replace(/\\s+/g, ' ').trim().length;
    return all > own + 2;
  };
  // A checkbox or radio hidden behind its label is hit through the label; the label counts.
  const seen = new Set();
  const out = [];
  for (const e of document.querySelectorAll(selector)) {
    if (seen.has(e) || !shown(e) || !hittable(e)) continue;
    if (e.tagName === 'LABEL' && !(e.textContent || '').trim() && !e.querySelector('svg, img')) continue;
    seen.add(e);
    const r = e.getBoundingClientRect();
    out.push({html: e.outerHTML.slice(0, 140), left: r.left + scrollX, top: r.top + scrollY,
              width: r.width, height: r.height, inline: inSentence(e)});
  }
  return out;
}"""


def centre(t: dict) -> tuple[float, float]:
    return t["left"] + t["width"] / 2, t["top"] + t["height"] / 2


def distance_to_box(point: tuple[float, float], t: dict) -> float:
    x, y = point
    dx = max(t["left"] - x, 0, x - (t["left"] + t["width"]))
    dy = max(t["top"] - y, 0, y - (t["top"] + t["height"]))
    return (dx * dx + dy * dy) ** 0.5


def undersized(t: dict) -> bool:
    return t["width"] < MINIMUM - 0.5 or t["height"] < MINIMUM - 0.5


def same_box(a: dict, b: dict) -> bool:
    return all(abs(a[k] - b[k]) < 0.5 for k in ("left", "top", "width", "height"))


def target_size_failures(targets: list[dict]) -> list[str]:
    """SC 2.5.8 with its spacing and inline exceptions: the targets that fail, one line each."""
    failures = []
    for a in targets:
        if not undersized(a) or a["inline"]:
            continue
        c = centre(a)
        for b in targets:
            if b is a or same_box(a, b) or b["inline"] and distance_to_box(c, b) >= MINIMUM / 2:
                continue
            # The circle must not intersect the other target, nor the other's circle when it is small too.
            crowded = distance_to_box(c, b) < MINIMUM / 2
            if undersized(b) and not b["inline"]:
                bx, by = centre(b)
                crowded = crowded or ((c[0] - bx) ** 2 + (c[1] - by) ** 2) ** 0.5 < MINIMUM
            if crowded:
                failures.append(f"{a['width']:.0f}×{a['height']:.0f} px {a['html']} — too close to {b['html'][:80]}")
                break
    return failures


def test_the_target_size_rule_applies_the_spacing_exception():
    box = lambda left, top, w, h, inline=False: {"html": f"<a {left},{top}>", "left": left, "top": top,
                                                  "width": w, "height": h, "inline": inline}
    assert target_size_failures([box(0, 0, 30, 30), box(40, 0, 30, 30)]) == []
    assert target_size_failures([box(0, 0, 16, 16), box(40, 0, 16, 16)]) == []  # centres 40 px apart
    assert len(target_size_failures([box(0, 0, 16, 16), box(18, 0, 16, 16)])) == 2  # centres 18 px apart
    assert len(target_size_failures([box(0, 0, 16, 16), box(18, 0, 30, 30)])) == 1  # circle reaches the big one
    assert target_size_failures([box(0, 0, 16, 16, inline=True), box(18, 0, 16, 16, inline=True)]) == []


def filter_page(built) -> str:
    catalogue = built.page(COPIES[0], "kurs/")
    href = catalogue.select_one(".et-filters a")["href"]
    return "kurs/" + href.split("../")[-1].lstrip("./") if not href.startswith("/") else href.lstrip("/")


def page_path(built, name: str) -> str:
    return filter_page(built) if name == "filter" else PAGE_TYPES[name]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", PAGE_TYPES)
def test_2_5_8_every_target_is_24_px_or_spaced(opener, built, name, width):
    page = opener.open(page_path(built, name), viewport=WIDTHS[width])
    targets = page.evaluate(MEASURE_TARGETS, TARGETS)
    assert len(targets) > 5, f"{name}, {width}: only {len(targets)} targets found"
    failures = target_size_failures(targets)
    assert not failures, f"{name} page, {width}: {len(failures)} target(s) under 24×24 px and not spaced:\n" + \
        "\n".join(failures[:15])


# --- 2.4.11 ----------------------------------------------------------------------------------

# How much of the focused element shows: points on a grid over its box (inside the viewport)
# where it, or something inside it, is the top element; and what covers the rest.
FOCUS_SEEN = r"""() => {
  const e = document.activeElement;
  if (!e || e === document.body || e === document.documentElement) return null;
  const boxes = [...e.getClientRects()].filter(r => r.width > 0 && r.height > 0);
  if (!boxes.length) return {html: e.outerHTML.slice(0, 140), seen: 0, points: 0, cover: 'no box'};
  let seen = 0, points = 0; const covers = new Set();
  for (const r of boxes) {
    for (let i = 0; i <= 4; i++) for (let j = 0; j <= 4; j++) {
      const x = r.left + (r.width - 1) * i / 4 + 0.5, y = r.top + (r.height - 1) * j / 4 + 0.5;
      if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) continue;
      points++;
      const top = document.elementFromPoint(x, y);
      if (top && (top === e || e.contains(top) || (top.control === e) || (e.labels && [...e.labels].includes(top)))) seen++;
      else if (top) { const c = top.closest('.md-nav__title, header, nav, .md-sidebar, .md-tabs') || top;
                      covers.add(c.tagName.toLowerCase() + (typeof c.className === 'string' && c.className
                                                            ? '.' + c.className.trim().split(/\s+/).join('.') : '')); }
    }
  }
  return {html: e.outerHTML.slice(0, 140), seen, points, cover: [...covers].slice(0, 3).join(' | ')};
}"""

MARK_STOPS = """() => {
  const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]';
  return [...document.querySelectorAll(selector)].filter(e => !e.disabled && e.tabIndex >= 0
    && !e.closest('[inert]') && e.getClientRects().length > 0 && getComputedStyle(e).visibility === 'visible').length;
}"""


def tab_through(page, where: str, stops: int, key: str = "Tab") -> list[str]:
    """Press `key` until focus leaves the page or comes round again; each stop entirely hidden."""
    hidden = []
    first = None
    for step in range(1, stops * 2 + 5):
        page.keyboard.press(key)
        state = page.evaluate(FOCUS_SEEN)
        if state is None:
            break  # past the end (or the start) of the page
        if first is None:
            first = state["html"]
        elif state["html"] == first:
            break  # round again
        if state["seen"] == 0:
            hidden.append(f"{where}, {key} {step}: {state['html']} is entirely hidden (under {state['cover']})")
    return hidden


LAST_STOP = """() => { const all = [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]')]
  .filter(e => !e.disabled && e.tabIndex >= 0 && !e.closest('[inert]') && e.getClientRects().length > 0
    && getComputedStyle(e).visibility === 'visible');
  const last = all[all.length - 1]; last.focus(); return last.outerHTML.slice(0, 120); }"""


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", PAGE_TYPES)
def test_2_4_11_focus_is_never_entirely_hidden_by_the_header(opener, built, name, width):
    """Forwards from the top, and backwards from the end: going back, the page scrolls up and
    each stop arrives at the top of the window, where the sticky header is."""
    page = opener.open(page_path(built, name), viewport=WIDTHS[width])
    stops = page.evaluate(MARK_STOPS)
    hidden = tab_through(page, f"{name} page, {width}", stops)
    page.evaluate(LAST_STOP)
    hidden += tab_through(page, f"{name} page, {width}", stops, key="Shift+Tab")
    assert not hidden, "\n".join(hidden[:10])


@pytest.mark.parametrize("lang", ["uk", "ar"])
def test_2_4_11_focus_is_never_hidden_under_a_long_wrapped_title(opener, built, lang):
    """The longest page titles wrap in the phone's header: a taller sticky header."""
    page = opener.open(language_prefix(lang) + PAGE_TYPES["course"], viewport=PHONE)
    stops = page.evaluate(MARK_STOPS)
    page.evaluate(LAST_STOP)
    hidden = tab_through(page, f"course page ({lang}), 375px", stops, key="Shift+Tab")
    assert not hidden, "\n".join(hidden[:10])


def test_2_4_11_focus_in_the_open_drawer_is_never_hidden(opener):
    page = opener.open("kurs/", viewport=PHONE)
    page.locator(".et-menu-button").focus()
    page.keyboard.press("Enter")
    assert page.locator("#__drawer").is_checked()
    hidden = []
    for step in range(1, 40):
        state = page.evaluate(FOCUS_SEEN)
        if state is None or not page.evaluate("!!document.activeElement.closest('#et-drawer')"):
            break
        if state["seen"] == 0:
            hidden.append(f"open menu, stop {step}: {state['html']} is entirely hidden (under {state['cover']})")
        page.keyboard.press("Tab")
    assert not hidden, "\n".join(hidden)


# --- 3.2.6 ------------------------------------------------------------------------------------

HELP = ("kontakt", "veiledning")  # the contact page and booking a guidance talk (page addresses)


def footer_kinds(soup) -> tuple[str, ...]:
    """What each footer link leads to, in order: a page's address ('kontakt') or the host's link
    ('privacy', from data-copy)."""
    return tuple(a.get("data-copy") or a["href"].rstrip("/").rsplit("/", 1)[-1]
                 for a in soup.select("footer .et-footer__links a"))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_3_2_6_contact_and_guidance_are_in_the_same_place_on_every_page(built, lang):
    prefix, others = language_prefix(lang), {language_prefix(code) for code in LANGUAGES} - {""}
    guidance = interface_text(lang, "footer_guidance")
    orders: dict[tuple[str, ...], list[str]] = {}
    for copy in COPIES:
        for rel in built.html_pages(copy):
            if not rel.startswith(prefix) or (not prefix and any(rel.startswith(o) for o in others)):
                continue
            soup = built.soup_of(built.copy_dir(copy) / rel)
            if soup.select_one("footer .et-footer__links") is None:
                assert soup.select_one("main, article") is None, f"{copy}/{rel}: a page without the footer"
                continue  # a redirect page: no page chrome
            kinds = footer_kinds(soup)
            assert all(h in kinds for h in HELP), f"{copy}/{rel}: the footer lacks contact or guidance: {kinds}"
            texts = [a.get_text(" ", strip=True) for a in soup.select("footer .et-footer__links a")]
            assert texts[kinds.index("veiledning")] == guidance, f"{copy}/{rel}: {texts}"
            orders.setdefault(kinds, []).append(f"{copy}/{rel}")
    assert len(orders) == 1, f"help is not in the same relative place on every {lang} page: " + "; ".join(
        f"{order}: {pages[:3]}" for order, pages in orders.items())


def test_3_2_6_help_links_lead_to_the_contact_and_guidance_pages(opener):
    page = opener.open("kurs/", viewport=DESKTOP)
    hrefs = page.eval_on_selector_all("footer .et-footer__links a", "as => as.map(a => a.href)")
    assert any(h.rstrip("/").endswith("/kontakt") for h in hrefs), hrefs
    assert any(h.rstrip("/").endswith("/veiledning") for h in hrefs), hrefs


def test_2_5_8_a_planted_crowded_target_is_found(opener):
    """The measuring script sees real boxes: two 12 px links side by side, outside any sentence, fail."""
    page = opener.open("kurs/", viewport=PHONE)
    page.evaluate("""() => { const p = document.createElement('p'); p.id = 'planted';
      p.innerHTML = '<a href="#a" style="display:inline-block;width:12px;height:12px;overflow:hidden">a</a>'
                  + '<a href="#b" style="display:inline-block;width:12px;height:12px;overflow:hidden">b</a>';
      document.querySelector('article').prepend(p); }""")
    failures = target_size_failures(page.evaluate(MEASURE_TARGETS, TARGETS))
    assert [f for f in failures if 'href="#a"' in f or 'href="#b"' in f], failures
    measured = page.evaluate(MEASURE_TARGETS, TARGETS)
    inline = [t for t in measured if t["inline"]]
    assert not [t for t in inline if 'href="#a"' in t["html"]], "a link alone in its paragraph is not in a sentence"
