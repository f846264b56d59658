"""Reports: what the editors are told about the content, read off the view and the rendered pages.

Content health findings and site/_report/, agreement coverage (and its page),
missing translations, and `make check`'s lines as GitHub Actions annotations.
May import: inputs, facts, view, render.
"""
