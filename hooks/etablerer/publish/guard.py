"""The production guard: no municipal copy while data is sample or a logo is a placeholder.

The public preview may still be published (every page carries the sample
banner); the artifacts for the municipalities' own sites may not.
"""

from __future__ import annotations

from etablerer.facts.sample import sample_sources
from etablerer.inputs.messages import _, ngettext
from etablerer.inputs.servicedata import ServiceData


def production_refusal(data: ServiceData) -> str | None:
    """Why the municipal copies must not be made, or None when they may."""
    found = sample_sources(data)
    if not found:
        return None
    lines = [_("Refusing to make the municipal copies: the data still has sample records or placeholder "
               "logos (the public preview may still be published, with its banner)."),
             _("Replace each with the real facts or the official logo, and remove `sample: true` / set "
               "`placeholder: false`:")]
    lines += [f"  {where}" for where in found]
    lines.append(ngettext("{count} place to fix. Fix it and run make production-guard again.",
                          "{count} places to fix. Fix them and run make production-guard again.",
                          len(found)).format(count=len(found)))
    return "\n".join(lines)
