"""Inputs: what editors and translators write, read with line marks and validated.

YAML with line marks (yamlsource), field types and the pydantic models (fieldtypes,
model; data texts are plain text: plaintext), logo files a browser can show
(logofiles), loading with every problem as file:line: field: message (loading, rules,
errors), languages/<code>/ files, the content/ checks, the registry of every page
and its address (addresses), the as-of date, the schema for editors' tools.
May import: nothing of the other layers.
"""
