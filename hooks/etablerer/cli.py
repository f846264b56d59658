"""Command line: `etablerer check`, `build`, `verify`, `production-guard`, `bundles` and `verify-live`
(what make calls)."""

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
from etablerer.inputs.messages import _, ngettext
from etablerer.publish.admin import AdminFailed, Backend, write_admin
from etablerer.publish.build import BuildFailed, build_site
from etablerer.publish.bundles import DIST, BundleError, make_bundles
from etablerer.publish.copies import TOKEN_HOST
from etablerer.publish.guard import production_refusal
from etablerer.publish.live import LiveError, bundle_manifest, compare_live
from etablerer.publish.live import report as live_report
from etablerer.publish.manifest import MANIFEST, ManifestError, read_manifest
from etablerer.publish.verify import report, verify_copy
from etablerer.render.pages import generated_pages
from etablerer.reports import annotations
from etablerer.reports.coveragepage import with_coverage_page
from etablerer.reports.health import KINDS, findings, heading, note, summary
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


def cmd_check(root: Path, strict: bool, annotate: bool = False) -> int:
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
    lines = [note(f) for f in found] if strict else summary(found)[:-1]
    if annotate:  # GitHub reads them anywhere in the output; first, so the plain last line stays last
        lines = annotations.for_findings(found, strict=strict) + lines
    for line in lines:
        print(line)
    print(readability_summary(lix))
    took = time.perf_counter() - started
    courses, municipalities = len(data.courses), len(data.municipalities)
    valid = _("data/ and content/ are valid: {courses}, {municipalities} ({seconds} s).").format(
        courses=ngettext("{count} course", "{count} courses", courses).format(count=courses),
        municipalities=ngettext("{count} municipality", "{count} municipalities",
                                municipalities).format(count=municipalities),
        seconds=f"{took:.2f}")
    if strict and found:
        # The last line says why a strict run fails although the data is valid, and which warnings.
        print(valid)
        kinds = "; ".join(heading(kind) for kind in KINDS if any(f.kind == kind for f in found))
        print(ngettext("STRICT=1: the check fails because of {count} content health finding ({kinds}; "
                       "listed above). Fix it, or run make check without STRICT=1.",
                       "STRICT=1: the check fails because of {count} content health findings ({kinds}; "
                       "each listed above). Fix them, or run make check without STRICT=1.",
                       len(found)).format(count=len(found), kinds=kinds))
        return 1
    # The last line: what happened and what to do next.
    if found:
        print(valid + " " + ngettext(
            "{count} warning above (make check STRICT=1 fails on it); fix it when you can. "
            "Build the site with make site.",
            "{count} warnings above (make check STRICT=1 fails on them); fix them when you can. "
            "Build the site with make site.", len(found)).format(count=len(found)))
    else:
        print(valid + " " + _("No warnings. Build the site with make site."))
    return 0


def generator_runner():
    """The site generator's runner (start one run per language, as commands). The adapter registers
    it as the entry point etablerer.generator (pyproject.toml), so the package names no adapter."""
    found = entry_points(group=GENERATOR_ENTRY_POINT)
    if not found:
        raise BuildFailed(_("no site generator is installed (entry point {entry_point}); run make site, "
                            "which installs it").format(entry_point=GENERATOR_ENTRY_POINT))
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
        print(note(line))
    print(_("Time: {generator} {generator_seconds} s, copies {copy_seconds} s.").format(
        generator=runner.DISPLAY_NAMES[engine], generator_seconds=f"{result.seconds_generator:.2f}",
        copy_seconds=f"{result.seconds_copies:.2f}"))
    # The last line: where the site is and how to look at it.
    count = len(result.copies)
    print(ngettext("The site is in {site}/: {count} copy ({copies}). To look at it, run "
                   "python3 -m http.server -d {site} and open http://127.0.0.1:8000/ (or preview with make serve).",
                   "The site is in {site}/: {count} copies ({copies}), one folder each. To look at it, run "
                   "python3 -m http.server -d {site} and open http://127.0.0.1:8000/ (or preview with make serve).",
                   count).format(site=site.name, count=count, copies=", ".join(result.copies)))
    return 0


