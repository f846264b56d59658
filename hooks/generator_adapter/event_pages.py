"""Page events: the contract's names into every template's context, and each page as written."""

from __future__ import annotations

import posixpath
import re

from etablerer.inputs.addresses import base_prefix
from etablerer.render.chrome import preview_problems
from generator_adapter import contract, state
from generator_adapter.templatecache import THEME_TEMPLATES


def on_env(env, config, files):
    plan = state.current()
    env.bytecode_cache = THEME_TEMPLATES  # survives `mkdocs serve` rebuilds
    env.globals[contract.ALTERNATES] = plan.chrome.sitemap_alternates  # hreflang in sitemap.xml
    env.globals[contract.IN_SITEMAP] = plan.heads.in_sitemap  # not the old addresses of renamed courses
    return env


def on_page_context(context, page, config, nav):
    plan = state.current()
    context[contract.CHROME] = plan.chrome.chrome(base_prefix(page.file.src_uri))
    context[contract.LANGUAGES] = plan.page_languages(page.file.src_uri, page.meta)
    context[contract.TITLE_LANG] = plan.chrome.title_lang(page.file.src_uri)
    head = plan.heads.head(page.file.src_uri, page.title, page.content, page.meta)
    page.meta["description"] = head.description  # escaped: Material prints it as is
    context[contract.PAGE] = head
    return context


def on_template_context(context, template_name, config):
    # 404.html: no page; its links start at the site's root path.
    plan = state.current()
    root = context.get("base_url", "").rstrip("/") + "/"
    context[contract.CHROME] = plan.chrome.chrome(root)
    context[contract.LANGUAGES] = plan.chrome.not_found_languages(root)
    if template_name == "404.html":
        context[contract.PAGE] = plan.heads.not_found()  # this language's description, Open Graph
    return context


def on_post_page(output, page, config):
    return state.current().finish_html(with_problems(output))


def on_post_template(output_content, template_name, config):
    plan = state.current()
    if template_name == "404.html":
        return plan.finish_html(with_problems(plain_root_links(output_content)))
    return plan.finish_html(output_content) if template_name.endswith(".html") else output_content


_BODY = re.compile(r"<body\b[^>]*>")


def with_problems(html: str) -> str:
    """`make serve` while the files have errors: the notice first thing in the body of every page."""
    if not state.problems:
        return html
    notice = str(preview_problems(state.problems))
    return _BODY.sub(lambda m: m[0] + notice, html, count=1)


_ROOT_PATH_LINK = re.compile(r'((?:href|src)=")(/[^"]*)"')


def plain_root_links(html: str) -> str:
    """The 404 page's links are root paths (it is served at any depth); MkDocs joins relative
    ones onto the root as they are ('/base/uk/../tilbud/', '/base/en/.'): write them plainly."""
    return _ROOT_PATH_LINK.sub(lambda m: m[1] + _plain_path(m[2]) + '"', html)


def _plain_path(path: str) -> str:
    """'/a/uk/../tilbud/' → '/a/tilbud/', '/a/en/.' → '/a/en/' (keeps a query or fragment)."""
    cut = min((i for i in (path.find("?"), path.find("#")) if i >= 0), default=len(path))
    head, tail = path[:cut], path[cut:]
    if "/." not in head:
        return path
    plain = posixpath.normpath(head)
    if head.endswith(("/", "/.", "/..")) and not plain.endswith("/"):
        plain += "/"
    return plain + tail
