"""JSON Schema of every data file, generated from the models in model.py.

The models are the one source of truth: `make schema` writes schema/*.json from
them, and tests/editors/test_schema_sync.py fails when the committed files
differ from what the models give. Editors' tools (VS Code with the YAML
extension, mapped in .vscode/settings.json) read the schemas for completion,
hover help and inline errors while typing.

A few rules of rules.py that concern one record only can be written as JSON
Schema too; they are added here (EXTRA_RULES) so the editor shows them early.
Everything else (YAML syntax, references between files, dates in order,
files that must exist) stays the build validator's alone.

    python -m etablerer.inputs.schema           write schema/*.json
    python -m etablerer.inputs.schema --check   exit 1 if schema/ is out of date
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from etablerer.inputs.loading import COURSES_DIR, SINGLE_FILES
from etablerer.inputs.messages import N_, _, bokmal, ngettext
from etablerer.inputs.model import Course

DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_DIR = "schema"


def schema_name(data_file: str) -> str:
    """'region.yml' → 'region.schema.json'; the course files share 'course.schema.json'."""
    return data_file.removesuffix(".yml") + ".schema.json"


# data file (or glob, relative to data/) → (schema file name, model)
TARGETS: dict[str, tuple[str, type[BaseModel]]] = {
    **{name: (schema_name(name), model) for name, model in SINGLE_FILES.items()},
    f"{COURSES_DIR}/*.yml": ("course.schema.json", Course),
}

# Rules from rules.py that JSON Schema can say about one record (by $defs name
# or "" for the file's top level). Keep the wording of the rule in rules.py.
EXTRA_RULES: dict[str, dict[str, list[dict[str, Any]]]] = {
    "course.schema.json": {
        "": [
            {"if": {"required": ["kind"], "properties": {"kind": {"const": "basic"}}},
             "then": {"properties": {"price": {"const": 0,
                                               "description": N_("The basic founder course is free: price 0.")}}}},
            {"if": {"required": ["format"], "properties": {"format": {"enum": ["onsite", "hybrid"]}}},
             "then": {"required": ["venue"], "properties": {"venue": {"type": "object"}}}},
            {"if": {"required": ["format"], "properties": {"format": {"enum": ["online", "hybrid"]}}},
             "then": {"required": ["online_url"], "properties": {"online_url": {"type": "string"}}}},
        ],
    },
    "agreements.schema.json": {
        "Party": [
            {"oneOf": [{"required": ["organisation"]}, {"required": ["municipality"]}]},
        ],
    },
}


def build_schema(file_pattern: str, schema_file: str, model: type[BaseModel]) -> dict[str, Any]:
    generated = model.model_json_schema(mode="validation")
    schema: dict[str, Any] = {
        "$schema": DIALECT,
        "title": f"data/{file_pattern}",
        "description": N_("Made from the models of the build by make schema; do not change this file by hand."),
    }
    schema.update({k: v for k, v in generated.items() if k not in ("title", "description")})
    for definition in schema.get("$defs", {}).values():
        definition.pop("description", None)  # a model's docstring, written for developers
    for where, rules in EXTRA_RULES.get(schema_file, {}).items():
        target = schema if where == "" else schema["$defs"][where]
        target.setdefault("allOf", []).extend(rules)
    return in_bokmal(schema)


def in_bokmal(node: Any) -> Any:
    """The schema with every description (the hover help) in bokmål, whatever ETABLERER_MESSAGES says:
    schema/ is committed, and editors read it. A description without a bokmål text is an error."""
    if isinstance(node, list):
        return [in_bokmal(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {}
    for key, value in node.items():
        if key == "description" and isinstance(value, str):
            out[key] = bokmal(value)
            if out[key] == value:
                raise LookupError(_("the schema description '{text}' has no bokmål text; run make messages and "
                                    "write it in hooks/etablerer/locale/nb/LC_MESSAGES/etablerer.po")
                                  .format(text=value))
        else:
            out[key] = in_bokmal(value)
    return out


def render_schema(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def expected_files() -> dict[str, str]:
    """schema file name → its text, as the models give it now."""
    return {schema_file: render_schema(build_schema(pattern, schema_file, model))
            for pattern, (schema_file, model) in TARGETS.items()}


def stale_files(root: Path) -> list[str]:
    """Schema files that are missing, differ from the models, or are left over."""
    folder = root / SCHEMA_DIR
    expected = expected_files()
    stale = [name for name, text in expected.items()
             if not (folder / name).is_file() or (folder / name).read_text(encoding="utf-8") != text]
    extra = [p.name for p in folder.glob("*.schema.json") if p.name not in expected] if folder.is_dir() else []
    return sorted(stale + extra)


def write_all(root: Path) -> list[str]:
    folder = root / SCHEMA_DIR
    folder.mkdir(exist_ok=True)
    expected = expected_files()
    for old in folder.glob("*.schema.json"):
        if old.name not in expected:
            old.unlink()
    for name, text in expected.items():
        (folder / name).write_text(text, encoding="utf-8")
    return sorted(expected)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m etablerer.inputs.schema", description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path.cwd())
    parser.add_argument("--check", action="store_true", help=_("only report files that are out of date"))
    args = parser.parse_args(argv)
    if args.check:
        stale = stale_files(args.root)
        for name in stale:
            print(_("{file}: out of date with hooks/etablerer/inputs/model.py; run make schema")
                  .format(file=f"{SCHEMA_DIR}/{name}"), file=sys.stderr)
        return 1 if stale else 0
    written = write_all(args.root)
    print(ngettext("Wrote {count} schema file to {folder}: {files}", "Wrote {count} schema files to {folder}: {files}",
                   len(written)).format(count=len(written), folder=f"{SCHEMA_DIR}/", files=", ".join(written)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
