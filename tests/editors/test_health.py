"""Each content health finding, from temporary data that triggers it, and its absence otherwise.

The as-of date is chosen per case; findings() needs no MkDocs build.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PIL import Image

from etablerer.reports import health
from etablerer.reports.health import findings
from tests.fixtures import REPO
from tests.support.edits import edit

from .conftest import course_text, only_courses, view_on


def kinds(root: Path, day: date) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for f in findings(view_on(root, day)):
        out.setdefault(f.kind, []).append(str(f))
    return out


def of_kind(root: Path, day: date, kind: str) -> list[str]:
    return kinds(root, day).get(kind, [])


# --- the agreement period ------------------------------------------------------

def test_ended_agreement_with_no_newer_one_is_a_finding(project):
    found = of_kind(project, date(2026, 1, 15), "agreement-ended")
    assert len(found) == 1
    assert found[0].startswith("data/agreements.yml:")
    assert "sluttet 2025-12-31, og ingen nyere avtale er lagt inn" in found[0]


def test_no_agreement_finding_inside_the_period(project):
    assert of_kind(project, date(2025, 6, 1), "agreement-ended") == []


def test_a_newer_agreement_removes_the_finding(project):
    file = project / "data" / "agreements.yml"
    text = file.read_text(encoding="utf-8")
    item = text[text.index("  - id: gammelfylket-2022-2025"):]
    newer = (item.replace("id: gammelfylket-2022-2025", "id: sorfylket-2026-2029")
                 .replace("end: 2025-12-31}", "end: 2029-12-31}").replace("{start: 2022-01-01", "{start: 2026-01-01"))
    assert newer != item
    file.write_text(text.rstrip("\n") + "\n" + newer, encoding="utf-8")
    assert of_kind(project, date(2026, 1, 15), "agreement-ended") == []


# --- organisations past their validity --------------------------------------------

def test_viken_shown_after_it_ceased_is_a_finding(project):
    found = of_kind(project, date(2026, 1, 15), "organisation-ceased")
    assert any("Viken fylkeskommune opphørte 2023-12-31, men synlighetsregelen nevner den fortsatt" in f for f in found)


def test_viken_is_no_finding_while_it_existed(project):
    assert of_kind(project, date(2023, 6, 1), "organisation-ceased") == []


def test_a_ceased_referral_organisation_is_a_finding(project):
    edit(project / "data" / "organisations.yml", "    url: https://www.nav.no/\n",
         "    url: https://www.nav.no/\n    valid: {start: 2006-07-01, end: 2026-06-30}\n")
    found = of_kind(project, date(2026, 9, 1), "organisation-ceased")
    assert any("NAV opphørte 2026-06-30, men sidene viser den fortsatt" in f for f in found)
    assert any("NAV har opphørt, og dataene nevner ingen som tok over" in f for f in found)
    assert not any("NAV" in f for f in of_kind(project, date(2026, 6, 30), "organisation-ceased"))


# --- courses ---------------------------------------------------------------------

FIRST = date(2027, 9, 14)


def test_registration_opening_soon_without_a_link_is_a_finding(project):
    only_courses(project, ("kurs-a.yml", course_text("kurs-a", FIRST, deadline=FIRST - timedelta(days=7), url=False)))
    found = of_kind(project, FIRST - timedelta(days=30), "registration-link")
    assert len(found) == 1 and found[0].startswith("data/courses/kurs-a.yml:")
    assert "ingen påmeldingslenke" in found[0]


def test_registration_far_ahead_or_with_a_link_is_no_finding(project):
    only_courses(project, ("kurs-a.yml", course_text("kurs-a", FIRST, deadline=FIRST - timedelta(days=7), url=False)),
                 ("kurs-b.yml", course_text("kurs-b", FIRST, deadline=FIRST - timedelta(days=7), url=True)))
    assert of_kind(project, FIRST - timedelta(days=120), "registration-link") == []
    assert all("kurs-b" not in f for f in of_kind(project, FIRST - timedelta(days=30), "registration-link"))


def test_past_course_older_than_12_months_is_a_finding(project):
    only_courses(project, ("gammelt.yml", course_text("gammelt", date(2026, 3, 10), deadline=date(2026, 3, 1))))
    found = of_kind(project, date(2027, 3, 11), "old-course")
    assert len(found) == 1 and found[0].startswith("data/courses/gammelt.yml:")
    assert of_kind(project, date(2027, 3, 10), "old-course") == []  # exactly 12 months: still kept


def test_next_course_more_than_8_weeks_away_is_a_finding(project):
    only_courses(project, ("neste.yml", course_text("neste", FIRST, deadline=FIRST - timedelta(days=7))))
    found = of_kind(project, FIRST - timedelta(days=57), "next-course-far")
    assert len(found) == 1 and "om 57 dager" in found[0]
    assert of_kind(project, FIRST - timedelta(days=56), "next-course-far") == []


def test_no_upcoming_course_at_all_is_a_finding(project):
    only_courses(project, ("holdt.yml", course_text("holdt", date(2026, 3, 10), deadline=date(2026, 3, 1))))
    found = of_kind(project, date(2026, 4, 1), "next-course-far")
    assert found == ["data/courses/: data/courses/ har ingen kommende kurs; forsiden sier at det ikke er noen kurs"]


# --- the user survey ---------------------------------------------------------------

def test_survey_older_than_the_editors_interval_is_a_finding(project):
    region = project / "data" / "region.yml"
    edit(region, "  interval_months: 12\n", "  interval_months: 6\n")
    edit(region, "  last_held: 2025-11-15\n", "  last_held: 2027-01-10\n")
    assert of_kind(project, date(2027, 7, 10), "survey-overdue") == []
    found = of_kind(project, date(2027, 7, 11), "survey-overdue")
    assert len(found) == 1 and found[0].startswith("data/region.yml:")
    assert "for mer enn 6 måneder siden" in found[0]


# --- sample data and placeholder logos ---------------------------------------------------

def _make_real(root: Path) -> None:
    for file in (root / "data").rglob("*.yml"):
        text = file.read_text(encoding="utf-8")
        text = text.replace("sample: true", "sample: false").replace("placeholder: true", "placeholder: false")
        file.write_text(text, encoding="utf-8")


def test_sample_records_and_placeholder_logos_are_findings(project):
    found = kinds(project, date(2026, 1, 15))
    assert any(f.startswith("data/region.yml:") for f in found["sample-data"])
    assert sorted(f.split(": ", 1)[1].split(" er vår")[0] for f in found["placeholder-logo"]) == [
        "logoen til Innovasjon Norge", "logoen til Viken fylkeskommune"]


def test_no_sample_finding_once_everything_is_real(project):
    _make_real(project)
    found = kinds(project, date(2026, 1, 15))
    assert "sample-data" not in found and "placeholder-logo" not in found


# --- logo legibility -------------------------------------------------------------------------

def _logo(root: Path, name: str, write) -> None:
    path = root / "content" / "assets" / "logos" / name
    write(path)
    edit(root / "data" / "organisations.yml", "file: assets/logos/statlig-innovasjon.svg", f"file: assets/logos/{name}")


def _png(width: int, height: int):
    return lambda path: Image.new("RGB", (width, height), "white").save(path)


def _svg(attrs: str, body: str = ""):
    svg = f'<svg xmlns="http://www.w3.org/2000/svg" {attrs}>{body}</svg>'
    return lambda path: path.write_text(svg, encoding="utf-8")


def logo_findings(root: Path) -> list[str]:
    return [f for f in of_kind(root, date(2026, 1, 15), "logo-too-small") if "Innovasjon Norge" in f]


@pytest.mark.parametrize("name, write, expected", [
    ("small.png", _png(200, 80), "er 200×80 piksler"),
    ("flat.png", _png(1200, 100), "bare 15 px høy"),
    ("nobox.svg", _svg(""), "har ingen viewBox"),
    ("flat.svg", _svg('viewBox="0 0 1000 50"'), "bare 9 px høy"),
    ("tinytext.svg", _svg('viewBox="0 0 480 160"', '<text font-size="20">IN</text>'), "har tekst som er 7.5 px høy"),
    ("styled.svg", _svg('viewBox="0 0 480 160"', '<text style="font-size: 16px">IN</text>'), "tekst som er 6.0 px høy"),
])
def test_logo_too_small_to_be_legible_is_a_finding(project, name, write, expected):
    _logo(project, name, write)
    found = logo_findings(project)
    assert len(found) == 1, found
    assert expected in found[0] and found[0].startswith("data/organisations.yml:")


@pytest.mark.parametrize("name, write", [
    ("big.png", _png(720, 240)),
    ("exact.png", _png(health.LOGO_MIN_RASTER_WIDTH, 120)),
    ("good.svg", _svg('viewBox="0 0 240 80"', '<text font-size="14">Innovasjon Norge</text>')),
    ("sized.svg", _svg('width="240" height="80"', '<text font-size="14">Innovasjon Norge</text>')),
])
def test_legible_logos_are_no_finding(project, name, write):
    _logo(project, name, write)
    assert logo_findings(project) == []


@pytest.mark.parametrize("name, write", [
    ("broken.png", lambda path: path.write_bytes(b"not an image")),
    ("broken.svg", lambda path: path.write_text("<svg", encoding="utf-8")),
    ("logo.pdf", lambda path: path.write_bytes(b"%PDF-1.4")),
])
def test_a_logo_a_browser_cannot_show_is_an_error_not_a_finding(tmp_path, name, write):
    # rules.py refuses it (tests/data/test_logo_files.py), so the report never repeats it.
    write(tmp_path / name)
    assert health.logo_problems(tmp_path / name) == []


def test_the_logo_rule_uses_the_width_the_footer_draws(project):
    """The rule's box width is the width= the footer template gives every logo."""
    templates = REPO / "hooks" / "etablerer" / "render" / "templates"
    template = (templates / "chrome" / "responsible.html").read_text(encoding="utf-8")
    assert f'width="{health.LOGO_BOX_WIDTH}"' in template


# --- output ------------------------------------------------------------------------------------

def test_summary_is_one_line_per_kind_and_a_count(project):
    found = findings(view_on(project, date(2026, 1, 15)))
    lines = health.summary(found, "site/_report/index.html")
    assert len(lines) == len({f.kind for f in found}) + 1
    assert lines[-1] == (f"Innholdet har {len(found)} merknader (advarsler, ikke feil; make check STRICT=1 feiler på "
                         "dem); hele rapporten: site/_report/index.html")
