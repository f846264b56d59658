"""`etablerer admin` (make admin) writes site/admin/: the page, the Decap program and the filled-in config."""

from __future__ import annotations

import shutil

import pytest
import yaml
from bs4 import BeautifulSoup

from etablerer.publish.admin import Backend, admin_config, content_security_policy
from tests.fixtures import REPO
from tests.support.environ import PINNED_DAY
from tests.support.project import project_copy, run_etablerer

COMMITTED = yaml.safe_load((REPO / "cms" / "config.yml").read_text(encoding="utf-8"))
HAS_DECAP = (REPO / "node_modules" / "decap-cms" / "dist" / "decap-cms.js").is_file()


def _find(node, name):
    """Every field called `name`, anywhere in the config."""
    if isinstance(node, list):
        for item in node:
            yield from _find(item, name)
    elif isinstance(node, dict):
        if node.get("name") == name:
            yield node
        for value in node.values():
            yield from _find(value, name)


def test_languages_of_region_become_one_field_per_language():
    config = admin_config(COMMITTED, ("nb", "en", "uk"), Backend(repo="owner/site"))
    title = next(_find(config, "title"))
    assert [(f["name"], f["label"], f["required"]) for f in title["fields"]] == [
        ("nb", "bokmål", True), ("en", "engelsk", False), ("uk", "ukrainsk", False)]
    review = next(_find(config, "review"))
    assert [(f["name"], f["widget"], f["options"]) for f in review["fields"]] == [
        ("en", "select", ["drafted", "reviewed"]), ("uk", "select", ["drafted", "reviewed"])]
    assert next(_find(COMMITTED, "title"))["fields"] == title["fields"][:1], "the committed file is left alone"


def test_with_bokmal_only_there_is_no_review_field():
    config = admin_config(COMMITTED, ("nb",), Backend(repo="owner/site"))
    assert list(_find(config, "review")) == []
    assert len(next(_find(config, "title"))["fields"]) == 1


def test_backend_is_filled_in_and_local_only_when_asked():
    github = admin_config(COMMITTED, ("nb",), Backend(repo="owner/site", branch="dev", auth_url="https://auth.example"))
    assert github["backend"] == {"name": "github", "repo": "owner/site", "branch": "dev",
                                 "base_url": "https://auth.example"}
    assert github["publish_mode"] == "editorial_workflow" and "local_backend" not in github
    local = admin_config(COMMITTED, ("nb",), Backend(repo="x/y", local_url="http://localhost:8081/api/v1"))
    assert local["local_backend"] == {"url": "http://localhost:8081/api/v1"}


def test_csp_allows_only_what_decap_needs():
    policy = content_security_policy(Backend(repo="o/n", auth_url="https://auth.example/x",
                                             local_url="http://localhost:8081/api/v1"))
    connect = next(d for d in policy.split("; ") if d.startswith("connect-src"))
    assert connect.split()[1:] == ["'self'", "blob:", "https://api.github.com", "https://auth.example", "http://localhost:8081"]
    directives = dict(d.split(" ", 1) for d in policy.split("; "))
    assert directives["script-src"] == "'self' 'unsafe-eval'"  # no inline script
    assert "object-src 'none'" in policy


@pytest.fixture(scope="module")
def admin_site(tmp_path_factory):
    if not HAS_DECAP:
        pytest.skip("needs the npm packages (npm ci --ignore-scripts)")
    root = project_copy(tmp_path_factory.mktemp("project"), code=False)
    shutil.copytree(REPO / "cms", root / "cms")
    (root / "node_modules").symlink_to(REPO / "node_modules")
    done = run_etablerer(root, PINNED_DAY, "admin", CMS_REPO="owner/site", CMS_AUTH_URL="https://auth.example")
    assert done.returncode == 0, done.stderr
    return root, done


def test_make_admin_writes_page_program_and_config(admin_site):
    root, done = admin_site
    admin = root / "site" / "admin"
    assert "site/admin/" in done.stdout
    page = BeautifulSoup((admin / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert page.html["lang"] == "nb"
    assert page.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"].startswith("default-src")
    assert [s["src"] for s in page.find_all("script")] == ["decap-cms.js", "localtext.js"]
    assert "registerWidget(\"localtext\"" in (admin / "localtext.js").read_text(encoding="utf-8")
    assert (admin / "decap-cms.js").stat().st_size > 1_000_000
    assert (admin / "decap-cms.js.LICENSE.txt").is_file()
    assert not list(admin.glob("*.map"))
    dist = REPO / "node_modules" / "decap-cms" / "dist"
    assert {p.name for p in admin.glob("*.decap-cms.js")} == {p.name for p in dist.glob("*.decap-cms.js")} != set(), \
        "the chunks decap-cms.js loads on demand are copied"
    config = yaml.safe_load((admin / "config.yml").read_text(encoding="utf-8"))
    languages = yaml.safe_load((root / "data" / "region.yml").read_text(encoding="utf-8"))["languages"]
    assert [f["name"] for f in next(_find(config, "title"))["fields"]] == languages
    assert config["backend"]["repo"] == "owner/site" and config["backend"]["base_url"] == "https://auth.example"


def test_make_admin_without_a_repository_says_what_to_do(tmp_path):
    root = project_copy(tmp_path, code=False)
    done = run_etablerer(root, PINNED_DAY, "admin", CMS_REPO="", GITHUB_REPOSITORY="")
    assert done.returncode == 1 and "CMS_REPO=" in done.stderr
    assert not (root / "site" / "admin").exists()


@pytest.mark.skipif(not HAS_DECAP, reason="needs the npm packages (npm ci --ignore-scripts)")
def test_admin_beside_the_copies_leaves_make_verify_and_the_copies_alone(site, tmp_path):
    """site/admin/ sits beside the landing page: no copy holds it, and make verify still passes."""
    out = tmp_path / "site"
    shutil.copytree(site.out, out)
    done = run_etablerer(REPO, PINNED_DAY, "admin", "--site", str(out), CMS_LOCAL="1")
    assert done.returncode == 0, done.stderr
    assert (out / "admin" / "index.html").is_file() and (out / "index.html").is_file()
    copies = yaml.safe_load((out / "manifest.json").read_text(encoding="utf-8"))["copies"]
    assert not any((out / copy / "admin").exists() for copy in copies) and not (out / "embed" / "admin").exists()
    verified = run_etablerer(REPO, PINNED_DAY, "verify", "--manifest", str(out / "manifest.json"))
    assert verified.returncode == 0, verified.stderr
