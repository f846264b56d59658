"""Problems found in data/ and content/, as editors read them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from etablerer.inputs.messages import ngettext


@dataclass(frozen=True, order=True)
class DataError:
    """One problem: where it is (file, line, field) and what to write instead."""

    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:"
        return f"{where} {self.field}: {self.message}" if self.field else f"{where} {self.message}"


def format_loc(loc: tuple[str | int, ...]) -> str:
    """('sessions', 1, 'end') → 'sessions[1].end': how editors see a field's place."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


class DataErrors(Exception):
    """Raised with every problem of one run, never only the first."""

    def __init__(self, errors: list[DataError]):
        self.errors = sorted(set(errors))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.errors)
        last = ngettext("{count} problem found. Fix it and run make check again.",
                        "{count} problems found. Fix them and run make check again.", count).format(count=count)
        return "\n".join([*map(str, self.errors), last])


def shown_path(path: Path, root: Path) -> str:
    """A file as messages name it: relative to the project root when it is inside it."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()
