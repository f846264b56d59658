"""What a page tells the outside world in its <head>: description, Open Graph tags,
structured data, and for an old course address the redirect to the new one.

The adapter hands over each page's source path, title, rendered HTML and
front matter; everything returned is finished, escaped HTML (Material's own
templates do not autoescape).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser

from markupsafe import Markup, escape

from etablerer.facts.courses import redirects
from etablerer.facts.texts import text_in
from etablerer.inputs.fieldtypes import DEFAULT_LANGUAGE
from etablerer.inputs.addresses import CATALOGUE, course_page, course_src, relative
from etablerer.render import structured
from etablerer.render.environment import Localised, render

# A picture we ship (content/assets/), shown when a link is shared; 1200 × 630 as Open Graph expects.
SHARE_IMAGE = "assets/deling.png"
SHARE_IMAGE_SIZE = (1200, 630)
DESCRIPTION_MAX = 160  # what search results and link previews show


@dataclass(frozen=True)
class PageHead:
    description: Markup  # for Material's <meta name="description"> (page.meta.description)
    html: Markup  # Open Graph, JSON-LD, redirect
    noindex: bool  # an old address: never in search engines, whatever the data


class _FirstParagraph(HTMLParser):
    """The text of the lead paragraph (class et-lead), or else of the first paragraph."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lead: list[str] | None = None
        self.first: list[str] | None = None
        self._open: list[list[str]] = []

    def handle_starttag(self, tag, attrs):
        if tag != "p":
            return
        target: list[str] = []
        if self.lead is None and "et-lead" in (dict(attrs).get("class") or "").split():
            self.lead = target
        elif self.first is None:
            self.first = target
        self._open.append(target)

    def handle_endtag(self, tag):
        if tag == "p" and self._open:
            self._open.pop()

    def handle_data(self, data):
        for target in self._open:
            target.append(data)


def text_of_html(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]*>", " ", fragment)).split())


def shorten(text: str, limit: int = DESCRIPTION_MAX) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:.–-")
    return cut + "…"


@lru_cache(maxsize=4096)  # the preview re-renders every page on each save; most are unchanged
def description_of(content_html: str) -> str:
    parser = _FirstParagraph()
    parser.feed(content_html or "")
    chosen = parser.lead if parser.lead else parser.first
    return shorten("".join(chosen or []))


class PageHeads:
    def __init__(self, view):
        self.view = view
        self.moved = {course_page(old): course_src(course) for old, course in redirects(view.data.courses)}
        self.courses = {course_src(c): c for c in view.data.courses}

    def in_sitemap(self, src: str) -> bool:
        """An old address only redirects: search engines should find the page it leads to."""
        return src not in self.moved

    def json_ld(self, src: str) -> list[dict]:
        if src == "index.md":
            return structured.front_page(self.view)
        if src == CATALOGUE:
            return [structured.catalogue(self.view)]
        if src in self.courses:
            return [structured.course(self.courses[src], self.view)]
        return []

    def og_locale(self, src: str) -> str:
        """The Open Graph locale of what the page shows: bokmål's for a course whose texts
        have no translation in this language (the page shows them in bokmål)."""
        course = self.courses.get(src)
        if course is not None and any(text_in(value, self.view.lang)[1] for value in (course.title, course.description)):
            return self.view.data.language_files.interface[DEFAULT_LANGUAGE]["og_locale"]
        return self.view.strings["og_locale"]

    def not_found(self) -> PageHead:
        """The 404 page: the site's description in this language, and its Open Graph tags
        (no og:url: the page is served at any address that does not exist)."""
        view = self.view
        description = view.strings["site_description"]
        markup = Markup(render(
            "sharing/head.html", localised=Localised(view.lang, view.strings),
            site_name=view.data.region.name, title=view.strings["not_found_title"], description=description,
            locale=view.strings["og_locale"], url=None, image=view.host.base_url + SHARE_IMAGE,
            image_size=SHARE_IMAGE_SIZE, redirect=None, json_ld=[]))
        return PageHead(escape(description), markup, noindex=False)

    def head(self, src: str, title: str, content_html: str, meta: dict) -> PageHead:
        view = self.view
        site_name = view.data.region.name
        written = meta.get("description") if isinstance(meta.get("description"), str) else None
        description = shorten(written) if written else description_of(content_html) or site_name
        plain_title = site_name if src == "index.md" else text_of_html(title or "") or site_name
        moved_to = self.moved.get(src)
        markup = Markup(render(
            "sharing/head.html", localised=Localised(view.lang, view.strings),
            site_name=site_name, title=plain_title, description=description, locale=self.og_locale(src),
            url=view.host.base_url + view.copy_url(view.lang, src),
            image=view.host.base_url + SHARE_IMAGE, image_size=SHARE_IMAGE_SIZE,
            redirect=relative(src, moved_to) if moved_to else None,
            json_ld=[structured.script_block(block) for block in self.json_ld(src)],
        ))
        return PageHead(escape(description), markup, noindex=moved_to is not None)
