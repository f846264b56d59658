"""The generator in one folder: hooks/generator_adapter/ holds what knows MkDocs or Material.

The theme overrides read only the names the contract lists (contract.py), and every name
listed is read; mkdocs.yml runs every event file of the adapter and nothing else.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from generator_adapter import contract

from .imports import graph

ROOT = Path(__file__).resolve().parents[2]
ADAPTER = ROOT / "hooks" / "generator_adapter"
_NAME = re.compile(r"\betablerer\w*")


def _theme_names() -> set[str]:
    return {name for file in (ADAPTER / "theme").rglob("*") if file.is_file()
            for name in _NAME.findall(file.read_text(encoding="utf-8"))}


def test_the_theme_reads_exactly_the_names_of_the_contract():
    assert _theme_names() == set(contract.NAMES)


def test_the_event_files_set_the_names_through_the_contract_only():
    for file in ADAPTER.glob("event_*.py"):
        text = file.read_text(encoding="utf-8")
        assert not re.search(r"""["']etablerer\w*["']""", text), f"{file.name}: a context name typed as a string"


def test_mkdocs_runs_every_event_file_of_the_adapter():
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    listed = sorted(config["hooks"])
    assert listed == sorted(f"hooks/generator_adapter/{p.name}" for p in ADAPTER.glob("event_*.py"))
    assert config["theme"]["custom_dir"] == "hooks/generator_adapter/theme"


def test_only_the_adapter_imports_mkdocs_and_nothing_else_under_hooks_does():
    outside = [p.name for p in (ROOT / "hooks").iterdir() if p.is_dir()
               and p.name not in ("generator_adapter", "etablerer") and not p.name.endswith(".egg-info")
               and not p.name.startswith((".", "_"))]
    assert outside == []
    assert sorted(p.name for p in (ROOT / "hooks").glob("*.py")) == []
    reaching = [str(e) for e in graph(ROOT / "hooks" / "etablerer") if e.target.split(".")[0] == "mkdocs"]
    assert reaching == []


def test_one_module_of_the_adapter_imports_mkdocs():
    """mkdocs_api.py is the list of what we use of MkDocs; the event files import from it."""
    reaching = sorted({e.module for e in graph(ADAPTER) if e.target.split(".")[0] == "mkdocs"})
    assert reaching == ["generator_adapter.mkdocs_api"]


def test_the_build_command_finds_the_adapters_runner_through_its_entry_point():
    from etablerer.cli import generator_runner
    from generator_adapter import runner

    assert generator_runner() is runner
