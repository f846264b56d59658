"""data/ → validated models, with every problem of the run reported at once.

Each file is parsed with line marks (yamlsource.py), checked against its model
(model.py), then the whole is checked across files (rules.py).
"""

from __future__ import annotations

import difflib
import hashlib
import re
from pathlib import Path
from typing import Any, get_args

from pydantic import BaseModel, ValidationError
from pydantic_core.core_schema import ErrorType

from etablerer.inputs.addresses import TEMPLATE_NAMES
from etablerer.inputs.errors import DataError, DataErrors, format_loc, shown_path
from etablerer.inputs.languages import load_language_files
from etablerer.inputs.messages import N_, _
from etablerer.inputs.model import (
    AgreementsFile,
    Course,
    MunicipalitiesFile,
    OrganisationsFile,
    ReferralsFile,
    Region,
    ServicesFile,
)
from etablerer.inputs.rules import check_rules
from etablerer.inputs.servicedata import Located, ServiceData
from etablerer.inputs.yamlsource import SourceDoc, load_yaml

# The data files and the model each must match.
SINGLE_FILES: dict[str, type[BaseModel]] = {
    "region.yml": Region,
    "municipalities.yml": MunicipalitiesFile,
    "organisations.yml": OrganisationsFile,
    "agreements.yml": AgreementsFile,
    "services.yml": ServicesFile,
    "referrals.yml": ReferralsFile,
}
COURSES_DIR = "courses"


def load_data(data_dir: Path, content_dir: Path, root: Path | None = None) -> ServiceData:
    """Load and check all of data/. Raises DataErrors with every problem found."""
    root = root or data_dir.parent
    errors: list[DataError] = []
    parsed: dict[str, Any] = {}
    locations: dict[int, Located] = {}
    sources: dict[str, SourceDoc] = {}

    for name, model in SINGLE_FILES.items():
        file = data_dir / name
        shown = shown_path(file, root)
        if not file.is_file():
            errors.append(DataError(shown, 1, "", _("the file is missing; data/ needs {name}").format(name=name)))
            continue
        obj, doc = _load_one(file, shown, model, errors)
        if obj is not None:
            parsed[name] = obj
            sources[name] = doc
            _index(obj, doc, (), locations)

    courses: list[Course] = []
    for file in sorted(p for p in (data_dir / COURSES_DIR).glob("*.y*ml") if p.is_file()):
        shown = shown_path(file, root)
        course, doc = _load_one(file, shown, Course, errors)
        if course is not None:
            courses.append(course)
            _index(course, doc, (), locations)

    codes = parsed["region.yml"].languages if "region.yml" in parsed else ("nb",)
    language_files, found = load_language_files(root, codes, TEMPLATE_NAMES)
    errors.extend(found)

    if len(parsed) < len(SINGLE_FILES):
        raise DataErrors(errors)  # cross-file rules need every single file

    data = ServiceData(
        data_dir=data_dir,
        content_dir=content_dir,
        region=parsed["region.yml"],
        municipalities=parsed["municipalities.yml"].municipalities,
        organisations=parsed["organisations.yml"].organisations,
        agreements=parsed["agreements.yml"].agreements,
        services=parsed["services.yml"].services,
        situations=parsed["referrals.yml"].situations,
        courses=tuple(sorted(courses, key=lambda c: (c.first_start(), c.id))),
        language_files=language_files,
        locations=locations,
        sources=sources,
    )
    errors.extend(check_rules(data))
    if errors:
        raise DataErrors(errors)
    return data



# Files that loaded cleanly, by content: `make serve` reloads data/ on every save, and
# only the file that changed needs parsing and validating again.
_LOADED: dict[tuple[str, type[BaseModel], bytes], tuple[BaseModel, SourceDoc]] = {}
_LOADED_MAX = 4096


def _load_one(file: Path, shown: str, model: type[BaseModel], errors: list[DataError]):
    try:
        key = (shown, model, hashlib.sha256(file.read_bytes()).digest())
    except OSError:
        key = None
    if key in _LOADED:
        return _LOADED[key]
    obj, doc = _parse_one(file, shown, model, errors)
    if obj is not None and key is not None:
        if len(_LOADED) >= _LOADED_MAX:
            _LOADED.clear()
        _LOADED[key] = (obj, doc)
    return obj, doc


def _parse_one(file: Path, shown: str, model: type[BaseModel], errors: list[DataError]):
    doc, problems = load_yaml(file, shown)
    if doc is None:
        errors.extend(problems)
        return None, None
    if not isinstance(doc.data, dict):
        errors.append(DataError(shown, 1, "", _("the file should be a block of 'field: value' lines")))
        return None, None
    try:
        return model.model_validate(doc.data), doc
    except ValidationError as exc:
        errors.extend(_translate(exc, doc, model))
        return None, None


def _index(obj: Any, doc: SourceDoc, path: tuple, locations: dict[int, Located]) -> None:
    """Remember where every record (model instance) inside obj came from."""
    if isinstance(obj, BaseModel):
        locations[id(obj)] = Located(doc, path)
        for name in type(obj).model_fields:
            _index(getattr(obj, name), doc, path + (name,), locations)
    elif isinstance(obj, tuple):
        for i, item in enumerate(obj):
            _index(item, doc, path + (i,), locations)


