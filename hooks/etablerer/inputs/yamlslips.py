"""YAML slips in plain words, on the line where the slip is.

PyYAML says what its parser expected ("expected <block end>, but found
'<block mapping start>'") and where it noticed, which is often the line after the
slip. `describe` turns its error and the file's text into one sentence an editor
can act on, and the line to fix: it reads the lines the way editors write them
(fields `name: value`, list items `- `, blocks indented under a field) and names the
first line that does not fit: indented differently from the lines around it (and
by how many spaces), a colon or the space after it missing, a list item among
fields, a field among list items. Quotes, brackets and tabs are told from PyYAML's
own marks, which are right for them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from etablerer.inputs.messages import _, ngettext

_BLOCK_SCALAR = re.compile(r"[|>][-+0-9]*")
_MISSING_SPACE = re.compile(r"([A-Za-z_][\w-]*):(\S.*)")
_WORD = re.compile(r"[A-Za-z_][\w-]*")
_OTHER_QUOTE = {'"': "'", "'": '"'}
_CLOSING = {"[": "]", "{": "}"}


@dataclass(frozen=True)
class Slip:
    """A mistake in a YAML file: the line (1-based) where it is and what to do."""

    line: int
    message: str


# --- the lines as editors write them ---------------------------------------------------------

@dataclass
class _Line:
    number: int  # 1-based
    indent: int
    text: str  # without indentation and comment
    item: bool = False  # starts with "- "
    key: str | None = None  # the field name of "name: value" (after "- " for an item)
    value: str = ""  # what follows "name:"
    column: int = 0  # where the key (or the value of an item) starts
    comment: bool = False  # a comment line (text inside a quote that spans lines, though)

    @property
    def opens(self) -> bool:
        """A field with nothing after the colon: its block follows on deeper lines."""
        return self.key is not None and self.value == ""

    @property
    def keylike(self) -> bool:
        return self.key is not None


def _strip_comment(text: str) -> str:
    quote = None
    for i, char in enumerate(text):
        if quote:
            if char == quote:
                quote = None
        elif char in "\"'" and (i == 0 or text[i - 1] in " :[{,-"):
            quote = char
        elif char == "#" and (i == 0 or text[i - 1] in " \t"):
            return text[:i].rstrip()
    return text.rstrip()


def _split_key(text: str) -> tuple[str, str] | None:
    """'name: value' → ('name', 'value'); None when the text is not a field."""
    if not text or text[0] in "[{|>&*!%@`":
        return None
    if text[0] in "\"'":
        end = text.find(text[0], 1)
        if end > 0 and text[end + 1:end + 2] == ":" and text[end + 2:end + 3] in ("", " "):
            return text[1:end], text[end + 2:].strip()
        return None
    match = re.search(r":(?:\s|$)", text)
    if not match:
        return None
    return text[:match.start()].rstrip(), text[match.end():].strip()


def _read(number: int, raw: str) -> _Line | None:
    """One line; None for a blank line."""
    stripped = raw.lstrip(" ")
    if not stripped.strip():
        return None
    if stripped.startswith("#") or stripped.startswith("\t"):
        return _Line(number, len(raw) - len(stripped), stripped, comment=True)
    indent = len(raw) - len(stripped)
    text = _strip_comment(stripped)
    line = _Line(number, indent, text, column=indent)
    rest = text
    while rest == "-" or rest.startswith("- "):
        line.item = True
        after = rest[1:].lstrip(" ")
        line.column += len(rest) - len(after)
        rest = after
    split = _split_key(rest)
    if split:
        line.key, line.value = split
    else:
        line.value = rest
    return line


def _unclosed(value: str) -> str | None:
    """The quote or bracket a value opens and does not close on its line."""
    if not value or value[0] not in "\"'[{":
        return None
    quote, depth = None, 0
    i = 0
    while i < len(value):
        char = value[i]
        if quote:
            if char == quote == "'" and value[i + 1:i + 2] == "'":
                i += 1
            elif char == "\\" and quote == '"':
                i += 1
            elif char == quote:
                quote = None
        elif char in "\"'":
            quote = char
        elif char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
        i += 1
    if quote:
        return quote
    return value[0] if depth > 0 else None


# --- what the lines say ----------------------------------------------------------------------

def _spaces_more(count: int, ref: int, above: int) -> str:
    if ref == above:
        return ngettext("this line is indented {count} space more than the line above; "
                        "remove {count} space at the start of the line",
                        "this line is indented {count} spaces more than the line above; "
                        "remove {count} spaces at the start of the line", count).format(count=count)
    return ngettext("this line is indented {count} space more than line {line}, which it belongs with; "
                    "remove {count} space at the start of the line",
                    "this line is indented {count} spaces more than line {line}, which it belongs with; "
                    "remove {count} spaces at the start of the line", count).format(count=count, line=ref)


def _spaces_less(count: int, ref: int, above: int) -> str:
    if ref == above:
        return ngettext("this line is indented {count} space less than the line above; "
                        "add {count} space at the start of the line",
                        "this line is indented {count} spaces less than the line above; "
                        "add {count} spaces at the start of the line", count).format(count=count)
    return ngettext("this line is indented {count} space less than line {line}, which it belongs with; "
                    "add {count} space at the start of the line",
                    "this line is indented {count} spaces less than line {line}, which it belongs with; "
                    "add {count} spaces at the start of the line", count).format(count=count, line=ref)


def _less_than_below(count: int, parent: str) -> str:
    return ngettext("this line is indented {count} space less than the line below; if it belongs under "
                    "'{parent}:', add {count} space at the start of the line",
                    "this line is indented {count} spaces less than the line below; if it belongs under "
                    "'{parent}:', add {count} spaces at the start of the line", count).format(
        count=count, parent=parent)


def _more_than_below(count: int) -> str:
    return ngettext("this line is indented {count} space more than the line below; "
                    "remove {count} space at the start of the line",
                    "this line is indented {count} spaces more than the line below; "
                    "remove {count} spaces at the start of the line", count).format(count=count)


def _looks_like_a_field(text: str) -> bool:
    return bool(_MISSING_SPACE.fullmatch(text) or _WORD.fullmatch(text))


def _quoted(text: str) -> str:
    """A text in the quote marks that need no escaping inside it."""
    if '"' not in text:
        return f'"{text}"'
    return "'" + text.replace("'", "''") + "'"


def _not_a_field(line: _Line) -> str:
    """A line among fields that is not 'name: value'."""
    text = line.value
    dash = line.text[:len(line.text) - len(text)]  # "- " of a list item
    missing_space = _MISSING_SPACE.fullmatch(text)
    if missing_space:
        fixed = f"{dash}{missing_space[1]}: {missing_space[2]}"
        return _("a space is missing after the colon; write '{fixed}'").format(fixed=fixed)
    word = _WORD.match(text)
    if word and word.end() == len(text):
        return _("the colon after the field name is missing; write '{fixed}'").format(fixed=f"{dash}{text}:")
    if word and text[word.end()] == " ":
        fixed = f"{dash}{word[0]}:{text[word.end():]}"
        return _("the colon after the field name is missing; write '{fixed}'").format(fixed=fixed)
    return _("this line is not a field: write it as 'name: value', with a colon and a space after the name")


def _colon_in_text(line: _Line) -> str | None:
    """'nb: Kurs: våren' — a colon and a space inside an unquoted text."""
    value = line.value
    if not value or value[0] in "\"'[{|>&*!":
        return None
    if ": " in value or value.endswith(":"):
        return _("the text after '{key}:' has a colon followed by a space; put the text in quotes: "
                 "{fixed}").format(key=line.key, fixed=f"{line.key}: {_quoted(value)}")
    return None


@dataclass
class _Block:
    indent: int
    kind: str  # "map", "seq" or "text"
    last: _Line  # the last line at this level
    keys: set[str] = field(default_factory=set)
    compact: bool = False  # a list at the same indentation as its field ("languages:\n- nb")
    under: _Line | None = None  # the field the block is under
    first: _Line | None = None
    root: bool = False  # the file's own block, written at the left edge

    def written(self) -> int | None:
        """Where the block would be: at the left edge, or 2 spaces in from its field."""
        if self.root:
            return 0
        if self.under is None:
            return None
        return (self.under.column if self.under.item else self.under.indent) + 2

    def lone_first_line_off(self, indent: int) -> bool:
        """Only one line so far, indented otherwise than `indent`, which is where the block is
        written: that first line is the slip, not the line below it."""
        if self.first is not self.last or self.kind == "text":
            return False
        return indent == self.written() != self.indent


class _Reader:
    """Follows the blocks line by line; `slip` is the first line that does not fit."""

    def __init__(self, lines: list[_Line]):
        self.lines = lines
        self.stack: list[_Block] = []
        self.spans: list[tuple[_Line, int]] = []  # a quote or bracket closed on a later line: (opened, closed)

    def run(self) -> Slip | None:
        skip_deeper_than: int | None = None  # inside a block text (|, >)
        open_mark: str | None = None  # inside a quote or bracket that spans lines
        opened: _Line | None = None
        previous: _Line | None = None  # the last two lines read for their place
        before: _Line | None = None
        for line in self.lines:
            if open_mark:
                if _closes(line.text, open_mark):
                    open_mark = None
                    self.spans.append((opened, line.number))
                continue
            if line.comment:
                continue
            if skip_deeper_than is not None:
                if line.indent > skip_deeper_than:
                    continue
                skip_deeper_than = None
            slip = self._place(line, previous, before)
            if slip:
                return slip
            slip = _colon_in_text(line) if line.keylike else None
            if slip:
                return Slip(line.number, slip)
            if line.keylike and _BLOCK_SCALAR.fullmatch(line.value):
                skip_deeper_than = line.indent if not line.item else line.column
            open_mark, opened = _unclosed(line.value), line
            before, previous = previous, line
        return None

    def _push(self, line: _Line, under: _Line | None = None) -> None:
        root = not self.stack
        if line.item:
            self.stack.append(_Block(line.indent, "seq", line, under=under, first=line, root=root))
            if line.keylike:
                self.stack.append(_Block(line.column, "map", line, {line.key}, first=line))
        elif line.keylike:
            self.stack.append(_Block(line.indent, "map", line, {line.key}, under=under, first=line, root=root))
        else:  # a text under its field; fine unless fields follow it
            self.stack.append(_Block(line.indent, "text", line))

    def _first_item_off(self, line: _Line, popped: _Block | None = None) -> Slip | None:
        """'  - id: a' moved, its fields not: the item is the slip when the line below is where
        the fields of a list written 2 spaces in from its field go."""
        blocks = self.stack + ([popped] if popped is not None else [])
        if len(blocks) < 2 or blocks[-1].kind != "map" or blocks[-2].kind != "seq":
            return None
        items, fields = blocks[-2], blocks[-1]
        written = items.written()
        if written is None or items.first is not items.last or fields.first is not fields.last:
            return None
        item = items.first
        move = line.indent - (item.column - item.indent) - item.indent  # the item's move to fit the line below
        if item.column == fields.indent and line.indent - (item.column - item.indent) == written and move:
            if move > 0:
                return Slip(item.number, _less_than_below(move, items.under.key if items.under else ""))
            return Slip(item.number, _more_than_below(-move))
        return None

    def _place(self, line: _Line, previous: _Line | None, before: _Line | None) -> Slip | None:
        if not self.stack:
            self._push(line)
            return None
        top = self.stack[-1]
        above = previous.number if previous else 0
        if line.indent > top.indent:
            if previous is not None and previous.opens:
                self._push(line, under=previous)
                return None
            if not line.keylike and not line.item:
                return None  # a long text going on on the next line
            if top.lone_first_line_off(line.indent) and top.under is not None:
                return Slip(top.last.number, _less_than_below(line.indent - top.indent, top.under.key or ""))
            first_item = self._first_item_off(line)
            if first_item:
                return first_item
            if previous is not None and not previous.keylike and (previous.item
                                                                  or _looks_like_a_field(previous.value)):
                return Slip(previous.number, _not_a_field(previous))  # "- id:del-1" over its fields
            if (before is not None and before.opens and previous is not None
                    and previous.indent == before.indent and not previous.opens):
                # "venue:" / "name: X" / "  city: Y": the block of venue is empty, so the
                # slip is name, not indented under venue like the line below it.
                return Slip(previous.number, _less_than_below(line.indent - previous.indent, before.key or ""))
            return Slip(line.number, _spaces_more(line.indent - top.indent, top.last.number, above))
        if line.item and previous is not None and previous.opens and line.indent == previous.indent:
            self._push(line)
            self.stack[-1 if not line.keylike else -2].compact = True
            return None
        popped = None
        while self.stack and line.indent < self.stack[-1].indent:
            popped = self.stack.pop()
        if not self.stack or line.indent > self.stack[-1].indent:
            # between two levels: it belongs with the nearer one
            outer = self.stack[-1] if self.stack else None
            assert popped is not None
            if popped.lone_first_line_off(line.indent):
                return Slip(popped.last.number, _more_than_below(popped.indent - line.indent))
            first_item = self._first_item_off(line, popped)
            if first_item:
                return first_item
            if outer is None or popped.indent - line.indent <= line.indent - outer.indent:
                return Slip(line.number, _spaces_less(popped.indent - line.indent, popped.last.number, above))
            return Slip(line.number, _spaces_more(line.indent - outer.indent, outer.last.number, above))
        top = self.stack[-1]
        if top.kind == "seq" and top.compact and not line.item:
            self.stack.pop()
            top = self.stack[-1] if self.stack else None
            if top is None or top.indent != line.indent:
                self._push(line)
                return None
        return self._fits(top, line, popped, above)

    def _fits(self, top: _Block, line: _Line, popped: _Block | None, above: int) -> Slip | None:
        if top.kind == "text":
            if line.keylike or line.item:
                return Slip(top.last.number, _not_a_field(top.last))
            return None
        if top.kind == "map" and line.item:
            lists = [b for b in self.stack if b.kind == "seq"]
            if lists:
                outer = lists[-1]
                return Slip(line.number, _spaces_more(line.indent - outer.indent, outer.last.number, above))
            return Slip(line.number, _("this line starts a list item with '- ', but the lines around it are "
                                       "fields (name: value); remove the '- '"))
        if top.kind == "map" and not line.keylike:
            return Slip(line.number, _not_a_field(line))
        if top.kind == "seq" and not line.item:
            item = popped if popped is not None and popped.kind == "map" else None
            if line.keylike and item is not None:
                if line.key in item.keys:
                    return Slip(line.number, _("'{key}' is already in the list item above; if this line starts "
                                               "a new item, write '- ' before it").format(key=line.key))
                return self._first_item_off(line, popped) or Slip(
                    line.number, _spaces_less(item.indent - line.indent, item.last.number, above))
            return Slip(line.number, _("this line is in a list but does not start with '- '; "
                                       "write '- ' before it"))
        top.last = line
        if line.item:
            if line.keylike:
                self.stack.append(_Block(line.column, "map", line, {line.key}))
        elif line.key is not None:
            top.keys.add(line.key)
        return None


def _reader(lines: list[str]) -> _Reader:
    return _Reader([r for r in (_read(n, raw) for n, raw in enumerate(lines, start=1)) if r is not None])


def first_slip(text: str) -> Slip | None:
    """The first line that does not fit the lines around it, or None; what describe relies on."""
    return _reader(text.splitlines()).run()


def _closes(text: str, mark: str) -> bool:
    closing = _CLOSING.get(mark, mark)
    return closing in text


# --- PyYAML's errors -------------------------------------------------------------------------

def describe(exc: yaml.MarkedYAMLError, text: str) -> Slip:
    """The slip behind a PyYAML error, in plain words on its own line."""
    problem, context = exc.problem or "", exc.context or ""
    mark = exc.problem_mark or exc.context_mark
    start = exc.context_mark or mark
    lines = text.splitlines()
    line = mark.line + 1 if mark else 1
    if "\\t" in problem or "tab" in problem:
        raw = lines[mark.line] if mark and mark.line < len(lines) else ""
        if raw[:mark.column + 1].strip(" \t") == "":
            return Slip(line, _("this line is indented with a tab; indent with spaces instead"))
        return Slip(line, _("this line has a tab; replace it with a space"))
    if "quoted scalar" in context and mark and mark.index >= len(text) and start:  # the end of the file
        quote = text_at(lines, start.line, start.column)
        return Slip(start.line + 1, _("the quote mark {quote} on this line is never closed; "
                                      "write {quote} at the end of the text").format(quote=quote))
    if "escape character" in problem:
        return Slip(line, _("a backslash (\\) in double quotes starts a special character; "
                            "write \\\\ for a backslash, or put the text in single quotes"))
    if "flow sequence" in context or "flow mapping" in context:
        if start is None:
            return Slip(line, _fallback())
        bracket = "[" if "sequence" in context else "{"
        if mark.line > start.line:
            return Slip(start.line + 1, _("the {bracket} on this line is never closed; "
                                          "end it with {closing} on the same line").format(
                bracket=bracket, closing=_CLOSING[bracket]))
        return Slip(start.line + 1, _("something between {bracket} and {closing} on this line is out of place; "
                                      "separate the entries with a comma and a space").format(
            bracket=bracket, closing=_CLOSING[bracket]))
    last = max(line, start.line + 1 if start else 1)
    reader = _reader(lines[:last])
    slip = reader.run()
    if slip:
        return slip
    for opened, closed in reader.spans:
        if closed == line and opened.value[:1] in _OTHER_QUOTE:
            # the next text's opening quote closed it: the quote of `opened` is the one never closed
            quote = opened.value[0]
            return Slip(opened.number, _("the quote mark {quote} on this line is never closed; "
                                         "write {quote} at the end of the text").format(quote=quote))
    after_quote = _text_after_quote(problem, lines, mark)
    if after_quote:
        return after_quote
    if "simple key" in context and start:
        line = start.line + 1
    return Slip(line, _fallback())


def text_at(lines: list[str], line: int, column: int) -> str:
    return lines[line][column:column + 1] if line < len(lines) else ""


def _text_after_quote(problem: str, lines: list[str], mark) -> Slip | None:
    """'title: "Kurs "A" vår"': a quote mark inside the text ends it early."""
    if mark is None or "'<scalar>'" not in problem or mark.line >= len(lines):
        return None
    raw = lines[mark.line]
    before = raw[:mark.column].rstrip()
    if not before or before[-1] not in "\"'":
        return None
    quote = before[-1]
    opening = raw.find(": " + quote)
    whole = raw.rstrip()
    if opening >= 0 and whole.endswith(quote):
        inner = whole[opening + 3:-1]
        other = _OTHER_QUOTE[quote]
        if other not in inner:
            fixed = f"{raw[:opening].strip()}: {other}{inner}{other}"
            return Slip(mark.line + 1, _("the text has a {quote} inside, which ends it early; write it in the "
                                         "other quote marks: {fixed}").format(quote=quote, fixed=fixed))
    return Slip(mark.line + 1, _("the text goes on after the closing quote mark {quote}; "
                                 "put the whole text inside the quote marks").format(quote=quote))


def _fallback() -> str:
    return _("this line cannot be read; check the indentation, the colon after the field name and the quote "
             "marks on this line and the line above")


# --- a file that is not UTF-8 ----------------------------------------------------------------

def not_utf8(data: bytes, exc: UnicodeDecodeError) -> Slip:
    """The line of the first byte that is not UTF-8, and the word it is in as a Windows editor shows it."""
    line = data[:exc.start].count(b"\n") + 1
    start = data.rfind(b"\n", 0, exc.start) + 1
    end = data.find(b"\n", exc.start)
    raw = data[start:end if end >= 0 else len(data)].decode("cp1252", errors="replace")
    at = len(data[start:exc.start].decode("cp1252", errors="replace"))
    left = len(raw[:at]) - len(raw[:at].split()[-1]) if raw[:at].split() and not raw[at - 1:at].isspace() else at
    right = at + len(raw[at:].split()[0]) if raw[at:].split() else at
    word = raw[left:right].strip(" \"',:") or raw.strip()
    return Slip(line, _("'{word}' on this line is not written as UTF-8 (the file is saved in another character "
                        "encoding); save the file as UTF-8").format(word=word))
