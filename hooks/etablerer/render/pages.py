"""Page specs → Markdown, in one language, through languages/<code>/pages/*.md.

Every figure, name and date on these pages comes from the data; the
templates hold the wording. A page whose template has no translation in a
language is not made in that language (the menu leads to the bokmål page).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from jinja2 import TemplateError

from etablerer.facts.texts import Usage
from etablerer.inputs.addresses import (
    SERVICE_PAGES,
    course_src,
)
from etablerer.inputs.errors import DataErrors
from etablerer.inputs.fieldtypes import DEFAULT_LANGUAGE
from etablerer.inputs.languages import LANGUAGES_DIR
from etablerer.render.environment import Localised, render, template_error
from etablerer.render.ics import calendar_files
from etablerer.view.pagespecs import PageSpec, page_specs
from etablerer.view.siteview import SiteView


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str
    markdown: str
    in_nav: bool
    usage: Usage = field(default_factory=Usage, compare=False)  # drafted or missing data texts shown


def generated_pages(view: SiteView) -> list[GeneratedPage]:
    """The pages of the view's language that have a translated template (the coverage page, which is
    read off these, is added by reports/coveragepage.with_coverage_page)."""
    files = view.data.language_files
    specs = page_specs(view.data, view.course_filters)
    return [_page(spec, view) for spec in specs if files.has_page(view.lang, spec.template)]


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
