"""Which files of the repository are content (the editors' and translators') and which are code.

Content: data/, languages/ and content/ except the site's own scripts and style sheet
(CODE_ASSETS), which are code. The behaviour tests read only their fixture project, so a
change of content alone cannot change their result: the deploy then waits only for
make check, the content checks and the build (.github/workflows/deploy.yml).

    git diff --name-only A B | PYTHONPATH=hooks python3 -m etablerer.inputs.contentpaths
prints "code=true" when any listed file is code, else "code=false" (stdlib only: the
workflow runs it before anything is installed).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable

CONTENT_FOLDERS = ("data/", "languages/", "content/")
CODE_ASSETS = ("content/assets/site.css", "content/assets/et-a11y.js", "content/assets/et-lazy-search.js",
               "content/assets/et-search.js")


def is_content(path: str) -> bool:
    path = path.strip().removeprefix("./")
    return path.startswith(CONTENT_FOLDERS) and path not in CODE_ASSETS


def any_code(paths: Iterable[str]) -> bool:
    """True when a path that is not content is among them; no paths at all counts as code
    (nothing known about the change: run everything)."""
    listed = [p for p in (p.strip() for p in paths) if p]
    return not listed or not all(is_content(p) for p in listed)


def main() -> int:
    print(f"code={'true' if any_code(sys.stdin) else 'false'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
