"""Feature: links, images and pages have names that say where they lead.

Names are taken from Chromium's accessibility tree, as a screen reader gets
them. On a page no two links share a name but lead to different places
("Les mer" five times fails); every image has alt text that fits its role
(a logo names its organisation; a decorative image has empty alt); every
page title is unique among the pages of its language and names both the page
and the service (the same page in two languages may share a title: a course
title without a translation, "Kontakt" in bokmål and Polish).
"""

from __future__ import annotations

from collections import defaultdict

import pytest

from tests.support.browser import DESKTOP, Opener
from tests.support.expected import COPY, SITE_NAME, language_of, language_prefix, normalise

from .support import resolve, site_pages

pytestmark = [pytest.mark.browser, pytest.mark.slow]

IMAGES = """() => [...document.images].map(i => ({src: i.getAttribute('src') || '',
    alt: i.getAttribute('alt'),
    alone: !!i.closest('a, button') && !(i.closest('a, button').innerText || '').trim()}))"""


def links_by_name(page) -> dict[str, set[str]]:
    cdp = page.context.new_cdp_session(page)
    try:
        nodes = cdp.send("Accessibility.getFullAXTree")["nodes"]
    finally:
        cdp.detach()
    names: dict[str, set[str]] = defaultdict(set)
    for node in nodes:
        if node.get("ignored") or node.get("role", {}).get("value") != "link":
            continue
        url = next((p["value"]["value"] for p in node.get("properties", []) if p["name"] == "url"), None)
        name = normalise(node.get("name", {}).get("value", "")).casefold()
        names[name].add(resolve(url, url) if url else "(no address)")
    return names


@pytest.fixture(scope="module")
def seen(browser, server, built):
    """Each page of one copy opened once: its title, link names and images."""
    opener = Opener(browser, server, built)
    page = opener.context(DESKTOP).new_page()
    pages = {}
    for path in site_pages(built.copy_dir(COPY)):
        page.goto(opener.url(path), wait_until="domcontentloaded")
        pages[path] = {"title": normalise(page.title()), "links": links_by_name(page), "images": page.evaluate(IMAGES)}
    opener.close()
    return pages


def test_link_names_are_unique_per_target_on_every_page(seen):
    problems = []
    for path, facts in seen.items():
        for name, targets in facts["links"].items():
            where = f"{COPY}/{path or '(front page)'}"
            if not name:
                problems.append(f"{where}: a link with no name, to {sorted(targets)}")
            elif len(targets) > 1:
                problems.append(f"{where}: {len(targets)} links named '{name}' lead to different places: "
                                f"{sorted(targets)}")
    assert not problems, "\n".join(problems)


def test_every_image_has_alt_text_that_fits_its_role(seen, built):
    logos = {org.logo.file.rsplit("/", 1)[-1]: (org.name, org.logo.alt)
             for org in built.data.organisations if org.logo}
    assert logos, "data names no logo: nothing to check"
    problems, logos_seen = [], set()
    for path, facts in seen.items():
        for image in facts["images"]:
            file = image["src"].rsplit("/", 1)[-1]
            where = f"{COPY}/{path or '(front page)'}: <img src=...{file}>"
            if image["alt"] is None:
                problems.append(f"{where} has no alt attribute")
            elif file in logos:
                logos_seen.add(file)
                name, alt = logos[file]
                if image["alt"] != alt or normalise(name).casefold() not in normalise(image["alt"]).casefold():
                    problems.append(f"{where}: a logo's alt should name {name!r} (data: {alt!r}), is {image['alt']!r}")
            elif image["alt"] == "" and image["alone"]:
                problems.append(f"{where}: empty alt on the only content of a link or button: it has no name")
    assert not problems, "\n".join(problems)
    assert logos_seen, "no logo from data appears on any page"


def test_page_titles_are_unique_and_name_page_and_service(seen):
    titles: dict[tuple[str, str], list[str]] = defaultdict(list)
    problems = []
    for path, facts in seen.items():
        title, language = facts["title"], language_of(path)
        titles[language, title].append(path or "(front page)")
        if SITE_NAME not in title:
            problems.append(f"{path}: title {title!r} does not name the service")
        front_page = path == language_prefix(language)  # headed with the service's name
        if not front_page and title == SITE_NAME:
            problems.append(f"{path}: title {title!r} does not name the page")
    problems += [f"{len(paths)} {language} pages share the title {title!r}: {paths}"
                 for (language, title), paths in titles.items() if len(paths) > 1]
    assert not problems, "\n".join(problems)
