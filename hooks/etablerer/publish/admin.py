"""`make admin`: the editors' admin page (Decap CMS) in site/admin/, beside the landing page.

Not part of `make site` (which needs Python only): this needs the npm packages of package.json.
It writes index.html (render/templates/admin/index.html, with its own Content-Security-Policy),
our widget localtext.js (beside the template),
the Decap CMS program copied from node_modules/decap-cms/dist/ (with its licence notes, decap-cms.js.LICENSE.txt;
Decap CMS itself is MIT-licensed, see node_modules/decap-cms/package.json), and
config.yml: cms/config.yml (generated from the models by make schema) with the languages of
data/region.yml and the backend filled in.
"""

from __future__ import annotations

import copy
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from etablerer.inputs.cmsconfig import CMS_DIR, CONFIG_FILE, DEFAULT_LANGUAGE, TEXT_WIDGET
from etablerer.inputs.fieldtypes import REVIEW_STATES
from etablerer.inputs.languages import language_name
from etablerer.inputs.messages import _
from etablerer.render.environment import render

ADMIN_DIR = "admin"
TEMPLATES = Path(__file__).resolve().parents[1] / "render" / "templates" / "admin"
WIDGETS = ("localtext.js",)  # our own widgets, loaded after decap-cms.js
DECAP_DIST = Path("node_modules") / "decap-cms" / "dist"
GITHUB_API = "https://api.github.com"


class AdminFailed(Exception):
    """Why site/admin/ was not written, in words for the editor."""


@dataclass(frozen=True)
class Backend:
    repo: str  # owner/name
    branch: str = "main"
    auth_url: str | None = None  # the OAuth client's base_url (CMS_AUTH_URL)
    local_url: str | None = None  # decap-server's API (CMS_LOCAL=1): http://localhost:8081/api/v1


def _with_languages(node: Any, languages: tuple[str, ...]) -> Any:
    """The config with one field per translated language in every text and in every `review:`."""
    if isinstance(node, list):
        return [item for item in (_with_languages(i, languages) for i in node) if item is not None]
    if not isinstance(node, dict):
        return node
    out = {key: _with_languages(value, languages) for key, value in node.items()}
    others = [code for code in languages if code != DEFAULT_LANGUAGE]
    fields = out.get("fields")
    if out.get("widget") in ("object", TEXT_WIDGET) and isinstance(fields, list):
        if out.get("widget") == TEXT_WIDGET:
            bokmal_field = fields[0]
            out["fields"] = [bokmal_field, *({**bokmal_field, "name": code, "label": language_name(code),
                                              "required": False} for code in others)]
        elif out.get("name") == "review" and not fields:
            if not others:
                return None
            out["fields"] = [{"name": code, "label": language_name(code), "widget": "select",
                              "options": list(REVIEW_STATES), "required": False} for code in others]
    return out


def admin_config(committed: dict[str, Any], languages: tuple[str, ...], backend: Backend) -> dict[str, Any]:
    config = _with_languages(copy.deepcopy(committed), languages)
    config["backend"] = {**config["backend"], "repo": backend.repo, "branch": backend.branch}
    if backend.auth_url:
        config["backend"]["base_url"] = backend.auth_url
    if backend.local_url:
        # decap-server writes straight into the working tree: no pull requests, so no editorial workflow.
        config["local_backend"] = {"url": backend.local_url}
        config["publish_mode"] = "simple"
    return config


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def content_security_policy(backend: Backend) -> str:
    connect = ["'self'", "blob:", GITHUB_API, *(_origin(u) for u in (backend.auth_url, backend.local_url) if u)]
    return "; ".join([
        "default-src 'self'",
        "script-src 'self' 'unsafe-eval'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob: https://avatars.githubusercontent.com https://raw.githubusercontent.com",
        "font-src 'self' data:",
        "connect-src " + " ".join(dict.fromkeys(connect)),
        "worker-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ])


def program_files(root: Path) -> list[Path]:
    """decap-cms.js, the chunks it loads on demand and its licence notes (no source maps)."""
    dist = root / DECAP_DIST
    if not (dist / "decap-cms.js").is_file():
        raise AdminFailed(_("{file} is missing; run make admin (it installs the npm packages of package.json)")
                          .format(file=(DECAP_DIST / "decap-cms.js").as_posix()))
    return sorted(p for p in dist.iterdir() if p.is_file() and (
        p.name.endswith("decap-cms.js") or p.name == "decap-cms.js.LICENSE.txt" or p.suffix == ".wasm"))


def write_admin(root: Path, site: Path, languages: tuple[str, ...], backend: Backend) -> Path:
    committed_file = root / CMS_DIR / CONFIG_FILE
    if not committed_file.is_file():
        raise AdminFailed(_("{file} is missing; run make schema").format(file=f"{CMS_DIR}/{CONFIG_FILE}"))
    committed = yaml.safe_load(committed_file.read_text(encoding="utf-8"))
    files = program_files(root)
    target = site / ADMIN_DIR
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for file in files:
        shutil.copy2(file, target / file.name)
    for widget in WIDGETS:
        shutil.copy2(TEMPLATES / widget, target / widget)
    config = admin_config(committed, languages, backend)
    (target / CONFIG_FILE).write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=120),
                                      encoding="utf-8")
    (target / "index.html").write_text(render(
        "admin/index.html", csp=content_security_policy(backend), widgets=WIDGETS, title=_("Edit the content (admin)"),
        noscript=_("The admin page needs JavaScript. You can also edit the files in data/ and content/ as "
                   "VEILEDNING.md describes.")), encoding="utf-8")
    return target
