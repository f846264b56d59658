"""YAML as editors write it: plain data plus the line of every key and item.

PyYAML follows YAML 1.1, where `no` is False, `18:00` is the number 1080 and
dates are built (or crash with a bare ValueError) inside the loader. We keep
only YAML 1.2's implicit types (true/false, null, decimal numbers); every
other scalar stays a string, and the models validate dates and times from it.
A decimal number remembers how it was written (TypedFloat), so a message quotes
`start: 18.00` back as 18.00, not 18.0. Syntax slips are told in plain words on
their own line by yamlslips.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from etablerer.inputs.errors import DataError, format_loc
from etablerer.inputs.messages import N_, _
from etablerer.inputs.yamlslips import describe, not_utf8

Path_ = tuple[str | int, ...]

# Limits that keep a broken or hostile file from hanging the build. The largest
# shipped file is a few KB; a course file about 1 KB.
MAX_FILE_BYTES = 256 * 1024
MAX_DEPTH = 12  # the deepest real structure (agreement → funding → …) is 5 levels


class _Refused(Exception):
    """A document we will not build: the DataError says why."""

    def __init__(self, error: DataError):
        self.error = error


ALIAS_PROBLEM = N_("anchors and aliases (&name, *name) are not allowed in data files; write the value out")
EMPTY_FILE = N_("the file is empty; fill it in or delete it")


class EditorLoader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2 core-schema implicit types only, and no aliases."""

    def compose_node(self, parent, index):
        # Refused where the alias is written; nested aliases can expand
        # exponentially ("billion laughs"), and editors never need them.
        if self.check_event(yaml.AliasEvent):
            raise yaml.composer.ComposerError(None, None, ALIAS_PROBLEM, self.peek_event().start_mark)
        return super().compose_node(parent, index)


# The resolvers are class-level: copy before changing, or yaml.safe_load
# would change for everybody in the process.
EditorLoader.yaml_implicit_resolvers = {}
for _tag, _regexp, _first in [
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:int", r"^[-+]?[0-9]+$", "-+0123456789"),
    ("tag:yaml.org,2002:float", r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$", "-+0123456789."),
]:
    EditorLoader.add_implicit_resolver(_tag, re.compile(_regexp), list(_first))


def _construct_decimal_int(loader: EditorLoader, node: yaml.ScalarNode) -> int:
    # YAML 1.1 reads 0300 as octal (192); editors mean three hundred.
    return int(loader.construct_scalar(node), 10)


EditorLoader.add_constructor("tag:yaml.org,2002:int", _construct_decimal_int)


class TypedFloat(float):
    """A decimal number as the editor typed it: str() gives '18.00' and '450.50', not '18.0' and '450.5'.

    Messages quote a wrong value with str() (and Decimal(str(value)) keeps the written
    decimals); arithmetic gives plain floats."""

    typed: str

    def __new__(cls, value: float, typed: str | None = None) -> TypedFloat:
        number = super().__new__(cls, value)
        number.typed = typed if typed is not None else float.__repr__(number)
        return number

    def __str__(self) -> str:
        return self.typed

    def __reduce__(self):
        return (TypedFloat, (float(self), self.typed))


def _construct_typed_float(loader: EditorLoader, node: yaml.ScalarNode) -> TypedFloat:
    typed = loader.construct_scalar(node)
    return TypedFloat(float(typed), typed)


EditorLoader.add_constructor("tag:yaml.org,2002:float", _construct_typed_float)


@dataclass(frozen=True)
class SourceDoc:
    """One loaded YAML file: its data and the line (1-based) of each path."""

    path: str  # as shown to editors, relative to the project root
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)

    def line_of(self, loc: Path_) -> int:
        """The line of `loc`, or of its nearest parent that has one."""
        loc = tuple(loc)
        while loc:
            if loc in self.lines:
                return self.lines[loc]
            loc = loc[:-1]
        return self.lines.get((), 1)


