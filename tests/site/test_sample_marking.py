"""Feature: while any data is sample or a logo is a placeholder, every page says so.

Every page shows the banner, in the page's language (languages/<code>/interface.yml,
sample_banner), and asks search engines not to index it. Once the editors have
replaced all sample data, the banner and the noindex go.
"""

from __future__ import annotations

import re

import pytest

from tests.support.edits import edit_file
from tests.support.expected import COPIES, LANGUAGES, SAMPLE_BANNER, language_of, sample_banner, text_of
from tests.support.project import project_copy
from tests.support.site import build

pytestmark = pytest.mark.build


def has_banner(soup, lang: str = "nb") -> bool:
    return sample_banner(lang) in text_of(soup)


def has_any_banner(soup) -> bool:
    return any(has_banner(soup, lang) for lang in LANGUAGES)


def has_noindex(soup) -> bool:
    return any("noindex" in (meta.get("content") or "").lower()
               for meta in soup.find_all("meta", attrs={"name": "robots"}))


def pages_of(site, copy):
    return {rel: site.soup_of(site.copy_dir(copy) / rel) for rel in site.html_pages(copy)}


def test_the_shipped_data_contains_sample_records(data):
    assert any(m.sample for m in data.municipalities) or data.region.sample


def test_the_bokmal_banner_is_the_one_these_specs_know():
    assert sample_banner("nb").startswith(SAMPLE_BANNER)


@pytest.mark.parametrize("copy", COPIES)
def test_every_page_shows_the_sample_banner_in_its_language(site, copy):
    without = [f"{rel} ({language_of(rel)}: {sample_banner(language_of(rel))!r})"
               for rel, soup in pages_of(site, copy).items() if not has_banner(soup, language_of(rel))]
    assert without == [], f"{copy}: pages without the banner in their language"


@pytest.mark.parametrize("copy", COPIES)
def test_every_page_asks_search_engines_not_to_index_it(site, copy):
    without = [rel for rel, soup in pages_of(site, copy).items() if not has_noindex(soup)]
    assert without == [], f'{copy}: pages without <meta name="robots" content="noindex">'


def test_the_landing_page_shows_the_sample_banner(site):
    assert has_banner(site.landing())


def test_the_landing_page_asks_search_engines_not_to_index_it(site):
    assert has_noindex(site.landing())


# --- when all sample data is replaced ----------------------------------------

def without_sample_data(yaml_text: str) -> str:
    """Every `sample: true` gone (false is the default) and every placeholder logo made official."""
    yaml_text = re.sub(r"\bsample:\s*true\b", "sample: false", yaml_text)
    return re.sub(r"\bplaceholder:\s*true\b", "placeholder: false", yaml_text)


@pytest.fixture(scope="module")
def real_site(tmp_path_factory):
    root = project_copy(tmp_path_factory.mktemp("no-sample") / "project")
    for file in (root / "data").rglob("*.yml"):
        edit_file(file, without_sample_data)
    return build(root, root.parent / "site")


def test_the_edited_data_has_no_sample_records_left(real_site):
    assert not any(m.sample for m in real_site.data.municipalities)
    assert not real_site.data.region.sample
    assert not any(c.sample for c in real_site.data.courses)
    assert not any(o.logo.placeholder for o in real_site.data.organisations if o.logo)


@pytest.mark.parametrize("copy", COPIES)
def test_without_sample_data_no_page_shows_the_banner(real_site, copy):
    with_banner = [rel for rel, soup in pages_of(real_site, copy).items() if has_any_banner(soup)]
    assert with_banner == []


@pytest.mark.parametrize("copy", COPIES)
def test_without_sample_data_no_page_asks_not_to_be_indexed(real_site, copy):
    # The old address of a renamed course only redirects: it is never indexed (tests/courses/test_redirect.py).
    with_noindex = [rel for rel, soup in pages_of(real_site, copy).items()
                    if has_noindex(soup) and not soup.find("meta", attrs={"http-equiv": "refresh"})]
    assert with_noindex == []


def test_without_sample_data_the_landing_page_has_no_banner(real_site):
    assert not has_any_banner(real_site.landing())


def test_without_sample_data_the_landing_page_may_be_indexed(real_site):
    assert not has_noindex(real_site.landing())
