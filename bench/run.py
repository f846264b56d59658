"""`make bench`: build times side by side, growth, preview rebuild, page weight, memory; budgets.

Build scenarios run interleaved (round after round, order rotated) so that load
from other jobs on the machine hits them alike; the budgets compare medians as
ratios. Writes bench/results.md and prints it; exits 1 when a budget is missed.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime
from importlib.metadata import version
from pathlib import Path

import yaml

from . import synthetic
from .serve import rebuild_times
from .timing import Run, build
from .weight import CATEGORIES, heaviest_first_visits, search_bytes

RESULTS = Path(__file__).resolve().parent / "results.md"
# The site's languages, from data/region.yml: B1 builds them all; C1 (the unit) is one copy in bokmål.
LANGUAGES = tuple(yaml.safe_load((Path(__file__).resolve().parents[1] / "data" / "region.yml")
                                 .read_text(encoding="utf-8")).get("languages", ["nb"]))
KB = 1000


@dataclass(frozen=True)
class Scenario:
    key: str
    what: str
    project: str  # which synthetic project
    only: str | None = None
    languages: str | None = None  # None: every language of the site


@dataclass(frozen=True)
class Budget:
    name: str
    measured: float
    limit: float
    unit: str

    @property
    def met(self) -> bool:
        return self.measured <= self.limit

    def row(self) -> str:
        if self.met:
            result = "met"
        else:
            result = (f"MISSED **by {self.measured - self.limit:.2f} {self.unit} "
                      f"({self.measured / self.limit:.2f}× the budget)**")
        return f"| {self.name} | {self.measured:.2f} {self.unit} | ≤ {self.limit:.2f} {self.unit} | {result} |"


def _machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor() or "unknown CPU")
    mem = next((int(line.split()[1]) // 1024 for line in Path("/proc/meminfo").read_text().splitlines()
                if line.startswith("MemTotal")), 0)
    return (f"{platform.system()} {platform.release()}, {os.cpu_count()} × {cpu}, {mem} MiB RAM; "
            f"Python {platform.python_version()}, mkdocs {version('mkdocs')}, "
            f"mkdocs-material {version('mkdocs-material')}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench", description=__doc__)
    parser.add_argument("--reps", type=int, default=3, help="repetitions of each build (default 3)")
    parser.add_argument("--serve-reps", type=int, default=5, help="edits in the preview (default 5)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="etablerer-bench-") as tmp:
        tmp = Path(tmp)
        projects = {"shipped": synthetic.project(tmp / "shipped")}
        counts = {}
        for key, courses, munis in (("c10", 10, 0), ("c100", 100, 0), ("m20", 1, 20), ("m50", 1, 50)):
            root = synthetic.project(tmp / key)
            counts[key] = (synthetic.multiply_courses(root, courses) if courses > 1 else None,
                           synthetic.add_municipalities(root, munis) if munis else None)
            projects[key] = root
        shipped_courses = len(list((projects["shipped"] / "data" / "courses").glob("*.yml")))
        scenarios = [
            Scenario("C1", "C1: one copy (moss), bokmål", "shipped", only="moss", languages="nb"),
            Scenario("B1", f"B1: make site, shipped data (4 copies, {shipped_courses} courses, "
                           f"{len(LANGUAGES)} languages)", "shipped"),
            Scenario("B1nb", f"B1 in bokmål only (4 copies, {shipped_courses} courses): the base of 100×",
                     "shipped", languages="nb"),
            Scenario("c10", f"10× courses ({counts['c10'][0]}), 4 copies, {len(LANGUAGES)} languages", "c10"),
            Scenario("c100", f"100× courses ({counts['c100'][0]}), 4 copies, bokmål", "c100", languages="nb"),
            Scenario("m20", f"{counts['m20'][1]} municipalities (the shipped courses, held in four)", "m20"),
            Scenario("m50", f"{counts['m50'][1]} municipalities (the shipped courses, held in four)", "m50"),
        ]
        runs: dict[str, list[Run]] = {s.key: [] for s in scenarios}
        for rep in range(args.reps):
            order = scenarios[rep % len(scenarios):] + scenarios[:rep % len(scenarios)]
            for s in order:
                run = build(projects[s.project], tmp / f"out-{s.key}", s.only, s.languages)
                runs[s.key].append(run)
                print(f"round {rep + 1}/{args.reps}: {s.key} {run.seconds:.2f} s, peak {run.peak_kib / 1024:.0f} MiB",
                      file=sys.stderr, flush=True)
        print("preview rebuild …", file=sys.stderr, flush=True)
        serve = rebuild_times(synthetic.project(tmp / "serve"), "moss", args.serve_reps)
        print("page weight …", file=sys.stderr, flush=True)
        course_id = sorted(p.stem for p in (projects["shipped"] / "data" / "courses").glob("*.yml"))[0]
        course_id = next(line.split(": ", 1)[1] for line in
                         (projects["shipped"] / "data" / "courses" / f"{course_id}.yml").read_text().splitlines()
                         if line.startswith("id: "))
        pages = {"front": "", "catalogue": "kurs/", "course": f"kurs/{course_id}/", "about": "om/"}
        visits = heaviest_first_visits(tmp / "out-B1", "moss", pages, LANGUAGES)

    med = {k: statistics.median(r.seconds for r in v) for k, v in runs.items()}
    peak = {k: max(r.peak_kib for r in v) for k, v in runs.items()}
    serve_median = statistics.median(serve)
    budgets = [
        Budget(f"B1 / (C1 × {len(LANGUAGES)} languages)", med["B1"] / (med["C1"] * len(LANGUAGES)), 1.3, "×"),
        Budget("10× courses / shipped (B1)", med["c10"] / med["B1"], 10, "×"),
        Budget("100× courses, bokmål / shipped, bokmål (B1nb)", med["c100"] / med["B1nb"], 100, "×"),
        Budget("50 municipalities / 4 (B1)", med["m50"] / med["B1"], 2, "×"),
        Budget("preview rebuild after a course edit (median)", serve_median, 1.0, "s"),
        *[Budget(f"first visit, {v.page} (gzip)", v.total / KB, 100, "KB") for v in visits],
        Budget("peak memory, 100× courses", peak["c100"] / 1024, 1024, "MiB"),
    ]
    stretch = [Budget(f"stretch: first visit, {v.page} (gzip)", v.total / KB, 60, "KB") for v in visits]

    lines = [
        "# Benchmark results",
        "",
        f"Written by `make bench` (bench/run.py) on {datetime.now().astimezone():%Y-%m-%d %H:%M %Z}, "
        f"{args.reps} repetitions per build, interleaved; {len(serve)} preview edits; "
        f"whole run {time.perf_counter() - started:.0f} s.",
        "",
        f"Machine: {_machine()}. Load average at the start {load_before[0]:.1f} (other jobs were running: "
        "absolute times are noisy, the ratios below compare medians measured side by side).",
        "",
        f"Languages: the site has {len(LANGUAGES)} ({', '.join(LANGUAGES)}); B1 builds all of them in 4 copies, "
        "C1 one copy in bokmål. `make site` runs one MkDocs process per language, side by side, so on this "
        "machine's cores they share the CPU.",
        "",
        "## Budgets",
        "",
        "| Budget | Measured | Limit | Result |",
        "|---|---|---|---|",
        *[b.row() for b in budgets],
        "",
        "Stretch goal (not required):",
        "",
        "| Budget | Measured | Limit | Result |",
        "|---|---|---|---|",
        *[b.row() for b in stretch],
        "",
        "## Builds (`etablerer build`, what `make site` runs)",
        "",
        "| Scenario | Median | Min–max | × B1 | Peak memory |",
        "|---|---|---|---|---|",
        *[f"| {s.what} | {med[s.key]:.2f} s | {min(r.seconds for r in runs[s.key]):.2f}–"
          f"{max(r.seconds for r in runs[s.key]):.2f} s | {med[s.key] / med['B1']:.2f} | {peak[s.key] / 1024:.0f} MiB |"
          for s in scenarios],
        "",
        "Peak memory: the largest resident set among the build's processes (ru_maxrss of the child from wait4).",
        "",
        "## Preview (`make serve`, one copy)",
        "",
        f"Saving a course file → the course page served with the change: median {serve_median:.2f} s "
        f"(min {min(serve):.2f}, max {max(serve):.2f}; {', '.join(f'{t:.2f}' for t in serve)}).",
        "",
        "## First visit per page type (KB, gzip)",
        "",
        "Chromium, cold cache, 375 px wide, until the network is idle; text responses gzip-compressed at level 6 "
        "by the benchmark (the local server does not compress), images other than SVG as they are. "
        "\"of which search\" is the search index, its worker and the lunr language files (loaded only when "
        "search is first used: content/assets/et-lazy-search.js). Each page type is measured in every language "
        "that has it; the table shows the heaviest.",
        "",
        "| Page | " + " | ".join(CATEGORIES) + " | Total | of which search | Requests |",
        "|---|" + "---|" * (len(CATEGORIES) + 3),
        *[f"| {v.page} | " + " | ".join(f"{v.by_category[c] / KB:.1f}" for c in CATEGORIES)
          + f" | {v.total / KB:.1f} | {search_bytes(v) / KB:.1f} | {len(v.requests)} |" for v in visits],
        "",
        "Reproduce: `make bench` (or `.venv/bin/python -m bench --reps 5`).",
        "",
    ]
    RESULTS.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))
    missed = [b for b in budgets if not b.met]
    for b in missed:
        print(f"budget missed: {b.name}: {b.measured:.2f} {b.unit}, limit {b.limit:.2f} {b.unit}", file=sys.stderr)
    return 1 if missed else 0
