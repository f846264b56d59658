"""After a build: a short summary printed, the full report in site/_report/, outside every copy."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest
import yaml
from bs4 import BeautifulSoup

from tests.support.project import project_copy, run_etablerer

pytestmark = pytest.mark.build

DAY = date(2026, 11, 27)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = project_copy(tmp_path_factory.mktemp("report") / "project")
    run = run_etablerer(root, DAY, "build", "--root", str(root), "--site", str(root / "site"))
    assert run.returncode == 0, run.stderr
    return root, run


# "merknad: uk: 4 sider og 46 tekster i data/ er ikke oversatt (liste: …)": one line per language.
TRANSLATION_NOTE = re.compile(r"merknad: ([a-z]{2,3}): (\d+) sider? og (\d+) tekst(?:er)? i data/ er ikke oversatt "
                              r"\(liste: site/_report/translations\.txt\)")


def test_the_build_prints_a_short_summary(built):
    _, run = built
    notes = [line for line in run.stdout.splitlines() if line.startswith("merknad: ")
             and not TRANSLATION_NOTE.fullmatch(line)]
    report = json.loads((built[0] / "site" / "_report" / "health.json").read_text(encoding="utf-8"))
    kinds = {f["kind"] for f in report["findings"]}
    assert len(notes) == len(kinds) < len(report["findings"])  # one line per kind, not per finding
    assert f"Innholdet har {len(report['findings'])} merknader" in run.stdout
    assert "hele rapporten: site/_report/index.html" in run.stdout
    # The last line: where the site is and how to look at it.
    assert run.stdout.splitlines()[-1].startswith("Nettstedet ligger i site/: ")
    assert "python3 -m http.server -d site" in run.stdout.splitlines()[-1]


def test_the_build_sums_up_missing_translations_per_language(built):
    root, run = built
    # The full list: one line per missing page or text, "uk: side om.md" / "uk: tekst data/x.yml:8 title".
    listed = (root / "site" / "_report" / "translations.txt").read_text(encoding="utf-8").splitlines()
    region = yaml.safe_load((root / "data" / "region.yml").read_text(encoding="utf-8"))
    expected = []
    for code in region["languages"][1:]:  # every language but bokmål, in the order of data/region.yml
        pages = sum(line.startswith(f"{code}: side ") for line in listed)
        texts = sum(line.startswith(f"{code}: tekst ") for line in listed)
        if pages or texts:
            expected.append((code, str(pages), str(texts)))
    summary = [m.groups() for m in map(TRANSLATION_NOTE.fullmatch, run.stdout.splitlines()) if m]
    assert summary == expected
    assert len(expected) == len(region["languages"]) - 1  # the shipped drafts miss something in every language


def test_the_full_report_lists_every_finding_and_the_coverage(built):
    root, _ = built
    report = json.loads((root / "site" / "_report" / "health.json").read_text(encoding="utf-8"))
    html = BeautifulSoup((root / "site" / "_report" / "index.html").read_text(encoding="utf-8"), "html.parser")
    listed = [li.get_text(" ", strip=True) for li in html.select("main ul li")]
    for finding in report["findings"]:
        assert any(finding["message"] in text and finding["where"] in text for text in listed), finding
    assert report["coverage"]["ended"] is True
    assert all(item["pages"] for item in report["coverage"]["items"])
    assert html.find("meta", attrs={"name": "robots", "content": "noindex"})


def test_the_report_is_in_no_copy(built):
    root, _ = built
    site = root / "site"
    copies = [p for p in site.iterdir() if p.is_dir() and not p.name.startswith("_")]
    assert copies
    for copy in copies:
        assert not list(copy.rglob("_report")), copy.name
        assert not list(copy.rglob("health.json")), copy.name


def test_the_coverage_page_is_linked_from_the_about_page(built):
    root, _ = built
    copy = root / "site" / "moss"
    about = BeautifulSoup((copy / "om" / "index.html").read_text(encoding="utf-8"), "html.parser")
    link = about.find("a", href="avtalens-krav/")
    assert link is not None
    page = BeautifulSoup((copy / "om" / "avtalens-krav" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert page.h1.get_text(strip=True) == "Slik oppfyller nettstedet avtalen"
    for a in page.select("table.et-coverage a"):
        href = a["href"]
        target = (copy / "om" / "avtalens-krav" / href.split("#")[0] / "index.html").resolve()
        assert target.is_file(), href
        anchor = href.split("#")[1] if "#" in href else None
        if anchor:
            assert BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser").find(id=anchor), href
