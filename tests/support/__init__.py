"""What the test suites share, one of each (issue 16):

- environ.py: the pinned as-of day and the environment a build or a command runs in;
- project.py: a throw-away copy of the fixture project (tests/fixtures/), and etablerer run in it;
- edits.py: changing a file of such a copy;
- site.py: building a project and finding things in the built site (files, URLs, sitemaps);
- expected.py: what the specs compare with, read straight from the fixture's files or written out;
- browser.py: Chromium, the local server, and the Opener that opens a copy's pages in it.

Test suites import from here; nothing here imports a test suite.
"""
