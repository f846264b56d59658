"""What `make serve` watches, and how often it looks (hooks/generator_adapter/event_serve.py on_serve).

MkDocs polls watched folders every 0.5 s; the adapter moves the same watches to an
observer that looks every 0.1 s. Checked on a real, unstarted LiveReloadServer set up
the way `mkdocs serve` sets it up, then handed to the plugins' on_serve event.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.livereload import LiveReloadServer

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture()
def served(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    config = load_config(str(ROOT / "mkdocs.yml"))
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    watched = [config.docs_dir, config.config_file_path, *config.watch]  # what mkdocs serve watches
    for path in watched:
        server.watch(path)
    old = server.observer
    before = _paths(old)
    server = config.plugins.on_serve(server, config=config, builder=lambda: None)
    yield server, old, before
    server.observer.unschedule_all()


def _paths(observer) -> set[str]:
    return {os.path.abspath(emitter.watch.path) for emitter in observer.emitters}


def test_saved_files_are_looked_for_every_tenth_of_a_second(served):
    server, old, _ = served
    assert old.timeout == 0.5  # MkDocs' own interval: if this changes, revisit on_serve
    assert server.observer is not old
    assert server.observer.timeout == 0.1


def test_the_same_paths_are_watched_and_only_by_the_new_observer(served):
    server, old, before = served
    assert _paths(server.observer) == before
    assert _paths(old) == set()  # nothing left on the observer that never starts


def test_data_translations_content_and_code_are_watched(served):
    server, _, _ = served
    paths = _paths(server.observer)
    for folder in ("data", "languages", "content", "hooks"):
        assert str(ROOT / folder) in paths, folder
