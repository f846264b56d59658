"""Agreement coverage: which page presents each item of the minimum list.

The mapping is read from what the rendered pages really contain, never typed
by hand. A page presents an item when it has
  - the item's anchor, `{ #punkt-<item> }` or id="punkt-<item>" (the offer page), or
  - data-minimum-item="<item>" on an element, or
  - a service that fulfils the item: id="tjeneste-<service>" or data-service="<service>".
Editors' own pages in content/ count too, with the same markers.
The visibility rule is presented by the footer of every page (chrome.py); that
is checked on the rendered footer.

A minimum-list item that no page presents is an error that names the item.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from markupsafe import escape

from etablerer.inputs.addresses import COVERAGE_SRC
from etablerer.inputs.content import editorial_pages
from etablerer.inputs.errors import DataErrors
from etablerer.inputs.fieldtypes import DEFAULT_LANGUAGE
from etablerer.inputs.messages import _
from etablerer.inputs.model import Agreement, MinimumItem, Organisation
from etablerer.render.chrome import ChromeRenderer
from etablerer.view.siteview import SiteView

ITEM_ANCHOR = "punkt-"
SERVICE_ANCHOR = "tjeneste-"

_ITEM = re.compile(r'\{\s*#punkt-([a-z0-9-]+)\s*\}|\bid="punkt-([a-z0-9-]+)"|\bdata-minimum-item="([a-z0-9-]+)"')
_SERVICE = re.compile(r'\bid="tjeneste-([a-z0-9-]+)"|\bdata-service="([a-z0-9-]+)"')
_HEADING = re.compile(r"^# (.+?)(?:\s*\{[^}]*\})?\s*$", re.MULTILINE)
_MD_ESCAPE = re.compile(r"\\(.)")


@dataclass(frozen=True)
class Presentation:
    """One page that presents an item; `anchor` leads to the place on it."""

    src_uri: str
    title: str
    anchor: str


@dataclass(frozen=True)
class ItemCoverage:
    item: MinimumItem
    pages: tuple[Presentation, ...]


@dataclass(frozen=True)
class VisibilityCoverage:
    organisations: tuple[Organisation, ...]
    municipalities: tuple[str, ...]  # names; empty when the rule does not ask for them
    missing: tuple[str, ...]  # names the rendered footer lacks


@dataclass(frozen=True)
class Coverage:
    agreement: Agreement
    ended: bool
    items: tuple[ItemCoverage, ...]
    visibility: VisibilityCoverage


def page_title(markdown: str, fallback: str) -> str:
    match = _HEADING.search(markdown)
    return _MD_ESCAPE.sub(r"\1", match[1]).strip() if match else fallback


def content_pages(content_dir: Path, codes: tuple[str, ...] = ("nb",)) -> dict[str, str]:
    """Editors' bokmål Markdown pages in content/, by src_uri (unreadable ones are check_content's to report);
    translations in content/<code>/ present nothing the original does not."""
    out = {}
    for src, file in editorial_pages(content_dir, codes)[DEFAULT_LANGUAGE].items():
        try:
            out[src] = file.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
    return out


def language_codes(view: SiteView) -> tuple[str, ...]:
    return view.data.region.languages  # all of them: each has its folder in content/, built or not


def presentations(view: SiteView, pages: Mapping[str, str]) -> dict[str, list[Presentation]]:
    """item id → the pages (in the order given) that present it."""
    fulfils = {s.id: s.fulfils for s in view.data.services}
    found: dict[str, list[Presentation]] = {}

    def add(item_id: str, src: str, title: str, anchor: str) -> None:
        entries = found.setdefault(item_id, [])
        if not any(p.src_uri == src for p in entries):
            entries.append(Presentation(src, title, anchor))

    for src, markdown in pages.items():
        if src == COVERAGE_SRC:
            continue
        title = page_title(markdown, src)
        for match in _ITEM.finditer(markdown):
            item_id = next(g for g in match.groups() if g)
            add(item_id, src, title, f"{ITEM_ANCHOR}{item_id}" if not match[3] else "")
        for match in _SERVICE.finditer(markdown):
            service_id = next(g for g in match.groups() if g)
            for item_id in fulfils.get(service_id, ()):
                add(item_id, src, title, f"{SERVICE_ANCHOR}{service_id}" if match[1] else "")
    return found


def visibility_coverage(view: SiteView) -> VisibilityCoverage:
    footer = str(ChromeRenderer(view).responsible(""))
    agreement = view.agreement
    orgs = tuple(view.organisation(o) for o in agreement.visibility.organisations)
    munis = tuple(m.name for m in view.responsible_municipalities)
    missing = [o.name for o in orgs
               if str(escape(o.name)) not in footer or (o.logo and str(escape(o.logo.file)) not in footer)]
    missing += [name for name in munis if str(escape(name)) not in footer]
    return VisibilityCoverage(orgs, munis, tuple(missing))


def coverage(view: SiteView, pages: Mapping[str, str]) -> Coverage:
    """The agreement in force, item by item, with the pages that present each.

    Raises DataErrors naming every item no page presents.
    """
    agreement = view.agreement
    found = presentations(view, pages)
    items = tuple(ItemCoverage(item, tuple(found.get(item.id, ()))) for item in agreement.minimum_items)
    visibility = visibility_coverage(view)
    errors = []
    for entry in items:
        if not entry.pages:
            errors.append(view.data.where(entry.item).error(
                ("id",), _("no page of the site presents the minimum-list item '{item}' ({text}); the agreement "
                           "requires it: present it on a page (the offer page lists every item with the anchor "
                           "punkt-{item})").format(item=entry.item.id, text=entry.item.text)))
    for name in visibility.missing:
        errors.append(view.data.where(agreement.visibility).error(
            ("organisations",), _("the footer of the pages does not show {name}, which the visibility rule "
                                  "names").format(name=name)))
    if errors:
        raise DataErrors(errors)
    return Coverage(agreement, view.agreement_ended(agreement), items, visibility)


def coverage_of(view: SiteView, pages: list) -> Coverage:
    """Coverage from generated pages (objects with src_uri and markdown) and content/."""
    generated = {p.src_uri: p.markdown for p in pages}
    return coverage(view, {**generated, **content_pages(view.data.content_dir, language_codes(view))})
