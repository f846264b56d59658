"""Feature: any valid course, organisation and referral an editor writes is built, and built right.

Hypothesis writes them as YAML text the way editors do: plain, "double-quoted" or
'single-quoted' values, comments between fields and after values, Norwegian letters,
punctuation that means something in Markdown or HTML, translations in block or flow
style, optional fields present or absent, sessions in the past and in the future.
Each example must load (the validator, `make check`'s data part); a few examples are also
built and must pass the content checks (static_problems). The data are valid by
construction: if the validator refused one, the generator (or the validator) is wrong,
and the test says which file and line.
"""

from __future__ import annotations

import json
import re
import tempfile
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from etablerer.inputs.errors import DataErrors
from etablerer.inputs.loading import load_data
from etablerer.inputs.plaintext import text_problems
from etablerer.inputs.yamlsource import parse_yaml
from tests.support.environ import PINNED_DAY as PINNED
from tests.support.project import project_copy

from .promise import holds

MUNICIPALITIES = ("moss", "vestby", "rade", "valer")
SITUATIONS = ("ide", "dagpenger-aap", "ny-i-norge")
TRANSLATED = ("en", "uk", "pl", "ar")
TEACHING = ("nb", "en", "uk", "pl", "ar", "so", "ti", "lt")  # Somali and Tigrinya: no site language

WORDS = ("kurs", "bedrift", "gründer", "økonomi", "årsoppgjør", "Ærlig", "Østfold", "på", "og", "for", "deg",
         "som", "vil", "starte", "regnskap", "moms", "skatt", "Råde", "Våler", "Moss", "Vestby", "ENK", "AS",
         "selvstendig", "næringsdrivende", "kunder", "pris", "nettbutikk", "å", "få", "hjelp")
# Signs that mean something in Markdown or HTML but are plain text: a tag (<b>) or template
# syntax ({{, {%) is an error in a data text (inputs/plaintext.py, tests/data/test_plain_text.py).
MARKS = (":", "–", "-", "«", "»", '"', "'", "#", "&", "<", "a < b", "<3", "*", "_", "`", "(", ")", "[", "]", "{",
         "}", "}}", "%}", "%", "!", "?", "/", "@", "+", "100 %", "kr 250,-", "\\", "|", ">", "~", "...", "’")


@st.composite
def sentence(draw, max_words: int = 12) -> str:
    if draw(st.integers(0, 9)) == 0:  # now and then anything a keyboard or a paste can give
        text = draw(st.text(st.characters(categories=("L", "N", "P", "S", "Zs")), min_size=1, max_size=60))
    else:
        parts = draw(st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(MARKS)), min_size=1,
                              max_size=max_words))
        text = " ".join(parts)
    text = " ".join(text.split())
    return text if text and not text_problems(text) else "Tekst"


@st.composite
def scalar(draw, text: str) -> str:
    """The text as an editor may write it after 'key: ': plain when YAML reads it back as
    the same text, else (or by choice) in double or single quotes."""
    options = [json.dumps(text, ensure_ascii=False), "'" + text.replace("'", "''") + "'"]
    doc, problems = parse_yaml(f"key: {text}\n", "probe.yml")
    if doc is not None and not problems and doc.data == {"key": text}:
        options.append(text)
    return draw(st.sampled_from(options))


@st.composite
def comment(draw) -> str:
    return "# " + draw(sentence(6)).replace("\n", " ") + "\n" if draw(st.booleans()) else ""


@st.composite
def local_text(draw, key: str, indent: str = "") -> tuple[str, list[str]]:
    """`key: text` or its translations beside the bokmål (block or flow style); returns the
    YAML and the languages translated."""
    nb = draw(sentence())
    languages = draw(st.lists(st.sampled_from(TRANSLATED), unique=True, max_size=3))
    if not languages:
        return f"{indent}{key}: {draw(scalar(nb))}\n", []
    texts = {"nb": nb} | {code: draw(sentence()) for code in languages}
    if draw(st.booleans()):
        inner = ", ".join(f"{code}: {json.dumps(text, ensure_ascii=False)}" for code, text in texts.items())
        return f"{indent}{key}: {{{inner}}}\n", languages
    lines = "".join(f"{indent}  {code}: {draw(scalar(text))}\n" for code, text in texts.items())
    return f"{indent}{key}:\n{lines}", languages


