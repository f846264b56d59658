"""pre-commit: local hooks only (nothing cloned), YAML syntax, make check, ruff at the pinned version."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import date

import yaml

from tests.fixtures import FIXTURE, REPO
from tests.support.environ import pinned_environ

CONFIG = REPO / ".pre-commit-config.yaml"
BIN = REPO / ".venv" / "bin"


def hooks() -> dict[str, dict]:
    config = yaml.safe_load(CONFIG.read_text(encoding="utf-8"))
    assert [repo["repo"] for repo in config["repos"]] == ["local"]
    return {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}


def test_the_config_is_valid_and_every_hook_is_local():
    run = subprocess.run([str(BIN / "pre-commit"), "validate-config", str(CONFIG)], capture_output=True, text=True,
                         timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
    assert set(hooks()) == {"yaml-syntax", "make-check", "ruff"}
    assert all(hook["language"] == "system" for hook in hooks().values())


def test_ruff_is_the_pinned_version():
    pin = re.search(r'"ruff==([0-9.]+)"', (REPO / "pyproject.toml").read_text(encoding="utf-8"))[1]
    assert f"ruff=={pin}\n" in (REPO / "requirements.lock").read_text(encoding="utf-8")
    assert hooks()["ruff"]["entry"].startswith(".venv/bin/ruff check")
    version = subprocess.run([str(BIN / "ruff"), "--version"], capture_output=True, text=True, timeout=60).stdout
    assert version.split() == ["ruff", pin]


def test_the_make_check_hook_runs_make_check():
    assert hooks()["make-check"]["entry"] == "make -s check"
    assert hooks()["make-check"]["pass_filenames"] is False


def test_yaml_syntax_hook_reports_file_and_line(tmp_path):
    (tmp_path / "data").mkdir()
    bad = tmp_path / "data" / "region.yml"
    bad.write_text("name: Test\ncontact:\n  phone: 1\n   email: x\n", encoding="utf-8")
    tabbed = tmp_path / "data" / "tabs.yml"
    tabbed.write_text("name: Test\n\tregion: X\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "etablerer.inputs.yamlsyntax", "data/region.yml", "data/tabs.yml"],
                         cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert run.returncode == 1
    lines = run.stderr.splitlines()
    assert lines == ["data/region.yml:4: linjen har 1 mellomrom mer innrykk enn linjen over; "
                     "fjern 1 mellomrom først på linjen",
                     "data/tabs.yml:2: linjen har innrykk med tabulator; bruk mellomrom i stedet"]


def test_yaml_syntax_hook_accepts_the_repositorys_yaml():
    files = [".pre-commit-config.yaml", "mkdocs.yml", *sorted(p.relative_to(REPO).as_posix()
                                                               for p in (FIXTURE / "data").rglob("*.yml"))]
    run = subprocess.run([sys.executable, "-m", "etablerer.inputs.yamlsyntax", *files], cwd=REPO, capture_output=True,
                         text=True, timeout=60)
    assert run.returncode == 0, run.stderr


def test_pre_commit_runs_the_yaml_hook(tmp_path):
    """Through pre-commit itself, on this repository's files (needs the git checkout)."""
    env = pinned_environ(date(2026, 11, 27), PRE_COMMIT_HOME=str(tmp_path / "cache"))
    run = subprocess.run([str(BIN / "pre-commit"), "run", "yaml-syntax", "--files", "mkdocs.yml", "data/region.yml"],
                         cwd=REPO, env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "YAML syntax" in run.stdout and "Passed" in run.stdout
