"""Content health: what is going stale, found after every build and by `make check`.

Findings are warnings, never errors: the build still succeeds. `make check
STRICT=1` turns them into a failing exit. The full report (with the agreement
coverage) is written to site/_report/, outside the municipal copies.

Thresholds are named constants below; the survey interval is the editors' own
(data/region.yml: survey.interval_months).
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from etablerer.facts import courses as course_status
from etablerer.facts.agreements import has_ceased
from etablerer.facts.sample import sample_sources
from etablerer.inputs.logofiles import open_logo
from etablerer.inputs.servicedata import ServiceData
from etablerer.reports.coverage import Coverage
from etablerer.reports.readability import (
    LIX_TARGET,
    LONG_SENTENCE_WORDS,
    TARGET_PAGES,
    VERY_LONG_SENTENCE_WORDS,
    Readability,
    readability,
)
from etablerer.view.siteview import SiteView

if TYPE_CHECKING:
    from etablerer.render.pages import GeneratedPage

REPORT_DIR = "_report"

PAST_COURSE_KEEP_MONTHS = course_status.PAST_MONTHS_SHOWN  # older past courses have left the catalogue
NEXT_COURSE_WITHIN_DAYS = 8 * 7  # the front page looks empty when the next course is further away
REGISTRATION_SOON_DAYS = 6 * 7  # a deadline this close means registration opens now or soon

# Logo legibility. Logos are drawn in the footer in a box LOGO_BOX_WIDTH CSS px
# wide (width="180" in render/templates/chrome/responsible.html), height from the shape.
#   Raster (PNG, JPEG, GIF, WebP): at least 2 image pixels per CSS pixel, so it
#     stays sharp on phones (2x screens): width >= 2 * LOGO_BOX_WIDTH.
#   SVG: scales without loss, so pixels do not matter; it needs a viewBox (or
#     width and height) to be drawn at a known size, and every font-size in it,
#     scaled to the box, must be at least LOGO_MIN_TEXT_PX.
#   Both: drawn at the box width, the logo must be at least LOGO_MIN_HEIGHT_PX
#     high (a very wide, flat logo shrinks to an unreadable strip).
LOGO_BOX_WIDTH = 180
LOGO_MIN_RASTER_WIDTH = 2 * LOGO_BOX_WIDTH
LOGO_MIN_TEXT_PX = 9
LOGO_MIN_HEIGHT_PX = 24

# The rules in words, for the report.
THRESHOLDS = (
    f"past courses are kept {PAST_COURSE_KEEP_MONTHS} months",
    f"the next course should start within {NEXT_COURSE_WITHIN_DAYS // 7} weeks",
    f"a course whose deadline is within {REGISTRATION_SOON_DAYS // 7} weeks needs a registration link",
    "a user survey at least every survey.interval_months months (data/region.yml)",
    f"logos are drawn {LOGO_BOX_WIDTH} px wide: raster files at least {LOGO_MIN_RASTER_WIDTH} px wide; "
    f"SVG needs a viewBox and text at least {LOGO_MIN_TEXT_PX} px when drawn; "
    f"any logo at least {LOGO_MIN_HEIGHT_PX} px high when drawn",
    f"plain language: LIX at most {LIX_TARGET} on the pages a citizen needs most ({', '.join(TARGET_PAGES)}); "
    f"sentences over {LONG_SENTENCE_WORDS} words are quoted, over {VERY_LONG_SENTENCE_WORDS} words on any page "
    "or data text are findings",
)


@dataclass(frozen=True)
class Finding:
    """One warning: its kind (a stable key), where to fix it and what is wrong."""

    kind: str
    where: str  # file:line
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


# Kinds, in report order, with the heading the report uses.
KINDS = {
    "agreement-ended": "Agreement period ended",
    "organisation-ceased": "Organisations past their validity",
    "registration-link": "Registration opens soon, no link yet",
    "old-course": "Past courses older than 12 months",
    "next-course-far": "Next course far away",
    "survey-overdue": "User survey overdue",
    "sample-data": "Sample records still present",
    "placeholder-logo": "Placeholder logos still present",
    "logo-too-small": "Logos too small to be legible",
    "plain-language": f"Pages a citizen needs most above LIX {LIX_TARGET}",
    "long-sentence": f"Sentences over {VERY_LONG_SENTENCE_WORDS} words",
}


def findings(view: SiteView, pages: Sequence[GeneratedPage] | None = None,
             lix: Readability | None = None) -> list[Finding]:
    """Every finding on the view's date. `pages`: the bokmål generated pages if the caller has rendered
    them, `lix`: their readability if already measured (else both are made here)."""
    out: list[Finding] = []
    for check in (_agreement, _ceased, _registration_links, _old_courses, _next_course, _survey,
                  _sample, _placeholder_logos, _logo_sizes):
        out.extend(check(view))
    out.extend(_plain_language(lix if lix is not None else readability(view, pages)))
    return sorted(out, key=lambda f: list(KINDS).index(f.kind))


def _plain_language(lix: Readability) -> Iterator[Finding]:
    for page in lix.over_target:
        hardest = f"; hardest: «{page.hardest[0].quote}»" if page.hardest else ""
        yield Finding("plain-language", page.where,
                      f"{page.name} has LIX {page.lix:.0f}, above the target {page.target} for the pages a citizen "
                      f"needs most ({page.counts.words_per_sentence:.1f} words a sentence, "
                      f"{page.counts.long_share:.0f} % long words){hardest}; shorter sentences and common words "
                      "bring it down (the report quotes the hardest sentences)")
    for measured in (*lix.pages, *lix.texts):
        for sentence in measured.long_sentences:
            if sentence.words > VERY_LONG_SENTENCE_WORDS:
                yield Finding("long-sentence", measured.where,
                              f"{measured.name}: a sentence of {sentence.words} words: «{sentence.quote}»; "
                              "split it into two or three")


def _at(data: ServiceData, record: object, *field: str | int) -> str:
    located = data.where(record)
    return f"{located.doc.path}:{located.doc.line_of(located.path + field)}"


def _agreement(view: SiteView) -> Iterator[Finding]:
    warning = view.in_force.warning
    if warning:
        yield Finding("agreement-ended", _at(view.data, view.agreement.period, "end"), warning)


def _shown_organisations(view: SiteView) -> dict[str, str]:
    """Organisations the pages show, by id → where the data names them (first place)."""
    data, agreement = view.data, view.agreement
    shown: dict[str, str] = {}
    for i, org_id in enumerate(agreement.visibility.organisations):
        shown.setdefault(org_id, _at(data, agreement.visibility, "organisations", i))
    for item in agreement.minimum_items:
        for i, org_id in enumerate(item.partners):
            shown.setdefault(org_id, _at(data, item, "partners", i))
    for situation in data.situations:
        for referral in situation.referrals:
            shown.setdefault(referral.organisation, _at(data, referral, "organisation"))
    shown.setdefault(data.region.operator, _at(data, data.region, "operator"))
    return shown


def _ceased(view: SiteView) -> Iterator[Finding]:
    data = view.data
    shown = _shown_organisations(view)
    required = set(view.agreement.visibility.organisations)
    for org in data.organisations:
        if not has_ceased(org, view.today):
            continue
        end = org.valid.end.isoformat()
        if org.id in required:
            yield Finding("organisation-ceased", shown[org.id],
                          f"{org.name} ceased {end} but the visibility rule still names it; "
                          "the pages say it has ceased.")
        elif org.id in shown:
            yield Finding("organisation-ceased", shown[org.id],
                          f"{org.name} ceased {end} but the pages still show it; refer readers to who took over.")
        if not org.successors:
            yield Finding("organisation-ceased", _at(data, org, "valid", "end"),
                          f"{org.name} has ceased and data names no successor.")


def _registration_links(view: SiteView) -> Iterator[Finding]:
    for course in view.data.courses:
        state = course_status.status(course, view.today)
        soon = course.registration.deadline - view.today <= timedelta(days=REGISTRATION_SOON_DAYS)
        if course.registration.url is None and soon and state in (course_status.Status.OPEN,
                                                                 course_status.Status.CLOSING_SOON):
            yield Finding("registration-link", _at(view.data, course.registration, "deadline"),
                          f"'{course.title}' has its registration deadline {course.registration.deadline.isoformat()} "
                          "but no registration link; add registration.url")


def _old_courses(view: SiteView) -> Iterator[Finding]:
    limit = course_status.months_before(view.today, PAST_COURSE_KEEP_MONTHS)
    for course in view.data.courses:  # not the catalogue: it already hides old courses
        if course.last_day() < limit:
            yield Finding("old-course", _at(view.data, course, "id"),
                          f"'{course.title}' ended {course.last_day().isoformat()}, more than "
                          f"{PAST_COURSE_KEEP_MONTHS} months ago; delete the file (its page goes with it)")


def _next_course(view: SiteView) -> Iterator[Finding]:
    upcoming = [c for c in view.catalogue.upcoming if c.first_day() >= view.today]
    ongoing = [c for c in view.catalogue.upcoming if c.first_day() < view.today]
    if ongoing:
        return
    doc = view.data.sources["region.yml"]  # no course to point at: point at the courses folder
    where = f"{Path(doc.path).parent.as_posix()}/courses/"
    if not upcoming:
        yield Finding("next-course-far", where, "no upcoming course is in data/courses/; "
                                                "the front page says there are no courses")
        return
    first = upcoming[0]
    days = (first.first_day() - view.today).days
    if days > NEXT_COURSE_WITHIN_DAYS:
        yield Finding("next-course-far", _at(view.data, first, "sessions"),
                      f"the next course, '{first.title}', starts {first.first_day().isoformat()}, {days} days "
                      f"from now (more than {NEXT_COURSE_WITHIN_DAYS // 7} weeks); the front page looks empty")


def _survey(view: SiteView) -> Iterator[Finding]:
    survey = view.data.region.survey
    limit = course_status.months_before(view.today, survey.interval_months)
    if survey.last_held < limit:
        yield Finding("survey-overdue", _at(view.data, survey, "last_held"),
                      f"the last user survey was held {survey.last_held.isoformat()}, more than "
                      f"{survey.interval_months} months ago (survey.interval_months); hold one and update last_held")


def _sample(view: SiteView) -> Iterator[Finding]:
    for where in sample_sources(view.data):
        if not _is_placeholder_logo(view.data, where):
            yield Finding("sample-data", where, "sample data (sample: true): replace it with real details, "
                                                "then set sample: false")


def _placeholder_logos(view: SiteView) -> Iterator[Finding]:
    for org in view.data.organisations:
        if org.logo is not None and org.logo.placeholder:
            yield Finding("placeholder-logo", _at(view.data, org, "logo"),
                          f"the logo of {org.name} is our placeholder drawing; put the official file in "
                          f"content/{org.logo.file} and set placeholder: false")


def _is_placeholder_logo(data: ServiceData, where: str) -> bool:
    return any(o.logo is not None and o.logo.placeholder and _at(data, o, "logo") == where
               for o in data.organisations)


def _logo_sizes(view: SiteView) -> Iterator[Finding]:
    for org in view.data.organisations:
        if org.logo is None:
            continue
        file = view.data.content_dir / org.logo.file
        if not file.is_file():
            continue  # rules.py reports a missing file as an error
        for problem in logo_problems(file):
            yield Finding("logo-too-small", _at(view.data, org.logo, "file"),
                          f"the logo of {org.name} (content/{org.logo.file}) {problem}")


def logo_problems(file: Path) -> list[str]:
    """Why the logo would be hard to read in the footer (empty: fine).

    A file a browser cannot show at all is an error, not a finding (rules.py, inputs/logofiles.py).
    """
    logo = open_logo(file)
    if isinstance(logo, str):
        return []
    if logo.svg is not None:
        return _svg_problems(logo.svg)
    out = []
    if logo.width < LOGO_MIN_RASTER_WIDTH:
        out.append(f"is {logo.width}×{logo.height} pixels; it is shown {LOGO_BOX_WIDTH} px wide and needs at least "
                   f"{LOGO_MIN_RASTER_WIDTH} pixels of width to be sharp on phones; ask for a larger file or SVG")
    out += _shape_problems(logo.width, logo.height)
    return out


_NUMBER = re.compile(r"^\s*([0-9]*\.?[0-9]+)\s*(px)?\s*$")
_FONT_SIZE = re.compile(r"font-size\s*:\s*([0-9]*\.?[0-9]+)\s*(px)?", re.IGNORECASE)


def _svg_problems(root: ET.Element) -> list[str]:
    size = _svg_size(root)
    if size is None:
        return ["has no viewBox (nor width and height in px), so its size on the page is unknown; "
                'add viewBox="0 0 W H"']
    width, height = size
    out = _shape_problems(width, height)
    scale = LOGO_BOX_WIDTH / width
    sizes = [s for s in (_font_size(el) for el in root.iter()) if s is not None]
    if sizes and min(sizes) * scale < LOGO_MIN_TEXT_PX:
        out.append(f"has text {min(sizes) * scale:.1f} px high when drawn {LOGO_BOX_WIDTH} px wide "
                   f"(at least {LOGO_MIN_TEXT_PX} px is legible); make the text larger or use a simpler logo")
    return out


def _svg_size(root: ET.Element) -> tuple[float, float] | None:
    box = root.get("viewBox")
    if box:
        parts = re.split(r"[\s,]+", box.strip())
        try:
            _, _, width, height = (float(p) for p in parts)
        except ValueError:
            return None
        return (width, height) if width > 0 and height > 0 else None
    width, height = (_NUMBER.match(root.get(k, "")) for k in ("width", "height"))
    if width and height and float(width[1]) > 0 and float(height[1]) > 0:
        return float(width[1]), float(height[1])
    return None


def _font_size(element: ET.Element) -> float | None:
    match = _NUMBER.match(element.get("font-size", "")) or _FONT_SIZE.search(element.get("style", ""))
    return float(match[1]) if match else None


def _shape_problems(width: float, height: float) -> list[str]:
    drawn = LOGO_BOX_WIDTH * height / width
    if drawn < LOGO_MIN_HEIGHT_PX:
        return [f"is only {drawn:.0f} px high when drawn {LOGO_BOX_WIDTH} px wide (at least {LOGO_MIN_HEIGHT_PX} px "
                "is legible); use a version of the logo that is less wide"]
    return []


# --- output --------------------------------------------------------------------

def summary(found: list[Finding], report: str | None = None) -> list[str]:
    """A few lines for the terminal: one per kind, with the first place and a count."""
    lines = []
    for kind in KINDS:
        of_kind = [f for f in found if f.kind == kind]
        if not of_kind:
            continue
        more = f" (+{len(of_kind) - 1} more of this kind)" if len(of_kind) > 1 else ""
        lines.append(f"note: {of_kind[0]}{more}")
    if found:
        where = f"; full report: {report}" if report else ""
        lines.append(f"Content health: {len(found)} finding{'s' if len(found) != 1 else ''} "
                     f"(warnings; make check STRICT=1 fails on them){where}")
    else:
        lines.append("Content health: no findings.")
    return lines


def report_html(view: SiteView, found: list[Finding], cov: Coverage | None,
                lix: Readability | None = None) -> str:
    from etablerer.render.environment import render  # templates only when a report is written

    groups = [(KINDS[kind], [f for f in found if f.kind == kind]) for kind in KINDS]
    return render("report/health.html", today=view.today, groups=groups, total=len(found), cov=cov,
                  thresholds=THRESHOLDS, lix=lix, lix_target=LIX_TARGET, long_words=LONG_SENTENCE_WORDS)


def write_report(site: Path, view: SiteView, found: list[Finding], cov: Coverage | None,
                 lix: Readability | None = None) -> Path:
    """site/_report/index.html (for people) and health.json (for jobs)."""
    folder = site / REPORT_DIR
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "index.html").write_text(report_html(view, found, cov, lix), encoding="utf-8")
    payload = {
        "as_of": view.today.isoformat(),
        "findings": [asdict(f) for f in found],
        "coverage": None if cov is None else {
            "agreement": cov.agreement.id,
            "ended": cov.ended,
            "items": [{"id": e.item.id, "pages": [p.src_uri + (f"#{p.anchor}" if p.anchor else "") for p in e.pages]}
                      for e in cov.items],
            "visibility": [o.id for o in cov.visibility.organisations],
        },
        "readability": None if lix is None else [
            {"name": m.name, "where": m.where, "lix": round(m.lix, 1), "target": m.target, "words": m.counts.words,
             "sentences": m.counts.sentences, "long_words": m.counts.long_words,
             "long_sentences": [s.text for s in m.long_sentences]}
            for m in (*lix.pages, *lix.texts)],
    }
    (folder / "health.json").write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return folder / "index.html"
