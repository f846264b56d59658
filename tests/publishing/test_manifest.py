"""Feature: `make site` writes site/manifest.json: as-of date, git commit, every file of every copy."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess

import pytest

from tests.fixtures import REPO as ROOT
from tests.support.environ import PINNED_DAY
from tests.support.expected import COPIES


@pytest.fixture(scope="module")
def manifest(published):
    return json.loads((published.out / "manifest.json").read_text(encoding="utf-8"))


def head_commit(root=ROOT) -> str | None:
    """HEAD of a checkout, read here without the product's code; None without git."""
    if shutil.which("git") is None:
        return None
    proc = subprocess.run(["git", "-C", str(root), "rev-parse", "HEAD"], capture_output=True, text=True, timeout=30)
    return proc.stdout.strip() if proc.returncode == 0 else None


def test_the_manifest_gives_the_as_of_date_of_the_build(manifest):
    assert manifest["as_of"] == PINNED_DAY.isoformat()


def test_the_manifest_says_unknown_outside_a_git_checkout(manifest):
    # The session build is of the fixture project, assembled in a temporary folder: no git there.
    assert manifest["commit"] == "unknown"


def test_a_build_from_a_git_checkout_names_its_commit(tmp_path):
    from etablerer.publish.manifest import git_commit
    root = tmp_path / "checkout"
    root.mkdir()
    (root / "README.md").write_text("x\n", encoding="utf-8")
    git = ["git", "-C", str(root), "-c", "user.name=Test", "-c", "user.email=test@example.com"]
    for args in (["init", "-q"], ["add", "README.md"], ["commit", "-q", "-m", "x"]):
        subprocess.run([*git, *args], check=True, capture_output=True, timeout=30)
    expected = head_commit(root)
    assert re.fullmatch(r"[0-9a-f]{40}", expected or "") and git_commit(root) == expected


def test_the_manifest_lists_every_copy_with_its_base_url(published, manifest):
    assert {slug: entry["base_url"] for slug, entry in manifest["copies"].items()} == {
        copy: published.base_url(copy) for copy in COPIES}


@pytest.mark.parametrize("copy", COPIES)
def test_the_manifest_lists_every_file_of_the_copy_with_its_sha256(published, manifest, copy):
    root = published.copy_dir(copy)
    actual = {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
              for p in root.rglob("*") if p.is_file()}
    assert manifest["copies"][copy]["files"] == actual


def test_the_manifest_lists_the_embeds(manifest):
    files = manifest["copies"][COPIES[0]]["files"]
    assert {"embed/snippet.html", "embed/courses/index.html", "embed/courses.json"} <= set(files)


def test_the_manifest_is_beside_the_copies_and_each_copy_has_its_own(published, manifest):
    """site/manifest.json names every copy; inside each copy, manifest.json names only that copy
    (tests/publishing/test_bundles.py checks its content) and site/manifest.json lists it too."""
    assert "copies" in manifest
    for copy in COPIES:
        own = json.loads((published.copy_dir(copy) / "manifest.json").read_text(encoding="utf-8"))
        assert own["copy"] == copy and "copies" not in own
        assert "manifest.json" in manifest["copies"][copy]["files"]
