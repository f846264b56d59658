"""The import graph of the package, read from the source (AST), function-level imports included.

Used by test_layers.py; plain functions over a folder, so a test can plant a cycle or an
upward import in a throw-away package and see the check catch it.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Import:
    module: str  # dotted name of the importing module
    target: str  # dotted name of the imported module (as far as it is a module of the package)
    line: int

    def __str__(self) -> str:
        return f"{self.module}:{self.line} imports {self.target}"


def modules(package_dir: Path) -> dict[str, Path]:
    """Dotted module name → file, for every .py file of the package (subpackages included)."""
    top = package_dir.name
    out = {}
    for file in sorted(package_dir.rglob("*.py")):
        parts = file.relative_to(package_dir).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join((top, *parts))] = file
    return out


def _resolve(module: str, is_package: bool, node: ast.ImportFrom) -> str:
    if node.level == 0:
        return node.module or ""
    base = module.split(".")
    if not is_package:
        base = base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def imports_of(module: str, file: Path, known: set[str]) -> Iterator[Import]:
    """Every import in the file (at any depth: functions, `if TYPE_CHECKING:` …), as modules."""
    tree = ast.parse(file.read_text(encoding="utf-8"), str(file))
    is_package = file.name == "__init__.py"
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield Import(module, alias.name, node.lineno)
        elif isinstance(node, ast.ImportFrom):
            base = _resolve(module, is_package, node)
            for alias in node.names:
                candidate = f"{base}.{alias.name}"  # `from pkg import submodule`
                own = base.split(".")[0] == module.split(".")[0]
                # outside the package the name may be a module or not: keep it, prefixes still match
                yield Import(module, candidate if candidate in known or not own else base, node.lineno)


def graph(package_dir: Path) -> list[Import]:
    found = modules(package_dir)
    known = set(found)
    return [imp for name, file in found.items() for imp in imports_of(name, file, known)]


def cycles(edges: list[Import], within: str) -> list[list[str]]:
    """Strongly connected groups of more than one module (or a module importing itself), by Tarjan."""
    adjacency: dict[str, set[str]] = {}
    for edge in edges:
        if edge.target.startswith(within + ".") or edge.target == within:
            adjacency.setdefault(edge.module, set()).add(edge.target)
            adjacency.setdefault(edge.target, set())
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(adjacency[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1 or node in adjacency[node]:
                out.append(sorted(group))

    for node in sorted(adjacency):
        if node not in index:
            visit(node)
    return out


def layer_of(module: str, package: str, layers: tuple[str, ...]) -> int | None:
    """The position of a module's layer; the package root's own modules come after every layer."""
    parts = module.split(".")
    if parts[0] != package:
        return None
    if len(parts) == 1 or parts[1] == "__init__":
        return -1  # the package's docstring module: imports nothing
    if parts[1] in layers:
        return layers.index(parts[1])
    return len(layers)  # cli, newcontent, __main__: the commands


def upward(edges: list[Import], package: str, layers: tuple[str, ...]) -> list[Import]:
    """Imports of a module from a layer after its own (the flow runs one way)."""
    bad = []
    for edge in edges:
        mine, theirs = layer_of(edge.module, package, layers), layer_of(edge.target, package, layers)
        if mine is None or theirs is None or theirs == -1:
            continue
        if theirs > mine or (mine == -1 and theirs != -1):
            bad.append(edge)
    return bad
