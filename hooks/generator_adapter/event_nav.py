"""on_nav: the menu of this language; an entry without a translation leads to the bokmål page."""

from __future__ import annotations

from generator_adapter import state
from generator_adapter.contract import LINK_HREFLANG
from generator_adapter.mkdocs_api import Link, Page


def on_nav(nav, config, files):
    pages = {item.file.src_uri: item for item in nav.items if isinstance(item, Page)}
    items = []
    for entry in state.menu:
        if entry.url is None:
            items.append(pages[entry.src_uri])
        else:
            link = Link(entry.title, entry.url)
            setattr(link, LINK_HREFLANG, entry.hreflang)  # read by theme/partials/nav-item.html
            items.append(link)
    nav.items = items
    return nav
