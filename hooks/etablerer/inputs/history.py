"""How often each session of a course has changed, from the git history of its course file.

Calendars need a SEQUENCE that grows when an event changes, or a client that imported it
keeps the old time. A counter kept in the data would need editors to raise it by hand; the
git history already records every change, and two builds of the same commit read the same
history, so they agree.

A session's fingerprint is what a calendar shows of it: date, start, end, the course's
venue, format and online_url, and `cancelled` of the course and of the session. Its
revision count is the number of versions of the file (commits, then the working tree)
whose fingerprint differs from the version before; its last change is the committer time
of the last such commit (None for a change not yet committed: the caller uses the as-of
time, so the build stays reproducible).

History is used only when the project folder is the top of its own git work tree: a copy
without git (the tests copy the fixture project to a temporary folder) or a project inside
another repository (the fixture project inside this one) has none, and every session then
counts as never changed. A shallow clone has only the commits it fetched.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import yaml

# The course fields that belong to every session's fingerprint.
_COURSE_FIELDS = ("venue", "format", "online_url", "cancelled")
_SESSION_FIELDS = ("date", "start", "end", "cancelled")
_TRUE = frozenset({"true", "yes", "on"})
_GIT_TIMEOUT = 60


@dataclass(frozen=True)
class Revision:
    """How often a session changed after it first appeared, and when it last did."""

    sequence: int = 0
    changed: datetime | None = None  # UTC; None: never committed, or no history


NEVER_CHANGED = Revision()


def _git(root: Path, *args: str, stdin: bytes | None = None) -> bytes | None:
    try:
        proc = subprocess.run(["git", "-C", str(root), *args], input=stdin, capture_output=True,
                              timeout=_GIT_TIMEOUT, check=False)
    except (OSError, subprocess.SubprocessError):
        return None  # no git on this machine: no history
    return proc.stdout if proc.returncode == 0 else None


def _normal(value: Any) -> Any:
    """Values as the base loader reads them (all strings), compared without quoting or case slips."""
    if isinstance(value, dict):
        return tuple(sorted((str(k), _normal(v)) for k, v in value.items()))
    if isinstance(value, list):
        return tuple(_normal(v) for v in value)
    return None if value is None else str(value).strip()


def _flag(value: Any) -> bool:
    return isinstance(value, str) and value.strip().lower() in _TRUE


def fingerprints(text: str) -> dict[str, tuple] | None:
    """Session id → fingerprint in one version of a course file; None when it is not a course."""
    try:
        # BaseLoader: every scalar a string, so 18:00 and "18:00" read the same.
        doc = yaml.load(text, Loader=yaml.BaseLoader)  # noqa: S506 - BaseLoader builds only plain values
    except yaml.YAMLError:
        return None
    if not isinstance(doc, dict) or not isinstance(doc.get("sessions"), list):
        return None
    course = tuple(_flag(doc.get(f)) if f == "cancelled" else _normal(doc.get(f)) for f in _COURSE_FIELDS)
    found = {}
    for session in doc["sessions"]:
        if isinstance(session, dict) and isinstance(session.get("id"), str):
            found[session["id"]] = course + tuple(
                _flag(session.get(f)) if f == "cancelled" else _normal(session.get(f)) for f in _SESSION_FIELDS)
    return found


def count_revisions(versions: list[tuple[datetime | None, dict[str, tuple] | None]]) -> dict[str, Revision]:
    """Session id → Revision over the versions of a file, oldest first (time None: not committed)."""
    seen: dict[str, tuple[tuple | None, int, datetime | None]] = {}  # id → (last fingerprint, count, when)
    for when, sessions in versions:
        if sessions is None:
            continue  # a version that was not a readable course file says nothing about sessions
        for sid in seen.keys() | sessions.keys():
            now = sessions.get(sid)
            if sid not in seen:
                seen[sid] = (now, 0, when)  # first appearance: revision 0
                continue
            before, count, last = seen[sid]
            seen[sid] = (now, count + 1, when) if now != before else (before, count, last)
    return {sid: Revision(count, when) for sid, (_, count, when) in seen.items()}


class CourseHistory:
    """Revisions of the sessions of each course file of one project; each file is read once."""

    def __init__(self, root: Path):
        self.root = root.resolve()
        self._cache: dict[Path, dict[str, Revision]] = {}
        self.has_history = self._is_top_of_work_tree()

    def _is_top_of_work_tree(self) -> bool:
        top = _git(self.root, "rev-parse", "--show-toplevel")
        return top is not None and Path(top.decode("utf-8").strip()).resolve() == self.root

    def revisions(self, course_file: Path) -> dict[str, Revision]:
        """Session id → Revision for the course file (a path in the project)."""
        path = course_file.resolve()
        if path not in self._cache:
            self._cache[path] = self._read(path) if self.has_history else {}
        return self._cache[path]

    def revision(self, course_file: Path, session_id: str) -> Revision:
        return self.revisions(course_file).get(session_id, NEVER_CHANGED)

    def _read(self, path: Path) -> dict[str, Revision]:
        if not path.is_relative_to(self.root):
            return {}  # a file outside the project has no history of the project's
        rel = path.relative_to(self.root).as_posix()
        # One git log per file: each commit that touched it, with its committer time and the
        # file's name in that commit (--follow: a renamed file keeps its history).
        log = _git(self.root, "log", "--follow", "--format=%x00%H %ct", "--name-only", "--", rel)
        commits: list[tuple[str, datetime, str]] = []
        for entry in (log or b"").decode("utf-8").split("\0")[1:]:
            head, *names = [line for line in entry.splitlines() if line.strip()]
            sha, stamp = head.split()
            commits.append((sha, datetime.fromtimestamp(int(stamp), tz=UTC), names[-1] if names else rel))
        commits.reverse()  # oldest first
        texts = _blobs(self.root, [f"{sha}:{name}" for sha, _, name in commits])
        versions: list[tuple[datetime | None, dict[str, tuple] | None]] = [
            (when, fingerprints(text) if text is not None else None)
            for (_, when, _), text in zip(commits, texts, strict=True)]
        versions.append((None, fingerprints(path.read_text(encoding="utf-8", errors="replace"))))  # the working tree
        return count_revisions(versions)


def _blobs(root: Path, objects: list[str]) -> list[str | None]:
    """The text of each `commit:path`, read by one `git cat-file --batch`."""
    if not objects:
        return []
    out = _git(root, "cat-file", "--batch", stdin="".join(o + "\n" for o in objects).encode("utf-8"))
    texts: list[str | None] = []
    pos = 0
    for _ in objects:
        if out is None:
            texts.append(None)
            continue
        end = out.index(b"\n", pos)
        header = out[pos:end].split()
        pos = end + 1
        if len(header) < 3 or header[1] != b"blob":
            texts.append(None)  # "<object> missing"
            continue
        size = int(header[2])
        texts.append(out[pos:pos + size].decode("utf-8", errors="replace"))
        pos += size + 1  # the blob and its newline
    return texts
