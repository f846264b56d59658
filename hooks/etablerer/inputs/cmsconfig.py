"""The Decap CMS configuration (cms/config.yml), generated from the models in model.py.

Like schema/, the models are the one source: `make schema` writes cms/config.yml and
tests/cms/test_cms_config.py fails when the committed file differs. The parts that depend on
data/ (the languages of data/region.yml) and on where the site is published (backend) are
filled in by `make admin` (publish/admin.py) when it writes site/admin/config.yml.

Shapes, chosen so that what Decap writes loads back to the same model:
- a text that may be translated ({nb: …, en: …}) is a `localtext` widget (Decap's object
  widget, one field per language, that also reads a plain string as bokmål: admin/localtext.js);
  only nb here, admin adds the others; bokmål is required;
- dates and times are strings with a pattern, never Decap's datetime widget, so "18:00"
  stays the string the loader reads (fieldtypes.py);
- Literal fields are selects; ids of other records are relation widgets;
- `review:` is an object with one select per translated language (filled in by admin).

    python -m etablerer.inputs.cmsconfig           write cms/config.yml
    python -m etablerer.inputs.cmsconfig --check   exit 1 if it is out of date
"""

from __future__ import annotations

import argparse
import sys
import types
import typing
from pathlib import Path
from typing import Any, Literal, Union

import yaml
from pydantic import BaseModel, TypeAdapter

from etablerer.inputs import fieldtypes as ft
from etablerer.inputs.cmsfields import FILE_COLLECTIONS, LABELS, REFERENCES
from etablerer.inputs.loading import COURSES_DIR, SINGLE_FILES
from etablerer.inputs.messages import N_, _, bokmal
from etablerer.inputs.model import Course

CMS_DIR = "cms"
CONFIG_FILE = "config.yml"
DEFAULT_LANGUAGE = ft.DEFAULT_LANGUAGE
# Logos: uploaded to content/assets/logos/, written as assets/logos/<file> (model.Logo.file).
LOGO_MEDIA_FOLDER = "/content/assets/logos"
LOGO_PUBLIC_FOLDER = "assets/logos"

HEADER = (N_("Made from the models of the build by make schema; do not change this file by hand."),
          N_("make admin fills in the languages and the backend when it writes site/admin/config.yml."))
PATTERN_HINTS: dict[str, str] = {
    "date": N_("Write a date as YYYY-MM-DD, for example 2027-03-15."),
    "time": N_("Write a time as HH:MM, for example 18:00."),
    "id": N_("Only lowercase letters a-z, digits and hyphens, for example etablererkurs-var-2027."),
    "link": N_("A whole link: https://…, mailto:… or tel:…"),
    "other": N_("The value does not have the form the hint describes."),
}
TEXT_TYPES = {ft.Text: "text", ft.ShortText: "string"}
# Decap's object widget that also reads a plain string as the bokmål text (publish/admin.py adds it).
TEXT_WIDGET = "localtext"


