"""What Decap CMS writes for an unchanged entry loads to the same models (issue 18, point 4).

Decap reads and writes YAML with the npm `yaml` package (decap_yaml.cjs copies its format);
our loader (yamlsource.py) keeps YAML 1.2 core types only. Every data file of the fixture
project goes through Decap's parse and stringify, and the result must load to the same
records, texts with their translations and review status included. Needs node and the npm
packages (make test installs them).
"""

from __future__ import annotations

import shutil
import subprocess
from datetime import date, time
from decimal import Decimal
from pathlib import Path

import pytest
from pydantic import BaseModel

from etablerer.inputs.fieldtypes import LocalText
from etablerer.inputs.loading import load_data
from etablerer.inputs.yamlsource import load_yaml
from tests.fixtures import REPO
from tests.support.project import project_copy

SCRIPT = Path(__file__).with_name("decap_yaml.cjs")
NODE = shutil.which("node")
pytestmark = pytest.mark.skipif(NODE is None or not (REPO / "node_modules" / "yaml").is_dir(),
                                reason="needs node and the npm packages (npm ci --ignore-scripts)")


def as_decap_writes(files: list[Path]) -> None:
    """Rewrite each file in place as Decap would save it unchanged."""
    for folder in {f.parent for f in files}:
        subprocess.run([NODE, str(SCRIPT), str(folder), *(str(f) for f in files if f.parent == folder)],
                       check=True, cwd=REPO, timeout=120)


def plain(value):
    """A model as plain data, texts with their translations and review (LocalText compares as str only)."""
    if isinstance(value, LocalText):
        return {"nb": str(value), **value.translations, "review": dict(value.review)}
    if isinstance(value, BaseModel):
        return {name: plain(getattr(value, name)) for name in type(value).model_fields}
    if isinstance(value, (tuple, list)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


RECORDS = ("region", "municipalities", "organisations", "agreements", "services", "situations", "courses")


def loaded(root: Path) -> dict:
    data = load_data(root / "data", root / "content", root)
    return {name: plain(getattr(data, name)) for name in RECORDS}


@pytest.fixture(scope="module")
def before_and_after(tmp_path_factory):
    before = project_copy(tmp_path_factory.mktemp("before"), code=False)
    after = project_copy(tmp_path_factory.mktemp("after"), code=False)
    files = sorted((after / "data").rglob("*.yml"))
    originals = {f: f.read_text(encoding="utf-8") for f in files}
    as_decap_writes(files)
    return before, after, originals


def test_every_data_file_was_rewritten(before_and_after):
    """The test compares something: Decap's YAML differs from the hand-written files (comments, quoting)."""
    _before, _after, originals = before_and_after
    changed = [f.name for f, text in originals.items() if f.read_text(encoding="utf-8") != text]
    assert len(changed) == len(originals), "every fixture file has comments, and Decap drops them"
    assert all("#" not in f.read_text(encoding="utf-8").split("\n", 1)[0] for f in originals)


def test_what_decap_writes_loads_to_the_same_models(before_and_after):
    before, after, _originals = before_and_after
    want, got = loaded(before), loaded(after)
    for name in RECORDS:
        assert got[name] == want[name], name


def test_the_comparison_sees_texts_translations_and_times(before_and_after):
    """plain() keeps what LocalText's str equality hides, and the typed values are really typed."""
    _before, after, _originals = before_and_after
    course = loaded(after)["courses"][0]
    assert isinstance(course["title"], dict) and "nb" in course["title"]
    session = course["sessions"][0]
    assert isinstance(session["date"], date) and isinstance(session["start"], time)
    assert isinstance(course["price"], Decimal)


def test_decap_keeps_times_dates_and_quoted_numbers_as_the_loader_reads_them(tmp_path):
    """The values YAML 1.1 would turn into numbers or booleans survive Decap's stringify as strings."""
    source = tmp_path / "in.yml"
    source.write_text('start: "18:00"\nend: 20:00\nday: 2027-03-15\npostcode: "0150"\nanswer: "no"\n'
                      "flag: false\nprice: 450\nphone: +47 00 00 00 00\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    subprocess.run([NODE, str(SCRIPT), str(out), str(source)], check=True, cwd=REPO, timeout=120)
    written = (out / "in.yml").read_text(encoding="utf-8")
    doc, problems = load_yaml(out / "in.yml", "in.yml")
    assert problems == [] and doc is not None, written
    data = doc.data
    assert data == {"start": "18:00", "end": "20:00", "day": "2027-03-15", "postcode": "0150", "answer": "no",
                    "flag": False, "price": 450, "phone": "+47 00 00 00 00"}, written
    assert "start: 18:00" in written and 'postcode: "0150"' in written
