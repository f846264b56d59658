"""`make site` of two commits, side by side: what a change did to the build time.

    .venv/bin/python -m bench.compare_commits OLD NEW [--reps 5]

Each commit is checked out into a temporary folder (git worktree-free: `git archive`)
and built with this checkout's virtual environment, its own hooks/ first on the path.
Runs alternate (old, new, new, old, …) so load from other jobs hits both alike; the
report gives medians and the ratio. Both commits must need the same Python packages.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def export(commit: str, target: Path) -> Path:
    archive = subprocess.run(["git", "archive", "--format=tar", commit], cwd=ROOT, check=True,
                             capture_output=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(target, filter="data")
    return target


def build_seconds(project: Path) -> float:
    env = {**os.environ, "PYTHONPATH": str(project / "hooks"), "SOURCE_DATE_EPOCH": "1795777200",
           "NO_MKDOCS_2_WARNING": "1"}
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "etablerer", "build", "--site", str(project / "site")], cwd=project,
                   env=env, check=True, capture_output=True)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old")
    parser.add_argument("new")
    parser.add_argument("--reps", type=int, default=5)
    args = parser.parse_args()
    times: dict[str, list[float]] = {args.old: [], args.new: []}
    with tempfile.TemporaryDirectory(prefix="compare-") as tmp:
        projects = {c: export(c, Path(tmp) / c.replace("/", "_")) for c in times}
        for rep in range(args.reps):
            order = [args.old, args.new] if rep % 2 == 0 else [args.new, args.old]
            for commit in order:
                times[commit].append(build_seconds(projects[commit]))
                print(f"round {rep + 1}: {commit} {times[commit][-1]:.2f} s", file=sys.stderr, flush=True)
    old, new = (statistics.median(times[c]) for c in (args.old, args.new))
    print(f"make site, median of {args.reps} (alternating): {args.old} {old:.2f} s "
          f"(min {min(times[args.old]):.2f}), {args.new} {new:.2f} s (min {min(times[args.new]):.2f}); "
          f"ratio {new / old:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
