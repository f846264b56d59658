"""The agreement coverage page (om/avtalens-krav/): which page presents each item, rendered.

The analysis is coverage.py's; this module only renders it, as the last page of
the bokmål build, because it is read off every other page.
"""

from __future__ import annotations

from collections.abc import Mapping

from etablerer.inputs.addresses import COVERAGE_SRC, relative
from etablerer.inputs.fieldtypes import DEFAULT_LANGUAGE
from etablerer.render.environment import Localised, render
from etablerer.render.pages import GeneratedPage
from etablerer.reports.coverage import Presentation, content_pages, coverage, language_codes
from etablerer.view.siteview import SiteView

TEMPLATE = "pages/coverage.md"


def coverage_markdown(view: SiteView, pages: Mapping[str, str]) -> str:
    """The coverage page, from the other pages (generated and content/)."""
    all_pages = {**pages, **content_pages(view.data.content_dir, language_codes(view))}
    cov = coverage(view, all_pages)

    def link(p: Presentation) -> str:
        return relative(COVERAGE_SRC, p.src_uri) + (f"#{p.anchor}" if p.anchor else "")

    return render(TEMPLATE, localised=Localised(view.lang, view.strings),
                  site=view, cov=cov, link=link, about=relative(COVERAGE_SRC, "om.md"))


def with_coverage_page(view: SiteView, pages: list[GeneratedPage]) -> list[GeneratedPage]:
    """The view's generated pages and, in bokmål, last the coverage page read off them
    (which fails the build, naming the item, when no page presents an item)."""
    if view.lang != DEFAULT_LANGUAGE:
        return pages
    return [*pages, GeneratedPage(COVERAGE_SRC, coverage_markdown(view, {p.src_uri: p.markdown for p in pages}), False)]
