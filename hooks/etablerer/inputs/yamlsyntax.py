"""YAML syntax of the given files (the pre-commit hook): `file:line: message`, exit 1 on any problem.

Files under data/ are read as the build reads them (yamlsource.py: tabs,
duplicate keys, control characters). Other YAML (mkdocs.yml, workflows) is
only parsed, not constructed, so tags such as !!python/name are no problem.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from etablerer.inputs.yamlsource import load_yaml


def problems(file: Path, shown: str) -> list[str]:
    if shown.startswith("data/"):
        _, errors = load_yaml(file, shown)
        return [str(e) for e in errors]
    try:
        for _ in yaml.compose_all(file.read_text(encoding="utf-8"), Loader=yaml.SafeLoader):
            pass
    except UnicodeDecodeError:
        return [f"{shown}:1: the file is not UTF-8 text; save it as UTF-8"]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        return [f"{shown}:{mark.line + 1 if mark else 1}: YAML syntax error: {exc.problem or exc}"]
    except yaml.YAMLError as exc:
        return [f"{shown}:1: YAML error: {exc}"]
    return []


def main(argv: list[str] | None = None) -> int:
    found = []
    for name in argv if argv is not None else sys.argv[1:]:
        found += problems(Path(name), Path(name).as_posix())
    for line in found:
        print(line, file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
