"""The second accessibility engine: IBM's accessibility-checker-engine (npm, pinned in
package.json) with its IBM_Accessibility policy (IBM Accessibility 7.3: WCAG 2.0, 2.1 and
2.2 A/AA plus IBM's supplemental requirements), run inside a Chromium page.

Which results fail a test: the levels "violation" and "potentialviolation". Both come
from rules IBM files as VIOLATION (a WCAG failure); a potential violation is one the
engine could not decide alone, and a person decides it once, here, by putting it on the
reviewed list (ibm_reviewed.yml) with the reason. "recommendation" and
"potentialrecommendation" are IBM's own good practice beyond WCAG, and "manual" is a
reminder the engine gives on every page for what it cannot check at all: neither is a
failure, so neither fails the suite (axe, the keyboard and WCAG 2.2 tests cover the rest).

The reviewed list is the ONE place a finding may be let through: each entry names the
rule, the pages (a glob over the page's path in the copy) and a CSS selector for the
element, with the reason. Anything not on it fails.
"""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from tests.fixtures import REPO

ACE_JS = REPO / "node_modules" / "accessibility-checker-engine" / "ace.js"
POLICY = "IBM_Accessibility"
FAILING_LEVELS = ("violation", "potentialviolation")
REVIEWED_FILE = Path(__file__).with_name("ibm_reviewed.yml")
REVIEWED_FIELDS = ("rule", "pages", "selector", "reason")

# The engine's value pair → its report level (as in IBM's own reports).
_LEVELS = {
    ("VIOLATION", "FAIL"): "violation",
    ("VIOLATION", "POTENTIAL"): "potentialviolation",
    ("VIOLATION", "MANUAL"): "manual",
    ("RECOMMENDATION", "FAIL"): "recommendation",
    ("RECOMMENDATION", "POTENTIAL"): "potentialrecommendation",
    ("RECOMMENDATION", "MANUAL"): "manual",
}

# Runs the checker on the page as it is now; each result's element is found again by its
# XPath, so the reviewed list's selectors can be matched against it in the page.
_CHECK = """async ([policy, reviewed]) => {
  const report = await new ace.Checker().check(document, [policy]);
  const byXpath = (xpath) => {
    try {
      return document.evaluate(xpath, document, null, XPathResult.FIRST_ORDERED_NODE_TYPE, null)
        .singleNodeValue;
    } catch (e) { return null; }
  };
  return report.results.map((r) => {
    const node = byXpath(r.path.dom);
    const element = node && node.nodeType === Node.ELEMENT_NODE ? node : null;
    return {
      rule: r.ruleId, reason: r.reasonId, value: r.value, xpath: r.path.dom,
      snippet: r.snippet, message: r.message,
      matches: reviewed.map((entry) => {
        try { return !!element && element.matches(entry.selector); } catch (e) { return false; }
      }),
    };
  });
}"""


@dataclass(frozen=True)
class IbmFinding:
    rule: str
    reason: str
    level: str
    xpath: str
    snippet: str
    message: str
    reviewed_by: int | None  # index of the reviewed-list entry that lets it through, else None

    def describe(self, where: str) -> str:
        return (f"{self.rule} ({self.level}) on {where}: {self.message}\n"
                f"    element: {self.xpath}\n    snippet: {self.snippet[:300]}")


@cache
def ace_source() -> str:
    if not ACE_JS.is_file():
        raise FileNotFoundError(f"{ACE_JS} is missing: run `npm ci` (package.json pins "
                                "accessibility-checker-engine)")
    return ACE_JS.read_text(encoding="utf-8")


def reviewed_entries(file: Path = REVIEWED_FILE) -> list[dict]:
    """The reviewed false positives: a list of {rule, pages, selector, reason}."""
    entries = yaml.safe_load(file.read_text(encoding="utf-8")) or []
    if not isinstance(entries, list):
        raise ValueError(f"{file.name}: a list of entries is expected")
    return entries


def level_of(value: list[str]) -> str:
    return _LEVELS.get(tuple(value), "pass" if value[1] == "PASS" else "/".join(value).lower())


def run_ibm(page, where: str, entries: list[dict] | None = None) -> list[IbmFinding]:
    """The failing-level findings of the checker on the page as it is now. `where` is the
    page's path in the copy ('' for the front page, 'kurs/', 'en/om/'), matched against
    each reviewed entry's `pages` glob; a finding an entry covers carries its index."""
    entries = reviewed_entries() if entries is None else entries
    # Evaluated through the DevTools protocol, which the page's CSP does not govern
    # (the site allows no inline scripts); loaded once per document.
    if not page.evaluate("() => typeof ace !== 'undefined'"):
        page.evaluate(ace_source())
    results = page.evaluate(_CHECK, [POLICY, [{"selector": e["selector"]} for e in entries]])
    findings = []
    for r in results:
        level = level_of(r["value"])
        if level not in FAILING_LEVELS:
            continue
        covering = [i for i, (entry, matched) in enumerate(zip(entries, r["matches"], strict=True))
                    if matched and entry["rule"] == r["rule"] and fnmatch.fnmatchcase(where, entry["pages"])]
        findings.append(IbmFinding(rule=r["rule"], reason=r["reason"], level=level, xpath=r["xpath"],
                                   snippet=r["snippet"] or "", message=r["message"] or "",
                                   reviewed_by=covering[0] if covering else None))
    return findings


def unreviewed(findings: list[IbmFinding]) -> list[IbmFinding]:
    return [f for f in findings if f.reviewed_by is None]


def rule_ids(page) -> set[str]:
    """Every rule id of the policy, from the engine itself (to check the reviewed list)."""
    if not page.evaluate("() => typeof ace !== 'undefined'"):
        page.evaluate(ace_source())
    return set(page.evaluate("""(policy) => {
      const checker = new ace.Checker();
      return checker.getGuidelines().filter((g) => g.id === policy)
        .flatMap((g) => g.checkpoints.flatMap((c) => (c.rules || []).map((r) => r.id)));
    }""", POLICY))
