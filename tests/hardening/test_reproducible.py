"""Reproducible builds: the same commit and SOURCE_DATE_EPOCH give byte-identical
site/ trees, whatever folder the project is in and whenever it is built."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.support.expected import COPIES, LANGUAGES, language_prefix
from tests.support.project import project_copy
from tests.support.site import build

pytestmark = [pytest.mark.build, pytest.mark.slow]


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_two_builds_in_different_folders_at_different_times_are_identical(tmp_path):
    first_root = project_copy(tmp_path / "first" / "project")
    second_root = project_copy(tmp_path / "somewhere" / "else" / "entirely")
    build(first_root, first_root / "site")
    time.sleep(1.1)  # a different wall-clock second: only SOURCE_DATE_EPOCH may count
    build(second_root, second_root / "site")
    first, second = tree(first_root / "site"), tree(second_root / "site")

    assert sorted(first) == sorted(second)
    differing = [name for name in first if first[name] != second[name]]
    assert differing == []
    # The comparison covers what tends to break reproducibility, in every copy and every language
    # (a full build: one MkDocs run per language, each with its own sitemap and search index).
    assert any(name.endswith("sitemap.xml.gz") for name in first)
    assert any(name.endswith("search_index.json") for name in first)
    for copy in COPIES:
        for lang in LANGUAGES:
            folder = f"{copy}/{language_prefix(lang)}"
            assert {f"{folder}index.html", f"{folder}search/search_index.json", f"{folder}sitemap.xml.gz"} <= set(first)
