"""The editors' guide VEILEDNING.md: linked from the README, every command and path in it real.

The guide is written for non-programmers, so a command that does not exist or a path that leads
nowhere is a dead end for its reader. What it names in code (between backticks or in a fenced
block) is checked here: every `make <target>` is a Makefile target and every variable given to it
is one the Makefile reads; every repository path (data/…, content/…, schema/…, languages/…) that is
not a placeholder (<id>, <år> …) exists in the repository or in the fixture project. The guide
refers to its own sections by their headings («…»), and so do the README and the recipe tests:
each must be a heading of the guide. And the guide stays easy to read (LIX, the measure the health
report uses for the site's own pages).
"""

from __future__ import annotations

import re
from pathlib import Path

from etablerer.reports.readability import lix, plain_text

REPO = Path(__file__).resolve().parents[2]
GUIDE = REPO / "VEILEDNING.md"
README = REPO / "README.md"
MAKEFILE = REPO / "Makefile"
FIXTURE = REPO / "tests" / "fixtures" / "project"
RECIPE_TESTS = sorted((REPO / "tests" / "editors").glob("test_recipes*.py"))

LIX_AT_MOST = 45  # 40–50 reads like a newspaper; the guide should read easier than that
# The language the guide's "Legg til et nytt språk" adds as its example: its files are ones the
# reader creates, so they do not exist yet.
EXAMPLE_NEW_LANGUAGE = "lt"

_FENCED = re.compile(r"^```[^\n]*\n(.*?)^```", re.M | re.S)
_INLINE = re.compile(r"`([^`\n]+)`")
_MAKE = re.compile(r"(?<![\w.-])make ([a-z][\w-]*)((?: [A-Z_]+=\S+)*)")
_TARGET = re.compile(r"^([A-Za-z][\w-]*):(?!=)", re.M)
_PATH = re.compile(r"(?<![\w/.-])((?:data|content|schema|languages)/[^\s`'\"()\[\],;]*)")
_PLACEHOLDER = re.compile(r"[<>…*{}]")
_SEE = re.compile(r"\b[Ss]e\s+(?:også\s+)?«([^»]+)»")
_HEADING = re.compile(r"^#{1,4} (.+?)\s*$", re.M)


def guide() -> str:
    return GUIDE.read_text(encoding="utf-8")


def code(text: str) -> list[str]:
    """What the text shows as code: fenced blocks whole, then the inline code spans of the rest."""
    blocks = _FENCED.findall(text)
    return blocks + _INLINE.findall(_FENCED.sub("", text))


def headings(text: str) -> set[str]:
    return set(_HEADING.findall(_FENCED.sub("", text)))


def test_the_readme_links_the_guide():
    assert "](VEILEDNING.md)" in README.read_text(encoding="utf-8")


def test_every_make_command_of_the_guide_is_a_makefile_target():
    makefile = MAKEFILE.read_text(encoding="utf-8")
    targets = set(_TARGET.findall(makefile))
    used = [(m[1], m[2]) for snippet in code(guide()) for m in _MAKE.finditer(snippet)]
    assert used, "the guide names no make command"
    assert sorted({target for target, _ in used} - targets) == []
    variables = {part.split("=")[0] for _, given in used for part in given.split()}
    assert sorted(v for v in variables if not re.search(rf"\b{v}\b", makefile)) == []


def _is_example(path: str) -> bool:
    """A placeholder, a file of the example language, or one course file (courses come and go: the
    repository's are the editors', the fixture's have ids of their own)."""
    parts = path.split("/")
    return (bool(_PLACEHOLDER.search(path)) or EXAMPLE_NEW_LANGUAGE in parts
            or bool(re.fullmatch(r"data/courses/[a-z0-9-]+\.yml", path)))


def test_every_repository_path_of_the_guide_exists():
    paths = {m[1].split(":")[0].rstrip(".") for snippet in code(guide()) for m in _PATH.finditer(snippet)}
    assert "data/organisations.yml" in paths, paths  # the pattern finds them
    missing = sorted(p for p in paths
                     if not _is_example(p) and not (REPO / p).exists() and not (FIXTURE / p).exists())
    assert missing == []


def test_every_section_the_guide_readme_and_recipe_tests_refer_to_is_a_heading_of_the_guide():
    text = guide()
    sections = headings(text)
    referred = set(_SEE.findall(text))
    readme = README.read_text(encoding="utf-8")
    referred |= set(re.findall(r'VEILEDNING\.md, "([^"]+)"', readme))
    for test in RECIPE_TESTS:
        referred |= set(re.findall(r"«([^»]+)»", test.read_text(encoding="utf-8")))
    referred = {" ".join(name.split()) for name in referred}  # a reference may wrap over lines
    assert len(referred) > 5, referred
    assert sorted(referred - sections) == []


def test_the_guide_is_easy_to_read():
    measured = lix(plain_text(guide()))
    assert measured.value <= LIX_AT_MOST, (
        f"VEILEDNING.md has LIX {measured.value:.0f} ({measured.words_per_sentence:.1f} words per sentence, "
        f"{measured.long_share:.0f}% long words); make its sentences shorter")