def _unwrap_optional(hint: Any) -> tuple[Any, bool]:
    """(type, optional) for `X | None`."""
    if typing.get_origin(hint) in (Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(args) == 1:
            return args[0], True
    return hint, False


def _pattern_of(hint: Any, info: Any = None) -> str | None:
    for meta in getattr(info, "metadata", []) or []:
        if getattr(meta, "pattern", None):
            return meta.pattern
    try:
        schema = TypeAdapter(hint).json_schema()
    except Exception:  # a type without a JSON Schema has no pattern either
        return None
    return schema.get("pattern")


def _pattern_hint(hint: Any) -> str:
    if hint is ft.YamlDate:
        return PATTERN_HINTS["date"]
    if hint is ft.YamlTime:
        return PATTERN_HINTS["time"]
    if hint is ft.Id:
        return PATTERN_HINTS["id"]
    if hint in (ft.Link, ft.BaseUrl):
        return PATTERN_HINTS["link"]
    return PATTERN_HINTS["other"]


def _text_field(widget: str) -> dict[str, Any]:
    """A translatable text: one field per language; make admin adds the languages after nb."""
    return {"widget": TEXT_WIDGET, "collapsed": False,
            "fields": [{"name": DEFAULT_LANGUAGE, "label": "bokmål", "widget": widget, "required": True}]}


def _relation(target: tuple[str, str, str], multiple: bool) -> dict[str, Any]:
    collection, listed, shown = target
    return {"widget": "relation", "collection": collection, "file": collection,
            "value_field": f"{listed}.*.id", "search_fields": [f"{listed}.*.id", f"{listed}.*.{shown}"],
            "display_fields": [f"{listed}.*.{shown}"], "multiple": multiple}


def _leaf(hint: Any, info: Any = None) -> dict[str, Any]:
    """The widget of one value that is not a record or a list."""
    if hint in TEXT_TYPES:
        return _text_field(TEXT_TYPES[hint])
    if hint is ft.Flag or hint is bool:
        return {"widget": "boolean"}
    if typing.get_origin(hint) is Literal:
        return {"widget": "select", "options": list(typing.get_args(hint))}
    if hint is ft.Nok:
        return {"widget": "number", "value_type": "float", "min": 0}
    if hint is ft.Count or hint is int:
        low = next((m.ge for m in getattr(info, "metadata", []) or [] if getattr(m, "ge", None) is not None), 0)
        return {"widget": "number", "value_type": "int", "min": low}
    field: dict[str, Any] = {"widget": "string"}
    pattern = _pattern_of(hint, info)
    if pattern:
        field["pattern"] = [pattern, bokmal(_pattern_hint(hint))]
    return field


def model_fields(model: type[BaseModel]) -> list[dict[str, Any]]:
    """The CMS fields of one model, in the model's order."""
    hints = typing.get_type_hints(model, include_extras=True)
    fields = []
    for name, info in model.model_fields.items():
        if name not in LABELS:
            raise LookupError(_("the field '{name}' of {model} has no label in cmsfields.py LABELS")
                              .format(name=name, model=model.__name__))
        hint, optional = _unwrap_optional(hints[name])
        field: dict[str, Any] = {"name": name, "label": bokmal(LABELS[name])}
        if info.description:
            field["hint"] = bokmal(info.description)
        field.update(_widget(model, name, hint, info))
        if optional or not info.is_required():
            field["required"] = False
            _optional_inside(field)
        fields.append(field)
    return fields


def _optional_inside(field: dict[str, Any]) -> None:
    """Decap checks the required fields inside an object even when the object itself is left out
    (an online course has no venue), so inside an optional object nothing is required: the
    loader still says what a venue, once written, lacks."""
    for inner in field.get("fields", []) if field.get("widget") != "list" else []:
        inner["required"] = False
        _optional_inside(inner)


def _widget(model: type[BaseModel], name: str, hint: Any, info: Any) -> dict[str, Any]:
    reference = REFERENCES.get((model.__name__, name))
    origin = typing.get_origin(hint)
    if origin is dict:  # review: {language: drafted | reviewed}; admin adds one select per language
        return {"widget": "object", "collapsed": True, "fields": []}
    if origin is tuple:
        item = typing.get_args(hint)[0]
        least = next((m.min_length for m in info.metadata if getattr(m, "min_length", None)), None)
        limits = {"min": least} if least else {}
        if reference:
            return {**_relation(reference, multiple=True), **limits}
        if isinstance(item, type) and issubclass(item, BaseModel):
            return {"widget": "list", "collapsed": True, "fields": model_fields(item), **limits}
        return {"widget": "list", "field": {"name": name, "label": bokmal(LABELS[name]), **_leaf(item)}, **limits}
    if reference:
        return _relation(reference, multiple=False)
    if isinstance(hint, type) and issubclass(hint, BaseModel):
        fields = model_fields(hint)
        if hint.__name__ == "Logo":
            for field in fields:
                if field["name"] == "file":
                    field.update({"widget": "image", "media_folder": LOGO_MEDIA_FOLDER,
                                  "public_folder": LOGO_PUBLIC_FOLDER, "choose_url": False})
                    field.pop("pattern", None)
        return {"widget": "object", "collapsed": False, "fields": fields}
    return _leaf(hint, info)


def collections() -> list[dict[str, Any]]:
    name, label = FILE_COLLECTIONS[COURSES_DIR]
    courses = {
        "name": name, "label": bokmal(label), "folder": f"data/{COURSES_DIR}", "extension": "yml", "format": "yml",
        "create": True, "identifier_field": "id", "slug": "{{fields.id}}", "summary": "{{fields.id}}",
        "description": bokmal(N_("One file per course, named by its id (data/courses/<id>.yml). A new course: "
                                 "choose New, write the id as the title in small letters with hyphens and the year "
                                 "it is held, for example regnskap-for-nybegynnere-2027.")),
        "fields": model_fields(Course),
    }
    files = []
    for data_file, model in SINGLE_FILES.items():
        name, label = FILE_COLLECTIONS[data_file]
        files.append({"name": name, "label": bokmal(label), "files": [
            {"name": name, "label": bokmal(label), "file": f"data/{data_file}", "fields": model_fields(model)}]})
    order = [n for n, _label in FILE_COLLECTIONS.values()]
    return sorted([courses, *files], key=lambda c: order.index(c["name"]))


def build_config() -> dict[str, Any]:
    return {
        "backend": {"name": "github", "repo": "OWNER/NAME", "branch": "main"},
        "publish_mode": "editorial_workflow",
        "locale": "nb_no",
        "media_folder": "content/assets",
        "public_folder": "assets",
        "slug": {"encoding": "ascii", "clean_accents": True},
        "collections": [_without_preview(c) for c in collections()],
    }


def _without_preview(collection: dict[str, Any]) -> dict[str, Any]:
    """Decap's preview pane is an untitled frame (axe: frame-title) that shows raw fields, not our
    pages; the page itself is seen with make serve or on the preview site."""
    return {**collection, "editor": {"preview": False}}


def render_config(config: dict[str, Any]) -> str:
    header = "".join(f"# {bokmal(line)}\n" for line in HEADER)
    return header + yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=120)


def expected_text() -> str:
    return render_config(build_config())


def is_stale(root: Path) -> bool:
    target = root / CMS_DIR / CONFIG_FILE
    return not target.is_file() or target.read_text(encoding="utf-8") != expected_text()


def write(root: Path) -> Path:
    target = root / CMS_DIR / CONFIG_FILE
    target.parent.mkdir(exist_ok=True)
    target.write_text(expected_text(), encoding="utf-8")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m etablerer.inputs.cmsconfig", description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path.cwd())
    parser.add_argument("--check", action="store_true", help=_("only report files that are out of date"))
    args = parser.parse_args(argv)
    shown = f"{CMS_DIR}/{CONFIG_FILE}"
    if args.check:
        if is_stale(args.root):
            print(_("{file}: out of date with hooks/etablerer/inputs/model.py; run make schema").format(file=shown),
                  file=sys.stderr)
            return 1
        return 0
    write(args.root)
    print(_("Wrote {file}").format(file=shown))
    return 0


if __name__ == "__main__":
    sys.exit(main())