def url_for(kind: str, ident: str, query: bool) -> str:
    return f"https://www.example.no/{kind}/{ident}" + ("?kilde=nett&år=2027#skjema" if query else "")


@st.composite
def course(draw, index: int) -> tuple[str, str, str]:
    """(file name, YAML text, id) of a valid course."""
    ident = f"gen-{index}-" + draw(st.sampled_from(("regnskap", "etablererkurs", "markedsforing", "skatt-2027")))
    kind = draw(st.sampled_from(("basic", "theme")))
    fmt = draw(st.sampled_from(("onsite", "online", "hybrid")))
    days = sorted(draw(st.lists(st.integers(0, 480), min_size=1, max_size=4, unique=True)))
    first = date(2026, 9, 1) + timedelta(days=days[0])
    parts: list[str] = [draw(comment())]
    translated: set[str] = set()

    def text_field(key: str, indent: str = "") -> None:
        yaml_text, languages = draw(local_text(key, indent))
        translated.update(languages)
        parts.append(draw(comment()) + yaml_text)

    parts.append(f"sample: {draw(st.sampled_from(('true', 'false')))}\n")
    parts.append(f"id: {ident}\n")
    text_field("title")
    parts.append(f"kind: {kind}  # basic or theme\n" if draw(st.booleans()) else f"kind: {kind}\n")
    text_field("description")
    sessions = "sessions:\n"
    for number, offset in enumerate(days, 1):
        start_minutes = draw(st.integers(8 * 4, 19 * 4)) * 15
        end_minutes = min(start_minutes + draw(st.integers(2, 12)) * 15, 23 * 60 + 45)
        quote = draw(st.sampled_from(("", '"')))
        day = date(2026, 9, 1) + timedelta(days=offset)
        sessions += (f"  - id: del-{number}\n    date: {quote}{day.isoformat()}{quote}\n"
                     f"    start: {quote}{start_minutes // 60:02d}:{start_minutes % 60:02d}{quote}\n"
                     f"    end: {quote}{end_minutes // 60:02d}:{end_minutes % 60:02d}{quote}\n")
    parts.append(draw(comment()) + sessions)
    parts.append(f"format: {fmt}\n")
    if fmt in ("onsite", "hybrid"):
        street, city = draw(sentence(4)), draw(sentence(2))
        parts.append(f"venue:\n  name: {draw(scalar(draw(sentence(5))))}\n"
                     f"  address: {{street: {json.dumps(street, ensure_ascii=False)}, "
                     f"postcode: \"{draw(st.integers(1000, 1999))}\", city: {json.dumps(city, ensure_ascii=False)}}}\n"
                     f"  municipality: {draw(st.sampled_from(MUNICIPALITIES))}\n")
    if fmt in ("online", "hybrid"):
        parts.append(f"online_url: {url_for('rom', ident, draw(st.booleans()))}\n")
    teaching = draw(st.lists(st.sampled_from(TEACHING), min_size=1, max_size=3, unique=True))
    parts.append(f"languages: [{', '.join(teaching)}]\n" if draw(st.booleans())
                 else "languages:\n" + "".join(f"  - {code}\n" for code in teaching))
    price = "0" if kind == "basic" else draw(st.sampled_from(("0", "150", "250", "249.50", '"300,50"', "1200")))
    parts.append(f"price: {price}\n")
    parts.append(f"capacity: {draw(st.integers(1, 500))}\n")
    if draw(st.booleans()):
        parts.append(f"full: {draw(st.sampled_from(('true', 'false')))}\n")
    deadline = first - timedelta(days=draw(st.integers(1, 30)))
    registration = "registration:\n"
    if draw(st.booleans()):
        registration += f"  url: {url_for('pamelding', ident, draw(st.booleans()))}\n"
    registration += f"  deadline: {deadline.isoformat()}\n"
    parts.append(registration)
    text_field("target_group")
    if draw(st.booleans()):
        text_field("practical")
    if draw(st.booleans()):
        parts.append(f"former_ids: [{ident}-gammel]\n")
    if translated and draw(st.booleans()):
        states = {code: draw(st.sampled_from(("drafted", "reviewed"))) for code in sorted(translated)}
        parts.insert(1, "review: {" + ", ".join(f"{k}: {v}" for k, v in states.items()) + "}\n")
    return f"{ident}.yml", "".join(parts), ident


