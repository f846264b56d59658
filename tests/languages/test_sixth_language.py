"""Feature: a new language is data: a code in data/region.yml and files under languages/<code>/.

In a project copy, Lithuanian (lt) is added with its interface strings (a
copy of English's with a few strings changed, review: drafted) and only a
front page. The build (bokmål and Lithuanian only, one copy) then has a
Lithuanian front page, names Lithuanian in every switcher by its own name
(Lietuvių, from CLDR), leads its menu to the bokmål pages, makes no
Lithuanian page that has no translation, and lists what is missing in
site/_report/translations.txt.
"""

from __future__ import annotations

import re

import pytest

from tests.support.expected import COPY, NOT_FOUND, nav_key, nav_sources, normalise, text_of, url_of_file, url_of_source
from tests.support.expected import DEFAULT_LANGUAGE as DEFAULT
from tests.support.expected import parse_html as soup
from tests.support.expected import shown_interface as interface
from tests.support.site import is_embed
from tests.support.site import resolve_rel as resolve

from .conftest import side_build

pytestmark = pytest.mark.build

LT = "lt"
OWN_NAME = "Lietuvių"
# Strings changed from English's, to see that the Lithuanian files are the ones used.
CHANGED = {
    "languages_label": "Pasirinkite kalbą",
    "in_norwegian": "norvegiškai",
    "nav_index": "Pradžia",
    "review_note": "Šio vertimo dar nepatikrino kalbą gerai mokantis žmogus.",
}
SENTENCE = "Lietuviškas bandomasis sakinys apie verslo pradžią."


@side_build("lithuanian", languages=(LT,))
def add_lithuanian(root):
    region = root / "data" / "region.yml"
    text = region.read_text(encoding="utf-8")
    new = re.sub(r"(?m)^languages: \[([^\]]*)\]", lambda m: f"languages: [{m[1]}, {LT}]", text)
    assert new != text, "data/region.yml has no 'languages: [...]' line to add to"
    region.write_text(new, encoding="utf-8")

    target = root / "languages" / LT
    (target / "pages").mkdir(parents=True)
    strings = (root / "languages" / "en" / "interface.yml").read_text(encoding="utf-8")
    for key, value in CHANGED.items():
        strings, count = re.subn(rf"(?m)^{re.escape(key)}: .*$", f"{key}: {value}", strings)
        assert count == 1, f"languages/en/interface.yml: no single '{key}:' line"
    assert re.search(r"(?m)^review: drafted$", strings)
    (target / "interface.yml").write_text(strings, encoding="utf-8")

    front = (root / "languages" / "en" / "pages" / "front.md").read_text(encoding="utf-8")
    front = re.sub(r"\A---\n.*?---\n", "---\nreview: drafted\n---\n", front, count=1, flags=re.DOTALL)
    front, count = re.subn(r"(?m)^(# .*)$", lambda m: f"{m[1]}\n\n<p class=\"et-lt-test\">{SENTENCE}</p>", front,
                           count=1)
    assert count == 1 and front.startswith("---\nreview: drafted\n---\n")
    (target / "pages" / "front.md").write_text(front, encoding="utf-8")


@pytest.fixture(scope="module")
def side_build_lithuanian(side_builds):
    return side_builds["lithuanian"]


@pytest.fixture(scope="module")
def lt_copy(side_build_lithuanian):
    return side_build_lithuanian.wait() / COPY


@pytest.fixture(scope="module")
def lt_pages(lt_copy):
    return {rel: soup((lt_copy / rel).read_text(encoding="utf-8"))
            for rel in sorted(p.relative_to(lt_copy).as_posix() for p in lt_copy.rglob("*.html"))
            if not is_embed(rel)}


def test_there_is_a_lithuanian_front_page(lt_pages):
    page = lt_pages["lt/index.html"]
    assert page.find("html").get("lang") == LT
    assert page.find("html").get("dir") == "ltr"
    assert SENTENCE in normalise(page.find("article").get_text(" "))


def test_the_lithuanian_interface_strings_are_used(lt_pages):
    page = lt_pages["lt/index.html"]
    assert page.find("nav", class_="et-languages").get("aria-label") == CHANGED["languages_label"]
    note = page.find("div", class_="et-translation-note")
    assert note is not None and CHANGED["review_note"] in normalise(note.get_text(" "))


