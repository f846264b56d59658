"""Command line: `etablerer check` and `etablerer build` (what make calls)."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from .asof import as_of_date
from .build import BuildFailed, build_site
from .content import check_content
from .copies import TOKEN_HOST
from .errors import DataErrors
from .loading import load_data
from .pages import generated_pages
from .sitebuild import notes
from .view import SiteView


def validate(root: Path):
    """Everything `make check` checks; the build runs the same before MkDocs."""
    try:
        data = load_data(root / "data", root / "content", root)
        problems = []
    except DataErrors as exc:
        data, problems = None, exc.errors
    problems = problems + check_content(root / "content", root)
    if problems:
        raise DataErrors(problems)
    return data


def cmd_check(root: Path, strict: bool) -> int:
    started = time.perf_counter()
    data = validate(root)
    view = SiteView(data, as_of_date(), TOKEN_HOST)
    generated_pages(view)  # renders every template once: catches template errors too
    found = notes(view)
    for note in found:
        print(f"note: {note}")
    took = time.perf_counter() - started
    print(f"data/ and content/ are valid: {len(data.courses)} courses, {len(data.municipalities)} "
          f"municipalities ({took:.2f} s).")
    return 1 if strict and found else 0


def cmd_build(root: Path, site: Path) -> int:
    data = validate(root)
    result = build_site(root, site, data=data)
    for note in result.notes:
        print(f"note: {note}")
    print(f"Built {site.name}/ with {len(result.copies)} copies ({', '.join(result.copies)}): "
          f"MkDocs {result.seconds_mkdocs:.2f} s, copies {result.seconds_copies:.2f} s.")
    return 0


def main(argv: list[str] | None = None) -> int:
    # --root may come before or after the command
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--root", type=Path, default=argparse.SUPPRESS, help="project folder (default: here)")
    parser = argparse.ArgumentParser(prog="etablerer", description=__doc__, parents=[common])
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", parents=[common], help="validate data/ and content/ without building")
    check.add_argument("--strict", action="store_true", help="notes (warnings) also fail")
    build = sub.add_parser("build", parents=[common], help="build site/ with one copy per municipality")
    build.add_argument("--site", type=Path, default=None, help="output folder (default: ROOT/site)")
    args = parser.parse_args(argv)
    root = getattr(args, "root", Path.cwd()).resolve()
    try:
        if args.command == "check":
            return cmd_check(root, args.strict or os.environ.get("STRICT") == "1")
        return cmd_build(root, (args.site or root / "site").resolve())
    except DataErrors as exc:
        print(exc.report(), file=sys.stderr)
        if args.command == "build":
            print("Nothing was built; site/ is unchanged.", file=sys.stderr)
        return 1
    except BuildFailed as exc:
        print(f"{exc}\nNothing was changed in site/.", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
