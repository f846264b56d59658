"""What municipal web teams can paste into a CMS page: a snippet, an iframe page, a JSON feed.

Rendered once, in the single build, for the token host (copies.TOKEN_HOST), so
copies.py turns them into each copy's embeds like every other file: they
differ between copies only by the declared DIFFERENCES. The snippet is pasted
into pages elsewhere, so its links are absolute (the copy's base URL); the
iframe page lives inside the copy, so its links are relative.
"""

from __future__ import annotations

import base64
import json
import mimetypes
from decimal import Decimal
from pathlib import Path

from etablerer.facts.courses import announced, session_cancelled
from etablerer.inputs.addresses import CATALOGUE, base_prefix, course_src, page_url
from etablerer.inputs.model import Course
from etablerer.render.chrome import ChromeRenderer
from etablerer.render.environment import TEMPLATES, Localised, render
from etablerer.view.siteview import SiteView

EMBED_DIR = "embed"
SNIPPET = "embed/snippet.html"
COURSES_PAGE = "embed/courses/index.html"
COURSES_JSON = "embed/courses.json"
COURSES_SCHEMA = "embed/courses.schema.json"  # the JSON Schema of courses.json, published beside it
STYLESHEET = "embed/embed.css"
COURSES_PAGE_SRC = "embed/courses/index.md"  # as if it were a page: for relative links
FORMAT = "etablerertjenesten-kurs/2"  # bump when a field changes meaning or goes away
# 2: title, label and status_text are objects language code → text, in every language that has them


def write_embeds(out: Path, view: SiteView, content_dir: Path) -> list[str]:
    """Write every embed into the built site `out`; returns their paths relative to it."""
    files = {
        SNIPPET: snippet(view, content_dir),
        COURSES_PAGE: courses_page(view),
        COURSES_JSON: courses_json(view),
        COURSES_SCHEMA: (TEMPLATES / "embed" / "courses.schema.json").read_text(encoding="utf-8"),  # data, as is
        STYLESHEET: (TEMPLATES / "embed" / "embed.css").read_text(encoding="utf-8"),  # CSS: no Jinja, no escaping
    }
    for rel, text in files.items():
        target = out / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return list(files)


def data_uri(file: Path) -> str:
    """A logo as a data: URL, so the snippet makes no request of its own."""
    kind = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
    return f"data:{kind};base64,{base64.b64encode(file.read_bytes()).decode('ascii')}"


def snippet(view: SiteView, content_dir: Path) -> str:
    logos = {r.organisation.id: data_uri(content_dir / r.organisation.logo.file)
             for r in view.responsible if r.organisation.logo}
    return render("embed/snippet.html", localised=Localised(view.lang, view.strings),
                  site=view, base=view.host.base_url, logos=logos,
                  courses_url=view.host.base_url + page_url(CATALOGUE))


def courses_page(view: SiteView) -> str:
    root = base_prefix(COURSES_PAGE_SRC)
    chrome = ChromeRenderer(view).chrome(root)
    return render("embed/courses.html", localised=Localised(view.lang, view.strings),
                  site=view, root=root, chrome=chrome,
                  banner=chrome.banner, footer=chrome.footer,
                  canonical=view.host.base_url + page_url(CATALOGUE),
                  course_url=lambda c: root + page_url(course_src(c)))


def _amount(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def _views(view: SiteView) -> list[SiteView]:
    return [view.in_language(language.code) for language in view.data.language_files.languages]


def per_language(views: list[SiteView], course: Course, text) -> dict[str, str]:
    """language code → text(view in that language), for bokmål and every language that has
    the course's title translated (elsewhere a reader would get bokmål under another code)."""
    return {v.lang: text(v) for v in views if course.title.in_language(v.lang) is not None}


def course_record(view: SiteView, course: Course, views: list[SiteView]) -> dict:
    """One course of courses.json; courses.schema.json and the README document every field.
    `views`: one per language, made once per feed (each computes the statuses and labels once)."""
    venue = course.venue
    is_open = view.registration_open(course)
    return {
        "id": course.id,
        "title": per_language(views, course, lambda v: course.title.in_language(v.lang)),
        "label": per_language(views, course, lambda v: v.course_label(course)),
        "kind": course.kind,
        "format": course.format,
        "languages": list(course.languages),
        "price": {"amount": _amount(course.price), "currency": "NOK", "free": course.price == 0},
        "place": None if venue is None else {
            "name": venue.name, "street": venue.address.street, "postcode": venue.address.postcode,
            "city": venue.address.city, "municipality": venue.municipality},
        "sessions": [{"id": s.id, "start": s.starts_at().isoformat(), "end": s.ends_at().isoformat(),
                      **_cancellation(session_cancelled(course, s),
                                      s.cancellation_reason or course.cancellation_reason)}
                     for s in course.sessions],
        "registration": {
            "status": view.status_key(course),
            "status_text": {v.lang: v.status_words(course) for v in views},
            "deadline": course.registration.deadline.isoformat(),
            "open": is_open,
            "url": course.registration.url if is_open else None,
        },
        "url": view.host.base_url + page_url(course_src(course)),
        **_cancellation(view.cancelled(course), course.cancellation_reason),
    }


def _cancellation(cancelled: bool, reason) -> dict:
    """cancelled, and the reason in every language it is written in (null when none is given)."""
    texts = None if reason is None else {"nb": str(reason), **reason.translations}
    return {"cancelled": cancelled, "cancellation_reason": texts if cancelled else None}


def courses_json(view: SiteView) -> str:
    views = _views(view)
    feed = {
        "format": FORMAT,
        "schema": view.host.base_url + COURSES_SCHEMA,
        "service": view.data.region.name,
        "as_of": view.today.isoformat(),
        "sample": view.is_sample,
        "courses_page": view.host.base_url + page_url(CATALOGUE),
        # Cancelled courses stay in the feed (cancelled: true) until their date has passed.
        "courses": [course_record(view, c, views)
                    for c in announced(view.data.courses, view.today, keep_cancelled=True)],
    }
    return json.dumps(feed, ensure_ascii=False, indent=2) + "\n"

