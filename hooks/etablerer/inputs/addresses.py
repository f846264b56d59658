"""Every page and file the site has, and its address: the one registry every layer asks.

Page templates (languages/<code>/pages/<name>.md) are named here, so the loader can
check that translators provided them; course pages, calendar files and the coverage
page get their paths here and nowhere else. Every link inside a copy is relative,
so a copy works from any path.
"""

from __future__ import annotations

import posixpath

FRONT_PAGE = "front"  # languages/<code>/pages/front.md: every language of the site must have it

# src_uri (as the generator sees it) → template name (languages/<code>/pages/<name>.md), in menu order.
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
CATALOGUE = "kurs/index.md"
# Services with a page of their own: links to them lead there, so a link named
# "Veiledning" always has the same target as the menu's "Veiledning".
SERVICE_PAGES: dict[str, str] = {
    "veiledning": "veiledning.md",
    "etablererkurs": CATALOGUE,
    "temakurs": CATALOGUE,
}

COURSE_TEMPLATE = "course"
FILTER_TEMPLATE = "course_filter"
REDIRECT_TEMPLATE = "course_redirect"
# Every template a language may have in languages/<code>/pages/ (bokmål must have them all).
TEMPLATE_NAMES: tuple[str, ...] = (*PAGES.values(), COURSE_TEMPLATE, FILTER_TEMPLATE, REDIRECT_TEMPLATE)

COVERAGE_SRC = "om/avtalens-krav.md"  # which page presents each item of the agreement (bokmål only)
FEED = "kurs/alle-kurs.ics"  # the calendar file of every upcoming course


def course_page(course_id: str) -> str:
    """A course's page (also the old address of a renamed course: its former id)."""
    return f"kurs/{course_id}.md"


def filter_page(dimension: str, slug: str) -> str:
    """A static list of the courses of one kind, language, place … ('kurs/sprak/en.md')."""
    return f"kurs/{dimension}/{slug}.md"


def course_src(course) -> str:
    return course_page(course.id)


def course_file(course) -> str:
    """Where a course's calendar file lives, next to its page folder."""
    return f"kurs/{course.id}.ics"


def page_url(src_uri: str) -> str:
    """'kurs/index.md' → 'kurs/', 'om.md' → 'om/', 'index.md' → '' (directory URLs)."""
    stem = src_uri[:-3] if src_uri.endswith(".md") else src_uri
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def relative(from_src: str, to: str) -> str:
    """Relative URL from the page `from_src` to a page (.md) or a file (anything else)."""
    target = page_url(to) if to.endswith(".md") else to
    base = page_url(from_src)
    rel = posixpath.relpath("/" + target, "/" + base)
    if target.endswith("/") or not target:
        rel = "./" if rel == "." else rel + "/"
    return rel


def base_prefix(from_src: str) -> str:
    """The prefix that leads from a page to the root of its copy ('' or '../' …)."""
    depth = page_url(from_src).count("/")
    return "../" * depth
