"""Plain language in the health report: LIX per page, the target for the pages a citizen needs most
(a finding when missed), long sentences; on a project copy of the fixture at its pinned date."""

from __future__ import annotations

from datetime import date
from html.parser import HTMLParser

from etablerer.reports.health import findings, report_html
from etablerer.reports.readability import LIX_TARGET, TARGET_PAGES, readability
from tests.support.project import run_etablerer

from .conftest import plain_contact_page, view_on

DAY = date(2026, 11, 27)
CONTACT = "languages/nb/pages/contact.md"


def lix_findings(root) -> list:
    return [f for f in findings(view_on(root, DAY)) if f.kind in ("plain-language", "long-sentence")]


def test_a_page_over_the_target_is_a_finding_and_one_under_is_not(project):
    lix = readability(view_on(project, DAY))
    pages = {p.name: p for p in lix.pages}
    assert [p.name for p in lix.pages[:len(TARGET_PAGES)]] == list(TARGET_PAGES)
    assert pages["kontakt.md"].lix > LIX_TARGET and pages["index.md"].lix <= LIX_TARGET
    found = lix_findings(project)
    assert [f.kind for f in found] == ["plain-language"]
    assert found[0].where.startswith(f"{CONTACT}:")
    assert f"kontakt.md har LIX {pages['kontakt.md'].lix:.0f}, over målet {LIX_TARGET}" in found[0].message
    assert "«" in found[0].message  # the hardest sentence, quoted


def test_plainer_wording_removes_the_finding(project):
    plain_contact_page(project)
    assert readability(view_on(project, DAY)).over_target == ()
    assert lix_findings(project) == []


def test_a_page_not_among_the_targets_is_reported_but_no_finding(project):
    page = project / "languages" / "nb" / "pages" / "privacy.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n<p>Personopplysningsforskriftens saksbehandlingsregler "
                    "forutsetter omfattende dokumentasjonsforpliktelser for virksomheter.</p>\n", encoding="utf-8")
    plain_contact_page(project)
    lix = readability(view_on(project, DAY))
    privacy = next(p for p in lix.pages if p.name == "personvern.md")
    assert privacy.target is None and "Personopplysningsforskriftens" in privacy.hardest[0].text
    assert lix_findings(project) == []


def test_a_sentence_over_40_words_is_a_finding_wherever_it_is(project):
    plain_contact_page(project)
    long = " ".join(["ord"] * 41)
    about = project / "languages" / "nb" / "pages" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + f"\n<p>{long}.</p>\n", encoding="utf-8")
    found = lix_findings(project)
    assert [f.kind for f in found] == ["long-sentence"]
    assert found[0].where.startswith("languages/nb/pages/about.md:") and "en setning på 41 ord" in found[0].message


class _Headings(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: list[str] = []

    def handle_starttag(self, tag, attrs):
        if dict(attrs).get("id"):
            self.ids.append(dict(attrs)["id"])


def test_the_report_has_a_plain_language_section_per_page(project):
    view = view_on(project, DAY)
    lix = readability(view)
    html = report_html(view, findings(view, lix=lix), None, lix)
    assert '<h2 id="plain-language">Klarspråk (LIX)</h2>' in html
    assert "Sider innbyggerne trenger mest, over LIX 40 (1)" in html
    parser = _Headings()
    parser.feed(html)
    assert len([i for i in parser.ids if i.startswith("lix-")]) == len(lix.pages)
    contact = next(p for p in lix.pages if p.name == "kontakt.md")
    assert f"LIX {contact.lix:.1f}, over målet {LIX_TARGET}" in html
    assert "Tekster fra data/ som vises på sidene" in html
    assert lix.texts and f"<code>{lix.texts[0].where}</code>" in html


def test_make_check_sums_up_the_target_pages_and_strict_fails_on_the_finding(project):
    run = run_etablerer(project, DAY, "check", "--strict")
    assert run.returncode == 1
    lines = run.stdout.splitlines()
    assert any(line.startswith(f"merknad: {CONTACT}:") and "kontakt.md har LIX" in line for line in lines)
    summary = next(line for line in run.stdout.splitlines() if line.startswith("Klarspråk: LIX "))
    front = next(p for p in readability(view_on(project, DAY)).pages if p.name == "index.md")
    assert "kontakt.md 42 (over)" in summary and f"index.md {front.lix:.0f}," in summary
