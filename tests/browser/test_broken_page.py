"""Feature: the checks catch a broken page, naming the rule and the element.

A throw-away copy of the project gets an image without alt text and a
low-contrast colour; its build must make axe report both, each with its
rule id and a selector of the element, in the words a failing run prints.
"""

from __future__ import annotations

import pytest

from tests.support.browser import DESKTOP, route_copy_base, serve
from tests.support.edits import edit_file
from tests.support.expected import COPY
from tests.support.project import project_copy
from tests.support.site import build

from .support import run_axe

pytestmark = [pytest.mark.browser, pytest.mark.build, pytest.mark.slow]

BROKEN_MARKDOWN = """

<p><img src="../assets/logos/gammelfylket.svg" class="et-broken-image" width="90" height="30"></p>

<p class="et-broken-contrast">Denne teksten er nesten usynlig.</p>
"""
BROKEN_CSS = "\n.et-broken-contrast { color: #c8c8c8; }\n"


def test_an_image_without_alt_and_low_contrast_fail_with_rule_and_element(tmp_path, browser):
    project = project_copy(tmp_path / "project")
    edit_file(project / "content" / "ordliste.md", lambda text: text + BROKEN_MARKDOWN)
    edit_file(project / "content" / "assets" / "site.css", lambda text: text + BROKEN_CSS)
    broken = build(project, tmp_path / "site")

    server = serve(broken.out)
    context = browser.new_context(viewport=DESKTOP)
    try:
        route_copy_base(context, server, COPY, broken.base_url(COPY))
        page = context.new_page()
        page.goto(server.url(COPY, "ordliste/"), wait_until="load")
        violations, _ = run_axe(page)
    finally:
        context.close()
        server.stop()

    by_rule = {v.rule: v for v in violations}
    assert "image-alt" in by_rule, f"axe missed the image without alt: {sorted(by_rule)}"
    assert "color-contrast" in by_rule, f"axe missed the low contrast: {sorted(by_rule)}"
    assert any("et-broken-image" in t for t in by_rule["image-alt"].targets), by_rule["image-alt"].targets
    assert any("et-broken-contrast" in t for t in by_rule["color-contrast"].targets), by_rule["color-contrast"].targets

    # What a failing run prints: rule, page and element.
    report = by_rule["color-contrast"].describe("moss/ordliste/ [nb, 1280 px]")
    assert report.startswith("color-contrast (serious) on moss/ordliste/")
    assert "element: .et-broken-contrast" in report
    assert "element: " in by_rule["image-alt"].describe("x") and "et-broken-image" in by_rule["image-alt"].describe("x")
