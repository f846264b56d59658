"""The package's shape: layers that import only the layers before them, no import cycles, no generator.

The order is the data flow, and the folders say it: inputs → facts → view → render →
reports → publish → the commands (cli.py, newcontent.py). Function-level imports and
`if TYPE_CHECKING:` imports count: an import placed inside a function to dodge a cycle is
still a cycle. The checks are tried on planted mistakes below, so they can fail.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from .imports import cycles, graph, modules, upward

HOOKS = Path(__file__).resolve().parents[2] / "hooks"
PACKAGE = HOOKS / "etablerer"
ADAPTER = HOOKS / "generator_adapter"
LAYERS = ("inputs", "facts", "view", "render", "reports", "publish")
GENERATOR_MODULES = ("mkdocs", "material", "properdocs", "watchdog", "generator_adapter")


def test_every_layer_is_a_folder_with_a_docstring_that_says_what_it_may_import():
    for layer in LAYERS:
        init = PACKAGE / layer / "__init__.py"
        assert init.is_file(), f"{layer}/ has no __init__.py"
        assert "May import:" in init.read_text(encoding="utf-8"), f"{layer}/__init__.py does not say what it may import"
    flat = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert flat == ["__init__.py", "__main__.py", "cli.py", "newcontent.py"], "only the commands sit at the root"


def test_no_import_cycles_in_the_package_or_the_adapter():
    for folder in (PACKAGE, ADAPTER):
        found = cycles(graph(folder), folder.name)
        assert found == [], f"import cycles in {folder.name}: {found}"


def test_no_module_imports_a_layer_after_its_own():
    bad = upward(graph(PACKAGE), "etablerer", LAYERS)
    assert [str(b) for b in bad] == []


def test_the_package_imports_neither_the_generator_nor_its_adapter():
    """`make site` finds the adapter's runner through the entry point etablerer.generator (pyproject.toml)."""
    reaching = [e for e in graph(PACKAGE) if e.target.split(".")[0] in GENERATOR_MODULES]
    assert [str(e) for e in reaching] == []


def test_importing_every_module_of_the_package_loads_no_mkdocs_and_no_material():
    names = sorted(modules(PACKAGE))
    assert len(names) > 40  # every module, not a chosen few
    code = ("import importlib, sys\n"
            f"for name in {names!r}:\n"
            "    if not name.endswith('__main__'):\n"
            "        importlib.import_module(name)\n"
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'mkdocs', 'material', 'properdocs'}))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


# --- the checks themselves catch a planted mistake ---------------------------------

def _plant(tmp_path: Path, files: dict[str, str]) -> Path:
    package = tmp_path / "etablerer"
    for name, text in files.items():
        path = package / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    for folder in [package, *[p for p in package.rglob("*") if p.is_dir()]]:
        (folder / "__init__.py").touch()
    return package


def test_a_planted_cycle_through_a_function_level_import_is_found(tmp_path):
    package = _plant(tmp_path, {
        "inputs/loading.py": "from etablerer.inputs.rules import check\n",
        "inputs/rules.py": "def check():\n    from .loading import load  # dodging the cycle\n    return load\n",
    })
    assert cycles(graph(package), "etablerer") == [["etablerer.inputs.loading", "etablerer.inputs.rules"]]


def test_a_planted_cycle_through_a_type_checking_import_is_found(tmp_path):
    package = _plant(tmp_path, {
        "facts/sample.py": ("from typing import TYPE_CHECKING\n"
                            "if TYPE_CHECKING:\n    from etablerer.facts import host\n"),
        "facts/host.py": "from etablerer.facts.sample import x\n",
    })
    assert len(cycles(graph(package), "etablerer")) == 1


@pytest.mark.parametrize("source", [
    "from etablerer.render.environment import render\n",
    "from ..render import environment\n",
    "def later():\n    from etablerer.publish import copies\n",
])
def test_a_planted_upward_import_is_found(tmp_path, source):
    package = _plant(tmp_path, {"view/siteview.py": source, "render/environment.py": "", "publish/copies.py": ""})
    bad = upward(graph(package), "etablerer", LAYERS)
    assert [(b.module, b.target.split(".")[1]) for b in bad] in (
        [("etablerer.view.siteview", "render")], [("etablerer.view.siteview", "publish")])


def test_an_import_from_an_earlier_layer_or_the_same_layer_is_allowed(tmp_path):
    package = _plant(tmp_path, {
        "render/pages.py": "from etablerer.view.siteview import SiteView\nfrom .chrome import x\n",
        "render/chrome.py": "from etablerer.inputs import model\n",
        "view/siteview.py": "", "inputs/model.py": "",
    })
    assert upward(graph(package), "etablerer", LAYERS) == []
