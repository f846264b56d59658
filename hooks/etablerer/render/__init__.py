"""Render: the view → Markdown, HTML, .ics and JSON through Jinja templates (templates/).

The Jinja environment (autoescape, StrictUndefined, one language at a time), the
generated pages, the chrome (banner, logos, footer, switcher), meta and Open Graph,
JSON-LD, calendar files, the embeds.
May import: inputs, facts, view.
"""
