"""on_files: this language's pages — generated from data, and the editors' pages of this language."""

from __future__ import annotations

from generator_adapter import state
from generator_adapter.mkdocs_api import File, InclusionLevel


def on_files(files, config):
    plan = state.current()
    for file in list(files):
        if file.src_uri.endswith(".md"):
            files.remove(file)
            if file.src_uri in plan.content:  # this language's editorial page, at its place in this language
                files.append(File.generated(config, plan.content[file.src_uri], abs_src_path=file.abs_src_path))
    for page in plan.pages:
        # Course pages and filter lists stay out of the menu (it is rendered into every page).
        inclusion = InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, page.src_uri, content=page.markdown, inclusion=inclusion))
    for path, content in plan.files:
        files.append(File.generated(config, path, content=content))
    return files
