"""`make check`'s problems and warnings as GitHub Actions annotations (workflow commands).

In a GitHub Actions run (GITHUB_ACTIONS=true, or `check --annotations`) `make check` prints,
beside its plain `file:line: field: message` lines, one workflow command per line it prints
with a place: `::error file=…,line=…,title=…::message`. GitHub turns each into an annotation
on that file and line: in the run's summary and, on a pull request, next to the change on the
"Files changed" tab. The messages are the same (bokmål) texts as the plain lines.

Levels:
- a problem (DataError) is an `error`: the check fails on it;
- a content health finding is a `warning` in a STRICT run, where it fails the check (the
  terminal calls findings warnings, "merknader"; errors stay for what the validator rejects);
- otherwise a finding is a `notice`, one per kind as the plain summary shows it (first place
  and "+N more"): it fails nothing, and GitHub shows at most 10 annotations of each level per
  step, so the summary keeps the notices to the kinds.

Escaping is GitHub's (actions/toolkit, packages/core/src/command.ts): in the message
% → %25, CR → %0D, LF → %0A; in a property (file, title) also : → %3A and , → %2C.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from etablerer.inputs.errors import DataError
from etablerer.reports.health import Finding, first_of_each_kind, heading

ERROR, WARNING, NOTICE = "error", "warning", "notice"


def escape_data(text: str) -> str:
    """A workflow command's message."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A workflow command's property value (file=, title=)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(level: str, file: str, line: int | None, title: str, message: str) -> str:
    """`::level file=…,line=…,title=…::message`; no line when it is unknown, no title when empty."""
    properties = [f"file={escape_property(file)}"]
    if line:
        properties.append(f"line={line}")
    if title:
        properties.append(f"title={escape_property(title)}")
    return f"::{level} {','.join(properties)}::{escape_data(message)}"


def wanted(option: bool | None, environ: Mapping[str, str]) -> bool:
    """--annotations / --no-annotations when given; otherwise on in GitHub Actions (GITHUB_ACTIONS=true)."""
    return option if option is not None else environ.get("GITHUB_ACTIONS") == "true"


def for_errors(errors: Iterable[DataError]) -> list[str]:
    """One `::error` per problem, at the file and line of its plain message; the field as the title."""
    return [command(ERROR, e.file, e.line, e.field, e.message) for e in errors]


def _place(where: str) -> tuple[str, int | None]:
    """'data/region.yml:92' → ('data/region.yml', 92); a place without a line number keeps only the file."""
    file, _sep, line = where.rpartition(":")
    return (file, int(line)) if file and line.isdigit() else (where, None)


def for_findings(found: list[Finding], *, strict: bool) -> list[str]:
    """STRICT: one `::warning` per finding (each fails the run); else one `::notice` per kind, as summarised."""
    if strict:
        shown = [(f, "") for f in found]
    else:
        shown = first_of_each_kind(found)
    level = WARNING if strict else NOTICE
    return [command(level, *_place(f.where), heading(f.kind), f.message + more) for f, more in shown]
