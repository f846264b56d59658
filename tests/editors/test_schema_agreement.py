"""The schemas (what the editor checks while typing) and the build validator agree.

Every bad-input case below is rejected by both, except the cases in
VALIDATOR_ALONE: those a JSON Schema cannot express (YAML syntax, references
between files, values compared with each other, files that must exist, …).
For them the test proves the list is exact: the validator rejects the input and
the schema accepts it (or, for YAML syntax, never gets to see it).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from etablerer.inputs import schema as schema_module
from etablerer.inputs.errors import DataErrors
from etablerer.inputs.loading import load_data
from etablerer.inputs.yamlsource import load_yaml
from tests.fixtures import REPO
from tests.support.edits import edit
from tests.support.project import project_copy

COURSE = "data/courses/testkurs-2027.yml"
COURSE_TEXT = """\
sample: true
id: testkurs-2027
title: Testkurs
kind: theme
description: Et kurs som bare finnes i testene.
sessions:
  - id: del-1
    date: 2027-06-01
    start: 18:00
    end: 21:00
  - id: del-2
    date: 2027-06-08
    start: 18:00
    end: 21:00
format: onsite
venue:
  name: Testhuset
  address: {street: Testgata 1, postcode: "1530", city: Moss}
  municipality: moss
languages: [nb]
price: 300
capacity: 20
full: false
registration:
  url: https://example.com/pamelding/testkurs-2027
  deadline: 2027-05-25
target_group: Alle som vil prøve.
"""


@dataclass(frozen=True)
class Case:
    name: str
    file: str
    old: str
    new: str


def c(name: str, old: str, new: str, file: str = COURSE) -> Case:
    return Case(name, file, old, new)


ORGS, MUNIS, REGION, AGREEMENTS = ("data/organisations.yml", "data/municipalities.yml", "data/region.yml",
                                   "data/agreements.yml")

BOTH = [
    c("unknown field (a typo)", "capacity: 20", "capasity: 20"),
    c("required field missing", "target_group: Alle som vil prøve.\n", ""),
    c("value not in the list", "kind: theme", "kind: workshop"),
    c("date in the wrong form", "date: 2027-06-01", "date: 01.06.2027"),
    c("date that does not exist", "date: 2027-06-01", "date: 2027-02-30"),
    c("time in the wrong form", "start: 18:00\n    end: 21:00\n  - id: del-2",
      "start: 6 pm\n    end: 21:00\n  - id: del-2"),
    c("time that does not exist", "end: 21:00\n  - id: del-2", "end: 25:00\n  - id: del-2"),
    c("yes/no instead of true/false", "full: false", "full: no"),
    c("negative price", "price: 300", "price: -5"),
    c("price in words", "price: 300", "price: gratis"),
    c("price with more than two decimals, as text", "price: 300", 'price: "300,505"'),
    c("capacity zero", "capacity: 20", "capacity: 0"),
    c("capacity as text", "capacity: 20", 'capacity: "20"'),
    c("capacity with decimals", "capacity: 20", "capacity: 20.5"),
    c("link with another scheme", "url: https://example.com/pamelding/testkurs-2027", "url: ftp://example.com/x"),
    c("link with a space", "url: https://example.com/pamelding/testkurs-2027", "url: https://example.com/på melding"),
    c("link without a host", "url: https://example.com/pamelding/testkurs-2027", "url: https://"),
    c("id with capitals and spaces", "id: testkurs-2027", "id: Testkurs 2027"),
    c("list with no entries", "languages: [nb]", "languages: []"),
    c("one value where a list is needed", "languages: [nb]", "languages: nb"),
    c("text where a block is needed", "venue:\n  name: Testhuset\n  address: {street: Testgata 1, postcode: \"1530\", "
                                      "city: Moss}\n  municipality: moss", "venue: Testhuset"),
    c("language code in the wrong form", "languages: [nb]", "languages: [norsk]"),
    c("postcode with three digits", 'postcode: "1530"', 'postcode: "153"'),
    c("empty title", "title: Testkurs", 'title: ""'),
    c("basic course with a price (rules.py)", "kind: theme", "kind: basic"),
    c("onsite course without venue (rules.py)", "venue:\n  name: Testhuset\n  address: {street: Testgata 1, "
                                                "postcode: \"1530\", city: Moss}\n  municipality: moss\n", ""),
    c("online course without online_url (rules.py)", "format: onsite", "format: hybrid"),
    c("organisation number with 8 digits", "    url: https://www.nav.no/\n",
      "    url: https://www.nav.no/\n    org_number: \"12345678\"\n", ORGS),
    c("logo without alt text", "      alt: Innovasjon Norge\n", "", ORGS),
    c("base_url without the closing /", "base_url: https://www.moss.example.com/etablerertjenesten/",
      "base_url: https://www.moss.example.com/etablerertjenesten", MUNIS),
    c("kommunenummer as a number of 3 digits", 'number: "3103"', 'number: "310"', MUNIS),
    c("e-mail address without a domain", "email: etablerer@example.com", "email: etablerer", REGION),
    c("survey interval negative", "interval_months: 12", "interval_months: -1", REGION),
    c("party naming both organisation and municipality (model)", "  - municipality: moss\n",
      "  - municipality: moss\n        organisation: driftsselskapet\n", AGREEMENTS),
]

VALIDATOR_ALONE = [
    c("YAML syntax: bad indentation", "  name: Testhuset", "    name: Testhuset\n   bad"),
    c("YAML syntax: the same key twice", "capacity: 20", "capacity: 20\ncapacity: 30"),
    c("cross-file reference: unknown municipality", "  municipality: moss", "  municipality: oslo"),
    c("cross-file reference: unknown organisation", "  - id: gammelfylket\n", "  - id: gammelfylket\n", ORGS),
    c("session ends before it starts", "start: 18:00\n    end: 21:00\n  - id: del-2",
      "start: 18:00\n    end: 17:00\n  - id: del-2"),
    c("period ends before it starts", "period: {start: 2022-01-01, end: 2025-12-31}",
      "period: {start: 2022-01-01, end: 2021-12-31}", AGREEMENTS),
    c("registration deadline after the first session", "deadline: 2027-05-25", "deadline: 2027-06-02"),
    c("logo file that does not exist", "file: assets/logos/gammelfylket.svg", "file: assets/logos/finnes-ikke.svg", ORGS),
    c("duplicate session id", "  - id: del-2", "  - id: del-1"),
    c("language code unknown to CLDR", "languages: [nb]", "languages: [xq]"),
    c("price with more than two decimals, as a number", "price: 300", "price: 300.505"),
    c("text of spaces only", "title: Testkurs", 'title: "   "'),
    c("HTML tag in a text (plaintext.py)", "title: Testkurs", "title: Testkurs <b>nå</b>"),
    c("mojibake in a text (plaintext.py)", "title: Testkurs", "title: TestkÃ¥rs"),
    c("template syntax in a name (plaintext.py)", "  name: Testhuset", "  name: Testhuset {{ x }}"),
    c("logo path with content/ in front", "file: assets/logos/gammelfylket.svg",
      "file: content/assets/logos/gammelfylket.svg", ORGS),
]
# "cross-file reference: unknown organisation" is made below by renaming a
# successor (the edit needs two places), so its edit here is a no-op marker.


def _prepare(tmp_path: Path, case: Case) -> Path:
    root = _copy(tmp_path)
    (root / COURSE).write_text(COURSE_TEXT, encoding="utf-8")
    file = root / case.file
    if case.name == "cross-file reference: unknown organisation":
        old, new = "successors: [nordfylket, vestfylket, sorfylket]", "successors: [nordfylket, vestfylket, sorfylkett]"
    else:
        old, new = case.old, case.new
    edit(file, old, new)
    return root


def _copy(tmp_path: Path) -> Path:
    return project_copy(tmp_path / "project", code=False)


def validator_errors(root: Path, file: str) -> list[str]:
    try:
        load_data(root / "data", root / "content", root)
    except DataErrors as exc:
        return [str(e) for e in exc.errors if e.file == file]
    return []


def schema_for(file: str) -> dict:
    for pattern, (schema_file, _) in schema_module.TARGETS.items():
        if Path(file).match(f"data/{pattern}"):
            return json.loads((REPO / "schema" / schema_file).read_text(encoding="utf-8"))
    raise AssertionError(f"no schema for {file}")


def schema_verdict(root: Path, file: str) -> list[str] | None:
    """The schema's errors for the file as the editor parses it (YAML 1.2 types); None: not YAML."""
    doc, problems = load_yaml(root / file, file)
    if doc is None:
        return None
    validator = Draft202012Validator(schema_for(file), format_checker=FormatChecker())
    return [e.message for e in validator.iter_errors(doc.data)]


