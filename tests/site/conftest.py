"""tests/site uses the session build of tests/conftest.py (fixtures site, data, today)."""
