"""The plan of the running build (one language), set by on_config and read by the other events."""

from __future__ import annotations

from etablerer.publish.sitebuild import BuildPlan, NavEntry

plan: BuildPlan | None = None
menu: list[NavEntry] = []


def current() -> BuildPlan:
    assert plan is not None, "on_config has not run"
    return plan
