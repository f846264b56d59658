"""A Jinja bytecode cache kept in memory for the life of the process.

`mkdocs serve` builds a new theme environment on every rebuild and compiles
Material's templates again (about a quarter of a rebuild). Jinja keys cached
code by template name and source checksum, so an edited template is compiled
afresh: the cache can never serve stale code.
"""

from __future__ import annotations

from collections.abc import Callable

from jinja2 import BytecodeCache, FileSystemLoader
from jinja2.bccache import Bucket


class MemoryBytecodeCache(BytecodeCache):
    def __init__(self) -> None:
        self._store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._store.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._store[bucket.key] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self._store.clear()


THEME_TEMPLATES = MemoryBytecodeCache()


# The theme's file list. MkDocs walks every theme folder on every build to find static
# files and matches each name against its patterns (Material ships thousands of icon
# files); in `mkdocs serve` that repeats on each save. The installed theme never changes
# while the process runs, so its filtered list is kept; our own theme folder (custom_dir,
# which editors may change) is listed every time.
_LISTINGS: dict[tuple, list[str]] = {}


def theme_listing(dirs: list[str], fresh: list[str], keep: Callable[[str], bool] | None = None,
                  key: tuple = ()) -> list[str]:
    """The theme's files as Environment.list_templates gives them. `keep` (MkDocs' static-file
    filter) must give the same answers whenever `key` is the same."""
    static = tuple(d for d in dirs if d not in fresh)
    if (static, key) not in _LISTINGS:
        _LISTINGS[static, key] = [name for name in FileSystemLoader(list(static)).list_templates()
                             if keep is None or keep(name)]
    own = [name for name in FileSystemLoader(fresh).list_templates() if keep is None or keep(name)]
    return sorted(set(_LISTINGS[static, key]) | set(own))
