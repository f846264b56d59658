"""The one module that imports MkDocs: the few names of its API the event files use.

The event files reach MkDocs only through here, so what we rely on of MkDocs (or of
ProperDocs, which answers to the same names) is this list; moving to another generator
starts by reading it.
"""

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.structure.nav import Link
from mkdocs.structure.pages import Page

__all__ = ["File", "InclusionLevel", "Link", "Page", "PluginError", "event_priority"]