@st.composite
def organisation(draw, index: int) -> tuple[str, str]:
    """(YAML of one entry of organisations.yml, its id)."""
    ident = f"gen-org-{index}"
    parts = [draw(comment()).replace("# ", "  # ", 1), f"  - id: {ident}\n"]
    name, name_languages = draw(local_text("name", "    "))
    role, role_languages = draw(local_text("role", "    "))
    languages = sorted(set(name_languages) | set(role_languages))
    if languages:
        parts.append("    review: {" + ", ".join(f"{code}: drafted" for code in languages) + "}\n")
    parts += [name, f"    kind: {draw(st.sampled_from(('county', 'state', 'municipality', 'company', 'other')))}\n",
              role]
    if draw(st.booleans()):
        parts.append(f"    url: {url_for('org', ident, draw(st.booleans()))}\n")
    if draw(st.booleans()):
        parts.append(f'    org_number: "{draw(st.integers(100_000_000, 999_999_999))}"\n')
    if draw(st.booleans()):
        parts.append("    valid: {start: 2021-03-01}\n")
    if draw(st.booleans()):
        parts.append(f"    sample: {draw(st.sampled_from(('true', 'false')))}\n")
    return "".join(parts), ident


@st.composite
def referral(draw, organisations: list[str]) -> tuple[str, str]:
    """(situation id, YAML of one referral under its referrals:)."""
    org = draw(st.sampled_from(organisations + ["portalen", "skatten"]))
    what, _ = draw(local_text("what", "        "))
    checked = date(2026, 1, 1) + timedelta(days=draw(st.integers(0, 330)))
    return draw(st.sampled_from(SITUATIONS)), (
        f"      - organisation: {org}\n{what}        url: {url_for('hjelp', org, draw(st.booleans()))}\n"
        f"        checked: {checked.isoformat()}\n")


@st.composite
def edits(draw, max_courses: int = 4) -> dict:
    courses = [draw(course(i)) for i in range(draw(st.integers(1, max_courses)))]
    orgs = [draw(organisation(i)) for i in range(draw(st.integers(0, 2)))]
    refs = [draw(referral([ident for _, ident in orgs])) for _ in range(draw(st.integers(0, 3)))]
    return {"courses": courses, "organisations": orgs, "referrals": refs}


def apply(root: Path, change: dict) -> None:
    for name, text, _ in change["courses"]:
        (root / "data" / "courses" / name).write_text(text, encoding="utf-8")
    organisations = root / "data" / "organisations.yml"
    organisations.write_text(organisations.read_text(encoding="utf-8").rstrip("\n") + "\n"
                             + "".join(text for text, _ in change["organisations"]), encoding="utf-8")
    referrals = root / "data" / "referrals.yml"
    text = referrals.read_text(encoding="utf-8")
    for situation, entry in change["referrals"]:
        # at the end of the situation's referrals: before the next situation, or at the end of the file
        match = re.search(rf"(?ms)^  - id: {situation}\n.*?(?=^  - id: |\Z)", text)
        assert match and "    referrals:\n" in match[0], f"fixture problem: situation {situation}"
        text = text[:match.end()].rstrip("\n") + "\n" + entry + text[match.end():]
    referrals.write_text(text, encoding="utf-8")


def loads(root: Path, change: dict):
    try:
        return load_data(root / "data", root / "content", root)
    except DataErrors as problems:
        files = "\n\n".join(f"--- {name}\n{text}" for name, text, _ in change["courses"])
        raise AssertionError(f"valid data refused:\n{problems.report()}\n\n{files}") from None


@pytest.mark.slow
@settings(max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(edits())
def test_valid_courses_organisations_and_referrals_pass_the_validator(change):
    with tempfile.TemporaryDirectory(prefix="generated-") as work:
        root = project_copy(Path(work), code=False)
        apply(root, change)
        data = loads(root, change)
        ids = {c.id for c in data.courses}
        assert {ident for _, _, ident in change["courses"]} <= ids
        assert {ident for _, ident in change["organisations"]} <= {o.id for o in data.organisations}


@pytest.mark.build
@pytest.mark.slow
@settings(max_examples=3, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(edits(max_courses=6))
def test_valid_generated_data_builds_and_passes_the_content_checks(change):
    with tempfile.TemporaryDirectory(prefix="generated-build-") as work:
        root = project_copy(Path(work) / "project")
        apply(root, change)
        loads(root, change)
        site = holds(root, PINNED)
        for _, _, ident in change["courses"]:
            assert (site.copy_dir("moss") / "kurs" / f"{ident}.ics").is_file()
