"""Feature: every page is valid HTML (the Nu HTML Checker reports no error).

Screen readers build their picture of a page from its markup; invalid markup
(a label for a control that is not there, an attribute a checkbox may not
have) is where they and browsers start to disagree. All pages of one copy are
checked, in every language, the 404 pages, pages that redirect and the landing
page of the copies included; fragments for other sites are checked inside a
plain host page.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.fixtures import REPO as ROOT
from tests.support.expected import COPY

from .support import FRAGMENT_HOST, LANGUAGES, RESULTS_DIR, fragments, is_document

VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def vnu_command() -> list[str]:
    java = shutil.which("java")
    if java is None:
        pytest.fail("No Java for the Nu HTML Checker: install a JRE (Debian: apt-get install default-jre-headless).",
                    pytrace=False)
    if not VNU_JAR.exists():
        pytest.fail(f"{VNU_JAR.relative_to(ROOT)} is missing: run `npm ci` in the project folder.", pytrace=False)
    return [java, "-Xss4m", "-jar", str(VNU_JAR), "--format", "json", "--exit-zero-always"]


def test_every_page_is_valid_html(built, tmp_path):
    copy_dir = built.copy_dir(COPY)
    documents = [f for f in sorted(copy_dir.rglob("*.html")) if is_document(f)]
    for language, prefix in LANGUAGES:
        assert copy_dir / prefix / "404.html" in documents and copy_dir / prefix / "index.html" in documents, language
        assert copy_dir / prefix / "kurs" / "index.html" in documents, language
    hosted = []
    for rel in fragments(copy_dir):
        host = tmp_path / rel.replace("/", "__")
        host.write_text(FRAGMENT_HOST.format(fragment=(copy_dir / rel).read_text(encoding="utf-8")), encoding="utf-8")
        hosted.append(host)
    # A control with Material's own error: proves the checker ran and reports.
    control = tmp_path / "control.html"
    control.write_text('<!doctype html><html lang="nb"><title>Kontroll</title>'
                       '<input type="checkbox" id="t" autocomplete="off"><label for="t">t</label>', encoding="utf-8")
    files = [built.out / "index.html", *documents, *hosted]

    # One JVM for all files: starting Java costs more than checking a page.
    run = subprocess.run([*vnu_command(), *map(str, [*files, control])], capture_output=True, text=True, timeout=600)
    messages = json.loads(run.stderr or run.stdout)["messages"]
    RESULTS_DIR.mkdir(exist_ok=True)
    (RESULTS_DIR / "vnu.json").write_text(json.dumps(messages, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")

    errors = [m for m in messages if m["type"] in ("error", "non-document-error")]
    assert any(m.get("url", "").endswith("/control.html") and "autocomplete" in m["message"] for m in errors), \
        "the checker did not report the control file's error: is it running?"
    errors = [m for m in errors if not m.get("url", "").endswith("/control.html")]
    assert not errors, f"{len(errors)} HTML error(s) in {len(files)} files:\n" + "\n".join(
        f"  {where(m, built.out)}:{m.get('lastLine', '?')}: {m['message']}\n      {m.get('extract', '').strip()[:160]}"
        for m in errors)


def where(message: dict, out: Path) -> str:
    url = message.get("url", "?").removeprefix("file:")
    return url.removeprefix(str(out) + "/")
