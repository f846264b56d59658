"""`etablerer check` (what `make check` runs) passes on the data: first, so that a data error's
file:line lines from the validator are the first thing a reader of the run sees."""

from __future__ import annotations

import subprocess
import sys

import pytest

from .conftest import content_environ

pytestmark = [pytest.mark.content, pytest.mark.build]


def test_make_check_passes_on_the_data(content_root_dir):
    run = subprocess.run([sys.executable, "-m", "etablerer", "check"], cwd=content_root_dir, env=content_environ(),
                         capture_output=True, text=True, timeout=600)
    if run.returncode != 0:
        # The validator's own lines first (file:line: field: message), then what ran.
        pytest.fail(f"{run.stdout}{run.stderr}".rstrip() + f"\n(`etablerer check` in {content_root_dir} exited "
                    f"{run.returncode})", pytrace=False)
