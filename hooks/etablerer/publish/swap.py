"""Put a finished folder in place of the published one by renames, so a reader never sees it half-written."""

from __future__ import annotations

import os
import shutil
from pathlib import Path


def swap_in(staged: Path, target: Path) -> None:
    """Replace `target` (site/, dist/) with `staged` by renames on the same file system."""
    old = None
    if target.exists():
        old = target.with_name(f".{target.name}-old-{os.getpid()}")
        target.rename(old)
    staged.rename(target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