def cmd_verify(root: Path, manifest_path: Path | None, copy: str | None, folder: Path | None) -> int:
    """One copy (COPY, in DIR or beside the manifest), or every copy beside the manifest."""
    manifest_path = manifest_path or root / "site" / MANIFEST
    manifest = read_manifest(manifest_path)
    copies = [copy] if copy else sorted(manifest.copies)
    if folder is not None and len(copies) != 1:
        raise ManifestError(_("DIR needs COPY: say which municipality's copy the folder should be."))
    failed = 0
    for slug in copies:
        where = folder if folder is not None else manifest_path.parent / slug
        result = verify_copy(where, slug, manifest)
        print(report(where, slug, manifest, result), file=sys.stdout if result.matches else sys.stderr)
        failed += not result.matches
    if len(copies) > 1:  # one copy: its report's last line says it; several: one line for all
        if failed:
            print(ngettext("{failed} of {count} copies does not match the build; replace it with the copy "
                           "from the build (see above).",
                           "{failed} of {count} copies do not match the build; replace them with the copies "
                           "from the build (see above).", failed).format(failed=failed, count=len(copies)),
                  file=sys.stderr)
        else:
            print(_("All {count} copies match the build.").format(count=len(copies)))
    return 1 if failed else 0


def cmd_list_copies(root: Path, manifest_path: Path | None) -> int:
    print(json.dumps(sorted(read_manifest(manifest_path or root / "site" / MANIFEST).copies)))
    return 0


def cmd_production_guard(root: Path) -> int:
    refusal = production_refusal(validate(root))
    if refusal:
        print(refusal, file=sys.stderr)
        return 1
    print(_("No sample data and no placeholder logos: the municipal copies may be made."))
    return 0


def cmd_bundles(root: Path, site: Path, dist: Path) -> int:
    bundles = make_bundles(site, dist)
    index = json.loads((dist / "index.json").read_text(encoding="utf-8"))
    print(ngettext("Wrote {dist}/: {count} bundle ({copies}) and index.json, as of {date}{sample}.",
                   "Wrote {dist}/: {count} bundles ({copies}) and index.json, as of {date}{sample}.",
                   len(bundles)).format(
        dist=shown_path(dist, root), count=len(bundles), copies=", ".join(b.copy for b in bundles),
        date=index["as_of"], sample=_(", marked sample (a sync refuses them without --allow-sample)")
        if index["sample"] else ""))
    return 0


def cmd_verify_live(root: Path, url: str, copy: str, bundles: str | None) -> int:
    """The copy published at `url` against the newest bundle (dist/, or a --bundles URL)."""
    result = compare_live(url, copy, bundle_manifest(bundles or str(root / DIST), copy))
    print(live_report(result), file=sys.stdout if result.matches else sys.stderr)
    return 0 if result.matches else 1


def cmd_live_targets(root: Path) -> int:
    """Every municipality's copy and base_url, as JSON (the verify-live workflow's matrix)."""
    data = validate(root)
    print(json.dumps([{"copy": m.id, "url": m.base_url} for m in data.municipalities]))
    return 0


def cmd_admin(root: Path, site: Path) -> int:
    """site/admin/: the CMS page; CMS_REPO, CMS_BRANCH, CMS_AUTH_URL, CMS_LOCAL and CMS_LOCAL_URL say where it saves."""
    local = os.environ.get("CMS_LOCAL", "") == "1"
    repo = os.environ.get("CMS_REPO") or os.environ.get("GITHUB_REPOSITORY") or ("local/project" if local else "")
    if not repo:
        raise AdminFailed(_("say which repository the CMS saves to: make admin CMS_REPO=owner/name "
                            "(or CMS_LOCAL=1 to try it with decap-server)"))
    backend = Backend(repo=repo, branch=os.environ.get("CMS_BRANCH") or "main",
                      auth_url=os.environ.get("CMS_AUTH_URL") or None,
                      local_url=(os.environ.get("CMS_LOCAL_URL") or "http://localhost:8081/api/v1") if local else None)
    data = validate(root)
    target = write_admin(root, site, data.region.languages, backend)
    print(_("Wrote {folder}: the admin page saves to {repo} ({branch}).").format(
        folder=shown_path(target, root) + "/", repo=backend.local_url or backend.repo, branch=backend.branch))
    return 0


