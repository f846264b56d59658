"""Feature: a build that fails leaves the last good site exactly as it was.

An editor's mistake must never take the published pages down. The command
says which file and line to fix, in words, without a Python traceback.
"""

from __future__ import annotations

import re

import pytest

from tests.support.environ import PINNED_DAY
from tests.support.expected import COURSE_IDS
from tests.support.project import project_copy, run_etablerer

pytestmark = pytest.mark.build

BROKEN_COURSE = COURSE_IDS[0]
IMPOSSIBLE_DATE = "2027-02-30"


def snapshot(folder):
    """Every file and folder under `folder` (itself included): its bytes and modification time."""
    state = {".": (None, folder.stat().st_mtime_ns)}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        state[rel] = (path.read_bytes() if path.is_file() else None, path.lstat().st_mtime_ns)
    return state


def break_first_session_date(course_file) -> int:
    """Write an impossible date into the first session; return its line number."""
    lines = course_file.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines) if re.match(r"\s+date:\s*\d{4}-\d{2}-\d{2}", line))
    lines[number] = re.sub(r"\d{4}-\d{2}-\d{2}", IMPOSSIBLE_DATE, lines[number])
    course_file.write_text("".join(lines), encoding="utf-8")
    return number + 1


@pytest.fixture(scope="module")
def failed_build(tmp_path_factory):
    root = project_copy(tmp_path_factory.mktemp("failed") / "project")
    out = root.parent / "site"
    good = run_etablerer(root, PINNED_DAY, "--root", str(root), "build", "--site", str(out))
    assert good.returncode == 0, good.stderr
    before = snapshot(out)
    course_file = root / "data" / "courses" / f"{BROKEN_COURSE}.yml"
    line = break_first_session_date(course_file)
    failed = run_etablerer(root, PINNED_DAY, "--root", str(root), "build", "--site", str(out))
    return {"before": before, "after": snapshot(out), "result": failed, "out": out,
            "file": course_file.relative_to(root).as_posix(), "line": line}


def test_the_build_fails_with_exit_code_1(failed_build):
    assert failed_build["result"].returncode == 1


def test_the_message_names_the_file_and_line(failed_build):
    assert f"{failed_build['file']}:{failed_build['line']}" in failed_build["result"].stderr


def test_the_message_says_what_is_wrong_with_the_date(failed_build):
    assert IMPOSSIBLE_DATE in failed_build["result"].stderr


def test_the_message_has_no_traceback(failed_build):
    result = failed_build["result"]
    assert "Traceback" not in result.stderr + result.stdout


def test_the_site_folder_keeps_the_same_files(failed_build):
    assert sorted(failed_build["after"]) == sorted(failed_build["before"])


def test_every_file_keeps_its_bytes(failed_build):
    before, after = failed_build["before"], failed_build["after"]
    changed = [rel for rel in before if rel in after and before[rel][0] != after[rel][0]]
    assert changed == []


def test_every_file_and_folder_keeps_its_modification_time(failed_build):
    before, after = failed_build["before"], failed_build["after"]
    touched = [rel for rel in before if rel in after and before[rel][1] != after[rel][1]]
    assert touched == []


def test_no_temporary_build_folder_is_left_behind(failed_build):
    leftovers = [p.name for p in failed_build["out"].parent.iterdir()
                 if p.name.startswith((".site-build-", ".site-old-"))]
    assert leftovers == []
