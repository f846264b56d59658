"""Feature: the municipal copies are the same site, apart from the declared differences.

etablerer.copies.DIFFERENCES is the complete list of what may differ (with
DERIVED: what follows from them, the 404 page's script hashes in its policy and the
copy's own manifest.json, which names its copy and lists its files' SHA-256). For
every pair of copies, each file is byte-for-byte the same once exactly those
differences are put back to their tokens: each copy's base URL, its
accessibility statement and privacy URLs, and the host municipality's name
only inside elements marked data-copy="host-name".
"""

from __future__ import annotations

import gzip
import hashlib
import html
import itertools
import json
import re

import pytest

from etablerer.publish import copymanifest, csp
from etablerer.publish.copies import DERIVED, DIFFERENCES
from etablerer.publish.copymanifest import COPY_MANIFEST
from tests.support.edits import edit_file
from tests.support.expected import COPIES, LANGUAGES, language_prefix, parse_html
from tests.support.project import project_copy
from tests.support.site import build, page_file, read_sitemap, sitemap_entries, sitemap_locations

pytestmark = pytest.mark.build

HOST_NAME = "host_name"  # the one difference that is only replaced inside marked elements
TEXT_KINDS = (".html", ".xml", ".json", ".ics")


def written_forms(value: str) -> set[str]:
    """How a value can be written: as is, HTML-escaped, inside a JSON string."""
    return {value, html.escape(value, quote=True), json.dumps(value)[1:-1], json.dumps(value, ensure_ascii=False)[1:-1]}


def url_replacements(municipality) -> list[tuple[str, str]]:
    pairs = {}
    for difference in DIFFERENCES:
        if difference.name == HOST_NAME:
            continue
        for form in written_forms(difference.value(municipality)):
            pairs.setdefault(form, difference.token)
    return sorted(pairs.items(), key=lambda pair: -len(pair[0]))  # longest first: no partial overlap


def host_name_difference():
    return next(d for d in DIFFERENCES if d.name == HOST_NAME)


_MARKED = re.compile(r'(<(?P<tag>[a-zA-Z][\w-]*)\b[^>]*\bdata-copy="host-name"[^>]*>)(?P<inner>.*?)(</(?P=tag)>)', re.S)


def normalised(site, copy: str, rel: str) -> bytes:
    """The file with exactly the declared differences put back to their tokens."""
    if rel == COPY_MANIFEST:
        return copy_manifest_put_back(site, copy)
    raw = (site.copy_dir(copy) / rel).read_bytes()
    kind = rel[rel.rfind("."):]
    if rel.endswith(".xml.gz"):
        raw, kind = gzip.decompress(raw), ".xml"
    if kind not in TEXT_KINDS:
        return raw
    municipality = site.municipality(copy)
    text = raw.decode("utf-8")
    if kind == ".ics":
        # A copy's URL moves where long lines fold (RFC 5545): compare the unfolded lines.
        text = text.replace("\r\n ", "").replace("\r\n\t", "")
    for value, token in url_replacements(municipality):
        text = text.replace(value, token)
    if kind == ".html":
        host = host_name_difference()
        names = written_forms(host.value(municipality))

        def marked(match):
            inner = match["inner"]
            return match[1] + (host.token if inner in names else inner) + match[4]

        text = _MARKED.sub(marked, text)
        text = derived_policy_put_back(raw.decode("utf-8"), text)
    return text.encode("utf-8")


def derived_policy_put_back(original: str, text: str) -> str:
    """copies.DERIVED: the policy must be exactly what the copy's own page gives;
    in the normalised page it is then recomputed from the normalised scripts."""
    if csp.without_policy(original) == original:
        return text  # no policy (a fragment)
    assert csp.with_policy(original) == original, "the policy is not the one the page's own scripts give"
    return csp.with_policy(text)


COPY_TOKEN = "copy-slug"


def copy_manifest_put_back(site, copy: str) -> bytes:
    """copies.DERIVED: the copy's manifest.json must be exactly what the copy's own files give;
    normalised, it is made again from the normalised files, its copy's slug a token."""
    root = site.copy_dir(copy)
    raw = (root / COPY_MANIFEST).read_bytes()
    document = json.loads(raw)
    rels = [rel for rel in site.all_files(copy) if rel != COPY_MANIFEST]
    own = {rel: (hashlib.sha256(data).hexdigest(), len(data)) for rel in rels for data in [(root / rel).read_bytes()]}
    assert document["copy"] == copy, f"{copy}/{COPY_MANIFEST} names the copy {document['copy']!r}"
    assert raw == copymanifest.render(copy, document["as_of"], document["commit"], document["sample"], own), \
        f"{copy}/{COPY_MANIFEST} is not what the copy's own files give"
    files = {rel: (hashlib.sha256(data).hexdigest(), len(data)) for rel in rels
             for data in [normalised(site, copy, rel)]}
    return copymanifest.render(COPY_TOKEN, document["as_of"], document["commit"], document["sample"], files)


