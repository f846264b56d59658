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
from etablerer.inputs.messages import N_, _, ngettext
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


def thresholds() -> tuple[str, ...]:
    """The rules in words, for the report."""
    return (
        _("past courses are kept {months} months").format(months=PAST_COURSE_KEEP_MONTHS),
        _("the next course should start within {weeks} weeks").format(weeks=NEXT_COURSE_WITHIN_DAYS // 7),
        _("a course whose deadline is within {weeks} weeks needs a registration link").format(
            weeks=REGISTRATION_SOON_DAYS // 7),
        _("a user survey at least every survey.interval_months months (data/region.yml)"),
        _("logos are drawn {box} px wide: raster files at least {raster} px wide; SVG needs a viewBox and text "
          "at least {text} px when drawn; any logo at least {height} px high when drawn").format(
            box=LOGO_BOX_WIDTH, raster=LOGO_MIN_RASTER_WIDTH, text=LOGO_MIN_TEXT_PX, height=LOGO_MIN_HEIGHT_PX),
        _("plain language: LIX at most {target} on the pages a citizen needs most ({pages}); sentences over "
          "{long} words are quoted, over {very_long} words on any page or data text are findings").format(
            target=LIX_TARGET, pages=", ".join(TARGET_PAGES), long=LONG_SENTENCE_WORDS,
            very_long=VERY_LONG_SENTENCE_WORDS),
    )


@dataclass(frozen=True)
class Finding:
    """One warning: its kind (a stable key), where to fix it and what is wrong."""

    kind: str
    where: str  # file:line
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


# Kinds, in report order, with the heading the report uses (translate with heading()).
KINDS = {
    "agreement-ended": N_("Agreement period ended"),
    "organisation-ceased": N_("Organisations past their validity"),
    "registration-link": N_("Registration opens soon, no link yet"),
    "old-course": N_("Past courses older than {months} months"),
    "next-course-far": N_("Next course far away"),
    "survey-overdue": N_("User survey overdue"),
    "sample-data": N_("Sample records still present"),
    "placeholder-logo": N_("Placeholder logos still present"),
    "logo-too-small": N_("Logos too small to be legible"),
    "plain-language": N_("Pages a citizen needs most above LIX {target}"),
    "long-sentence": N_("Sentences over {words} words"),
}


def heading(kind: str) -> str:
    """The heading of a kind of finding, in the editors' language."""
    return _(KINDS[kind]).format(months=PAST_COURSE_KEEP_MONTHS, target=LIX_TARGET, words=VERY_LONG_SENTENCE_WORDS)


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
        hardest = _("; hardest: «{quote}»").format(quote=page.hardest[0].quote) if page.hardest else ""
        yield Finding("plain-language", page.where,
                      _("{page} has LIX {lix}, above the target {target} for the pages a citizen needs most "
                        "({per_sentence} words a sentence, {long_share} % long words){hardest}; shorter sentences "
                        "and common words bring it down (the report quotes the hardest sentences)").format(
                          page=page.name, lix=f"{page.lix:.0f}", target=page.target,
                          per_sentence=f"{page.counts.words_per_sentence:.1f}",
                          long_share=f"{page.counts.long_share:.0f}", hardest=hardest))
    for measured in (*lix.pages, *lix.texts):
        for sentence in measured.long_sentences:
            if sentence.words > VERY_LONG_SENTENCE_WORDS:
                yield Finding("long-sentence", measured.where,
                              _("{name}: a sentence of {words} words: «{quote}»; split it into two or three").format(
                                  name=measured.name, words=sentence.words, quote=sentence.quote))


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
                          _("{name} ceased {end} but the visibility rule still names it; "
                            "the pages say it has ceased.").format(name=org.name, end=end))
        elif org.id in shown:
            yield Finding("organisation-ceased", shown[org.id],
                          _("{name} ceased {end} but the pages still show it; refer readers to who took over.").format(
                              name=org.name, end=end))
        if not org.successors:
            yield Finding("organisation-ceased", _at(data, org, "valid", "end"),
                          _("{name} has ceased and data names no successor.").format(name=org.name))


def _registration_links(view: SiteView) -> Iterator[Finding]:
    for course in view.data.courses:
        soon = course.registration.deadline - view.today <= timedelta(days=REGISTRATION_SOON_DAYS)
        if soon and view.status(course) is course_status.Status.NOT_YET_OPEN:
            yield Finding("registration-link", _at(view.data, course.registration, "deadline"),
                          _("'{title}' has its registration deadline {deadline} but no registration link; "
                            "add registration.url").format(title=course.title,
                                                           deadline=course.registration.deadline.isoformat()))


def _old_courses(view: SiteView) -> Iterator[Finding]:
    limit = course_status.months_before(view.today, PAST_COURSE_KEEP_MONTHS)
    for course in view.data.courses:  # not the catalogue: it already hides old courses
        if course.last_day() < limit:
            yield Finding("old-course", _at(view.data, course, "id"),
                          _("'{title}' ended {ended}, more than {months} months ago; delete the file "
                            "(its page goes with it)").format(title=course.title, ended=course.last_day().isoformat(),
                                                              months=PAST_COURSE_KEEP_MONTHS))


def _next_course(view: SiteView) -> Iterator[Finding]:
    upcoming = [c for c in view.catalogue.upcoming if c.first_day() >= view.today]
    ongoing = [c for c in view.catalogue.upcoming if c.first_day() < view.today]
    if ongoing:
        return
    doc = view.data.sources["region.yml"]  # no course to point at: point at the courses folder
    where = f"{Path(doc.path).parent.as_posix()}/courses/"
    if not upcoming:
        yield Finding("next-course-far", where, _("no upcoming course is in data/courses/; "
                                                  "the front page says there are no courses"))
        return
    first = upcoming[0]
    days = (first.first_day() - view.today).days
    if days > NEXT_COURSE_WITHIN_DAYS:
        yield Finding("next-course-far", _at(view.data, first, "sessions"),
                      _("the next course, '{title}', starts {start}, {days} days from now (more than {weeks} "
                        "weeks); the front page looks empty").format(title=first.title,
                                                                     start=first.first_day().isoformat(), days=days,
                                                                     weeks=NEXT_COURSE_WITHIN_DAYS // 7))


def _survey(view: SiteView) -> Iterator[Finding]:
    survey = view.data.region.survey
    limit = course_status.months_before(view.today, survey.interval_months)
    if survey.last_held < limit:
        yield Finding("survey-overdue", _at(view.data, survey, "last_held"),
                      _("the last user survey was held {held}, more than {months} months ago "
                        "(survey.interval_months); hold one and update last_held").format(
                          held=survey.last_held.isoformat(), months=survey.interval_months))


def _sample(view: SiteView) -> Iterator[Finding]:
    for where in sample_sources(view.data):
        if not _is_placeholder_logo(view.data, where):
            yield Finding("sample-data", where, _("sample data (sample: true): replace it with real details, "
                                                  "then set sample: false"))


def _placeholder_logos(view: SiteView) -> Iterator[Finding]:
    for org in view.data.organisations:
        if org.logo is not None and org.logo.placeholder:
            yield Finding("placeholder-logo", _at(view.data, org, "logo"),
                          _("the logo of {name} is our placeholder drawing; put the official file in "
                            "content/{file} and set placeholder: false").format(name=org.name, file=org.logo.file))


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
                          _("the logo of {name} (content/{file}) {problem}").format(
                              name=org.name, file=org.logo.file, problem=problem))


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
        out.append(_("is {width}×{height} pixels; it is shown {box} px wide and needs at least {minimum} pixels of "
                     "width to be sharp on phones; ask for a larger file or SVG").format(
            width=logo.width, height=logo.height, box=LOGO_BOX_WIDTH, minimum=LOGO_MIN_RASTER_WIDTH))
    out += _shape_problems(logo.width, logo.height)
    return out


_NUMBER = re.compile(r"^\s*([0-9]*\.?[0-9]+)\s*(px)?\s*$")
_FONT_SIZE = re.compile(r"font-size\s*:\s*([0-9]*\.?[0-9]+)\s*(px)?", re.IGNORECASE)


def _svg_problems(root: ET.Element) -> list[str]:
    size = _svg_size(root)
    if size is None:
        return [_("has no viewBox (nor width and height in px), so its size on the page is unknown; "
                  'add viewBox="0 0 W H"')]
    width, height = size
    out = _shape_problems(width, height)
    scale = LOGO_BOX_WIDTH / width
    sizes = [s for s in (_font_size(el) for el in root.iter()) if s is not None]
    if sizes and min(sizes) * scale < LOGO_MIN_TEXT_PX:
        out.append(_("has text {size} px high when drawn {box} px wide (at least {minimum} px is legible); "
                     "make the text larger or use a simpler logo").format(
            size=f"{min(sizes) * scale:.1f}", box=LOGO_BOX_WIDTH, minimum=LOGO_MIN_TEXT_PX))
    return out


def _svg_size(root: ET.Element) -> tuple[float, float] | None:
    box = root.get("viewBox")
    if box:
        parts = re.split(r"[\s,]+", box.strip())
        try:
            _x, _y, width, height = (float(p) for p in parts)
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
        return [_("is only {height} px high when drawn {box} px wide (at least {minimum} px is legible); "
                  "use a version of the logo that is less wide").format(
            height=f"{drawn:.0f}", box=LOGO_BOX_WIDTH, minimum=LOGO_MIN_HEIGHT_PX)]
    return []


# --- output --------------------------------------------------------------------

def note(text: object) -> str:
    """A warning line for the terminal: 'note: file:line: message' in the editors' language."""
    return _("note: {text}").format(text=text)


def first_of_each_kind(found: list[Finding]) -> list[tuple[Finding, str]]:
    """Per kind in report order: its first finding and what to add about the others ('' or ' (+3 more …)')."""
    out = []
    for kind in KINDS:
        of_kind = [f for f in found if f.kind == kind]
        if not of_kind:
            continue
        more = _(" (+{count} more of this kind)").format(count=len(of_kind) - 1) if len(of_kind) > 1 else ""
        out.append((of_kind[0], more))
    return out


def summary_notes(found: list[Finding]) -> list[str]:
    """One line per kind, with the first place and a count (without the 'note:' of the terminal)."""
    return [f"{first}{more}" for first, more in first_of_each_kind(found)]


def summary(found: list[Finding], report: str | None = None) -> list[str]:
    """A few lines for the terminal: one per kind, with the first place and a count; then the total."""
    lines = [note(line) for line in summary_notes(found)]
    if found:
        where = _("; full report: {report}").format(report=report) if report else ""
        lines.append(ngettext("Content health: {count} finding (a warning; make check STRICT=1 fails on it){where}",
                              "Content health: {count} findings (warnings; make check STRICT=1 fails on them){where}",
                              len(found)).format(count=len(found), where=where))
    else:
        lines.append(_("Content health: no findings."))
    return lines


def report_html(view: SiteView, found: list[Finding], cov: Coverage | None,
                lix: Readability | None = None) -> str:
    from etablerer.render.environment import render  # templates only when a report is written

    groups = [(heading(kind), [f for f in found if f.kind == kind]) for kind in KINDS]
    return render("report/health.html", today=view.today, groups=groups, total=len(found), cov=cov,
                  thresholds=thresholds(), lix=lix, lix_target=LIX_TARGET, long_words=LONG_SENTENCE_WORDS)


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
