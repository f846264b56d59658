"""`make serve`: the preview survives errors in the files, and looks for saved files every 0.1 s."""

from __future__ import annotations

from watchdog.observers.polling import PollingObserver

from generator_adapter import state

# `mkdocs serve` looks for saved files every 0.5 s: on average a quarter of a second of an
# editor's wait for the preview. Our watched folders are small; a look every 0.1 s is cheap.
SERVE_POLL_SECONDS = 0.1


def on_startup(command, dirty):
    """`mkdocs serve` keeps serving the last valid pages while the files have errors (event_config.py)."""
    state.serving = command == "serve"


def on_serve(server, config, builder):
    """The same watched paths, looked at every SERVE_POLL_SECONDS (the observer starts after this event)."""
    paths = [config.docs_dir, config.config_file_path, *config.watch, *config.theme.dirs]
    watched = []
    for path in paths:
        try:
            server.unwatch(path)
        except KeyError:  # not watched (theme folders are watched only with --watch-theme)
            continue
        watched.append(path)
    server.observer = PollingObserver(timeout=SERVE_POLL_SECONDS)
    for path in watched:
        server.watch(path)
    return server