_NORMALISED: dict[tuple[str, str], dict[str, bytes]] = {}


def normalised_copy(site, copy: str) -> dict[str, bytes]:
    """Every file of a copy, normalised; computed once per built site and copy."""
    key = (str(site.out), copy)
    if key not in _NORMALISED:
        _NORMALISED[key] = {rel: normalised(site, copy, rel) for rel in site.all_files(copy)}
    return _NORMALISED[key]


def first_difference(a: bytes, b: bytes, width: int = 80) -> str:
    at = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    return f"at byte {at}: {a[max(0, at - width):at + width]!r} vs {b[max(0, at - width):at + width]!r}"


PAIRS = list(itertools.combinations(COPIES, 2))


@pytest.mark.parametrize(("one", "other"), PAIRS)
def test_the_two_copies_have_the_same_files(site, one, other):
    assert site.all_files(one) == site.all_files(other)


@pytest.mark.parametrize(("one", "other"), PAIRS)
def test_the_two_copies_are_identical_outside_the_declared_differences(site, one, other):
    a, b = normalised_copy(site, one), normalised_copy(site, other)
    differing = {rel: first_difference(a[rel], b[rel]) for rel in sorted(set(a) & set(b)) if a[rel] != b[rel]}
    assert differing == {}, f"{one} and {other} differ outside etablerer.copies.DIFFERENCES"


def test_the_only_derived_differences_are_the_policys_hashes_and_the_copys_manifest():
    assert set(DERIVED) == {"csp_hashes", "copy_manifest"}


def test_the_compared_files_include_every_kind_of_file(site):
    kinds = {rel[rel.rfind("."):] for rel in site.all_files(COPIES[0])}
    assert kinds >= {".html", ".xml", ".gz", ".json", ".css", ".js", ".png", ".svg", ".ics"}


# --- what each copy must have of its own -------------------------------------

@pytest.mark.parametrize("copy", COPIES)
def test_every_canonical_link_is_under_the_copys_own_base_url(site, copy):
    wrong = []
    for rel in site.html_pages(copy):
        for link in site.soup_of(site.copy_dir(copy) / rel).find_all("link", rel="canonical"):
            if not link.get("href", "").startswith(site.base_url(copy)):
                wrong.append(f"{rel}: {link.get('href')}")
    assert wrong == []


@pytest.mark.parametrize("copy", COPIES)
def test_the_canonical_link_of_a_page_is_its_own_address(site, copy):
    about = site.page(copy, "om/")
    assert [link["href"] for link in about.find_all("link", rel="canonical")] == [site.base_url(copy) + "om/"]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("copy", COPIES)
@pytest.mark.parametrize("sitemap", ["sitemap.xml", "sitemap.xml.gz"])
def test_every_alternate_language_link_is_under_the_copys_own_base_url(site, copy, sitemap, lang):
    """<xhtml:link rel="alternate" hreflang=…> in each language's sitemap (not in the pages'
    <head>): the same page in another language of the same copy."""
    entries = sitemap_entries(read_sitemap(site.copy_dir(copy) / language_prefix(lang), sitemap))
    links = [(loc, href) for loc, alternates in entries for _, _, href in alternates]
    assert links, f"{language_prefix(lang)}{sitemap}: no page names its other languages"
    assert [f"{loc}: {href}" for loc, href in links if not href.startswith(site.base_url(copy))] == []


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("copy", COPIES)
@pytest.mark.parametrize("sitemap", ["sitemap.xml", "sitemap.xml.gz"])
def test_every_sitemap_url_is_under_the_copys_own_base_url(site, copy, sitemap, lang):
    """One sitemap per language (en/sitemap.xml, …), each with the copy's own addresses."""
    locations = sitemap_locations(read_sitemap(site.copy_dir(copy) / language_prefix(lang), sitemap))
    base = site.base_url(copy) + language_prefix(lang)
    assert locations and all(loc.startswith(base) for loc in locations), locations


