"""Feature: each language has its own search, over its own pages.

<language>/search/search_index.json lists that language's pages only (every
location is a page under that language's folder) and holds that language's
text (the headings translators wrote in its front page template). Searching in
the browser: test_in_the_browser.py.
"""

from __future__ import annotations

import pytest

from tests.support.expected import LANGUAGES as CODES
from tests.support.expected import OTHER_LANGUAGES as OTHERS
from tests.support.expected import language_prefix as prefix
from tests.support.expected import normalise, template_headings
from tests.support.site import language_pages, search_index


def page_of(location: str) -> str:
    """'kurs/#kommende-kurs' → 'kurs/index.html'; '' → 'index.html'."""
    path = location.split("#", 1)[0]
    return path + "index.html" if path == "" or path.endswith("/") else path


@pytest.mark.parametrize("code", CODES)
def test_every_document_is_a_page_of_that_language(copy_dir, code):
    index = search_index(copy_dir, code)
    own = language_pages(copy_dir)[code]
    strays = sorted({d["location"] for d in index["docs"] if page_of(d["location"]) not in own
                     or d["location"].startswith("../") or d["location"].split("/")[0] in OTHERS})
    assert index["docs"], f"{code}: empty search index"
    assert strays == [], f"{code}: documents that are not pages of {prefix(code) or 'the bokmål root'}: {strays[:10]}"


@pytest.mark.parametrize("code", CODES)
def test_every_page_of_the_language_can_be_found(copy_dir, code):
    index = search_index(copy_dir, code)
    found = {page_of(d["location"]) for d in index["docs"]}
    for page in ("index.html", "kurs/index.html", "kontakt/index.html"):
        assert page in found, f"{code}: {page} is not in the search index"


@pytest.mark.parametrize("code", CODES)
def test_the_index_holds_the_languages_own_text(copy_dir, code):
    titles = {normalise(d["title"]) for d in search_index(copy_dir, code)["docs"]}
    headings = template_headings(code, "front")
    assert headings
    missing = [h for h in headings if h not in titles]
    assert missing == [], f"{code}: front page headings missing from its search index: {missing}"
    foreign = [(other, h) for other in CODES if other != code for h in template_headings(other, "front")
               if h in titles and h not in headings]
    assert foreign == [], f"{code}: another language's headings in its search index: {foreign}"
