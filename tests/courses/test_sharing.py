"""Feature: a link pasted into social media or a search result looks right.

Every page has a meta description taken from its content and Open Graph tags
(title, description, its own absolute URL, a picture we ship). Nothing in
them asks another host for anything.
"""

from __future__ import annotations

import struct

import pytest

from tests.support.expected import COPIES, COURSE_IDS, LANGUAGES, SITE_NAME, language_prefix, normalise, parse_html

from .helpers import FILTER_RULES, RENAMED

NOT_FOUND = "404.html"
NOT_FOUND_PAGES = {language_prefix(lang) + NOT_FOUND for lang in LANGUAGES}  # one per language


def url_of(rel: str) -> str:
    """'kurs/x/index.html' → 'kurs/x/', 'index.html' → ''."""
    return rel[: -len("index.html")] if rel.endswith("index.html") else rel


def meta(soup, **attrs) -> list[str]:
    return [m.get("content") for m in soup.find_all("meta", attrs=attrs)]


def pages(site, copy):
    return [rel for rel in site.html_pages(copy)
            if rel not in NOT_FOUND_PAGES and not rel.startswith(("_report/", "embed/"))]


@pytest.mark.parametrize("copy", COPIES)
def test_every_page_has_one_meta_description_from_its_content(site, copy):
    wrong = []
    for rel in pages(site, copy):
        found = meta(site.soup_of(site.copy_dir(copy) / rel), name="description")
        if len(found) != 1 or not found[0] or len(found[0]) > 160:
            wrong.append(f"{rel}: {found}")
    assert wrong == []


@pytest.mark.parametrize("copy", COPIES)
def test_every_page_has_the_open_graph_tags(site, copy):
    base = site.base_url(copy)
    wrong = []
    for rel in pages(site, copy):
        soup = site.soup_of(site.copy_dir(copy) / rel)
        tags = {p: meta(soup, property=p) for p in ("og:title", "og:description", "og:url", "og:image", "og:type",
                                                      "og:site_name", "og:image:alt")}
        if any(len(v) != 1 or not v[0] for v in tags.values()):
            wrong.append(f"{rel}: {tags}")
            continue
        if tags["og:url"] != [base + url_of(rel)]:
            wrong.append(f"{rel}: og:url {tags['og:url']}")
        if tags["og:description"] != meta(soup, name="description"):
            wrong.append(f"{rel}: og:description differs from the meta description")
        if tags["og:site_name"] != [SITE_NAME]:
            wrong.append(f"{rel}: og:site_name {tags['og:site_name']}")
    assert wrong == []


@pytest.mark.parametrize("copy", COPIES)
def test_the_shared_picture_is_a_png_of_1200_by_630_in_the_copy(site, copy):
    image = meta(site.page(copy, ""), property="og:image")[0]
    assert image.startswith(site.base_url(copy))
    raw = (site.copy_dir(copy) / image[len(site.base_url(copy)):]).read_bytes()
    assert raw[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", raw[16:24]) == (1200, 630)
    assert meta(site.page(copy, ""), property="og:image:width") == ["1200"]
    assert meta(site.page(copy, ""), property="og:image:height") == ["630"]


@pytest.mark.parametrize("course_id", COURSE_IDS)
def test_a_course_is_shared_with_its_title_and_description(site, data, course_id):
    course = next(c for c in data.courses if c.id == course_id)
    soup = site.page(COPIES[0], f"kurs/{course_id}/")
    assert meta(soup, property="og:title") == [course.title]
    description = meta(soup, name="description")[0]
    assert description == course.description or (description.endswith("…") and
                                                 course.description.startswith(description[:-1]))


def test_the_front_page_is_shared_with_the_services_name_and_lead(site):
    soup = site.page(COPIES[0], "")
    assert meta(soup, property="og:title") == [SITE_NAME]
    lead = normalise(soup.find("p", class_="et-lead").get_text())
    [description] = meta(soup, name="description")
    assert description == lead or (description.endswith("…") and lead.startswith(description[:-1]))


@pytest.mark.parametrize("url", sorted(FILTER_RULES))
def test_a_filter_page_is_shared_with_its_own_heading(site, url):
    soup = site.page(COPIES[0], url)
    assert meta(soup, property="og:title") == [normalise(soup.find("h1").get_text())]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_description_is_escaped_in_the_head(data, today, lang):
    from etablerer.publish.copies import TOKEN_HOST
    from etablerer.render.sharing import PageHeads
    from etablerer.view.siteview import SiteView

    hostile = 'Kurs "for" deg & meg <script>alert(1)</script>'
    head = PageHeads(SiteView(data, today, TOKEN_HOST, lang)).head("om.md", "Om &lt;oss&gt;", "",
                                                                   {"description": hostile})
    soup = parse_html(f"<head>{head.html}<meta name='description' content=\"{head.description}\"></head>")
    assert meta(soup, property="og:description") == [hostile]
    assert meta(soup, name="description") == [hostile]
    assert meta(soup, property="og:title") == ["Om <oss>"]
    assert meta(soup, property="og:url") == [f"{TOKEN_HOST.base_url}{language_prefix(lang)}om/"]
    assert soup.find("script") is None


def test_a_long_lead_is_shortened_at_a_word():
    from etablerer.render.sharing import description_of

    words = "ord " * 60
    text = description_of(f'<p>Først</p><p class="et-lead">{words}</p>')
    assert len(text) <= 160 and text.endswith("…") and text.startswith("ord ord")


def test_the_redirect_page_is_shared_as_itself(site):
    old, _ = RENAMED
    soup = site.page(COPIES[0], f"kurs/{old}/")
    assert meta(soup, property="og:url") == [site.base_url(COPIES[0]) + f"kurs/{old}/"]
