"""Page specs → Markdown, through the templates in templates/pages/.

Every figure, name and date on these pages comes from the data; the
templates hold the wording.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

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
COURSE_TEMPLATE = "pages/course.md"


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
    return pages


def _render(template: str, src: str, view: SiteView, **extra) -> str:
    def md_link(to: str) -> str:
        """A link for Markdown: the source path, which MkDocs resolves and checks."""
        return posixpath.relpath(to, posixpath.dirname(src) or ".")

    def link(to: str) -> str:
        """A link for HTML blocks: the relative URL."""
        return relative(src, to)

    return render(template, site=view, src=src, md_link=md_link, link=link, course_src=course_src, **extra)