def test_the_test_course_is_valid_for_both(tmp_path):
    root = _copy(tmp_path)
    (root / COURSE).write_text(COURSE_TEXT, encoding="utf-8")
    assert validator_errors(root, COURSE) == []
    assert schema_verdict(root, COURSE) == []


@pytest.mark.parametrize("case", BOTH, ids=[case.name for case in BOTH])
def test_schema_and_validator_both_reject(tmp_path, case):
    root = _prepare(tmp_path, case)
    assert validator_errors(root, case.file), "the build validator accepted it"
    assert schema_verdict(root, case.file), "the schema accepted it"


@pytest.mark.parametrize("case", VALIDATOR_ALONE, ids=[case.name for case in VALIDATOR_ALONE])
def test_cases_only_the_validator_catches(tmp_path, case):
    root = _prepare(tmp_path, case)
    assert validator_errors(root, case.file), "the build validator accepted it"
    verdict = schema_verdict(root, case.file)
    if case.name.startswith("YAML syntax"):
        assert verdict is None, "the file parsed; this is no YAML syntax case"
    else:
        assert verdict == [], f"the schema rejects it too ({verdict}): move the case to BOTH"


def test_the_list_of_validator_alone_cases_is_what_the_issue_names():
    """The issue names YAML syntax, cross-file references, end before start and file existence."""
    names = " | ".join(case.name for case in VALIDATOR_ALONE)
    for kind in ("YAML syntax", "cross-file reference", "ends before it starts", "does not exist"):
        assert kind in names
