"""Feature: hostile text in data and Markdown is inert in the browser, by escaping alone.

A copy of the project gets a course whose text fields, and a content page whose
Markdown, hold script tags, event-handler attributes, javascript: and data: URLs
(mixed case, entities, white space) and comments that try to close the page. It
is built with the Content Security Policy switched off (ETABLERER_CSP=off, a
test-only switch), so only the escaping stands between the text and the reader.
Chromium loads the pages: no dialog may open and the text is shown as text.
Active HTML written as HTML in an editor's Markdown is refused by `make check`
(etablerer.activehtml); see the last test.
"""

from __future__ import annotations

import json

import pytest

from tests.support.browser import route_copy_base, serve
from tests.support.edits import edit_file
from tests.support.environ import PINNED_DAY, pinned_environ, switched_off
from tests.support.project import project_copy, run_etablerer
from tests.support.site import build

pytestmark = [pytest.mark.browser, pytest.mark.build, pytest.mark.slow]

# Each calls alert()/confirm()/prompt() if it ever runs; every one is a different attempt.
HOSTILE = [
    '<script>alert("s1")</script>',
    '<ScRiPt >confirm("s2")</sCrIpT>',
    '<img src=x onerror=alert("s3")>',
    '<svg/onload=prompt("s4")>',
    '<a href="JaVaScRiPt:alert(\'s5\')">lenke</a>',
    '<a href="jav&#x09;ascript:alert(\'s6\')">lenke</a>',
    '<a href=" &#106;avascript:alert(\'s7\')">lenke</a>',
    '<iframe src="data:text/html,<script>alert(\'s8\')</script>"></iframe>',
    '--></script><script>alert("s9")</script><!--',
    '"></title></head><body onload=alert("s10")>',
    '</textarea><img src=x onerror=alert("s11")>',
    '\u2028</script><script>alert("s12")</script>',
]
HOSTILE_TEXT = " ".join(HOSTILE)

COURSE = "hostile-course-2027"
PAGE = "farlig.md"


def course_yaml() -> str:
    text = json.dumps(HOSTILE_TEXT)  # a JSON string is a valid YAML double-quoted scalar
    return f"""sample: true
id: {COURSE}
title: {json.dumps('Kurs ' + HOSTILE[0] + ' ' + HOSTILE[8])}
kind: theme
description: {text}
sessions:
  - id: kveld
    date: 2027-03-09
    start: 18:00
    end: 20:00
format: online
online_url: https://example.com/kurs/{COURSE}
languages: [nb]
price: 0
capacity: 40
registration:
  url: https://example.com/pamelding/{COURSE}
  deadline: 2027-03-01
target_group: {text}
practical: {text}
"""


# Markdown that is allowed (activehtml lets it through) but looks dangerous: code,
# entities and comment closers. It must stay text.
MARKDOWN = """# Farlig tekst

Kode: `<script>alert("m1")</script>` og `<img src=x onerror=alert("m2")>`.

Entiteter: &lt;script&gt;alert("m3")&lt;/script&gt; og &#60;img src=x onerror=alert("m4")&#62;.

Kommentar som prøver å lukke siden: --&gt;&lt;/body&gt; --> </body></html> -->

```html
<script>alert("m5")</script>
<a href="javascript:alert('m6')">lenke</a>
```
"""


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    root = project_copy(tmp_path_factory.mktemp("hostile") / "project")
    (root / "data" / "courses" / f"{COURSE}.yml").write_text(course_yaml(), encoding="utf-8")
    (root / "content" / PAGE).write_text(MARKDOWN, encoding="utf-8")
    edit_file(root / "mkdocs.yml", lambda t: t.replace("  - Forside: index.md\n",
                                                         "  - Forside: index.md\n  - Farlig: farlig.md\n", 1))
    # Only the escaping stands between the text and the reader: no policy, and the validator,
    # which refuses tags in data texts (test_the_validator_refuses_the_hostile_course), lets them by.
    with switched_off("ETABLERER_CSP", "ETABLERER_PLAIN_TEXT"):
        site = build(root, root.parent / "site")
    local = serve(site.out)
    yield site, local
    local.stop()


def test_the_hostile_build_has_no_policy_so_only_escaping_protects(hostile):
    site, _ = hostile
    copy = site.copies[0]
    assert "Content-Security-Policy" not in site.file(copy, f"kurs/{COURSE}/").read_text("utf-8")


PAGES = [f"kurs/{COURSE}/", "kurs/", "farlig/", "", "embed/courses/"]


@pytest.mark.parametrize("path", PAGES)
def test_nothing_runs_and_the_text_is_shown_as_text(browser, hostile, path):
    site, local = hostile
    copy = site.copies[0]
    context = browser.new_context(locale="nb-NO")
    context.set_default_timeout(15_000)
    route_copy_base(context, local, copy, site.base_url(copy))
    dialogs, errors = [], []
    try:
        page = context.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(local.url(copy, path), wait_until="load")
        page.wait_for_load_state("networkidle")
        for link in page.locator("main a").all():  # a javascript: link would run when followed
            if (link.get_attribute("href") or "").lower().lstrip().startswith(("javascript", "jav", "data")):
                link.click()
        text = page.locator("body").inner_text()
        assert dialogs == [], f"code from the text ran on {path}"
        assert errors == [], f"scripts failed on {path}"
        if path == f"kurs/{COURSE}/":
            for attempt in HOSTILE:
                assert " ".join(attempt.split()) in " ".join(text.split()), f"not shown as text: {attempt}"
            assert page.locator("main script:not([type])").count() == 0 or all(
                "alert" not in s for s in page.locator("main script").all_inner_texts())
            assert page.locator("main img[src=x], main svg[onload], main iframe").count() == 0
        if path == "farlig/":
            for shown in ('<script>alert("m1")</script>', '<script>alert("m3")</script>',
                          '<img src=x onerror=alert("m4")>', "--></body>", '<script>alert("m5")</script>'):
                assert shown in text, f"not shown as text: {shown}"
            # Stray closing tags and comment ends do not cut the page short: the footer follows.
            assert "Sist oppdatert" in text.split("Kommentar som")[-1]
    finally:
        context.close()


def test_the_ld_json_of_the_hostile_course_cannot_close_its_script_element(hostile):
    site, _ = hostile
    raw = site.file(site.copies[0], f"kurs/{COURSE}/").read_text("utf-8")
    for block in raw.split('<script type="application/ld+json">')[1:]:
        assert "</script" not in block.split("</script>")[0].lower()
        json.loads(block.split("</script>")[0])


@pytest.mark.parametrize("markdown", [
    '<script>alert("x")</script>',
    '<SCRIPT src="https://evil.example/x.js"></SCRIPT>',
    '<img src=x onerror=alert(1)>',
    'Tekst {: onclick="alert(1)" }',
    '[klikk](JaVa&#x09;Script:alert(1))',
    '<a href=" javascript:alert(1)">klikk</a>',
    '<iframe src="data:text/html,hei"></iframe>',
])
def test_active_html_in_an_editors_markdown_is_refused_with_file_and_line(tmp_path, markdown):
    root = project_copy(tmp_path / "project")
    (root / "content" / PAGE).write_text(f"# Side\n\nTekst.\n{markdown}\n", encoding="utf-8")
    result = run_etablerer(root, PINNED_DAY, "check")
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"content/{PAGE}:4: " in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert pinned_environ()  # the same environment as the other builds
