"""Property-based tests: whatever an editor (or a fuzzer) writes, the loader
either gives valid models or clean DataErrors, never a traceback."""

from __future__ import annotations

import signal
from contextlib import contextmanager
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from etablerer.inputs.errors import DataError, DataErrors
from etablerer.inputs.loading import load_data
from etablerer.inputs.model import Course
from etablerer.inputs.yamlsource import parse_yaml
from tests.support.project import project_copy

COURSE_FILE = "data/courses/fuzz.yml"

# Characters that matter to YAML, plus right-to-left, zero-width and control ones.
YAML_ALPHABET = st.sampled_from(list(
    "abc:-[]{}#&*!|>'\"%@`,? \n\t\\0189.+" "\u200b\u200f\u202e\u0627\u05d0ø\x00\x0b\x1b\ufeff"))
NASTY_TEXT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=300
) | st.sampled_from([
    "<script>alert(1)</script>", "javascript:alert(1)", " JaVaScRiPt:alert(1)", "data:text/html,x",
    "\u202eevil\u202c", "zero\u200bwidth", "مرحبا", "x" * 5000, "", " ", "no", "yes", "18:00", "2027-02-30",
])


@pytest.fixture(scope="module")
def data_root(tmp_path_factory):
    return project_copy(tmp_path_factory.mktemp("fuzz"), code=False)


def load_course_text(root: Path, text: str):
    """Load the project with one extra course file holding `text`."""
    (root / COURSE_FILE).write_text(text, encoding="utf-8")
    try:
        return load_data(root / "data", root / "content", root)
    finally:
        (root / COURSE_FILE).unlink()


def assert_clean(errors: list[DataError]) -> None:
    assert errors, "a refusal must say why"
    for error in errors:
        assert error.file and error.line >= 1 and error.message
        assert "Traceback" not in str(error)


@given(st.text(alphabet=YAML_ALPHABET, max_size=200))
def test_any_text_parses_or_gives_clean_errors(text):
    doc, errors = parse_yaml(text, "data/x.yml")
    if doc is None:
        assert_clean(errors)
    else:
        assert errors == []


@given(st.text(max_size=200))
def test_any_unicode_text_parses_or_gives_clean_errors(text):
    doc, errors = parse_yaml(text, "data/x.yml")
    assert (doc is None and errors) or (doc is not None and not errors)


def course_documents():
    value = NASTY_TEXT | st.integers() | st.floats(allow_nan=True) | st.booleans() | st.none() | st.dates()
    session = st.fixed_dictionaries({
        "id": st.sampled_from(["del-1", "del-2", "Del 1", ""]) | NASTY_TEXT,
        "date": st.dates().map(str) | NASTY_TEXT,
        "start": st.times().map(lambda t: t.strftime("%H:%M")) | NASTY_TEXT,
        "end": st.times().map(lambda t: t.strftime("%H:%M")) | NASTY_TEXT,
    })
    return st.fixed_dictionaries({
        "id": st.just("fuzz-kurs") | NASTY_TEXT,
        "title": NASTY_TEXT,
        "kind": st.sampled_from(["basic", "theme", "other"]),
        "description": NASTY_TEXT,
        "sessions": st.lists(session, max_size=3),
        "format": st.sampled_from(["onsite", "online", "hybrid", "x"]),
        "online_url": NASTY_TEXT | st.just("https://example.com/x"),
        "languages": st.lists(st.sampled_from(["nb", "en", "uk", "xx", "", "nob"]), max_size=3),
        "price": value,
        "capacity": value,
        "full": value,
        "registration": st.fixed_dictionaries({"deadline": st.dates().map(str) | NASTY_TEXT,
                                               "url": NASTY_TEXT}),
        "target_group": NASTY_TEXT,
    }, optional={"sample": value, "practical": NASTY_TEXT, "venue": st.dictionaries(NASTY_TEXT, value, max_size=3)})


@settings(max_examples=60)
@given(course_documents())
def test_any_course_document_loads_or_gives_clean_errors(data_root, document):
    text = yaml.safe_dump(document, allow_unicode=True)
    try:
        data = load_course_text(data_root, text)
    except DataErrors as exc:
        assert_clean(exc.errors)
        assert all(e.file for e in exc.errors)
        return
    course = next(c for c in data.courses if c.id == document["id"])
    assert isinstance(course, Course)
    assert course.kind == document["kind"]
    for link in [course.online_url, course.registration.url]:
        assert link is None or link.split(":", 1)[0].lower() in ("https", "http", "mailto", "tel")


@contextmanager
def hang_guard(seconds: int):
    """Fail instead of hanging (an unprotected loader expands the bomb for ever)."""
    def expired(signum, frame):
        raise TimeoutError(f"still loading after {seconds} s: the loader hangs")
    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def test_a_billion_laughs_alias_bomb_is_refused_quickly(data_root):
    bomb = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    for i, name in enumerate("bcdefghi"):
        prev = "abcdefghi"[i]
        bomb += f"{name}: &{name} [{', '.join(['*' + prev] * 9)}]\n"
    with hang_guard(60), pytest.raises(DataErrors) as caught:
        load_course_text(data_root, bomb)
    assert [str(e) for e in caught.value.errors] == [
        f"{COURSE_FILE}:2: ankere og henvisninger (&navn, *navn) er ikke tillatt i datafiler; skriv verdien helt ut"]


def test_a_deeply_nested_file_is_refused(data_root):
    with pytest.raises(DataErrors) as caught:
        load_course_text(data_root, "title: " + "[" * 10000 + "]" * 10000 + "\n")
    assert "altfor mange nivåer med innrykk" in str(caught.value.errors[0])


def test_an_oversized_file_is_refused_before_it_is_parsed(data_root):
    with pytest.raises(DataErrors) as caught:
        load_course_text(data_root, "description: " + "x" * (300 * 1024) + "\n")
    assert str(caught.value.errors[0]) == (
        f"{COURSE_FILE}:1: filen er 300 KB; en datafil kan være høyst 256 KB: "
        "del den opp eller fjern det som ikke er data")
