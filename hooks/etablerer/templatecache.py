"""A Jinja bytecode cache kept in memory for the life of the process.

`mkdocs serve` builds a new theme environment on every rebuild and compiles
Material's templates again (about a quarter of a rebuild). Jinja keys cached
code by template name and source checksum, so an edited template is compiled
afresh: the cache can never serve stale code.
"""

from __future__ import annotations

from jinja2 import BytecodeCache
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
