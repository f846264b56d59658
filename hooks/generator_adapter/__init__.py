"""The site generator's adapter: everything that knows MkDocs or Material for MkDocs, and nothing else.

The domain package (hooks/etablerer/) imports none of this; it hands over plain
data (publish/sitebuild.BuildPlan). Moving to another generator means rewriting
this folder; the package and its tests stay as they are.

    event_config.py  on_config: the run's plan, site_url, language, menu; theme file list cached
    event_files.py   on_files: generated pages and files, editorial pages of this language
    event_nav.py     on_nav: menu entries without a translation lead to the bokmål page
    event_pages.py   on_env, on_page_context, on_template_context, on_post_page, on_post_template
    event_serve.py   on_serve: `make serve` looks for saved files every 0.1 s
    mkdocs_api.py    the one module that imports MkDocs: the names of its API we use
    state.py         the plan of this run, shared by the event files
    contract.py      the names the theme overrides read (written down once)
    runner.py        `make site`: one `mkdocs build` (or `properdocs build`) per language
    material_copies.py  the Material release our copied partials come from (a test compares it)
    templatecache.py    Jinja bytecode and theme file list kept for the life of the process
    theme/           Material overrides (custom_dir); they place pre-escaped HTML only
"""
