"""The host municipality of a copy: the only thing a copy knows about where it lives."""

from __future__ import annotations

from dataclasses import dataclass

from etablerer.inputs.model import Municipality


@dataclass(frozen=True)
class Host:
    name: str
    base_url: str
    accessibility_statement_url: str
    privacy_url: str

    @classmethod
    def of(cls, municipality: Municipality) -> Host:
        return cls(municipality.name, municipality.base_url,
                   municipality.accessibility_statement_url, municipality.privacy_url)
