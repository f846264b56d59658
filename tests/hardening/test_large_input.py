"""Large input: 5,000 courses (one copy, bokmål) and, separately, 50 municipalities
build without error, and the build's peak memory stays under 1 GB.

Peak memory is the largest resident set of any process of the build (the CLI and
the MkDocs run it starts), read with getrusage(RUSAGE_CHILDREN) in a fresh
Python process that runs nothing else. Slow (minutes): one build each.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.edits import edit_file
from tests.support.environ import pinned_environ
from tests.support.expected import COURSES_DIR
from tests.support.project import project_copy

pytestmark = pytest.mark.build

MEMORY_BUDGET_KB = 1024 * 1024  # 1 GB (ru_maxrss is in kilobytes on Linux)

MEASURE = """
import resource, subprocess, sys
proc = subprocess.run(sys.argv[1:], capture_output=True, text=True)
sys.stdout.write(proc.stdout + proc.stderr)
print("RC", proc.returncode)
print("MAXRSS", resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def build_measured(root: Path, *args: str) -> tuple[int, int, str]:
    cmd = [sys.executable, "-c", MEASURE, sys.executable, "-m", "etablerer", "build", "--root", str(root), *args]
    proc = subprocess.run(cmd, cwd=root, env=pinned_environ(), capture_output=True, text=True, timeout=3600)
    lines = proc.stdout.splitlines()
    rc = int(next(line for line in lines if line.startswith("RC "))[3:])
    peak = int(next(line for line in lines if line.startswith("MAXRSS "))[7:])
    return rc, peak, proc.stdout + proc.stderr


@pytest.mark.slow
def test_five_thousand_courses_build_in_one_copy_within_the_memory_budget(tmp_path):
    root = project_copy(tmp_path / "project")
    template = (COURSES_DIR / "etablererkurs-januar-test-2027.yml").read_text(encoding="utf-8")
    old_id = next(line.split(":", 1)[1].strip() for line in template.splitlines() if line.startswith("id:"))
    for n in range(5000):
        text = template.replace(old_id, f"stor-{n:04d}")
        (root / "data" / "courses" / f"stor-{n:04d}.yml").write_text(text, encoding="utf-8")
    # Bokmål only (--languages nb): this test is about the size of data/, not about languages,
    # and each further language is one more MkDocs run over all 5,000 courses (all five
    # languages took 12 to 19 minutes here instead of about 3).
    rc, peak, output = build_measured(root, "--only", "moss", "--languages", "nb")
    assert rc == 0, output[-3000:]
    course_pages = list((root / "site" / "moss" / "kurs").glob("stor-*/index.html"))
    assert len(course_pages) == 5000
    assert not (root / "site" / "moss" / "en").exists()  # the restriction did apply
    assert peak < MEMORY_BUDGET_KB, f"peak {peak // 1024} MB"
    print(f"5,000 courses: peak {peak // 1024} MB")


def municipality(n: int) -> str:
    return f"""  - id: kommune{n:02d}
    name: Kommune {n:02d}
    number: "{9000 + n}"
    counties:
      - county: sorfylket
        period: {{start: 2024-01-01}}
    populations:
      - count: 1000
        date: 2021-07-01
        source: Test
    base_url: https://www.kommune{n:02d}.example.com/etablerertjenesten/
    accessibility_statement_url: https://uustatus.no/nb/erklaringar/publisert/eksempel-{n:02d}
    privacy_url: https://www.kommune{n:02d}.example.com/personvern/
    sample: true
"""


def test_fifty_municipalities_build_within_the_memory_budget(tmp_path):
    root = project_copy(tmp_path / "project")
    extra = "".join(municipality(n) for n in range(46))  # 4 shipped + 46 = 50
    edit_file(root / "data" / "municipalities.yml", lambda text: text.rstrip("\n") + "\n" + extra)
    rc, peak, output = build_measured(root)
    assert rc == 0, output[-3000:]
    copies = [p for p in (root / "site").iterdir() if p.is_dir() and not p.name.startswith("_")]
    assert len(copies) == 50
    assert all((c / "index.html").is_file() and (c / "404.html").is_file() for c in copies)
    assert peak < MEMORY_BUDGET_KB, f"peak {peak // 1024} MB"
    print(f"50 municipalities: peak {peak // 1024} MB")