def main(argv: list[str] | None = None) -> int:
    # --root may come before or after the command
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--root", type=Path, default=argparse.SUPPRESS, help=_("project folder (default: here)"))
    parser = argparse.ArgumentParser(prog="etablerer", description=__doc__, parents=[common])
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", parents=[common], help=_("validate data/ and content/ without building"))
    check.add_argument("--strict", action="store_true", help=_("content health findings (warnings) also fail"))
    check.add_argument("--annotations", action=argparse.BooleanOptionalAction, default=None,
                       help=_("also print each problem as a GitHub Actions annotation (::error file=…,line=…::…); "
                              "default: on when GITHUB_ACTIONS=true"))
    build = sub.add_parser("build", parents=[common], help=_("build site/ with one copy per municipality"))
    build.add_argument("--site", type=Path, default=None, help=_("output folder (default: ROOT/site)"))
    build.add_argument("--only", default=None, metavar="SLUGS",
                       help=_("make copies only for these municipalities (comma-separated slugs, e.g. moss)"))
    build.add_argument("--languages", default=None, metavar="CODES",
                       help=_("build only these languages (comma-separated, e.g. nb,en; bokmål is always built)"))
    verify = sub.add_parser("verify", parents=[common],
                            help=_("check a folder against site/manifest.json: missing, extra or changed files"))
    verify.add_argument("--copy", default=None, help=_("municipality slug (default: every copy beside the manifest)"))
    verify.add_argument("--dir", type=Path, default=None,
                        help=_("folder holding that copy (default: beside the manifest)"))
    verify.add_argument("--manifest", type=Path, default=None,
                        help=_("manifest.json (default: ROOT/site/manifest.json)"))
    verify.add_argument("--list", action="store_true",
                        help=_("only print the manifest's copies as a JSON list (for CI)"))
    admin = sub.add_parser("admin", parents=[common], help=_("write site/admin/: the admin page (Decap CMS)"))
    admin.add_argument("--site", type=Path, default=None, help=_("output folder (default: ROOT/site)"))
    sub.add_parser("production-guard", parents=[common],
                   help=_("exit 1 while any data is sample or any logo a placeholder"))
    bundles = sub.add_parser("bundles", parents=[common],
                             help=_("write dist/: one zip and one manifest per copy in site/, and index.json"))
    bundles.add_argument("--site", type=Path, default=None, help=_("built site (default: ROOT/site)"))
    bundles.add_argument("--dist", type=Path, default=None, help=_("output folder (default: ROOT/dist)"))
    live = sub.add_parser("verify-live", parents=[common],
                          help=_("check a published copy over HTTP against the newest bundle"))
    live.add_argument("--url", default=None, help=_("address of the published copy (its base_url)"))
    live.add_argument("--copy", default=None, help=_("municipality slug"))
    live.add_argument("--bundles", default=None,
                      help=_("folder or URL holding the newest bundles (default: ROOT/dist)"))
    live.add_argument("--targets", action="store_true",
                      help=_("only print every municipality's copy and base_url as JSON (for CI)"))
    args = parser.parse_args(argv)
    root = getattr(args, "root", Path.cwd()).resolve()
    annotate = args.command == "check" and annotations.wanted(args.annotations, os.environ)
    try:
        if args.command == "check":
            return cmd_check(root, args.strict or os.environ.get("STRICT") == "1", annotate)
        if args.command == "verify":
            if args.list:
                return cmd_list_copies(root, args.manifest)
            return cmd_verify(root, args.manifest, args.copy, args.dir)
        if args.command == "production-guard":
            return cmd_production_guard(root)
        if args.command == "bundles":
            return cmd_bundles(root, (args.site or root / "site").resolve(), (args.dist or root / DIST).resolve())
        if args.command == "verify-live":
            if args.targets:
                return cmd_live_targets(root)
            if not args.url or not args.copy:
                raise LiveError(_("say which copy to check and where it is published: "
                                  "make verify-live URL=https://… COPY=<slug>"))
            return cmd_verify_live(root, args.url, args.copy, args.bundles)
        if args.command == "admin":
            return cmd_admin(root, (args.site or root / "site").resolve())
        only = tuple(s.strip() for s in args.only.split(",") if s.strip()) if args.only else None
        languages = tuple(s.strip() for s in args.languages.split(",") if s.strip()) if args.languages else None
        return cmd_build(root, (args.site or root / "site").resolve(), only, languages)
    except DataErrors as exc:
        if args.command == "build":  # the errors, then one last line for the build
            count = len(exc.errors)
            print("\n".join([*map(str, exc.errors), ngettext(
                "{count} problem found, so nothing was built; site/ is unchanged. Fix it and run make site again.",
                "{count} problems found, so nothing was built; site/ is unchanged. Fix them and run make site again.",
                count).format(count=count)]), file=sys.stderr)
        else:
            if annotate:  # on stdout, before the plain report and its last line on stderr
                print("\n".join(annotations.for_errors(exc.errors)), flush=True)
            print(exc.report(), file=sys.stderr)
        return 1
    except AdminFailed as exc:
        print(_("make admin: {reason}").format(reason=exc), file=sys.stderr)
        return 1
    except ManifestError as exc:
        print(_("make verify: {reason}").format(reason=exc), file=sys.stderr)
        return 1
    except BundleError as exc:
        print(_("make bundles: {reason}").format(reason=exc), file=sys.stderr)
        return 1
    except LiveError as exc:
        print(_("make verify-live: {reason}").format(reason=exc), file=sys.stderr)
        return 1
    except BuildFailed as exc:
        print(exc, file=sys.stderr)
        print(_("Nothing was changed in site/. Fix what is named above and run make site again."), file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
