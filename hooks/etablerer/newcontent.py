"""`make new-course TITLE="…"` and `make new-organisation NAME="…"`.

Writes new content from the templates in render/templates/new/, with today's date
filled in and every field explained in a comment. The result passes
`make check` as written (marked sample: true until the editor fills it in);
if it would not, nothing is written.

Values reach YAML as JSON strings (valid YAML double-quoted scalars), so a
title with a colon or quotes in it cannot break the file.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import unicodedata
from datetime import date, timedelta
from pathlib import Path

from markupsafe import Markup

from etablerer.inputs.asof import as_of_date
from etablerer.inputs.errors import DataErrors, shown_path
from etablerer.inputs.loading import COURSES_DIR, load_data
from etablerer.inputs.messages import _, ngettext
from etablerer.render.environment import render

# A new course is dated well ahead, so it is neither "closing soon" nor past.
SESSION_AFTER_DAYS = 10 * 7
DEADLINE_BEFORE_SESSION_DAYS = 7
_FOLD = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "Æ": "ae", "Ø": "o", "Å": "a"})


class NewContentError(Exception):
    """Why nothing was written, in words for the editor; `details`: lines to show before it."""

    def __init__(self, reason: str, details: list[str] | None = None):
        super().__init__(reason)
        self.details = details or []


def slug(text: str) -> str:
    """'Regnskap for nybegynnere' → 'regnskap-for-nybegynnere' (æ→ae, ø→o, å→a)."""
    folded = unicodedata.normalize("NFKD", text.translate(_FOLD)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")[:60].strip("-")


def _yaml(value: str) -> Markup:
    return Markup(json.dumps(value, ensure_ascii=False))


def _clean(text: str | None, missing: str) -> str:
    """The text with its spaces tidied; `missing`: why nothing is written when it is empty."""
    text = " ".join((text or "").split())
    if not text:
        raise NewContentError(missing)
    return text


def new_course(root: Path, title: str, today: date) -> Path:
    title = _clean(title, _('give the course a title: make new-course TITLE="Regnskap for nybegynnere"'))
    session = today + timedelta(days=SESSION_AFTER_DAYS)
    # The year in the id and file name is the year the course is held, not the year it was written.
    course_id = f"{slug(title)}-{session.year}" if slug(title) else f"kurs-{session.isoformat()}"
    target = root / "data" / COURSES_DIR / f"{course_id}.yml"
    if target.exists():
        raise NewContentError(_("{file} already exists; choose another title or edit that file").format(
            file=shown_path(target, root)))
    municipality = load_data(root / "data", root / "content", root).municipalities[0]
    text = render(
        "new/course.yml", today=today.isoformat(), id=course_id, title=_yaml(title),
        description=_yaml(f"Skriv hva kurset handler om, i to eller tre enkle setninger. ({title})"),
        session_date=session.isoformat(), deadline=(session - timedelta(days=DEADLINE_BEFORE_SESSION_DAYS)).isoformat(),
        venue_name=_yaml("Skriv navnet på stedet"), street=_yaml("Skriv gateadressen"), postcode="0000",
        city=_yaml(municipality.name), municipality=municipality.id,
        target_group=_yaml("Skriv hvem kurset passer for."),
    )
    _write_checked(root, target, text, create=True)
    return target


def new_organisation(root: Path, name: str, today: date) -> Path:
    name = _clean(name, _('give the organisation a name: make new-organisation NAME="Norsk senter for gründere"'))
    org_id = slug(name) or f"organisasjon-{today.isoformat()}"
    data = load_data(root / "data", root / "content", root)
    if any(o.id == org_id for o in data.organisations):
        raise NewContentError(_("an organisation with id '{id}' is already in data/organisations.yml; "
                                "choose another name").format(id=org_id))
    target = root / "data" / "organisations.yml"
    entry = render("new/organisation.yml", today=today.isoformat(), id=org_id, name=_yaml(name),
                   role=_yaml("Skriv hva organisasjonen hjelper gründere med, kort."))
    old = target.read_text(encoding="utf-8")
    _write_checked(root, target, old.rstrip("\n") + "\n" + entry, create=False, restore=old)
    return target


def _write_checked(root: Path, target: Path, text: str, create: bool, restore: str | None = None) -> None:
    """Write, then validate all data; undo the write if the data no longer loads."""
    target.write_text(text, encoding="utf-8")
    try:
        load_data(root / "data", root / "content", root)
    except DataErrors as exc:
        if create:
            target.unlink()
        else:
            target.write_text(restore or "", encoding="utf-8")
        raise NewContentError(_("the new content would not pass make check (see above); try another title or name"),
                              [str(error) for error in exc.errors]) from None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m etablerer.newcontent", description=__doc__.splitlines()[0])
    parser.add_argument("kind", choices=("course", "organisation"))
    parser.add_argument("--title", default=os.environ.get("TITLE"), help="course title (or TITLE=…)")
    parser.add_argument("--name", default=os.environ.get("NAME"), help="organisation name (or NAME=…)")
    parser.add_argument("--root", type=Path, default=Path.cwd())
    args = parser.parse_args(argv)
    root = args.root.resolve()
    today = as_of_date()
    try:
        if args.kind == "course":
            written = new_course(root, args.title, today)
            print(_("Wrote {file}. Fill in the fields (each has a comment), then run make check.").format(
                file=shown_path(written, root)))
        else:
            written = new_organisation(root, args.name, today)
            print(_("Added an organisation at the end of {file}. Fill in the fields, then run make check.").format(
                file=shown_path(written, root)))
    except NewContentError as exc:
        for line in exc.details:
            print(line, file=sys.stderr)
        print(_("Nothing was written: {reason}").format(reason=exc), file=sys.stderr)
        return 1
    except DataErrors as exc:
        count = len(exc.errors)
        print("\n".join([*map(str, exc.errors), ngettext(
            "{count} problem found in data/, so nothing was written: new content is only added to data that passes "
            "make check. Fix it and try again.",
            "{count} problems found in data/, so nothing was written: new content is only added to data that passes "
            "make check. Fix them and try again.", count).format(count=count)]), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
