"""Supply chain: what pyproject.toml pins is what the hashed lock installs, and nothing is unhashed."""

from __future__ import annotations

import re
import tomllib

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.fixtures import REPO as ROOT

HASHED = ROOT / "requirements-hashes.lock"
PLAIN = ROOT / "requirements.lock"
FIX = "run `make hashes` after changing requirements.lock"


def hashed_lock() -> dict[str, tuple[str, list[str]]]:
    """name → (pin, its sha256 hashes), from requirements-hashes.lock."""
    text = HASHED.read_text(encoding="utf-8").replace("\\\n", " ")
    found = {}
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip() if not line.lstrip().startswith("--hash") else line.strip()
        if not line or line.startswith("#"):
            continue
        requirement, *options = line.split()
        found[canonicalize_name(requirement.split("==")[0])] = (requirement, [
            o.removeprefix("--hash=sha256:") for o in options if o.startswith("--hash=sha256:")])
    return found


def direct_pins() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    listed = project["dependencies"] + [d for group in project["optional-dependencies"].values() for d in group]
    return [Requirement(d) for d in listed]


def test_every_entry_of_the_hashed_lock_is_pinned_exactly_and_hashed():
    problems = [f"{name}: {pin}" for name, (pin, hashes) in hashed_lock().items()
                if not re.fullmatch(r"[A-Za-z0-9_.-]+==[A-Za-z0-9_.+!-]+", pin)
                or not hashes or not all(re.fullmatch(r"[0-9a-f]{64}", h) for h in hashes)]
    assert problems == []


def test_every_direct_pin_of_pyproject_is_in_the_lock_with_the_same_version():
    lock = hashed_lock()
    wrong = []
    for requirement in direct_pins():
        specs = list(requirement.specifier)
        if len(specs) != 1 or specs[0].operator != "==":
            wrong.append(f"pyproject.toml: {requirement} is not pinned exactly")
            continue
        pin = lock.get(canonicalize_name(requirement.name))
        if pin is None or pin[0].split("==")[1] != specs[0].version:
            wrong.append(f"{requirement}: the lock has {pin[0] if pin else 'nothing'}")
    assert wrong == []


def test_the_hashed_lock_holds_exactly_what_requirements_lock_lists():
    plain = {}
    for line in PLAIN.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            plain[canonicalize_name(line.split("==")[0])] = line.split("==")[1]
    hashed = {name: pin.split("==")[1] for name, (pin, _) in hashed_lock().items()}
    assert plain == hashed, FIX


def test_make_installs_with_hash_checking():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    installs = [line for line in makefile.splitlines() if "pip install" in line and " -r " in line
                and "AUDIT" not in line]
    assert installs and all("--require-hashes -r requirements-hashes.lock" in line for line in installs), installs
