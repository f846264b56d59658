"""Feature: every page shows who is responsible for the service (agreement §5.2.1).

The organisations named by the visibility rule of the agreement in force (or,
while none is, of the most recent one) are shown with logo and mention,
together with the municipalities. An organisation that has ceased is shown as
such, with its successors. Who they are comes from the data, never from here.
Every page says it in its own language: the heading and sentences from
languages/<code>/interface.yml, names and roles in that language from data/
(or in bokmål where data has no translation).
"""

from __future__ import annotations

import pytest

from tests.support.expected import COPIES, in_language, interface_text, language_of, normalise, text_of
from tests.support.site import resolve_in_copy

RESPONSIBLE_HEADING = "Ansvarlige for tjenesten"


def test_the_bokmal_heading_is_the_one_these_specs_know():
    assert interface_text("nb", "responsible_heading") == RESPONSIBLE_HEADING


def heading_in(lang: str) -> str:
    return interface_text(lang, "responsible_heading")


def required_organisations(site):
    rule = site.in_force.agreement.visibility
    return [site.data.organisation(org_id) for org_id in rule.organisations]


def ceased(org, today) -> bool:
    return org.valid is not None and org.valid.end is not None and org.valid.end < today


def logos(soup, org):
    return [img for img in soup.find_all("img") if img.get("alt") == org.logo.alt]


def responsible_block(soup, lang: str = "nb"):
    """The part of the page under the heading 'Ansvarlige for tjenesten' (in `lang`)."""
    for heading in soup.find_all(["h2", "h3", "h4"]):
        if text_of(heading) == heading_in(lang):
            return heading.parent
    return None


def pages_of(site, copy):
    return {rel: site.soup_of(site.copy_dir(copy) / rel) for rel in site.html_pages(copy)}


def test_the_visibility_rule_names_organisations_with_logos(site):
    organisations = required_organisations(site)
    assert organisations and all(org.logo for org in organisations)


@pytest.mark.parametrize("copy", COPIES)
def test_every_page_has_the_responsible_section(site, copy):
    without = [f"{rel} ({heading_in(language_of(rel))!r})" for rel, soup in pages_of(site, copy).items()
               if responsible_block(soup, language_of(rel)) is None]
    assert without == [], f"{copy}: pages without a section headed {RESPONSIBLE_HEADING!r} (in their language)"


@pytest.mark.parametrize("copy", COPIES)
def test_every_page_shows_the_logo_of_each_required_organisation(site, copy):
    missing = [f"{rel}: {org.name}" for rel, soup in pages_of(site, copy).items()
               for org in required_organisations(site) if not logos(soup, org)]
    assert missing == [], f"{copy}: no <img> with the logo's alt text from data"


@pytest.mark.parametrize("copy", COPIES)
def test_every_logo_is_a_file_in_the_copy(site, copy):
    broken = []
    for rel, soup in pages_of(site, copy).items():
        for org in required_organisations(site):
            for img in logos(soup, org):
                target = resolve_in_copy(site.copy_dir(copy), rel, img.get("src", ""), site.base_url(copy))
                if target is None or not target.is_file():
                    broken.append(f"{rel}: {img.get('src')!r}")
    assert broken == [], f"{copy}: logo src that leads to no file of the copy"


@pytest.mark.parametrize("copy", COPIES)
def test_every_logo_has_the_organisations_name_and_role_next_to_it(site, copy):
    missing = []
    for rel, soup in pages_of(site, copy).items():
        for org in required_organisations(site):
            for img in logos(soup, org):
                beside = text_of(img.parent)
                lang = language_of(rel)
                for what in (normalise(in_language(org.name, lang)), normalise(in_language(org.role, lang))):
                    if what not in beside:
                        missing.append(f"{rel}: {what!r}")
    assert missing == [], f"{copy}: mention missing next to the logo"


@pytest.mark.parametrize("copy", COPIES)
def test_every_page_names_the_municipalities_as_responsible(site, copy):
    missing = []
    for rel, soup in pages_of(site, copy).items():
        lang = language_of(rel)
        block = responsible_block(soup, lang)
        said = text_of(block) if block else ""
        missing += [f"{rel}: {m.name}" for m in site.data.municipalities
                    if normalise(in_language(m.name, lang)) not in said]
    assert missing == [], f"{copy}: municipality not named in the section {RESPONSIBLE_HEADING!r}"


def test_the_shipped_data_has_a_required_organisation_that_has_ceased(site):
    assert any(ceased(org, site.today) for org in required_organisations(site))


@pytest.mark.parametrize("copy", COPIES)
def test_every_page_says_a_ceased_organisation_has_ceased(site, copy):
    missing = []
    for rel, soup in pages_of(site, copy).items():
        for org in required_organisations(site):
            if not ceased(org, site.today):
                continue
            beside = " ".join(text_of(img.parent) for img in logos(soup, org))
            lang = language_of(rel)
            note = (normalise(in_language(org.ceased_note, lang)) if org.ceased_note
                    else interface_text(lang, "ceased", name=in_language(org.name, lang)))
            if note not in beside:
                missing.append(f"{rel}: {note!r}")
    assert missing == [], f"{copy}: the ceased note is missing next to the logo"


@pytest.mark.parametrize("copy", COPIES)
def test_every_page_names_the_successors_of_a_ceased_organisation(site, copy):
    missing = []
    for rel, soup in pages_of(site, copy).items():
        for org in required_organisations(site):
            if not ceased(org, site.today):
                continue
            beside = " ".join(text_of(img.parent) for img in logos(soup, org))
            lang = language_of(rel)
            missing += [f"{rel}: {site.data.organisation(s).name}" for s in org.successors
                        if normalise(in_language(site.data.organisation(s).name, lang)) not in beside]
    assert missing == [], f"{copy}: successor (organisations.yml, successors:) not named next to the ceased organisation"
