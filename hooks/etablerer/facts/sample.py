"""Is anything on the site sample data or a placeholder logo? Then the site says so."""

from __future__ import annotations

from etablerer.inputs.servicedata import ServiceData


def sample_sources(data: ServiceData) -> list[str]:
    """Where sample records and placeholder logos are, as 'file:line' strings."""
    found: set[tuple[str, int]] = set()
    for located in data.locations.values():
        record = located.doc.data
        for part in located.path:
            record = record[part]
        is_placeholder = (isinstance(record, dict) and record.get("placeholder") is True
                          and located.path[-1:] == ("logo",))
        if isinstance(record, dict) and (record.get("sample") is True or is_placeholder):
            found.add((located.doc.path, located.doc.line_of(located.path)))
    return [f"{path}:{line}" for path, line in sorted(found)]


def has_sample(data: ServiceData) -> bool:
    return bool(sample_sources(data))

