"""The admin page (Decap CMS) against a local repository copy, for tests/cms.

CmsSite.start(work) makes a project copy (tests.support.project.project_copy, plus the
repository's cms/config.yml and a link to its node_modules/) into a git repository (one
commit, so a test can ask git what the CMS changed), writes the admin page into its
site/admin/ as `make admin CMS_LOCAL=1` does (`python -m etablerer admin` with CMS_LOCAL_URL,
the address of a decap-server on a free port of 127.0.0.1; the page then publishes simply,
without the editorial workflow), starts that decap-server (MODE=fs: it writes the files of
the copy directly) and a static HTTP server for site/, also on a free port. stop() stops both.

The form helpers (field, control, choose) find Decap's widgets by the field names of the
configuration: Decap gives each control the id `<name>-field-<n>` and wraps it, with its
label, in a container `div[aria-label="<widget> field"]`.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import socket
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from tests.fixtures import REPO

from .environ import PINNED_DAY
from .project import project_copy, run_etablerer, stop_process

NODE_MODULES = REPO / "node_modules"
DECAP_SERVER = NODE_MODULES / "decap-server" / "dist" / "index.js"
DECAP_BUNDLE = NODE_MODULES / "decap-cms" / "dist" / "decap-cms.js"
CMS_CONFIG = "cms/config.yml"  # generated from the models by make schema
NO_NODE_MODULES = ("decap-server or decap-cms is not installed: run `make test` (it runs npm ci first), "
                   "or `npm ci --ignore-scripts` at the repository root.")

STARTUP_SECONDS = 30  # only catches a hang: decap-server listens within a second or two


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"decap-server stopped at start:\n{log.read_text(encoding='utf-8')}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"decap-server did not listen on 127.0.0.1:{port} in {STARTUP_SECONDS} s")


def git(root: Path, *args: str) -> str:
    return subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.invalid", *args],
                          cwd=root, check=True, capture_output=True, text=True, timeout=60).stdout


def write_admin(root: Path, proxy_url: str) -> Path:
    """site/admin/ of the copy `root`, as `make admin CMS_LOCAL=1 CMS_LOCAL_URL=proxy_url` writes it."""
    result = run_etablerer(root, PINNED_DAY, "admin", CMS_LOCAL="1", CMS_LOCAL_URL=proxy_url)
    if result.returncode != 0:
        raise RuntimeError(f"python -m etablerer admin failed:\n{result.stdout}{result.stderr}")
    return root / "site" / "admin"


class _Handler(http.server.SimpleHTTPRequestHandler):
    # Decap reads config.yml and warns when it is not served as YAML.
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".yml": "text/yaml"}

    def log_message(self, format, *args):  # quiet: pytest shows failures
        pass


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True


@dataclass
class CmsSite:
    root: Path  # the project copy: a git repository that decap-server writes into
    proxy: subprocess.Popen
    proxy_port: int
    web: http.server.ThreadingHTTPServer
    log: Path

    @classmethod
    def start(cls, work: Path) -> CmsSite:
        if not (DECAP_SERVER.is_file() and DECAP_BUNDLE.is_file()):
            raise LookupError(NO_NODE_MODULES)
        root = project_copy(work / "project")
        (root / CMS_CONFIG).parent.mkdir()
        shutil.copy2(REPO / CMS_CONFIG, root / CMS_CONFIG)
        (root / "node_modules").symlink_to(NODE_MODULES, target_is_directory=True)
        git(root, "init", "-q", "-b", "main")
        (root / ".git" / "info" / "exclude").write_text("/site/\n/built/\n/node_modules\n", encoding="utf-8")
        git(root, "add", "-A")
        git(root, "commit", "-q", "-m", "The fixture project")
        port = free_port()
        write_admin(root, f"http://127.0.0.1:{port}/api/v1")
        log = work / "decap-server.log"
        with log.open("w", encoding="utf-8") as out:
            proxy = subprocess.Popen(
                ["node", str(DECAP_SERVER)], cwd=root, stdout=out, stderr=subprocess.STDOUT,
                env={"PATH": "/usr/local/bin:/usr/bin:/bin", "PORT": str(port), "BIND_HOST": "127.0.0.1",
                     "GIT_REPO_DIRECTORY": str(root), "MODE": "fs", "LOG_LEVEL": "info"})
        try:
            wait_for_port(port, proxy, log)
        except RuntimeError:
            stop_process(proxy)
            raise
        web = _Server(("127.0.0.1", 0), functools.partial(_Handler, directory=str(root / "site")))
        threading.Thread(target=web.serve_forever, name="cms-admin-server", daemon=True).start()
        return cls(root, proxy, port, web, log)

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.web.server_port}"

    @property
    def admin_url(self) -> str:
        return f"{self.origin}/admin/"

    def changed_files(self) -> list[str]:
        """What the CMS changed in the copy since the fixture commit (git status)."""
        status = git(self.root, "status", "--porcelain", "--untracked-files=all")
        return sorted(line[3:] for line in status.splitlines())

    def stop(self) -> None:
        self.web.shutdown()
        self.web.server_close()
        stop_process(self.proxy)


def wait_for_file(path: Path, condition, timeout: float = 30) -> str:
    """The text of `path` once `condition(text)` holds (decap-server writes it after the
    form's save); fails after `timeout` seconds, which only catches a save that never lands."""
    deadline = time.monotonic() + timeout
    text = None
    while time.monotonic() < deadline:
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            if condition(text):
                return text
        time.sleep(0.1)
    raise AssertionError(f"{path.name}: the save did not land in {timeout} s; last text:\n{text}")


# --- the form ------------------------------------------------------------------------

def field(scope, name: str):
    """The container of the first field called `name` inside `scope` (label and control,
    and for an object or a list the fields inside it)."""
    return scope.locator(f'label[for^="{name}-field-"]').first.locator("xpath=../..")


def control(scope, name: str, nth: int = 0):
    """The input (text, number, date, or a select's combobox) of the nth field `name` in scope."""
    return scope.locator(f':is(input, textarea)[id^="{name}-field-"]').nth(nth)


def choose(page, scope, name: str, option: str, typed: str | None = None) -> None:
    """Pick `option` in the select or relation widget `name` (react-select): open it, type
    `typed` to search when given, and click the option."""
    box = control(scope, name)
    box.click()
    if typed:
        box.press_sequentially(typed)
    page.get_by_role("option", name=option, exact=True).click()