def _translate(exc: ValidationError, doc: SourceDoc, model: type[BaseModel]) -> list[DataError]:
    out = []
    raw = exc.errors(include_url=False)
    item_locs = [tuple(e["loc"]) for e in raw]
    typo_targets = _typo_targets(raw, model)
    for err in raw:
        loc = tuple(err["loc"])
        if err["type"] == "too_short" and any(len(o) > len(loc) and o[:len(loc)] == loc for o in item_locs):
            continue  # the list has entries; their own errors say what is wrong
        if err["type"] == "missing" and loc in typo_targets:
            continue  # the "did you mean" message of the misspelt field covers it
        ctx = err.get("ctx") or {}
        if "field" in ctx:
            loc = loc + (ctx["field"],)
        out.append(DataError(doc.path, doc.line_of(loc), format_loc(loc), _message(err, loc, model)))
    return out


def _typo_targets(raw: list[dict], model: type[BaseModel]) -> set[tuple]:
    """Fields reported missing only because the editor misspelt them."""
    targets = set()
    for err in raw:
        if err["type"] == "extra_forbidden":
            loc = tuple(err["loc"])
            close = difflib.get_close_matches(str(loc[-1]), _fields_at(model, loc[:-1]), n=1)
            if close:
                targets.add(loc[:-1] + (close[0],))
    return targets


def _fields_at(model: type[BaseModel], loc: tuple) -> list[str]:
    """The field names allowed at loc, for 'did you mean' hints."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        info = getattr(current, "model_fields", {}).get(part)
        if info is None:
            return []
        current = _model_in(info.annotation)
    return list(getattr(current, "model_fields", {}))


def _model_in(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def _message(err: dict, loc: tuple, model: type[BaseModel]) -> str:
    kind, ctx, value = err["type"], err.get("ctx") or {}, err.get("input")
    shown = str(value)[:60]
    if kind == "missing":
        return _("this required field is missing; add it")
    if kind == "extra_forbidden":
        allowed = _fields_at(model, loc[:-1])
        close = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
        if close:
            return _("'{name}' is not a known field; did you mean '{close}'?").format(name=loc[-1], close=close[0])
        return _("'{name}' is not a known field; allowed here: {allowed}").format(name=loc[-1],
                                                                                 allowed=", ".join(allowed))
    if kind == "literal_error":
        return _("'{value}' is not allowed here; write one of: {choices}").format(
            value=shown, choices=_choices(str(ctx.get("expected", ""))))
    if kind in ("greater_than_equal", "greater_than"):
        limit = ctx.get("ge", ctx.get("gt"))
        return _("{value} is too small; it must be at least {limit}").format(value=shown, limit=limit)
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return _("'{value}' is not a whole number; write digits only, such as 20").format(value=shown)
    if kind in ("string_type",):
        return _("'{value}' should be text; put it in quotes if it looks like a number or true/false").format(
            value=shown)
    if kind in ("too_short",):
        return _("needs at least one entry")
    if kind == "string_too_short":
        return _("is empty; write some text")
    if kind == "string_too_long":
        return _("is too long (at most {most} characters)").format(most=ctx.get("max_length"))
    if kind == "string_pattern_mismatch":
        return _pattern_message(loc, shown)
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return _("should be a block of 'field: value' lines under this one")
    if kind in ("tuple_type", "list_type"):
        return _("should be a list: one line per entry, each starting with '- '")
    if kind not in PYDANTIC_ERRORS:
        return err["msg"]  # our own message (fieldtypes.py, model.py), already in the editors' language
    return _unexpected(kind, shown)


# Pydantic's own kinds of error; any other kind is one of ours, whose message is written for editors.
PYDANTIC_ERRORS = frozenset(get_args(ErrorType))
# What a value of another kind must be, by the start of pydantic's kind of error (float_type → float).
EXPECTED = {
    "bool": N_("true or false"),
    "float": N_("a number, such as 20 or 2.50"),
    "decimal": N_("a number, such as 20 or 2.50"),
    "int": N_("a whole number, such as 20"),
    "string": N_("a text"),
    "date": N_("a date such as 2027-03-15"),
    "time": N_("a time of day such as 18:00"),
    "list": N_("a list: one line per entry, each starting with '- '"),
    "tuple": N_("a list: one line per entry, each starting with '- '"),
    "set": N_("a list: one line per entry, each starting with '- '"),
    "dict": N_("a block of 'field: value' lines"),
    "model": N_("a block of 'field: value' lines"),
}


def _unexpected(kind: str, shown: str) -> str:
    """A kind of error no data file has met yet: plain words, never pydantic's English."""
    expected = EXPECTED.get(kind.split("_")[0])
    if expected:
        return _("the value '{value}' does not fit here; write {expected}").format(value=shown, expected=_(expected))
    return _("the value '{value}' does not fit here; hover over the field name in VS Code to see what it "
             "needs").format(value=shown)


def _choices(expected: str) -> str:
    """pydantic's "'onsite', 'online' or 'hybrid'" as the editor writes them: onsite, online, hybrid."""
    quoted = re.findall(r"'([^']*)'", expected)
    return ", ".join(quoted) if quoted else expected


# The form each patterned field needs, by field name; any other pattern is an id's.
PATTERN_HINTS = {
    "number": N_("a kommunenummer has 4 digits, for example 3103"),
    "postcode": N_("a postcode has 4 digits, for example 1530"),
    "org_number": N_("an organisation number has 9 digits"),
    "email": N_("write an e-mail address such as post@example.no"),
    "calendar_domain": N_("write a domain such as etablerer.example.no"),
}
ID_HINT = N_("an id uses lowercase letters a–z, digits and hyphens, for example etablererkurs-var")


def _pattern_message(loc: tuple, shown: str) -> str:
    name = next((p for p in reversed(loc) if isinstance(p, str)), "")
    hint = PATTERN_HINTS.get(name, ID_HINT)
    return _("'{value}' is not in the right form; {hint}").format(value=shown, hint=_(hint))
