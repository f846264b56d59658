"""Feature: in every language, every page shows who is responsible for the service.

The organisations named by the visibility rule of the agreement (data/agreements.yml:
the one in force on the as-of day, else the most recent) are shown on every
page with their logo and a mention (name and role, the role in the page's
language when it has a translation), together with the municipalities.
"""

from __future__ import annotations

import pytest

from tests.support.expected import (
    COPY,
    NOT_FOUND,
    agreement_for_visibility,
    base_url,
    municipalities,
    nb,
    normalise,
    organisation,
    text_of,
)
from tests.support.expected import LANGUAGES as CODES
from tests.support.expected import language_prefix as prefix
from tests.support.expected import shown_interface as interface
from tests.support.expected import split_language as language_of
from tests.support.expected import translation_of as in_language
from tests.support.site import resolve_rel as resolve


def required():
    rule = agreement_for_visibility()["visibility"]
    return [organisation(org_id) for org_id in rule["organisations"]]


def test_the_rule_names_organisations_with_logos():
    orgs = required()
    assert orgs and all(o.get("logo", {}).get("file") for o in orgs)


@pytest.mark.parametrize("code", CODES)
def test_every_page_shows_each_required_logo_with_its_mention(pages, copy_dir, code):
    wrong, seen = [], 0
    for rel, soup in pages.items():
        if language_of(rel)[0] != code:
            continue
        seen += 1
        for org in required():
            logos = [img for img in soup.find_all("img") if img.get("alt") == org["logo"]["alt"]]
            if not logos:
                wrong.append(f"{rel}: no logo of {nb(org['name'])}")
                continue
            # The 404 page links absolutely (it is served at any address): the copy's own base_url.
            target = resolve(copy_dir, rel, logos[0].get("src", ""), base_url(COPY))
            if target is None or not (copy_dir / target).is_file():
                wrong.append(f"{rel}: the logo of {nb(org['name'])} is {logos[0].get('src')!r}, no file of the copy")
            beside = text_of(logos[0].parent)
            role = normalise(in_language(org["role"], code) or nb(org["role"]))
            name = normalise(in_language(org["name"], code) or nb(org["name"]))
            for said in (name, role):
                if said not in beside:
                    wrong.append(f"{rel}: {said!r} not next to the logo of {nb(org['name'])}")
    assert seen > 0
    assert wrong == [], f"{code}:\n" + "\n".join(wrong[:20])


@pytest.mark.parametrize("code", CODES)
def test_every_page_names_the_municipalities_under_the_heading_in_its_language(pages, code):
    heading = interface(code)["responsible_heading"]
    names = [m["name"] for m in municipalities()]
    wrong = []
    for rel, soup in pages.items():
        if language_of(rel)[0] != code:
            continue
        found = [h for h in soup.find_all(["h2", "h3"]) if text_of(h) == heading]
        said = text_of(found[0].parent) if found else ""
        if not found:
            wrong.append(f"{rel}: no heading {heading!r}")
        wrong += [f"{rel}: {n} not named" for n in names if found and n not in said]
    assert wrong == [], f"{code}:\n" + "\n".join(wrong[:10])


def test_the_not_found_pages_are_among_those_checked(pages):
    assert all(prefix(code) + NOT_FOUND in pages for code in CODES)
