"""Command line: `etablerer check`, `build`, `verify` and `production-guard` (what make calls)."""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from importlib.metadata import entry_points
from pathlib import Path

from etablerer.inputs.asof import as_of_date
from etablerer.inputs.content import check_content
from etablerer.inputs.errors import DataErrors, shown_path
from etablerer.inputs.loading import load_data
from etablerer.publish.build import BuildFailed, build_site
from etablerer.publish.copies import TOKEN_HOST
from etablerer.publish.guard import production_refusal
from etablerer.publish.manifest import MANIFEST, ManifestError, read_manifest
from etablerer.publish.verify import report, verify_copy
from etablerer.render.pages import generated_pages
from etablerer.reports.coveragepage import with_coverage_page
from etablerer.reports.health import findings, summary
from etablerer.reports.readability import readability
from etablerer.reports.readability import summary_line as readability_summary
from etablerer.view.siteview import SiteView

GENERATOR_ENTRY_POINT = "etablerer.generator"  # pyproject.toml: the adapter's runner


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
    for lang in data.language_files.languages:  # renders every template once (template errors, agreement coverage)
        in_language = view.in_language(lang.code)
        rendered = with_coverage_page(in_language, generated_pages(in_language))
        if lang.is_default:
            lix = readability(in_language, rendered)
    found = findings(view, lix=lix)
    # Strict runs fail on the findings, so they list every one; otherwise a short summary.
    lines = [f"note: {f}" for f in found] if strict else summary(found)[:-1]
    for line in lines:
        print(line)
    took = time.perf_counter() - started
    print(f"data/ and content/ are valid: {len(data.courses)} courses, {len(data.municipalities)} "
          f"municipalities ({took:.2f} s).")
    print(readability_summary(lix))
    if strict and found:
        # The last line says why a strict run fails although the data is valid.
        kinds = sorted({f.kind for f in found})
        print(f"STRICT=1: the check fails because of {len(found)} content health "
              f"finding{'s' if len(found) != 1 else ''} ({', '.join(kinds)}; each listed above as note:). "
              "Fix them, or run make check without STRICT=1.")
        return 1
    if found:
        print(summary(found)[-1])
    return 0


def generator_runner():
    """The site generator's runner (start one run per language, as commands). The adapter registers
    it as the entry point etablerer.generator (pyproject.toml), so the package names no adapter."""
    found = entry_points(group=GENERATOR_ENTRY_POINT)
    if not found:
        raise BuildFailed(f"no site generator is installed (entry point {GENERATOR_ENTRY_POINT}); run make site, "
                          "which installs it")
    return next(iter(found)).load()


def cmd_build(root: Path, site: Path, only: tuple[str, ...] | None = None,
              languages: tuple[str, ...] | None = None) -> int:
    data = validate(root)
    runner = generator_runner()
    engine = runner.engine_name(os.environ)
    result = build_site(root, site, data=data, only=only, languages=languages, engine=runner.engine(engine))
    for line in summary(list(result.notes), shown_path(result.report, root)):
        print(line)
    for line in result.translations:
        print(f"note: {line}")
    print(f"Built {site.name}/ with {len(result.copies)} copies ({', '.join(result.copies)}): "
          f"{runner.DISPLAY_NAMES[engine]} {result.seconds_generator:.2f} s, copies {result.seconds_copies:.2f} s.")
    return 0


def cmd_verify(root: Path, manifest_path: Path | None, copy: str | None, folder: Path | None) -> int:
    """One copy (COPY, in DIR or beside the manifest), or every copy beside the manifest."""
    manifest_path = manifest_path or root / "site" / MANIFEST
    manifest = read_manifest(manifest_path)
    copies = [copy] if copy else sorted(manifest.copies)
    if folder is not None and len(copies) != 1:
        raise ManifestError("DIR needs COPY: say which municipality's copy the folder should be.")
    failed = 0
    for slug in copies:
        where = folder if folder is not None else manifest_path.parent / slug
        result = verify_copy(where, slug, manifest)
        print(report(where, slug, manifest, result), file=sys.stdout if result.matches else sys.stderr)
        failed += not result.matches
    return 1 if failed else 0


def cmd_list_copies(root: Path, manifest_path: Path | None) -> int:
    print(json.dumps(sorted(read_manifest(manifest_path or root / "site" / MANIFEST).copies)))
    return 0


def cmd_production_guard(root: Path) -> int:
    refusal = production_refusal(validate(root))
    if refusal:
        print(refusal, file=sys.stderr)
        return 1
    print("No sample data and no placeholder logos: the municipal copies may be made.")
    return 0



def main(argv: list[str] | None = None) -> int:
    # --root may come before or after the command
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--root", type=Path, default=argparse.SUPPRESS, help="project folder (default: here)")
    parser = argparse.ArgumentParser(prog="etablerer", description=__doc__, parents=[common])
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", parents=[common], help="validate data/ and content/ without building")
    check.add_argument("--strict", action="store_true", help="content health findings (warnings) also fail")
    build = sub.add_parser("build", parents=[common], help="build site/ with one copy per municipality")
    build.add_argument("--site", type=Path, default=None, help="output folder (default: ROOT/site)")
    build.add_argument("--only", default=None, metavar="SLUGS",
                       help="make copies only for these municipalities (comma-separated slugs, e.g. moss)")
    build.add_argument("--languages", default=None, metavar="CODES",
                       help="build only these languages (comma-separated, e.g. nb,en; bokmål is always built)")
    verify = sub.add_parser("verify", parents=[common],
                            help="check a folder against site/manifest.json: missing, extra or changed files")
    verify.add_argument("--copy", default=None, help="municipality slug (default: every copy beside the manifest)")
    verify.add_argument("--dir", type=Path, default=None,
                        help="folder holding that copy (default: beside the manifest)")
    verify.add_argument("--manifest", type=Path, default=None, help="manifest.json (default: ROOT/site/manifest.json)")
    verify.add_argument("--list", action="store_true", help="only print the manifest's copies as a JSON list (for CI)")
    sub.add_parser("production-guard", parents=[common],
                   help="exit 1 while any data is sample or any logo a placeholder")
    args = parser.parse_args(argv)
    root = getattr(args, "root", Path.cwd()).resolve()
    try:
        if args.command == "check":
            return cmd_check(root, args.strict or os.environ.get("STRICT") == "1")
        if args.command == "verify":
            if args.list:
                return cmd_list_copies(root, args.manifest)
            return cmd_verify(root, args.manifest, args.copy, args.dir)
        if args.command == "production-guard":
            return cmd_production_guard(root)
        only = tuple(s.strip() for s in args.only.split(",") if s.strip()) if args.only else None
        languages = tuple(s.strip() for s in args.languages.split(",") if s.strip()) if args.languages else None
        return cmd_build(root, (args.site or root / "site").resolve(), only, languages)
    except DataErrors as exc:
        print(exc.report(), file=sys.stderr)
        if args.command == "build":
            print("Nothing was built; site/ is unchanged.", file=sys.stderr)
        return 1
    except ManifestError as exc:
        print(f"verify: {exc}", file=sys.stderr)
        return 1
    except BuildFailed as exc:
        print(f"{exc}\nNothing was changed in site/.", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
