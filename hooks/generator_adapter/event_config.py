"""on_config: the plan of this run (one language), and what MkDocs' config takes from it."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from etablerer.inputs.content import check_content
from etablerer.inputs.errors import DataErrors
from etablerer.inputs.messages import _
from etablerer.publish.sitebuild import plan_build
from generator_adapter import state
from generator_adapter.mkdocs_api import PluginError, event_priority
from generator_adapter.templatecache import theme_listing

log = logging.getLogger("mkdocs.etablerer")


@event_priority(100)  # before the search plugin reads the theme's language
def on_config(config):
    try:
        state.plan = plan_build(Path(config.config_file_path).parent, os.environ)
        state.problems = []
    except DataErrors as exc:
        if not (state.serving and state.plan is not None):
            for error in exc.errors:
                log.error(str(error))
            raise PluginError(exc.report().splitlines()[-1]) from None
        # The preview keeps the last valid pages and lists the problems on each (event_pages.py):
        # a failed rebuild would leave the browser waiting for a build that never comes.
        # Logged as info: the config is strict, and a warning would fail this build too.
        state.problems = list(exc.errors)
        for error in exc.errors:
            log.info(str(error))
        log.info(exc.report().splitlines()[-1] + " "
                 + _("The preview shows the last valid version until they are fixed."))
    if state.serving:
        # content/ problems too (a broken link would stop a strict build, and the preview with it)
        root = Path(config.config_file_path).parent
        content_problems = check_content(root / "content", root)
        for error in content_problems:
            log.info(str(error))
        state.problems += content_problems
        if state.problems:
            config.strict = False  # the notice on every page says what is wrong
    plan = state.plan
    for note in plan.notes:
        log.info(note)  # expected conditions: info, so --strict still builds
    config.site_url = plan.site_url
    config.theme["language"] = plan.lang
    config.site_description = plan.view.strings["site_description"]  # the 404 page's description, per language
    config.theme["direction"] = plan.direction
    state.menu = plan.menu([_src(item) for item in config.nav or []])
    _list_theme_once(config.theme)
    config.nav = [{entry.title: entry.src_uri} for entry in state.menu if entry.url is None]
    return config


def _src(item) -> str:
    """mkdocs.yml's nav lists page files, each plain or as {title: file}."""
    return next(iter(item.values())) if isinstance(item, dict) else item


def _list_theme_once(theme):
    """The installed theme's file list is read once per process (see templatecache.theme_listing)."""
    get_env = theme.get_env
    fresh = [theme.custom_dir] if theme.custom_dir else []

    def env_with_listing():
        env = get_env()
        env.list_templates = lambda extensions=None, filter_func=None: theme_listing(
            theme.dirs, fresh, filter_func, (filter_func is None, tuple(sorted(theme.static_templates))))
        return env
    theme.get_env = env_with_listing