@pytest.mark.parametrize("copy", COPIES)
def test_the_sitemap_lists_the_front_page_and_the_about_page(site, copy):
    locations = sitemap_locations(read_sitemap(site.copy_dir(copy)))
    assert {site.base_url(copy), site.base_url(copy) + "om/"} <= set(locations)


def footer_links(soup) -> set[str]:
    footer = soup.find("footer")
    return {a["href"] for a in footer.find_all("a", href=True)} if footer else set()


@pytest.mark.parametrize("copy", COPIES)
def test_every_footer_links_to_the_copys_own_accessibility_statement(site, copy):
    url = site.municipality(copy).accessibility_statement_url
    without = [rel for rel in site.html_pages(copy) if url not in footer_links(site.soup_of(site.copy_dir(copy) / rel))]
    assert without == [], f"{copy}: footer without a link to {url}"


@pytest.mark.parametrize("copy", COPIES)
def test_every_footer_links_to_the_copys_own_privacy_page(site, copy):
    url = site.municipality(copy).privacy_url
    without = [rel for rel in site.html_pages(copy) if url not in footer_links(site.soup_of(site.copy_dir(copy) / rel))]
    assert without == [], f"{copy}: footer without a link to {url}"


@pytest.mark.parametrize("copy", COPIES)
def test_no_footer_links_to_another_copys_statement_or_privacy_page(site, copy):
    others = {u for m in site.data.municipalities if m.id != copy
              for u in (m.accessibility_statement_url, m.privacy_url, m.base_url)}
    wrong = [f"{rel}: {href}" for rel in site.html_pages(copy)
             for href in footer_links(site.soup_of(site.copy_dir(copy) / rel))
             if any(href.startswith(o) for o in others)]
    assert wrong == []


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("copy", COPIES)
def test_the_accessibility_page_names_the_host_municipality(site, copy, lang):
    marked = site.page(copy, language_prefix(lang) + "tilgjengelighet/").find_all(attrs={"data-copy": "host-name"})
    assert marked and {m.get_text() for m in marked} == {site.municipality(copy).name}


def test_no_copy_token_is_left_in_any_copy(site):
    tokens = [d.token.encode() for d in DIFFERENCES]
    left = [f"{copy}/{rel}" for copy in site.copies for rel in site.all_files(copy)
            if any(t in (site.copy_dir(copy) / rel).read_bytes() for t in tokens)]
    assert left == []


# --- a fifth municipality ----------------------------------------------------

FIFTH = """\
  - id: testby
    name: Testby
    number: "9999"
    counties:
      - county: sorfylket
        period: {start: 2024-01-01}
    populations:
      - count: 1000
        date: 2021-07-01
        source: Test
    base_url: https://www.testby.example.com/etablerertjenesten/
    accessibility_statement_url: https://uustatus.no/nb/erklaringar/publisert/eksempel-testby
    privacy_url: https://www.testby.example.com/personvern/
    sample: true
"""


@pytest.fixture(scope="module")
def five_copies(tmp_path_factory):
    root = project_copy(tmp_path_factory.mktemp("fifth") / "project")
    edit_file(root / "data" / "municipalities.yml", lambda text: text.rstrip("\n") + "\n" + FIFTH)
    return build(root, root.parent / "site")


def test_a_fifth_municipality_in_the_data_gives_a_fifth_copy(five_copies):
    made = sorted(p.name for p in five_copies.out.iterdir() if p.is_dir() and p.name != "_report")
    assert made == sorted([*COPIES, "testby"])


def test_the_fifth_copy_has_every_page_of_the_others(five_copies):
    assert five_copies.all_files("testby") == five_copies.all_files(COPIES[0])


def test_the_fifth_copy_is_published_under_its_own_base_url(five_copies):
    front = five_copies.page("testby", page_file(""))
    assert [link["href"] for link in front.find_all("link", rel="canonical")] == [
        "https://www.testby.example.com/etablerertjenesten/"]


def test_the_fifth_copy_is_identical_to_the_others_outside_the_declared_differences(five_copies):
    a, b = normalised_copy(five_copies, COPIES[0]), normalised_copy(five_copies, "testby")
    differing = {rel: first_difference(a[rel], b[rel]) for rel in sorted(set(a) & set(b)) if a[rel] != b[rel]}
    assert differing == {}


def test_the_landing_page_lists_the_fifth_copy(five_copies):
    links = {a["href"] for a in parse_html((five_copies.out / "index.html").read_text("utf-8")).find_all("a", href=True)}
    assert "testby/" in links
