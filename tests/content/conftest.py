"""Content checks on the live data: the project's OWN data/, content/ and languages/.

The behaviour suites run on the frozen fixture (tests/fixtures/project/, pinned date);
this suite builds the project an editor commits to, once per session, at the build's
as-of date (SOURCE_DATE_EPOCH when set, else today), and checks what must hold for
ANY valid content. Every expectation comes from the data; nothing here names a
course, an organisation, a count or a date of today's data/.

The project is the repository itself, or the folder ETABLERER_CONTENT_ROOT names
(a buildable project such as tests.fixtures.assemble makes):

    ETABLERER_CONTENT_ROOT=/tmp/x/project SOURCE_DATE_EPOCH=… .venv/bin/python -m pytest tests/content

Only content_root() reads that variable.
"""

from __future__ import annotations

import fcntl
import json
import os
from datetime import date
from pathlib import Path

import pytest
import yaml

from etablerer.cli import validate
from etablerer.inputs.asof import as_of_date
from etablerer.inputs.errors import DataErrors
from etablerer.publish.build import BuildFailed, build_site
from generator_adapter import runner
from tests.fixtures import REPO
from tests.support.browser import serve
from tests.support.site import BuiltSite

ROOT_VARIABLE = "ETABLERER_CONTENT_ROOT"


def content_root() -> Path:
    """The project whose content is checked: $ETABLERER_CONTENT_ROOT, else the repository."""
    chosen = os.environ.get(ROOT_VARIABLE, "").strip()
    return Path(chosen).resolve() if chosen else REPO


def content_environ() -> dict[str, str]:
    """The build's environment: this process's, without the preview's switches."""
    environ = {name: value for name, value in os.environ.items() if name not in ("ETABLERER_MODE", "ETABLERER_COPY")}
    environ["NO_MKDOCS_2_WARNING"] = "1"
    return environ


def language_codes(root: Path) -> list[str]:
    """The site's languages (data/region.yml), read at collection time to name the tests.
    Unreadable data gives bokmål alone: the session build then fails with the validator's report."""
    try:
        codes = yaml.load((root / "data" / "region.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
        return [str(code) for code in codes["languages"]] or ["nb"]
    except Exception:
        return ["nb"]


def pytest_generate_tests(metafunc):
    if "language" in metafunc.fixturenames:
        metafunc.parametrize("language", language_codes(content_root()), scope="session")


@pytest.fixture(scope="session")
def content_root_dir() -> Path:
    return content_root()


@pytest.fixture(scope="session")
def content_site(tmp_path_factory, content_root_dir) -> BuiltSite:
    """The project built once into a temporary folder (never into its site/).

    Data that does not load fails every test that needs the build with the validator's
    own report (file:line lines, as `make check` prints them), not a traceback. Under
    pytest-xdist (make test: -n auto) the workers share one build (build_once)."""
    root = content_root_dir
    missing = [part for part in ("mkdocs.yml", "hooks", "data", "content", "languages") if not (root / part).exists()]
    if missing:
        pytest.fail(f"{root} is not a buildable project (no {', '.join(missing)}): make one with "
                    "tests.fixtures.assemble(target, source=…)", pytrace=False)
    try:
        data, report = validate(root), None
    except DataErrors as problems:
        report = problems.report()
    if report:  # outside the except clause: the report alone, not "during handling of…"
        pytest.fail(report, pytrace=False)
    worker_shared = tmp_path_factory.getbasetemp().parent if os.environ.get("PYTEST_XDIST_WORKER") else None
    out, today, failure = build_once(root, worker_shared or tmp_path_factory.mktemp("content"))
    if failure:
        pytest.fail(failure, pytrace=False)
    return BuiltSite(out, data, today)


def build_once(root: Path, folder: Path) -> tuple[Path, date, str | None]:
    """Build `root` into folder/content/site once: (the site, its as-of date, why it failed or None).
    The first worker to take the lock builds; the others wait and read what it wrote."""
    work = folder / "content"
    work.mkdir(parents=True, exist_ok=True)
    out, outcome = work / "site", work / "outcome.json"
    with open(work / "build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not outcome.exists():
            environ = content_environ()
            today, failure = as_of_date(environ), None
            try:
                build_site(root, out, environ, engine=runner.engine())
            except DataErrors as problems:
                failure = problems.report()
            except BuildFailed as problem:
                failure = f"the build of {root} failed:\n{problem}"
            outcome.write_text(json.dumps({"today": today.isoformat(), "failure": failure}), encoding="utf-8")
    written = json.loads(outcome.read_text(encoding="utf-8"))
    return out, date.fromisoformat(written["today"]), written["failure"]


@pytest.fixture(scope="session")
def content_server(content_site):
    local = serve(content_site.out)
    yield local
    local.stop()
