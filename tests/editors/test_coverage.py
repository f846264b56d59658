"""Agreement coverage: every minimum-list item with the pages that present it, read off the pages."""

from __future__ import annotations

import re
from datetime import date

import pytest
from bs4 import BeautifulSoup

from etablerer.inputs.addresses import COVERAGE_SRC
from etablerer.inputs.errors import DataErrors
from etablerer.render.pages import generated_pages
from etablerer.reports.coverage import content_pages, coverage
from etablerer.reports.coveragepage import with_coverage_page
from tests.support.edits import edit
from tests.support.project import project_copy, run_etablerer

from .conftest import view_on

AFTER = date(2026, 11, 27)  # the source agreement has ended
DURING = date(2025, 6, 1)


def pages_of(view) -> dict[str, str]:
    return {p.src_uri: p.markdown for p in with_coverage_page(view, generated_pages(view))}


@pytest.fixture
def after(project):
    view = view_on(project, AFTER)
    return view, pages_of(view)


def test_every_minimum_item_is_listed_with_a_page_that_has_its_anchor(after):
    view, pages = after
    cov = coverage(view, pages)
    assert [e.item.id for e in cov.items] == [i.id for i in view.agreement.minimum_items]
    for entry in cov.items:
        assert entry.pages, entry.item.id
        for p in entry.pages:
            if p.anchor:
                assert re.search(rf'#{p.anchor}\b|id="{p.anchor}"', pages[p.src_uri]), (entry.item.id, p)


def test_the_coverage_page_shows_each_item_text_and_links(after):
    view, pages = after
    soup = BeautifulSoup(pages[COVERAGE_SRC], "html.parser")
    rows = soup.select("table.et-coverage tbody tr")
    assert len(rows) == len(view.agreement.minimum_items)
    for row, item in zip(rows, view.agreement.minimum_items, strict=True):
        assert item.text in row.th.get_text()
        assert row.td.find("a"), f"no page linked for {item.id}"
    visible = soup.get_text(" ")
    for org_id in view.agreement.visibility.organisations:
        assert view.organisation(org_id).name in visible


def test_the_guidance_page_counts_through_the_service_it_presents(after):
    view, pages = after
    cov = coverage(view, pages)
    guidance = next(e for e in cov.items if e.item.id == "veiledning")
    assert "veiledning.md" in [p.src_uri for p in guidance.pages]


def test_an_ended_agreement_is_described_as_that_period(project):
    ended = pages_of(view_on(project, AFTER))[COVERAGE_SRC]
    current = pages_of(view_on(project, DURING))[COVERAGE_SRC]
    assert "Avtalen er utløpt" in ended and "beskriver hva avtalen krevde i avtaleperioden" in ended
    assert "Avtalen er utløpt" not in current


def test_an_editors_content_page_with_a_marker_counts(project):
    (project / "content" / "temakveld.md").write_text(
        '# Temakveld\n\n<p data-minimum-item="temakurs">Vi holder temakvelder.</p>\n', encoding="utf-8")
    view = view_on(project, AFTER)
    cov = coverage(view, {**pages_of(view), **content_pages(project / "content")})
    temakurs = next(e for e in cov.items if e.item.id == "temakurs")
    assert "temakveld.md" in [p.src_uri for p in temakurs.pages]


def test_an_item_no_page_presents_fails_naming_the_item(after):
    view, pages = after
    without = {src: md for src, md in pages.items() if src not in ("tilbud.md", "index.md", "veiledning.md")}
    with pytest.raises(DataErrors) as raised:
        coverage(view, without)
    messages = [str(e) for e in raised.value.errors]
    assert len(messages) == len(view.agreement.minimum_items)
    assert any(m.startswith("data/agreements.yml:") and "'temakurs'" in m for m in messages)


@pytest.mark.build
def test_the_build_fails_when_the_offer_page_drops_an_item(tmp_path):
    """End to end, with a project whose bokmål offer template skips 'temakurs'.

    The coverage is read off the bokmål pages (the original); the English offer
    template still lists every item, so only the bokmål one is changed.
    """
    root = project_copy(tmp_path / "project")
    edit(root / "languages" / "nb" / "pages" / "offer.md",
         "{% for item in a.minimum_items %}", '{% for item in a.minimum_items if item.id != "temakurs" %}')
    site = root / "site"
    check = run_etablerer(root, AFTER, "check", "--root", str(root))
    build = run_etablerer(root, AFTER, "build", "--root", str(root), "--site", str(site))
    for run in (check, build):
        assert run.returncode == 1, run.stdout + run.stderr
        assert "ingen side på nettstedet viser punktet 'temakurs' på minimumslista" in run.stderr
        assert "Traceback" not in run.stderr
    assert not site.exists()
