"""Feature: a second engine, IBM's accessibility-checker-engine (IBM Accessibility 7.3),
finds nothing on any page type in any language that is not on the reviewed list.

axe (test_axe.py) is tuned to; a second engine with other rules catches what it misses
(the unnamed sample notice, the empty overlay labels, the logo exposed as an unnamed image
were found that way). Every page type of the fixture is checked in every language at
1280 px, and in bokmål and Arabic also with the menu open (375 px) and with search open.
Its violations and potential violations fail unless tests/browser/ibm_reviewed.yml lets
that rule through on that element of that page, with a reason (see ibm.py for the levels).
The planted-landmark test shows the check can fail.
"""

from __future__ import annotations

import pytest

from tests.support.browser import DESKTOP, NOT_FOUND_PATH, PHONE
from tests.support.expected import COPY

from .ibm import REVIEWED_FIELDS, reviewed_entries, rule_ids, run_ibm, unreviewed
from .support import LANGUAGES, RTL, TEMPLATE_PAGES, site_pages
from .test_axe import open_menu, open_search

pytestmark = pytest.mark.browser

LANGUAGE_PARAMS = [pytest.param(language, prefix, id=language) for language, prefix in LANGUAGES]
# The states that add to the page what a closed page does not have: the drawer and its
# overlay, the search dialog with results. In bokmål and in Arabic (right to left).
STATES = [
    pytest.param(language, prefix, state, id=f"{state.replace(' ', '-')}-{language}")
    for language, prefix in LANGUAGES if language in ("nb", RTL)
    for state in ("menu open", "search open")
]


def report(where: str, findings) -> str:
    return (f"{len(findings)} IBM finding(s) not on tests/browser/ibm_reviewed.yml (fix the page, or "
            "review the finding and add it there with the reason):\n"
            + "\n".join(f.describe(where) for f in findings))


def page_types_of(copy_dir, language: str, prefix: str) -> dict[str, str]:
    """The page types the language has in the copy: {template: path}. A page not translated
    into a language has no page there (its readers are led to the bokmål one, checked in
    bokmål); the 404 page every language has."""
    pages = set(site_pages(copy_dir, language))
    found = {template: prefix + path for template, path in TEMPLATE_PAGES.items()
             if prefix + path in pages or (path == NOT_FOUND_PATH and (copy_dir / prefix / "404.html").is_file())}
    return found


@pytest.mark.parametrize("language,prefix", LANGUAGE_PARAMS)
def test_every_page_type_in_every_language_has_no_unreviewed_finding(opener, built, language, prefix):
    pages = page_types_of(built.copy_dir(COPY), language, prefix)
    assert {"front", "404"} <= set(pages), f"{language}: no front page or 404 page in {COPY}"
    if language == "nb":
        assert set(pages) == set(TEMPLATE_PAGES), f"bokmål lacks page types: {set(TEMPLATE_PAGES) - set(pages)}"
    failures = []
    for template, path in pages.items():
        page = opener.open(path, viewport=DESKTOP)
        page.wait_for_load_state("networkidle")
        found = unreviewed(run_ibm(page, path))
        if found:
            failures.append(report(f"{template} page /{path} [{language}, 1280 px]", found))
        page.context.close()
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("language,prefix,state", STATES)
def test_menu_and_search_open_have_no_unreviewed_finding(opener, language, prefix, state):
    narrow = state == "menu open"
    page = opener.open(prefix, viewport=PHONE if narrow else DESKTOP)
    page.wait_for_load_state("networkidle")
    if narrow:
        open_menu(page)
    else:
        open_search(page, narrow=False, language=language)
    found = unreviewed(run_ibm(page, prefix))
    assert not found, report(f"front page /{prefix} [{language}, {state}]", found)


@pytest.mark.parametrize("planted,rule", [
    ("<aside><p>Ukjent tillegg</p></aside>", "aria_complementary_labelled"),
    ("<label for='et-nowhere'></label>", "label_content_exists"),
])
def test_a_planted_fault_fails_the_check(opener, planted, rule):
    """An unnamed landmark (or an empty label) put into a page that passes is found, and no
    reviewed entry lets it through."""
    page = opener.open("", viewport=DESKTOP)
    page.wait_for_load_state("networkidle")
    assert not unreviewed(run_ibm(page, "")), "the front page must pass before anything is planted"
    page.evaluate("html => document.querySelector('main article').insertAdjacentHTML('beforeend', html)",
                  planted)
    found = unreviewed(run_ibm(page, ""))
    assert rule in {f.rule for f in found}, f"planted {planted}: not reported as {rule}; found {found}"


def test_every_reviewed_entry_names_a_rule_where_and_why(opener):
    entries = reviewed_entries()
    known = rule_ids(opener.open("", viewport=DESKTOP))
    problems = []
    for number, entry in enumerate(entries, 1):
        if not isinstance(entry, dict) or set(entry) != set(REVIEWED_FIELDS):
            problems.append(f"entry {number}: needs exactly the fields {', '.join(REVIEWED_FIELDS)}")
            continue
        empty = [name for name in REVIEWED_FIELDS if not str(entry[name] or "").strip()]
        if empty:
            problems.append(f"entry {number} ({entry['rule']}): empty {', '.join(empty)}")
        if entry["rule"] not in known:
            problems.append(f"entry {number}: {entry['rule']!r} is no rule of the IBM_Accessibility policy")
    assert not problems, "tests/browser/ibm_reviewed.yml:\n" + "\n".join(problems)
