"""Page specs → Markdown, in one language, through languages/<code>/pages/*.md.

Every figure, name and date on these pages comes from the data; the
templates hold the wording. A page whose template has no translation in a
language is not made in that language (the menu leads to the bokmål page).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from jinja2 import TemplateError

from .courses import redirects
from .errors import DataErrors
from .fieldtypes import DEFAULT_LANGUAGE
from .ics import calendar_files
from .languages import FRONT_PAGE, LANGUAGES_DIR
from .model import Course
from .render import Localised, Usage, render, template_error
from .view import SiteView

# src_uri (as MkDocs sees it) → template name (languages/<code>/pages/<name>.md), in menu order.
PAGES: dict[str, str] = {
    "index.md": FRONT_PAGE,
    "start-her.md": "start",
    "kurs/index.md": "catalogue",
    "veiledning.md": "guidance",
    "tilbud.md": "offer",
    "hjelp.md": "referrals",
    "om.md": "about",
    "kontakt.md": "contact",
    "tilgjengelighet.md": "accessibility",
    "personvern.md": "privacy",
}
# Services with a page of their own: links to them lead there, so a link named
# "Veiledning" always has the same target as the menu's "Veiledning".
SERVICE_PAGES: dict[str, str] = {
    "veiledning": "veiledning.md",
    "etablererkurs": "kurs/index.md",
    "temakurs": "kurs/index.md",
}

COURSE_TEMPLATE = "course"
FILTER_TEMPLATE = "course_filter"
REDIRECT_TEMPLATE = "course_redirect"
# Every template a language may have in languages/<code>/pages/ (bokmål must have them all).
TEMPLATE_NAMES: tuple[str, ...] = (*PAGES.values(), COURSE_TEMPLATE, FILTER_TEMPLATE, REDIRECT_TEMPLATE)


@dataclass(frozen=True)
class PageSpec:
    """A page the data asks for, before it is rendered in a language."""

    src_uri: str
    template: str
    in_nav: bool
    extra: dict = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str
    markdown: str
    in_nav: bool
    usage: Usage = field(default_factory=Usage, compare=False)  # drafted or missing data texts shown


def course_src(course: Course) -> str:
    return f"kurs/{course.id}.md"


def page_specs(view: SiteView) -> list[PageSpec]:
    """Every generated page but the coverage page, in every language alike."""
    specs = [PageSpec(src, name, True) for src, name in PAGES.items()]
    specs += [PageSpec(course_src(c), COURSE_TEMPLATE, False, {"course": c}) for c in view.data.courses]
    # One static list per filter value (no JavaScript needed), and the old address of a renamed course.
    specs += [PageSpec(f.src, FILTER_TEMPLATE, False, {"course_filter": f})
              for group in view.course_filters for f in group.filters]
    specs += [PageSpec(f"kurs/{old_id}.md", REDIRECT_TEMPLATE, False, {"course": course})
              for old_id, course in redirects(view.data.courses)]
    return specs


def generated_pages(view: SiteView) -> list[GeneratedPage]:
    """The pages of the view's language that have a translated template."""
    files = view.data.language_files
    pages = [_page(spec, view) for spec in page_specs(view) if files.has_page(view.lang, spec.template)]
    if view.lang == DEFAULT_LANGUAGE:
        # Last: the agreement coverage page is read off the pages above (and fails the build on a gap).
        from .coverage import COVERAGE_SRC, coverage_markdown  # coverage imports chrome → view; avoid a cycle
        pages.append(GeneratedPage(COVERAGE_SRC, coverage_markdown(view, {p.src_uri: p.markdown for p in pages}),
                                   False))
    return pages


def extra_files(view: SiteView) -> list[tuple[str, str]]:
    """Files that are not pages, as (path, content): the calendar files (bokmål build only)."""
    return calendar_files(view) if view.lang == DEFAULT_LANGUAGE else []


def _page(spec: PageSpec, view: SiteView) -> GeneratedPage:
    usage = Usage()
    markdown = _render(spec.template, spec.src_uri, view, usage, **spec.extra)
    return GeneratedPage(spec.src_uri, markdown, spec.in_nav, usage)


def _render(name: str, src: str, view: SiteView, usage: Usage, **extra) -> str:
    def link(to: str) -> str:
        """A link for HTML blocks: the relative URL (to a page of this language, else the bokmål one)."""
        return view.link(src, to)

    def service_link(service_id: str) -> str:
        """Where a service is presented: its own page, else its entry on the offer page."""
        page = SERVICE_PAGES.get(service_id)
        return link(page) if page else f"{link('tilbud.md')}#tjeneste-{service_id}"

    files = view.data.language_files
    localised = Localised(view.lang, files.interface[view.lang], usage)
    template = files.pages[view.lang][name].template
    try:
        return render(template, localised=localised, languages_dir=view.languages_dir,
                      site=view, src=src, link=link, course_src=course_src, service_link=service_link, **extra)
    except TemplateError as exc:  # an editor's slip in languages/<code>/pages/: file:line, not a traceback
        raise DataErrors([template_error(exc, f"{LANGUAGES_DIR}/{template}")]) from None
