"""tools/etablerer-sync.py runs on a municipal server without our venv: one file, the standard
library only, Python >= 3.9."""

from __future__ import annotations

import ast
import importlib.util
import subprocess
import sys

import pytest

from tests.sync.conftest import HANG, TOOL, oldest_python

SOURCE = TOOL.read_text("utf-8")


def test_imports_only_the_standard_library():
    tree = ast.parse(SOURCE)
    modules = set()
    for node in ast.walk(tree):  # function-level imports included
        if isinstance(node, ast.Import):
            modules.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, "a relative import: the tool is one file"
            modules.add(node.module.split(".")[0])
    assert modules, "no imports found: the parse is wrong"
    outside = sorted(m for m in modules - {"__future__"} if m not in sys.stdlib_module_names)
    assert outside == []


def test_parses_as_python_3_9():
    ast.parse(SOURCE, feature_version=(3, 9))


def test_runs_isolated_without_site_packages_under_the_oldest_python():
    """-I -S: no site-packages, no user site, no PYTHON* variables, no current folder on the path."""
    python = oldest_python()
    version = subprocess.run([python, "-I", "-S", "-c", "import sys; print(sys.version_info[:2])"],
                             capture_output=True, text=True, timeout=HANG).stdout.strip()
    result = subprocess.run([python, "-I", "-S", str(TOOL), "--help"], capture_output=True, text=True, timeout=HANG)
    assert result.returncode == 0, f"{python} {version}: {result.stderr}"
    assert "--check-live" in result.stdout
    for module in ("zipfile", "urllib.request", "fcntl"):
        probe = subprocess.run([python, "-I", "-S", "-c", f"import {module}"], capture_output=True, timeout=HANG)
        assert probe.returncode == 0, module


def test_an_older_python_is_told_so(monkeypatch):
    monkeypatch.setattr(sys, "version_info", (3, 8, 18, "final", 0))
    spec = importlib.util.spec_from_file_location("etablerer_sync_old", TOOL)
    with pytest.raises(SystemExit) as stopped:
        spec.loader.exec_module(importlib.util.module_from_spec(spec))
    assert str(stopped.value) == "etablerer-sync trenger Python 3.9 eller nyere (dette er Python 3.8)"
