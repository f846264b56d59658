"""Feature: the Content Security Policy holds in the browser, and nothing leaves the local server.

Every request and every policy violation (the securitypolicyviolation event, in
every frame, and Chromium's console messages) is recorded while each kind of
page loads and while search is used. Zero violations, zero requests elsewhere.
A control at the end of each page proves the policy is in force and the
recorder works: an inline script without a hash is refused and reported.
"""

from __future__ import annotations

import pytest

from tests.support.expected import COPY

from .support import FRAGMENT_HOST, TEMPLATE_PAGES, redirect_pages, resolve

pytestmark = pytest.mark.browser

RECORDER = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  const v = e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber;
  window.__cspViolations.push(v);
  console.error('CSP violation: ' + v);
});
"""

CONTROL = """() => {
  window.__controlRan = false;
  const s = document.createElement('script');
  s.textContent = 'window.__controlRan = true;';
  document.head.appendChild(s);
  return window.__controlRan;
}"""


class Recorder:
    """Requests and CSP complaints of one browser context (all its pages and frames)."""

    def __init__(self, opener):
        self.opener = opener
        self.context = opener.context()
        self.context.add_init_script(RECORDER)
        self.requests: list[str] = []
        self.console: list[str] = []
        self.context.on("request", lambda request: self.requests.append(request.url))

    def page(self):
        page = self.context.new_page()
        page.on("console", lambda message: self.console.append(message.text))
        return page

    def elsewhere(self) -> list[str]:
        own = (self.opener.server.origin + "/", self.opener.base_url)  # the 404 page's origin is routed locally
        return [url for url in self.requests if not url.startswith(own) and not url.startswith("data:")]

    def complaints(self) -> list[str]:
        return [text for text in self.console if "Content Security Policy" in text or "CSP violation" in text]


def violations(frame) -> list[str]:
    return frame.evaluate("window.__cspViolations || ['no recorder in this frame']")


def assert_policy_in_force(frame, where: str) -> None:
    ran = frame.evaluate(CONTROL)
    assert ran is False, f"{where}: an inline script without a hash ran: no policy in force"
    frame.wait_for_function("window.__cspViolations.length > 0")
    assert any(v.startswith("script-src") for v in violations(frame)), f"{where}: the refusal was not reported"


PAGES = {kind: path for kind, path in TEMPLATE_PAGES.items()}


@pytest.mark.parametrize("kind", list(PAGES))
def test_a_page_loads_without_violations_or_requests_elsewhere(opener, kind):
    recorder = Recorder(opener)
    page = recorder.page()
    page.goto(opener.url(PAGES[kind]), wait_until="load")
    page.wait_for_load_state("networkidle")  # Material fetches the search index after load
    where = f"{COPY}/{PAGES[kind] or '(front page)'}"
    assert violations(page) == [], where
    assert recorder.complaints() == [], where
    assert recorder.elsewhere() == [], where
    assert len(recorder.requests) >= 3, f"{where}: the recorder saw no page resources"
    assert_policy_in_force(page, where)


def test_search_runs_without_violations_or_requests_elsewhere(opener):
    recorder = Recorder(opener)
    page = recorder.page()
    page.goto(opener.url(""), wait_until="load")
    page.locator(".md-search__input").click()
    page.keyboard.type("kurs")
    page.locator(".md-search-result__item").first.wait_for(state="visible")
    page.wait_for_load_state("networkidle")
    assert violations(page) == []
    assert recorder.complaints() == []
    assert recorder.elsewhere() == []
    assert any(url.endswith("search_index.json") for url in recorder.requests), "search did not load its index"
    assert any("/workers/search." in url for url in recorder.requests), "search ran without its worker"


def test_the_embedded_course_page_in_an_iframe_runs_without_violations(opener, built):
    recorder = Recorder(opener)
    page = recorder.page()
    src = opener.url("embed/courses/")
    frame_tag = f'<iframe src="{src}" title="Kommende kurs" width="800" height="900"></iframe>'
    page.route("**/vertsside.html", lambda route: route.fulfill(
        content_type="text/html; charset=utf-8", body=FRAGMENT_HOST.format(fragment=frame_tag)))
    page.goto(opener.server.origin + "/vertsside.html", wait_until="load")
    frame = page.frame(url=src)
    assert frame is not None, "the iframe did not load the course page"
    frame.wait_for_load_state("load")
    assert frame.locator("h1").first.is_visible()
    assert violations(frame) == []
    assert recorder.complaints() == []
    assert recorder.elsewhere() == []
    assert_policy_in_force(frame, "embed/courses/ in an iframe")


def test_a_redirect_page_sends_on_without_violations(opener, built):
    old, (_, target) = next(iter(redirect_pages(built.copy_dir(COPY)).items()))
    recorder = Recorder(opener)
    page = recorder.page()
    page.goto(opener.url(old), wait_until="load")
    page.wait_for_url(lambda url: not url.rstrip("/").endswith(old.rstrip("/")))
    page.wait_for_load_state("networkidle")
    assert page.url == resolve(opener.url(old), target)
    assert violations(page) == []
    assert recorder.complaints() == []
    assert recorder.elsewhere() == []
