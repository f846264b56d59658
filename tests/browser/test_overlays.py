"""Feature: a click beside the open menu or search closes it.

Material's click-to-close overlays were empty <label for> elements that screen readers
announced as nameless labels; they are now plain divs hidden from assistive technology
(tests/site/test_landmarks.py), and assets/et-a11y.js closes the panel on a click. This
checks the pointer still works as before (keyboard users close with Escape or the close
button: test_keyboard.py).
"""

from __future__ import annotations

import pytest

from tests.support.browser import DESKTOP, PHONE

from .test_axe import open_menu, open_search

pytestmark = pytest.mark.browser


def test_a_click_on_the_overlay_beside_the_menu_closes_it(opener):
    page = opener.open("", viewport=PHONE)
    open_menu(page)
    drawer_width = page.locator("#et-drawer").bounding_box()["width"]
    assert drawer_width < PHONE["width"] - 20, "the open menu leaves no overlay to click beside it"
    page.mouse.click(PHONE["width"] - 10, PHONE["height"] // 2)
    page.locator("#et-drawer").wait_for(state="hidden")
    assert not page.locator("#__drawer").is_checked()
    assert page.locator(".et-menu-button").get_attribute("aria-expanded") == "false"


def test_a_click_on_the_overlay_below_the_search_closes_it(opener):
    page = opener.open("", viewport=DESKTOP)
    open_search(page, narrow=False)
    overlay = page.locator(".md-search__overlay")
    overlay.wait_for(state="visible")
    box = page.locator(".md-search__inner").bounding_box()
    assert box["x"] > 40, "the search dialog leaves no overlay to click beside it"
    x, y = box["x"] / 2, DESKTOP["height"] - 20  # beside and below the dialog
    assert page.evaluate("([x, y]) => document.elementFromPoint(x, y).className", [x, y]) == "md-search__overlay"
    page.mouse.click(x, y)
    page.locator(".md-search__output").wait_for(state="hidden")
    assert not page.locator("#__search").is_checked()
