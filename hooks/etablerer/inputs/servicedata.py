"""ServiceData: everything in data/, validated, and where each record came from.

It sits at the bottom of the package: every layer reads it, and it reads
nothing but the models, so no layer has to import the loader to name it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from etablerer.inputs.errors import DataError, format_loc
from etablerer.inputs.languages import Language, LanguageFiles
from etablerer.inputs.model import Agreement, Course, Municipality, Organisation, Region, Service, Situation
from etablerer.inputs.yamlsource import SourceDoc


@dataclass(frozen=True)
class Located:
    """Where a record came from, so later checks can name file and line."""

    doc: SourceDoc
    path: tuple[str | int, ...]

    def error(self, field_path: tuple[str | int, ...], message: str) -> DataError:
        full = self.path + tuple(field_path)
        return DataError(self.doc.path, self.doc.line_of(full), format_loc(full), message)


@dataclass(frozen=True)
class ServiceData:
    """Everything in data/, validated. Immutable apart from the location index."""

    data_dir: Path
    content_dir: Path
    region: Region
    municipalities: tuple[Municipality, ...]
    organisations: tuple[Organisation, ...]
    agreements: tuple[Agreement, ...]
    services: tuple[Service, ...]
    situations: tuple[Situation, ...]
    courses: tuple[Course, ...]
    language_files: LanguageFiles = field(default_factory=lambda: LanguageFiles((Language("nb"),), {}),
                                          compare=False, repr=False)
    locations: dict[int, Located] = field(default_factory=dict, compare=False, repr=False)
    sources: dict[str, SourceDoc] = field(default_factory=dict, compare=False, repr=False)  # by file name

    def where(self, record: object) -> Located:
        return self.locations[id(record)]

    def organisation(self, org_id: str) -> Organisation:
        return next(o for o in self.organisations if o.id == org_id)

    def municipality(self, slug: str) -> Municipality:
        return next(m for m in self.municipalities if m.id == slug)

    def service(self, service_id: str) -> Service:
        return next(s for s in self.services if s.id == service_id)
