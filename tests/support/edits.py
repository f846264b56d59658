"""Changing a file of a project copy, the way the tests' cases do."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path


def edit(file: Path, old: str, new: str, count: int = 1) -> None:
    """Replace `old` in `file` with `new`; `old` must occur exactly `count` times (a fixture
    problem otherwise: the case would not change what it says it changes)."""
    text = file.read_text(encoding="utf-8")
    assert text.count(old) == count, f"fixture problem: {old!r} occurs {text.count(old)} times in {file}"
    file.write_text(text.replace(old, new), encoding="utf-8")


def edit_file(file: Path, change: Callable[[str], str]) -> None:
    """Rewrite `file` with change(its text)."""
    file.write_text(change(file.read_text(encoding="utf-8")), encoding="utf-8")