class _Builder:
    def __init__(self, loader: EditorLoader, shown_path: str):
        self.loader = loader
        self.shown_path = shown_path
        self.lines: dict[Path_, int] = {}
        self.errors: list[DataError] = []
        self.seen: set[int] = set()

    def build(self, node: yaml.Node, path: Path_) -> Any:
        line = node.start_mark.line + 1
        if id(node) in self.seen:  # defence in depth: EditorLoader refuses aliases already
            raise _Refused(DataError(self.shown_path, line, format_loc(path), _(ALIAS_PROBLEM)))
        self.seen.add(id(node))
        if len(path) > MAX_DEPTH:
            raise _Refused(DataError(self.shown_path, line, format_loc(path),
                                     _("nested more than {depth} levels deep; no data file needs that").format(
                                         depth=MAX_DEPTH)))
        self.lines.setdefault(path, line)
        if isinstance(node, yaml.MappingNode):
            result: dict[str, Any] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    raise _Refused(DataError(self.shown_path, key_node.start_mark.line + 1, format_loc(path),
                                             _("a field name must be plain text, such as title")))
                key = self.loader.construct_object(key_node, deep=True)
                line = key_node.start_mark.line + 1
                if not isinstance(key, str):
                    key = str(key)
                if key in result:
                    self.errors.append(DataError(self.shown_path, line, format_loc(path + (key,)),
                                                 _("'{key}' is written twice in the same block; keep one").format(
                                                     key=key)))
                    continue
                self.lines[path + (key,)] = line
                result[key] = self.build(value_node, path + (key,))
            return result
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, path + (i,)) for i, item in enumerate(node.value)]
        return self.loader.construct_object(node, deep=True)


def load_yaml(file: Path, shown_path: str) -> tuple[SourceDoc | None, list[DataError]]:
    """Load one YAML file. Returns the document, or None and the errors."""
    size = file.stat().st_size
    if size > MAX_FILE_BYTES:
        return None, [DataError(shown_path, 1, "", _("the file is {size} KB; data files may be at most {limit} KB: "
                                                     "split it or remove what is not data").format(
            size=size // 1024, limit=MAX_FILE_BYTES // 1024))]
    data = file.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        slip = not_utf8(data, exc)
        return None, [DataError(shown_path, slip.line, "", slip.message)]
    return parse_yaml(text, shown_path)


# Parsed documents by text: `make serve` reloads everything on each save; unchanged files
# need no second parse. Callers never change a document's data.
_PARSED: dict[tuple[str, str], tuple[SourceDoc | None, list[DataError]]] = {}
_PARSED_MAX = 4096


def parse_yaml(text: str, shown_path: str) -> tuple[SourceDoc | None, list[DataError]]:
    key = (shown_path, text)
    if key not in _PARSED:
        if len(_PARSED) >= _PARSED_MAX:
            _PARSED.clear()
        _PARSED[key] = _parse(text, shown_path)
    doc, problems = _PARSED[key]
    return doc, list(problems)


def _parse(text: str, shown_path: str) -> tuple[SourceDoc | None, list[DataError]]:
    try:
        loader = EditorLoader(text)
    except yaml.reader.ReaderError as exc:
        return None, [_reader_error(exc, text, shown_path)]
    try:
        node = loader.get_single_node()
        if node is None:
            return None, [DataError(shown_path, 1, "", _(EMPTY_FILE))]
        builder = _Builder(loader, shown_path)
        data = builder.build(node, ())
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_error(exc, text, shown_path)]
    except yaml.reader.ReaderError as exc:
        return None, [_reader_error(exc, text, shown_path)]
    except _Refused as exc:
        return None, [exc.error]
    except RecursionError:
        return None, [DataError(shown_path, 1, "", _("nested far too deeply; no data file needs more than "
                                                     "{depth} levels").format(depth=MAX_DEPTH))]
    except yaml.YAMLError:  # unmarked errors are rare; still no traceback
        return None, [DataError(shown_path, 1, "", _("the file cannot be read; check the indentation, the colons "
                                                     "and the quote marks"))]
    finally:
        loader.dispose()
    if builder.errors:
        return None, builder.errors
    return SourceDoc(shown_path, data, builder.lines), []


def _reader_error(exc: yaml.reader.ReaderError, text: str, shown_path: str) -> DataError:
    """A character YAML does not allow (a pasted control character, say)."""
    line = text[: exc.position].count("\n") + 1
    return DataError(shown_path, line, "", _("this line contains an invisible control character "
                                             "(#x{code} when shown as a code); delete it and retype the text").format(
        code=f"{exc.character:04x}"))


def _syntax_error(exc: yaml.MarkedYAMLError, text: str, shown_path: str) -> DataError:
    if exc.problem == ALIAS_PROBLEM:
        mark = exc.problem_mark or exc.context_mark
        return DataError(shown_path, mark.line + 1 if mark else 1, "", _(ALIAS_PROBLEM))
    slip = describe(exc, text)
    return DataError(shown_path, slip.line, "", slip.message)
