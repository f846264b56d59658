"""The course specs use the session build of tests/conftest.py (site, data, today),
pinned to 2026-11-27.

Expectations come from the loaded data and are written out here (filter rules,
URLs, times), not computed with the product's own course functions, except the
status, which the issue defines in etablerer.courses.
"""
