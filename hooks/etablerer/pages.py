"""Page specs → Markdown, through the templates in templates/pages/.

Every figure, name and date on these pages comes from the data; the
templates hold the wording.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from .courses import redirects
from .ics import calendar_files
from .model import Course
from .render import render
from .urls import relative
from .view import SiteView

# src_uri (as MkDocs sees it) → template. The order is the order in the navigation.
PAGES: dict[str, str] = {
    "index.md": "pages/front.md",
    "start-her.md": "pages/start.md",
    "kurs/index.md": "pages/catalogue.md",
    "veiledning.md": "pages/guidance.md",
    "tilbud.md": "pages/offer.md",
    "hjelp.md": "pages/referrals.md",
    "om.md": "pages/about.md",
    "kontakt.md": "pages/contact.md",
    "tilgjengelighet.md": "pages/accessibility.md",
    "personvern.md": "pages/privacy.md",
}
# Services with a page of their own: links to them lead there, so a link named
# "Veiledning" always has the same target as the menu's "Veiledning".
SERVICE_PAGES: dict[str, str] = {
    "veiledning": "veiledning.md",
    "etablererkurs": "kurs/index.md",
    "temakurs": "kurs/index.md",
}

COURSE_TEMPLATE = "pages/course.md"
FILTER_TEMPLATE = "pages/course_filter.md"
REDIRECT_TEMPLATE = "pages/course_redirect.md"


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str
    markdown: str
    in_nav: bool


def course_src(course: Course) -> str:
    return f"kurs/{course.id}.md"


def generated_pages(view: SiteView) -> list[GeneratedPage]:
    pages = [GeneratedPage(src, _render(template, src, view), True) for src, template in PAGES.items()]
    for course in view.data.courses:
        src = course_src(course)
        pages.append(GeneratedPage(src, _render(COURSE_TEMPLATE, src, view, course=course), False))
    pages += course_list_pages(view)
    # Last: the agreement coverage page is read off the pages above (and fails the build on a gap).
    from .coverage import COVERAGE_SRC, coverage_markdown  # coverage imports chrome → view; avoid a cycle
    pages.append(GeneratedPage(COVERAGE_SRC, coverage_markdown(view, {p.src_uri: p.markdown for p in pages}), False))
    return pages


def course_list_pages(view: SiteView) -> list[GeneratedPage]:
    """One static list per filter value (no JavaScript needed), and the old address of a renamed course."""
    pages = [GeneratedPage(f.src, _render(FILTER_TEMPLATE, f.src, view, course_filter=f), False)
             for group in view.course_filters for f in group.filters]
    for old_id, course in redirects(view.data.courses):
        src = f"kurs/{old_id}.md"
        pages.append(GeneratedPage(src, _render(REDIRECT_TEMPLATE, src, view, course=course), False))
    return pages


def extra_files(view: SiteView) -> list[tuple[str, str]]:
    """Files that are not pages, as (path, content): the calendar files."""
    return calendar_files(view)


def _render(template: str, src: str, view: SiteView, **extra) -> str:
    def md_link(to: str) -> str:
        """A link for Markdown: the source path, which MkDocs resolves and checks."""
        return posixpath.relpath(to, posixpath.dirname(src) or ".")

    def link(to: str) -> str:
        """A link for HTML blocks: the relative URL."""
        return relative(src, to)

    def service_link(service_id: str) -> str:
        """Where a service is presented: its own page, else its entry on the offer page."""
        page = SERVICE_PAGES.get(service_id)
        return link(page) if page else f"{link('tilbud.md')}#tjeneste-{service_id}"

    return render(template, site=view, src=src, md_link=md_link, link=link, course_src=course_src,
                  service_link=service_link, **extra)
