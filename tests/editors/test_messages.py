"""Editors read bokmål: every message goes through the gettext catalogue, and nothing is left in English.

The catalogue is hooks/etablerer/locale/nb/LC_MESSAGES/etablerer.po (`make messages`
updates it from the code); ETABLERER_MESSAGES=en gives the English msgids to developers.
"""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from tools.messages import HOOKS, SOURCES, extracted, untranslated

from etablerer.inputs import messages
from etablerer.inputs.errors import DataError, DataErrors

CATALOGUE = messages.catalogue_file("nb")
GETTEXT_NAMES = {"_", "N_", "ngettext"}


def _catalogue():
    with CATALOGUE.open("rb") as fh:
        return read_po(fh, locale="nb")


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def _ids(catalogue) -> set:
    return {m.id for m in catalogue if m.id}


def test_every_message_in_the_code_has_a_checked_bokmal_text():
    po = _catalogue()
    missing = sorted(str(m) for m in _ids(extracted()) - _ids(po))
    assert missing == [], f"not in the catalogue (run make messages): {missing}"
    unchecked = sorted(str(m.id) for m in po if m.id and (untranslated(m.string) or m.fuzzy))
    assert unchecked == [], f"no checked bokmål text in {CATALOGUE.name}: {unchecked}"


def test_the_catalogue_keeps_no_message_the_code_no_longer_has():
    gone = sorted(str(m) for m in _ids(_catalogue()) - _ids(extracted()))
    assert gone == [], f"run make messages: {gone}"


def test_each_bokmal_text_has_the_placeholders_of_its_message():
    for m in _catalogue():
        if not m.id:
            continue
        ids = m.id if isinstance(m.id, tuple) else (m.id,)
        texts = m.string if isinstance(m.string, tuple) else (m.string,)
        wanted = set().union(*map(_fields, ids))
        for text in texts:
            # A singular form may leave out the count ("Én feil"), never a name it does not have.
            assert _fields(text) <= wanted and _fields(text) >= wanted - {"count"}, (m.id, text)


def _gettext_calls(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in GETTEXT_NAMES:
            yield node


def _python_files():
    for source in SOURCES:
        yield from sorted((HOOKS / source).rglob("*.py"))


def test_messages_are_literal_strings_the_extractor_can_read():
    """_("… {name} …").format(name=…), never _(f"…") or _("…" + x): those would never be found."""
    bad = []
    for file in _python_files():
        for call in _gettext_calls(ast.parse(file.read_text(encoding="utf-8"))):
            literal_count = 2 if call.func.id == "ngettext" else 1
            for arg in call.args[:literal_count]:
                literal = isinstance(arg, ast.Constant) and isinstance(arg.value, str)
                looked_up = call.func.id == "_" and isinstance(arg, (ast.Name, ast.Attribute, ast.Subscript))
                if not (literal or looked_up):
                    bad.append(f"{file.relative_to(HOOKS)}:{call.lineno}")
    assert bad == []


# Words of English sentences that bokmål does not use: a string with three or more words and
# one of these, outside _()/N_()/ngettext() and outside docstrings, is a message left in English.
ENGLISH = {"the", "is", "are", "must", "should", "found", "has", "have", "was", "cannot", "this",
           "with", "of", "and", "not", "run", "fix", "write", "missing", "please", "could", "does"}
WORD = re.compile(r"[A-Za-z']+")
# Strings that are English on purpose, each with why (module, start of the string).
NOT_FOR_EDITORS: dict[tuple[str, str], str] = {
    # helper D: publish/copies.py and the generator adapter
    ("etablerer/publish/copies.py", "links of the 404 page"): "Difference.why: documents a declared difference "
                                                              "for developers and the copy tests",
    ("etablerer/publish/copies.py", "the host"): "Difference.why: developer documentation of a declared difference",
    ("etablerer/publish/copies.py", "script-src/style-src"): "DERIVED: developer documentation of a derived difference",
    ("etablerer/publish/copies.py", "manifest.json at the copy's root"): "DERIVED: developer documentation of a "
                                                                         "derived difference",
    ("etablerer/publish/copies.py", ": contains a copy token"): "CopyError: a fault of the theme or the code "
                                                                "(a token in a file kind copies.py cannot write), "
                                                                "never of the editors' files",
    ("generator_adapter/material_copies.py", " is installed, but"): "for developers upgrading mkdocs-material "
                                                                    "(tests/generator/test_material_version.py)",
    ("generator_adapter/material_copies.py", " (COPIED_FROM"): "for developers upgrading mkdocs-material",
    ("generator_adapter/material_copies.py", "'s file, carry"): "for developers upgrading mkdocs-material",
    ("generator_adapter/state.py", "on_config has not run"): "an internal assertion",
    ("etablerer/facts/courses.py", "not-yet-open"): "Status value: a stable key in CSS classes and "
                                                    "courses.json, never shown as text",
    ("etablerer/render/sharing.py", "not_found_title"): "an interface key of languages/*/interface.yml",
}


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def _english_strings(file: Path):
    tree = ast.parse(file.read_text(encoding="utf-8"))
    skip = _docstrings(tree)
    for call in _gettext_calls(tree):
        skip |= {id(node) for node in ast.walk(call)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
            words = WORD.findall(node.value)
            if len(words) >= 3 and ENGLISH & {w.lower() for w in words}:
                yield node.lineno, node.value


def test_no_message_is_left_only_in_english():
    left = []
    for file in _python_files():
        module = file.relative_to(HOOKS).as_posix()
        for line, text in _english_strings(file):
            if not any(module == m and text.startswith(start) for m, start in NOT_FOR_EDITORS):
                left.append(f"{module}:{line}: {text[:70]!r}")
    assert left == [], "\n".join(left)


def test_the_scan_finds_an_english_message(tmp_path):
    planted = tmp_path / "planted.py"
    planted.write_text('def f():\n    """Docstrings are for developers."""\n'
                       '    return _("this is fine"), "the file is missing"\n', encoding="utf-8")
    assert [text for _, text in _english_strings(planted)] == ["the file is missing"]


def test_messages_are_bokmal_by_default_and_english_with_the_switch(monkeypatch):
    errors = DataErrors([DataError("data/courses/a.yml", 3, "title", "x"), DataError("data/a.yml", 4, "y", "z")])
    assert errors.report().splitlines()[-1] == "2 feil funnet. Rett dem og kjør make check igjen."
    monkeypatch.setenv(messages.SWITCH, "en")
    assert errors.report().splitlines()[-1] == "2 problems found. Fix them and run make check again."
    monkeypatch.setenv(messages.SWITCH, "sv")  # not a language of the catalogue: the editors' bokmål
    assert errors.report().splitlines()[-1].startswith("2 feil funnet.")


@pytest.mark.parametrize("count, last", [(1, "1 feil funnet. Rett den og kjør make check igjen."),
                                         (3, "3 feil funnet. Rett dem og kjør make check igjen.")])
def test_one_and_several_take_their_own_form(count, last):
    errors = DataErrors([DataError("f.yml", n, "", "x") for n in range(count)])
    assert errors.report().splitlines()[-1] == last
