"""YAML syntax of the given files (the pre-commit hook): `file:line: message`, exit 1 on any problem.

Files under data/ are read as the build reads them (yamlsource.py: tabs,
duplicate keys, control characters). Other YAML (mkdocs.yml, workflows) is
only parsed, not constructed, so tags such as !!python/name are no problem;
its slips are told in the same plain words (yamlslips.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from etablerer.inputs.messages import _
from etablerer.inputs.yamlslips import describe, not_utf8
from etablerer.inputs.yamlsource import load_yaml


def problems(file: Path, shown: str) -> list[str]:
    if shown.startswith("data/"):
        _loaded, errors = load_yaml(file, shown)
        return [str(e) for e in errors]
    data = file.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        slip = not_utf8(data, exc)
        return [f"{shown}:{slip.line}: {slip.message}"]
    try:
        for _node in yaml.compose_all(text, Loader=yaml.SafeLoader):
            pass
    except yaml.MarkedYAMLError as exc:
        slip = describe(exc, text)
        return [f"{shown}:{slip.line}: {slip.message}"]
    except yaml.YAMLError:
        return [f"{shown}:1: " + _("the file cannot be read; check the indentation, the colons and the quote marks")]
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
