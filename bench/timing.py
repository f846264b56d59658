"""Build timings and peak memory: `etablerer build` (what `make site` runs) as a child process.

Peak memory is the child's ru_maxrss from wait4: the largest resident set of
the build's processes (the CLI or the MkDocs run it starts), not their sum.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

# Every run builds as of the same day, so course status cannot change between runs.
EPOCH = str(int(datetime(2026, 11, 27, 12, 0, tzinfo=ZoneInfo("Europe/Oslo")).timestamp()))


def environ(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("ETABLERER_MODE", "ETABLERER_COPY", "ONLY")}
    env.update(SOURCE_DATE_EPOCH=EPOCH, NO_MKDOCS_2_WARNING="1", PYTHONIOENCODING="utf-8", **extra)
    return env


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_kib: int


class BuildError(Exception):
    pass


def build(root: Path, out: Path, only: str | None = None, languages: str | None = None) -> Run:
    """One `etablerer build` of the project `root` into `out`; `out` is replaced."""
    shutil.rmtree(out, ignore_errors=True)
    cmd = [sys.executable, "-m", "etablerer", "build", "--site", str(out)] + (["--only", only] if only else [])
    cmd += ["--languages", languages] if languages else []
    log = out.with_name(out.name + ".log")
    with log.open("w") as sink:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=root, env=environ(), stdout=sink, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise BuildError(f"etablerer build in {root} failed:\n{log.read_text()[-3000:]}")
    return Run(seconds, usage.ru_maxrss)  # KiB on Linux
