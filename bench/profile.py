"""Where the time goes: cProfile of the preview rebuild or of `etablerer build`, top entries printed.

    .venv/bin/python -m bench.profile rebuild          # one warm MkDocs rebuild of one copy (what `make serve` redoes)
    .venv/bin/python -m bench.profile build [--municipalities 50] [--courses 10]   # the CLI process, copies included

Runs in a throw-away project (bench/synthetic.py). The MkDocs build that `etablerer
build` starts is another process: `rebuild` profiles that work in-process.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import tempfile
from pathlib import Path

from . import synthetic
from .timing import environ


def profile_rebuild(root: Path, out: Path) -> cProfile.Profile:
    os.environ.update(environ(ETABLERER_COPY="moss"))
    os.chdir(root)
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    def once() -> None:  # what mkdocs serve does on each change: load the config, build everything
        config = load_config(str(root / "mkdocs.yml"), site_dir=str(out))
        config.plugins.on_startup(command="serve", dirty=False)
        build(config, serve_url="http://127.0.0.1:8000/")

    once()
    once()  # warm: imports done, as in a running server
    profiler = cProfile.Profile()
    profiler.runcall(once)
    return profiler


def profile_build(root: Path, out: Path) -> cProfile.Profile:
    os.environ.update(environ())
    from etablerer.cli import main
    profiler = cProfile.Profile()
    profiler.runcall(main, ["--root", str(root), "build", "--site", str(out)])
    return profiler


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench.profile", description=__doc__)
    parser.add_argument("what", choices=("rebuild", "build"))
    parser.add_argument("--municipalities", type=int, default=0)
    parser.add_argument("--courses", type=int, default=1, help="factor on the shipped courses")
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="etablerer-profile-") as tmp:
        root = synthetic.project(Path(tmp) / "project")
        if args.courses > 1:
            synthetic.multiply_courses(root, args.courses)
        if args.municipalities:
            synthetic.add_municipalities(root, args.municipalities)
        run = profile_rebuild if args.what == "rebuild" else profile_build
        profiler = run(root, Path(tmp) / "out")
        pstats.Stats(profiler, stream=sys.stdout).sort_stats("cumulative").print_stats(args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
