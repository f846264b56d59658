"""Feature: the languages work in a browser (Chromium, driven by Playwright).

- The switcher is reached with the keyboard: Tab gets to every one of its links.
- Its links are followed as they are written: "English" on the bokmål page
  kontakt/ lands on en/kontakt/, and no page loads a sitemap.xml (Material's
  script did, for each <link rel="alternate">, and then took over the clicks).
- Search on a page in a language searches that language's pages: a word only
  the Ukrainian (Polish, Arabic, English) pages have is found there, and a
  word only the bokmål pages have is not found on the Ukrainian site.
- Arabic is laid out right to left: body direction rtl, text aligned to the
  right, the menu on the right of the content at 1280 px, phone numbers kept
  left to right; a screenshot is saved for a person to look at.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from tests.browser.support import RESULTS_DIR
from tests.support.browser import DESKTOP
from tests.support.expected import DEFAULT_LANGUAGE as DEFAULT
from tests.support.expected import LANGUAGES as CODES
from tests.support.expected import OTHER_LANGUAGES as OTHERS
from tests.support.expected import OWN_NAMES, template_headings
from tests.support.expected import language_prefix as prefix
from tests.support.site import search_index

pytestmark = pytest.mark.browser

# --- keyboard ------------------------------------------------------------------------


@pytest.mark.parametrize("code", CODES)
def test_tab_reaches_every_link_of_the_switcher(opener, code):
    page = opener.open(prefix(code))
    total = page.evaluate("document.querySelectorAll('a[href], button, input, select, textarea, summary,"
                          " [tabindex]').length")
    reached = set()
    for _ in range(total + 5):
        page.keyboard.press("Tab")
        hreflang = page.evaluate("(() => { const e = document.activeElement;"
                                 " return e && e.closest('nav.et-languages') ? e.getAttribute('hreflang') : null })()")
        if hreflang:
            reached.add(hreflang)
        if reached == set(CODES):
            break
    assert reached == set(CODES), f"{code}: Tab reached switcher links {sorted(reached)} only"


# --- the switcher is followed, not taken over -------------------------------------------------


def is_sitemap(url: str) -> bool:
    return urlsplit(url).path.rsplit("/", 1)[-1] in ("sitemap.xml", "sitemap.xml.gz")


@pytest.mark.parametrize("published", [False, True], ids=["from-127.0.0.1", "at-the-copys-base-url"])
def test_the_english_link_on_the_bokmal_contact_page_leads_to_the_english_contact_page(opener, published):
    """Material's script fetched a sitemap.xml beside every <link rel="alternate"> and then took
    over clicks on links under those addresses (at the copy's own address it sent 'English' to
    …/en/kontakt, without the final slash): the switcher must simply lead where it says."""
    requests: list[str] = []
    page = opener.open("kontakt/", requests=requests, published=published)
    page.wait_for_load_state("networkidle")
    assert page.evaluate("document.documentElement.classList.contains('js')"), "Material's script did not run"
    english = page.get_by_role("link", name="English", exact=True)
    assert english.count() == 1, "one link named 'English' on the page: the switcher's"
    assert english.evaluate("a => !!a.closest('nav.et-languages')")
    with page.expect_navigation(wait_until="load"):
        english.click()
    assert page.url == opener.url("en/kontakt/", published), page.url
    page.wait_for_load_state("networkidle")
    assert page.evaluate("document.documentElement.lang") == "en"
    assert page.evaluate("document.documentElement.classList.contains('js')"), "Material's script did not run"
    assert page.locator("nav.et-languages a[aria-current='page']").get_attribute("hreflang") == "en"
    assert [url for url in requests if is_sitemap(url)] == []
    assert opener.url("en/kontakt/", published) in requests


# --- search ------------------------------------------------------------------------------

WORD = re.compile(r"[^\W\d_]{6,}")


def word_only_in(copy_dir, code: str) -> str:
    """A word from the headings translators wrote for `code`'s front page that no other
    language's search index holds (so a hit can only come from `code`'s own pages)."""
    others = " ".join(str(search_index(copy_dir, other)).lower() for other in CODES if other != code)
    for heading in template_headings(code, "front"):
        for word in WORD.findall(heading):
            if word.lower() not in others:
                return word
    pytest.fail(f"no word of {code}'s front page headings is missing from every other language's search index")


def search(page, word: str) -> tuple[int, str]:
    """Type `word` into the search field; (number of results, the result line) once it has run."""
    field = page.locator(".md-search__input")
    meta = page.locator(".md-search-result__meta")
    # Search loads when it is first used (content/assets/et-lazy-search.js): the result line
    # says "initialising" (as the page was served) until the index is in, then Material answers
    # the empty query with "type to start searching". Wait for that before typing, so the
    # first answer is to the whole word and not to the letters typed before the index came.
    served = BeautifulSoup(page.request.get(page.url).text(), "html.parser")
    initialising = served.select_one(".md-search-result__meta").get_text()
    field.click()
    page.wait_for_function("([selector, initialising]) => document.querySelector(selector).textContent"
                           " !== initialising", arg=[".md-search-result__meta", initialising])
    before = meta.inner_text()  # "type to start searching", in the page's language
    page.keyboard.type(word)
    # Playwright types letters outside the US keyboard as inserted text, with no key events;
    # Material searches on keyup, so press a key that changes nothing, as a real keyboard would.
    page.keyboard.press("End")
    page.wait_for_function("([selector, before]) => document.querySelector(selector).innerText !== before",
                           arg=[".md-search-result__meta", before])
    return page.locator(".md-search-result__item").count(), meta.inner_text()


@pytest.mark.parametrize("code", [c for c in ("uk", "pl", "ar", "en") if c in OTHERS])
def test_a_word_of_the_language_is_found_by_its_search(opener, copy_dir, code):
    word = word_only_in(copy_dir, code)
    page = opener.open(prefix(code))
    found, said = search(page, word)
    assert found > 0, f"{code}: searching {word!r} on the {code} front page found nothing ({said!r})"


def test_a_bokmal_only_word_is_not_found_on_the_ukrainian_site(opener, copy_dir):
    word = word_only_in(copy_dir, DEFAULT)
    bokmal = opener.open(prefix(DEFAULT))
    assert search(bokmal, word)[0] > 0, f"{word!r} should be found on the bokmål site"
    page = opener.open(prefix("uk"))
    found, said = search(page, word)
    assert found == 0, f"searching {word!r} on the Ukrainian site found {found} results ({said!r})"


# --- Arabic, right to left ------------------------------------------------------------------

LAYOUT = """() => {
  const box = e => { const r = e.getBoundingClientRect(); return {left: r.left, right: r.right, width: r.width}; };
  const heading = document.querySelector('article h2');
  const range = document.createRange();
  range.selectNodeContents(heading);
  const side = document.querySelector('.md-sidebar--primary');
  return {
    body: getComputedStyle(document.body).direction,
    article: getComputedStyle(document.querySelector('article')).direction,
    align: getComputedStyle(heading).textAlign,
    heading: box(heading),
    headingText: box(range),
    sideShown: !!side && side.getClientRects().length > 0 && getComputedStyle(side).visibility !== 'hidden',
    side: side && box(side),
    content: box(document.querySelector('.md-content')),
  };
}"""

# Each phone number: its direction, and whether the '+' is drawn left of the last digit (read as +47 …).
PHONES = """() => [...document.querySelectorAll('a[href^="tel:"]')].map(a => {
  const style = getComputedStyle(a);
  const text = a.firstChild;
  const at = i => { const r = document.createRange(); r.setStart(text, i); r.setEnd(text, i + 1);
                    return r.getBoundingClientRect(); };
  const plus = text.data.indexOf('+');
  return {text: text.data, direction: style.direction, bidi: style.unicodeBidi,
          plusFirst: plus < 0 || at(plus).left < at(text.data.length - 1).left};
})"""


@pytest.fixture
def arabic(opener):
    return opener.open(prefix("ar"), viewport=DESKTOP)


def test_the_arabic_page_runs_right_to_left_and_is_right_aligned(arabic):
    layout = arabic.evaluate(LAYOUT)
    assert layout["body"] == "rtl" and layout["article"] == "rtl"
    assert layout["align"] in ("start", "right", "-webkit-right")
    heading, text = layout["heading"], layout["headingText"]
    assert text["width"] < heading["width"], "the heading should be shorter than its line for this check"
    assert abs(text["right"] - heading["right"]) <= 2, f"the heading's text is not on the right: {layout}"
    assert text["left"] > heading["left"] + 2


def test_the_arabic_menu_is_on_the_right_of_the_content_at_1280px(arabic):
    layout = arabic.evaluate(LAYOUT)
    assert layout["sideShown"], "the menu sidebar is not shown at 1280 px"
    side, content = layout["side"], layout["content"]
    assert side["left"] >= content["right"] - 1, f"menu {side}, content {content}"


def test_phone_numbers_read_left_to_right_on_the_arabic_page(arabic):
    phones = arabic.evaluate(PHONES)
    assert phones, "the Arabic front page shows a phone number"
    wrong = [p for p in phones if not (p["direction"] == "ltr" or p["bidi"] in ("isolate", "isolate-override",
                                                                                "plaintext")) or not p["plusFirst"]]
    assert wrong == [], wrong


def test_the_arabic_switcher_names_each_language_in_its_own_name(arabic):
    names = arabic.locator("nav.et-languages a").all_inner_texts()
    assert [n.strip() for n in names] == [OWN_NAMES[c] for c in CODES]


def test_a_screenshot_of_the_arabic_front_page_for_a_person(arabic):
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    shot = RESULTS_DIR / "ar-front.png"
    arabic.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
