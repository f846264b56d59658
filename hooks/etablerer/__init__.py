"""The domain package of Etablerertjenesten's pages. It imports no mkdocs and no Material.

The flow is the folder order, each layer importing only the layers before it
(tests/architecture/test_layers.py holds it to that, and to no import cycles):

    inputs/   data/, content/ and languages/ as editors write them → validated models
    facts/    what the data means on a date: agreement in force, course status, funding
    view/     what the pages show, in one language, on the as-of date; which pages exist
    render/   pages, chrome, calendars, structured data and embeds through Jinja templates
    reports/  the content health report, agreement coverage, missing translations
    publish/  one generator run's plan, copies per municipality, CSP, manifest, the swap
    cli.py, newcontent.py   the commands (make check, make site, make new-course …)

The site generator (MkDocs with Material) is reached only through hooks/generator_adapter/.
"""
