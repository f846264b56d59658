"""The theme overrides copied from Material (hooks/generator_adapter/theme/) match the installed Material.

A copy replaces Material's template completely: after an upgrade of mkdocs-material the
site would keep the old template without a word. This fails until each copy has been
re-checked against the new release and generator_adapter.material.COPIED_FROM updated.
"""

from __future__ import annotations

import importlib.util
from importlib.metadata import version
from pathlib import Path

from generator_adapter import material_copies as material

INSTALLED = version("mkdocs-material")


def _material_templates() -> Path:
    spec = importlib.util.find_spec("material")  # locates the package without importing it
    assert spec is not None and spec.submodule_search_locations, "mkdocs-material is not installed"
    return Path(next(iter(spec.submodule_search_locations))) / "templates"


def test_the_copied_templates_are_from_the_installed_material():
    assert material.copies(), "no file of theme/ says which Material template it copies"
    problem = material.version_problem(INSTALLED)
    assert problem is None, problem


def test_every_copy_names_a_template_the_installed_material_has():
    templates = _material_templates()
    missing = [f"theme/{name}: Material {INSTALLED} has no {original}"
               for name, (_, original) in material.copies().items() if not (templates / original).is_file()]
    assert missing == []


def test_the_check_names_every_copy_when_another_material_is_installed():
    other = "9.9.0" if material.COPIED_FROM != "9.9.0" else "9.9.1"
    problem = material.version_problem(other)
    assert problem is not None
    assert f"mkdocs-material {other} is installed" in problem and material.COPIED_FROM in problem
    for name in material.copies():
        assert f"hooks/generator_adapter/theme/{name}" in problem


def test_the_check_names_a_copy_whose_header_names_another_release(tmp_path):
    theme = material.THEME
    for name in material.copies(theme):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text((theme / name).read_text(encoding="utf-8"), encoding="utf-8")
    stale = tmp_path / "partials" / "footer.html"
    stale.parent.mkdir(exist_ok=True)
    stale.write_text("{#-\n  Material 9.7.0's partials/footer.html with a change.\n-#}\n<footer></footer>\n",
                     encoding="utf-8")
    (tmp_path / "main.html").write_text("{#- Ours, not a copy. -#}\n{% extends \"base.html\" %}\n", encoding="utf-8")
    found = material.copies(tmp_path)
    assert found["partials/footer.html"] == ("9.7.0", "partials/footer.html")
    assert "main.html" not in found
    problem = material.version_problem(material.COPIED_FROM, theme=tmp_path)
    assert problem is not None
    assert "hooks/generator_adapter/theme/partials/footer.html says Material 9.7.0" in problem
    assert "theme/base.html" not in problem