def test_every_switcher_names_lithuanian_in_lithuanian(lt_pages, lt_copy):
    wrong = []
    for rel, page in lt_pages.items():
        if rel.endswith(NOT_FOUND):
            continue  # no switcher on the 404 page yet: test_switcher.py says so
        links = [a for nav in page.find_all("nav", class_="et-languages") for a in nav.find_all("a")
                 if a.get("hreflang") == LT]
        if len(links) != 1 or text_of(links[0]) != OWN_NAME or links[0].get("lang") != LT:
            wrong.append(f"{rel}: {links}")
        elif resolve(lt_copy, rel, links[0]["href"]) != "lt/index.html":
            wrong.append(f"{rel}: Lietuvių leads to {links[0]['href']!r}, expected the Lithuanian front page")
    assert len(lt_pages) > 20 and wrong == [], "\n".join(wrong[:10])


def test_the_lithuanian_menu_leads_to_the_bokmal_pages(lt_pages, lt_copy):
    rel = "lt/index.html"
    links = lt_pages[rel].find("nav", class_="md-nav--primary").find_all("a", class_="md-nav__link")
    by_target = {resolve(lt_copy, rel, a.get("href", "")): a for a in links}
    wrong = []
    for src in nav_sources():
        if src == "index.md":
            a = by_target.get("lt/index.html")
            if a is None or text_of(a) != CHANGED["nav_index"]:
                wrong.append(f"front page entry: {a}")
            continue
        target = url_of_source(src) + "index.html"
        a = by_target.get(target)
        if a is None:
            wrong.append(f"{src}: no menu entry leads to the bokmål {target}")
            continue
        title = interface(DEFAULT)[nav_key(src)]
        if a.get("hreflang") != DEFAULT or not [s for s in a.find_all(lang=DEFAULT) if text_of(s) == title]:
            wrong.append(f"{src}: {a}")
        if f"({CHANGED['in_norwegian']})" not in normalise(a.get_text(" ")):
            wrong.append(f"{src}: no ({CHANGED['in_norwegian']})")
    assert wrong == [], "\n".join(wrong)


def test_no_lithuanian_page_exists_without_a_translation(lt_copy):
    made = sorted(p.relative_to(lt_copy / LT).as_posix() for p in (lt_copy / LT).rglob("*.html"))
    assert made == [NOT_FOUND, "index.html"]


def test_a_language_left_out_of_the_build_has_no_pages(lt_copy):
    # Only bokmål and Lithuanian were built: content/en/ordliste.md (English) must not turn up anywhere.
    left_out = [code for code in ("en", "uk", "pl", "ar") if (lt_copy / code).exists()]
    assert left_out == [], f"folders of languages that were not built: {left_out}"


def bokmal_page_urls(copy_dir) -> set[str]:
    """Every bokmål page of the built copy, as its URL (not the 404 page, the embeds or other languages)."""
    urls = set()
    for file in copy_dir.rglob("*.html"):
        rel = file.relative_to(copy_dir).as_posix()
        if rel.split("/")[0] in (LT, "en", "uk", "pl", "ar") or is_embed(rel) or rel == NOT_FOUND:
            continue
        urls.add(url_of_file(rel))
    return urls


def test_the_translations_report_lists_the_missing_lithuanian_pages(side_build_lithuanian, lt_copy):
    report = (side_build_lithuanian.wait() / "_report" / "translations.txt").read_text(encoding="utf-8")
    listed = {url_of_source(line.split(" ", 2)[2]) for line in report.splitlines()
              if line.startswith(f"{LT}: side ")}
    expected = bokmal_page_urls(lt_copy) - {""}
    assert listed == expected, (f"missing from the report: {sorted(expected - listed)[:10]}; "
                                f"listed but not missing: {sorted(listed - expected)[:10]}")
    assert re.search(rf"(?m)^{LT}: tekst data/", report), "untranslated data texts are listed too"


def test_the_build_sums_up_what_lithuanian_lacks(side_build_lithuanian):
    assert re.search(rf'"{LT}: \d+ sider og \d+ tekster i data/ er ikke oversatt', side_build_lithuanian.summary)
