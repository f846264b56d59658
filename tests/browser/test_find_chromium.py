"""Feature: with no Chromium, `make test` says how to install one."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from tests.support import browser as support


def test_no_chromium_gives_install_instructions(monkeypatch, tmp_path):
    monkeypatch.delenv("CHROMIUM", raising=False)
    monkeypatch.setattr(support, "SYSTEM_CHROMIUM", tmp_path / "no-chromium")
    missing = SimpleNamespace(executable_path=str(tmp_path / "no-playwright-chromium"))
    with pytest.raises(LookupError) as raised:
        support.chromium_executable(missing)
    assert "apt-get install chromium" in str(raised.value)
    assert "playwright install chromium" in str(raised.value)


def test_debian_chromium_is_preferred_when_present(monkeypatch, tmp_path):
    monkeypatch.delenv("CHROMIUM", raising=False)
    system = tmp_path / "chromium"
    system.write_text("")
    monkeypatch.setattr(support, "SYSTEM_CHROMIUM", system)
    assert support.chromium_executable(SimpleNamespace(executable_path="/nowhere")) == str(system)
