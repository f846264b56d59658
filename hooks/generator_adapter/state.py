"""The plan of the running build (one language), set by on_config and read by the other events."""

from __future__ import annotations

from etablerer.publish.sitebuild import BuildPlan, NavEntry

plan: BuildPlan | None = None
menu: list[NavEntry] = []
# `make serve` only: while the files have errors, the last valid plan is served with these listed.
serving: bool = False
problems: list = []


def current() -> BuildPlan:
    assert plan is not None, "on_config has not run"
    return plan
