"""The adapter: MkDocs events → the etablerer package. Nothing else lives here.

Moving to another generator means rewriting this file and hooks/theme/;
the package and its tests stay as they are. One MkDocs run builds one
language (ETABLERER_LANGUAGE); the package says what that language needs.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.structure.nav import Link
from mkdocs.structure.pages import Page
from watchdog.observers.polling import PollingObserver

from etablerer.errors import DataErrors
from etablerer.sitebuild import plan_build
from etablerer.templatecache import THEME_TEMPLATES, theme_listing
from etablerer.addresses import base_prefix

log = logging.getLogger("mkdocs.etablerer")
# `mkdocs serve` looks for saved files every 0.5 s: on average a quarter of a second of an
# editor's wait for the preview. Our watched folders are small; a look every 0.1 s is cheap.
SERVE_POLL_SECONDS = 0.1
_plan = None
_nav = []


@event_priority(100)  # before the search plugin reads the theme's language
def on_config(config):
    global _plan, _nav
    try:
        _plan = plan_build(Path(config.config_file_path).parent, os.environ)
    except DataErrors as exc:
        for error in exc.errors:
            log.error(str(error))
        raise PluginError(exc.report().splitlines()[-1]) from None
    for note in _plan.notes:
        log.info(note)  # expected conditions: info, so --strict still builds
    config.site_url = _plan.site_url
    config.theme["language"] = _plan.lang
    config.theme["direction"] = _plan.direction
    _nav = _plan.nav(config.nav or [])
    _list_theme_once(config.theme)
    config.nav = [{entry.title: entry.src_uri} for entry in _nav if entry.url is None]
    return config


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


def on_files(files, config):
    for file in list(files):
        if file.src_uri.endswith(".md"):
            files.remove(file)
            if file.src_uri in _plan.content:  # this language's editorial page, at its place in this language
                files.append(File.generated(config, _plan.content[file.src_uri], abs_src_path=file.abs_src_path))
    for page in _plan.pages:
        inclusion = InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, page.src_uri, content=page.markdown, inclusion=inclusion))
    for path, content in _plan.files:
        files.append(File.generated(config, path, content=content))
    return files


def on_nav(nav, config, files):
    """Menu entries of pages without a translation lead to the bokmål page, marked as such."""
    pages = {item.file.src_uri: item for item in nav.items if isinstance(item, Page)}
    items = []
    for entry in _nav:
        if entry.url is None:
            items.append(pages[entry.src_uri])
        else:
            link = Link(entry.title, entry.url)
            link.hreflang = entry.hreflang
            items.append(link)
    nav.items = items
    return nav


def on_env(env, config, files):
    env.bytecode_cache = THEME_TEMPLATES  # survives `mkdocs serve` rebuilds
    env.globals["etablerer_alternates"] = _plan.chrome.sitemap_alternates  # hreflang in sitemap.xml
    env.globals["etablerer_in_sitemap"] = _plan.heads.in_sitemap  # not the old addresses of renamed courses
    return env


def on_page_context(context, page, config, nav):
    context["etablerer"] = _plan.chrome.chrome(base_prefix(page.file.src_uri))
    context["etablerer_languages"] = _plan.page_languages(page.file.src_uri, page.meta)
    context["etablerer_title_lang"] = _plan.chrome.title_lang(page.file.src_uri)
    head = _plan.heads.head(page.file.src_uri, page.title, page.content, page.meta)
    page.meta["description"] = head.description  # escaped: Material prints it as is
    context["etablerer_page"] = head
    return context


def on_post_page(output, page, config):
    return _plan.finish_html(output)


def on_post_template(output_content, template_name, config):
    if template_name == "404.html":
        return _plan.finish_not_found(output_content)
    return _plan.finish_html(output_content) if template_name.endswith(".html") else output_content


def on_template_context(context, template_name, config):
    # 404.html: no page; its links start at the site's root path.
    root = context.get("base_url", "").rstrip("/") + "/"
    context["etablerer"] = _plan.chrome.chrome(root)
    context["etablerer_languages"] = _plan.chrome.not_found_languages(root)
    return context


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
