"""The pages the data asks for, before any is rendered: the same list in every language."""

from __future__ import annotations

from dataclasses import dataclass, field

from etablerer.facts.courses import FilterGroup, redirects
from etablerer.inputs.addresses import (
    COURSE_TEMPLATE,
    FILTER_TEMPLATE,
    PAGES,
    REDIRECT_TEMPLATE,
    course_page,
    course_src,
)
from etablerer.inputs.servicedata import ServiceData


@dataclass(frozen=True)
class PageSpec:
    """A page the data asks for, before it is rendered in a language."""

    src_uri: str
    template: str
    in_nav: bool
    extra: dict = field(default_factory=dict, compare=False)


def page_specs(data: ServiceData, course_filters: tuple[FilterGroup, ...]) -> list[PageSpec]:
    """Every generated page but the coverage page, in every language alike."""
    specs = [PageSpec(src, name, True) for src, name in PAGES.items()]
    specs += [PageSpec(course_src(c), COURSE_TEMPLATE, False, {"course": c}) for c in data.courses]
    # One static list per filter value (no JavaScript needed), and the old address of a renamed course.
    specs += [PageSpec(f.src, FILTER_TEMPLATE, False, {"course_filter": f})
              for group in course_filters for f in group.filters]
    specs += [PageSpec(course_page(old_id), REDIRECT_TEMPLATE, False, {"course": course})
              for old_id, course in redirects(data.courses)]
    return specs
