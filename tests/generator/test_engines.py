"""ENGINE=properdocs: ProperDocs, the maintained fork of MkDocs 1.6, builds the same site as MkDocs.

The fixture project's bokmål pages are built once with each engine (pinned as-of date,
everything else the same) and every file of the two outputs is compared byte for byte
after one normalisation: the generator tag, `<meta name="generator" content="…">`, which
names the engine and is the one thing that is meant to differ. Without it the trees are
identical; a difference anywhere else fails, naming the files.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from etablerer.publish.build import build_site
from etablerer.publish.manifest import MANIFEST
from generator_adapter import runner
from tests.fixtures import assemble
from tests.support.environ import pinned_environ

pytestmark = [pytest.mark.build, pytest.mark.slow]

GENERATOR_TAG = re.compile(rb'<meta name="generator" content="[^"]*">')
NEUTRAL_TAG = b'<meta name="generator" content="(engine)">'


def normalised(data: bytes) -> bytes:
    return GENERATOR_TAG.sub(NEUTRAL_TAG, data)


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def tree(site: Path) -> dict[str, bytes]:
    """Every file of a built site/ (path with / → its bytes, normalised), manifest.json included.

    The manifest lists the SHA-256 of every file of every copy, so the generator tag reaches
    it too: each hash that is the hash of its file is replaced by the hash of the normalised
    file. A hash that does not match its file is left as it is, so it shows up as a difference.
    Everything else in the manifest (as-of date, commit, copies, file lists) is compared as
    written; both builds run from project copies outside git, so both record the same commit.
    """
    files = {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}
    manifest = json.loads(files[MANIFEST])
    # Each copy's own manifest.json (copymanifest.py) the same way, first: site/manifest.json lists it.
    remade = {}
    for slug in manifest["copies"]:
        own = json.loads(files[f"{slug}/{MANIFEST}"])
        for path, entry in own["files"].items():
            raw = files.get(f"{slug}/{path}")
            if raw is not None and _sha256(raw) == entry["sha256"] and len(raw) == entry["size"]:
                entry.update(sha256=_sha256(normalised(raw)), size=len(normalised(raw)))
        remade[f"{slug}/{MANIFEST}"] = json.dumps(own, indent=1, sort_keys=True).encode()
    for slug, copy in manifest["copies"].items():
        for path, digest in copy["files"].items():
            raw = files.get(f"{slug}/{path}")
            if raw is not None and _sha256(raw) == digest:
                copy["files"][path] = _sha256(remade.get(f"{slug}/{path}", normalised(raw)))
    files.update(remade)
    files[MANIFEST] = json.dumps(manifest, indent=1, sort_keys=True).encode()
    return {path: normalised(raw) for path, raw in files.items()}


@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> dict[str, Path]:
    """engine name → the fixture project's site/, bokmål only, built with that engine."""
    built = {}
    for name in runner.ENGINES:
        work = tmp_path_factory.mktemp(f"engine-{name}")
        root = assemble(work / "project")
        build_site(root, work / "site", pinned_environ(), languages=("nb",), engine=runner.engine(name))
        built[name] = work / "site"
    return built


def test_each_engine_really_ran(sites):
    """The comparison below means something only if the two builds came from two engines."""
    for name, site in sites.items():
        tags = {tag for page in site.rglob("*.html") for tag in GENERATOR_TAG.findall(page.read_bytes())}
        assert len(tags) == 1, f"{name}: {sorted(tags)}"
        expected = b"ProperDocs" if name == "properdocs" else b"mkdocs-1."
        assert expected in tags.pop(), f"{name}: the pages do not name {expected.decode()} as their generator"


def test_both_engines_build_the_same_files_apart_from_the_generator_tag(sites):
    first, *others = runner.ENGINES
    expected = tree(sites[first])
    assert sum(path.endswith(".html") for path in expected) > 50, "too few pages for the comparison to mean much"
    for name in others:
        found = tree(sites[name])
        problems = [f"only in the {first} build: {p}" for p in sorted(expected.keys() - found.keys())]
        problems += [f"only in the {name} build: {p}" for p in sorted(found.keys() - expected.keys())]
        differing = [p for p in sorted(expected.keys() & found.keys()) if expected[p] != found[p]]
        problems += [f"differs: {p}{_first_difference(expected[p], found[p], first, name)}" for p in differing]
        assert not problems, (f"{first} and {name} built different sites (beyond the generator tag):\n"
                              + "\n".join(problems))


def _first_difference(a: bytes, b: bytes, name_a: str, name_b: str) -> str:
    try:
        lines_a, lines_b = a.decode().splitlines(), b.decode().splitlines()
    except UnicodeDecodeError:
        return " (binary)"
    diff = [line for line in difflib.unified_diff(lines_a, lines_b, name_a, name_b, n=0, lineterm="")
            if line.startswith(("-", "+")) and not line.startswith(("---", "+++"))]
    return "".join(f"\n    {line[:200]}" for line in diff[:4])


def test_an_unknown_engine_is_refused_with_a_message_naming_the_engines(tmp_path):
    root = assemble(tmp_path / "project")
    env = {**pinned_environ(), runner.ENGINE_ENV: "nonsense"}
    proc = subprocess.run([sys.executable, "-m", "etablerer", "build", "--languages", "nb"], cwd=root, env=env,
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "ENGINE=nonsense" in proc.stderr
    assert all(name in proc.stderr for name in runner.ENGINES), proc.stderr
    assert "Traceback" not in proc.stdout + proc.stderr
    assert not (root / "site").exists()
