"""`make test` runs this first: exit 1 with install instructions if no Chromium is found."""

from __future__ import annotations

import sys

from playwright.sync_api import sync_playwright

from tests.support.browser import chromium_executable


def main() -> int:
    with sync_playwright() as playwright:
        try:
            found = chromium_executable(playwright.chromium)
        except LookupError as problem:
            print(f"make test: {problem}", file=sys.stderr)
            return 1
    print(f"Browser tests use {found or 'the Chromium installed by playwright install'}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
