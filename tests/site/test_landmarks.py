"""Feature: landmarks and names a screen reader lists are clear on every page.

Every landmark is named or the only one of its kind on the page; no complementary
landmark (<aside>) is unnamed; the sample notice is a region named in the page's
language; Material's click-to-close overlays are hidden from assistive technology and are
no empty <label>s; a picture inside a link that has its own name is hidden
(aria-hidden), so it is not read as an unnamed image. Checked in the built HTML of every
page of one copy, in every language (tests/browser/test_ibm.py runs an engine on it).
"""

from __future__ import annotations

from collections import Counter

import pytest

from tests.support.expected import COPY, interface, language_of, parse_html

pytestmark = pytest.mark.build

# Elements that are landmarks by themselves; header and footer only outside sectioning
# content (then they are banner and contentinfo), section and form only with a name.
SECTIONING = ("article", "aside", "main", "nav", "section")
LANDMARK_ROLES = {"banner", "complementary", "contentinfo", "form", "main", "navigation", "region", "search"}


def hidden(element) -> bool:
    return any(e.has_attr("hidden") or e.get("aria-hidden") == "true" for e in [element, *element.parents]
               if getattr(e, "has_attr", None))


def name_of(element, soup) -> str:
    label = (element.get("aria-label") or "").strip()
    if label:
        return label
    ids = (element.get("aria-labelledby") or "").split()
    return " ".join(soup.find(id=i).get_text(" ", strip=True) for i in ids if soup.find(id=i)).strip()


def role_of(element) -> str | None:
    if element.get("role"):
        return element["role"]
    tag = element.name
    inside_sectioning = any(p.name in SECTIONING for p in element.parents)
    return {
        "main": "main",
        "nav": "navigation",
        "aside": "complementary",
        "header": None if inside_sectioning else "banner",
        "footer": None if inside_sectioning else "contentinfo",
        "section": "region" if element.get("aria-label") or element.get("aria-labelledby") else None,
        "form": "form" if element.get("aria-label") or element.get("aria-labelledby") else None,
    }.get(tag)


def landmarks(soup) -> list[tuple[str, str, object]]:
    """(role, name, element) of every landmark not hidden from assistive technology."""
    out = []
    for element in soup.find_all(True):
        role = role_of(element)
        if role in LANDMARK_ROLES and not hidden(element):
            out.append((role, name_of(element, soup), element))
    return out


def short(element) -> str:
    return str(element)[:160]


@pytest.fixture(scope="module")
def pages(site):
    return {rel: site.soup_of(site.copy_dir(COPY) / rel) for rel in site.html_pages(COPY)}


def landmark_problems(rel: str, soup) -> list[str]:
    problems = []
    found = landmarks(soup)
    counts = Counter(role for role, _, _ in found)
    for role, name, element in found:
        if role == "complementary" and not name:
            problems.append(f"{rel}: an unnamed <aside>/complementary landmark: {short(element)}")
        elif counts[role] > 1 and not name:
            problems.append(f"{rel}: one of {counts[role]} {role} landmarks has no name: {short(element)}")
    names = Counter((role, name) for role, name, _ in found if counts[role] > 1)
    return problems + [f"{rel}: {n} {role} landmarks share the name {name!r}" for (role, name), n in names.items()
                       if n > 1]


def overlay_problems(rel: str, soup) -> list[str]:
    problems = []
    overlays = soup.select(".md-overlay, .md-search__overlay")
    if soup.find(id="__drawer") and len(overlays) != 2:  # Material's layout (an embed page has none)
        problems.append(f"{rel}: not the drawer's and search's overlays: {overlays}; has the theme changed?")
    for overlay in overlays:
        if overlay.name == "label" or overlay.get("aria-hidden") != "true":
            problems.append(f"{rel}: an overlay exposed to assistive technology: {short(overlay)}")
    for label in soup.find_all("label"):
        if not hidden(label) and not label.get_text(strip=True):
            problems.append(f"{rel}: an empty <label> assistive technology sees: {short(label)}")
    return problems


def picture_problems(rel: str, soup) -> list[str]:
    """An <svg> or <img> in a link that has its own name (aria-label or text) is decoration:
    aria-hidden (or alt=""), so the link is read once, by its name. (A button's content is
    presentational to assistive technology anyway.)"""
    problems = []
    for link in soup.find_all("a"):
        if not (link.get("aria-label") or link.get_text(strip=True)):
            continue
        for svg in link.find_all("svg"):
            if svg.get("aria-hidden") != "true":
                problems.append(f"{rel}: an <svg> in the named link {short(link)}")
        for img in link.find_all("img"):
            if img.get("alt") != "" and img.get("aria-hidden") != "true":
                problems.append(f"{rel}: an <img> not hidden (alt=\"\") inside the named link {short(link)}")
    return problems


def test_every_landmark_is_named_or_the_only_one_of_its_role(pages):
    problems = [p for rel, soup in pages.items() for p in landmark_problems(rel, soup)]
    assert not problems, "\n".join(problems)


def test_the_sample_notice_is_a_region_named_in_the_pages_language(pages):
    checked = 0
    for rel, soup in pages.items():
        for banner in soup.select(".md-banner"):
            checked += 1
            expected = interface(language_of(rel))["sample_banner_label"]
            assert banner.name != "aside", f"{rel}: the sample notice is an <aside>: {short(banner)}"
            assert role_of(banner) == "region" and name_of(banner, soup) == expected, (
                f"{rel}: the sample notice is not a region named {expected!r}: {short(banner)}")
    assert checked, "no page shows the sample notice: the fixture's data is sample, it must"


def test_click_to_close_overlays_are_hidden_and_no_label_is_empty(pages):
    problems = [p for rel, soup in pages.items() for p in overlay_problems(rel, soup)]
    assert not problems, "\n".join(problems)


def test_pictures_inside_a_named_link_are_hidden(pages):
    logos = sum(len(soup.select("a.md-logo[aria-label]")) for soup in pages.values())
    assert logos, "no logo link found in the header or menu"
    problems = [p for rel, soup in pages.items() for p in picture_problems(rel, soup)]
    assert not problems, "\n".join(problems)


def test_the_checks_find_what_material_had(pages):
    """Material's own markup, planted into a page that passes: an unnamed <aside> banner, an
    empty <label for> overlay, a logo <svg> exposed in the named home link. Each check fails."""
    soup = parse_html(str(pages["index.html"]))
    assert not (landmark_problems("", soup) or overlay_problems("", soup) or picture_problems("", soup))
    banner = soup.select_one(".md-banner")
    banner.name = "aside"
    del banner["aria-label"]
    overlay = soup.select_one(".md-overlay")
    overlay.name = "label"
    overlay["for"] = "__drawer"
    del overlay["aria-hidden"]
    del soup.select_one("a.md-logo svg")["aria-hidden"]
    assert any("unnamed <aside>" in p for p in landmark_problems("", soup))
    assert any("overlay exposed" in p for p in overlay_problems("", soup))
    assert any("empty <label>" in p for p in overlay_problems("", soup))
    assert any("<svg> in the named link" in p for p in picture_problems("", soup))
