# The whole set-up on a fresh machine with Python >= 3.11 and make:
#   make site    build site/ (one copy per municipality)
#   make test    run the tests
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: admin site bundles verify-live test test-behaviour test-fast test-content check serve clean schema new-course new-organisation messages verify production-guard bench hashes audit

# requirements-hashes.lock is requirements.lock with the SHA-256 of every file of each
# release: pip refuses anything else. After appending a dependency to requirements.lock,
# run `make hashes` (a test fails until the two agree).
$(STAMP): pyproject.toml requirements.lock requirements-hashes.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements-hashes.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

# ONLY=moss (or moss,vestby): copies for those municipalities only (landing page and manifest follow).
# LANGUAGES=nb (or nb,en): those languages only (a quicker look; the published site has them all).
# ENGINE=properdocs: build with ProperDocs, the maintained fork of MkDocs 1.6 (default mkdocs;
# the pages are the same apart from the generator tag: tests/generator/test_engines.py).
site: $(STAMP)
	ETABLERER_ENGINE="$(ENGINE)" $(BIN)/python -m etablerer build $(if $(ONLY),--only "$(ONLY)") $(if $(LANGUAGES),--languages "$(LANGUAGES)")

# Each problem also as a GitHub annotation (::error file=…,line=…::…) in GitHub Actions
# (GITHUB_ACTIONS=true), or with ANNOTATIONS=1; ANNOTATIONS=0 never.
CHECK_ANNOTATIONS = $(if $(filter 1,$(ANNOTATIONS)),--annotations)$(if $(filter 0,$(ANNOTATIONS)),--no-annotations)
check: $(STAMP)
	$(BIN)/python -m etablerer check $(if $(STRICT),--strict) $(CHECK_ANNOTATIONS)

# JSON Schema of every data file (schema/) and the CMS configuration (cms/config.yml), from
# hooks/etablerer/inputs/model.py; commit the result.
schema: $(STAMP)
	$(BIN)/python -m etablerer.inputs.schema
	$(BIN)/python -m etablerer.inputs.cmsconfig

# The admin page (Decap CMS) in site/admin/; run it after make site, which replaces site/.
# CMS_REPO=owner/name CMS_BRANCH=main CMS_AUTH_URL=https://… (the OAuth client), or CMS_LOCAL=1
# [CMS_LOCAL_URL=http://localhost:8081/api/v1] to save through node_modules/.bin/decap-server.
admin: $(STAMP) $(NODE_STAMP)
	$(BIN)/python -m etablerer admin

# New content from a template, today's date filled in: make new-course TITLE="Regnskap for nybegynnere"
# (make passes TITLE and NAME to the command through the environment, so quotes in them are safe).
new-course: $(STAMP)
	$(BIN)/python -m etablerer.newcontent course

new-organisation: $(STAMP)
	$(BIN)/python -m etablerer.newcontent organisation

# npm packages (package.json): vnu-jar, the Nu HTML Checker the tests use; decap-cms and
# decap-server for make admin. No install scripts: vnu-jar's would try to download a Java;
# .ci/run installs Debian's instead (decap-server runs without any).
NODE_STAMP := node_modules/.installed
$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	touch $(NODE_STAMP)

# Two suites, one run (pytest-xdist spreads it over the cores):
#  - behaviour tests (tests/ without tests/content): the software, on the frozen fixture
#    project tests/fixtures/project/ at its pinned date; data/ content/ languages/ cannot change them;
#  - content checks (tests/content): the repository's own data/, content/ and languages/,
#    built at the build's date (SOURCE_DATE_EPOCH, else today); every expectation from the data.
# make test-behaviour / make test-content run one of them.
PYTEST := $(BIN)/python -m pytest -n auto --dist loadfile

test: $(STAMP) $(NODE_STAMP)
	@$(BIN)/python -m tests.browser.find_chromium
	$(PYTEST)

test-behaviour: $(STAMP) $(NODE_STAMP)
	@$(BIN)/python -m tests.browser.find_chromium
	$(PYTEST) --ignore=tests/content

# The quick loop while changing code: the tests that drive no Chromium and build no site
# (pytest markers, pyproject.toml: -m "not browser and not build"): data, validator, editors'
# tools, workflows; about a minute. make test runs them all.
test-fast: $(STAMP) $(NODE_STAMP)
	$(PYTEST) -m "not browser and not build"

# The validator first: a data error is shown as make check shows it (file:line), before any test.
# No annotations: CI's make check step before it has made them (GitHub would show each twice).
test-content: $(STAMP) $(NODE_STAMP)
	@$(BIN)/python -m tests.browser.find_chromium
	$(BIN)/python -m etablerer check --no-annotations
	$(PYTEST) tests/content

# Check a folder against the build's manifest: make verify DIR=path/to/moss COPY=moss
# [MANIFEST=path/to/manifest.json]. Without DIR and COPY: every copy in site/.
# Exit 0 only when every file is there, unchanged, and nothing else.
verify: $(STAMP)
	$(BIN)/python -m etablerer verify $(if $(COPY),--copy "$(COPY)") $(if $(DIR),--dir "$(DIR)") $(if $(MANIFEST),--manifest "$(MANIFEST)")

# After make site: dist/etablerertjenesten-<slug>.zip and .json per copy, and dist/index.json
# (hooks/etablerer/publish/bundles.py). The deploy workflow publishes them at <preview>/dist/,
# where tools/etablerer-sync.py fetches them. Marked sample while any data is sample.
bundles: $(STAMP)
	$(BIN)/python -m etablerer bundles

# Check a published copy over HTTP against the newest bundle: make verify-live
# URL=https://www.vestby.kommune.no/etablerertjenesten/ COPY=vestby [BUNDLES=<preview>/dist/]
# (default: dist/ here). Exit 0 only when the copy is the newest bundle, file for file.
verify-live: $(STAMP)
	$(BIN)/python -m etablerer verify-live --url "$(URL)" --copy "$(COPY)" $(if $(BUNDLES),--bundles "$(BUNDLES)")

# Refuses (exit 1) while any data is sample or any logo a placeholder: run before
# making the municipalities' copies (the deploy workflow does).
production-guard: $(STAMP)
	$(BIN)/python -m etablerer production-guard

# Preview one copy (COPY=moss|vestby|rade|valer) with live reload on data/, content/ and hooks/,
# on http://$(HOST):$(PORT)/ (PORT=8001 when 8000 is taken). While the files have errors, the
# preview shows the last valid pages with the problems listed at the top of every page.
HOST ?= 127.0.0.1
PORT ?= 8000
serve: $(STAMP)
	ETABLERER_COPY=$(COPY) ETABLERER_LANGUAGE=$(LANGUAGE) $(BIN)/mkdocs serve --livereload -a "$(HOST):$(PORT)"

# The performance benchmark (not part of make test): build times side by side, growth
# with courses and municipalities, preview rebuild, page weight, peak memory, against
# the budgets of issue 9. Writes bench/results.md; exits 1 when a budget is missed.
bench: $(STAMP)
	@$(BIN)/python -m tests.browser.find_chromium
	$(BIN)/python -m bench $(if $(REPS),--reps $(REPS))

clean:
	rm -rf site build dist .site-build-* .site-old-* .dist-build-* .dist-old-* .venv-audit

# Editor messages: extract them from the code and update the bokmål catalogue
# hooks/etablerer/locale/nb/LC_MESSAGES/etablerer.po; then write the missing texts there.
messages: $(STAMP)
	$(BIN)/python tools/messages.py

# Regenerate requirements-hashes.lock from requirements.lock (reads the package index).
hashes: $(STAMP)
	$(BIN)/python tools/hashlock.py

# Known vulnerabilities in the locked packages: pip-audit (its own venv, not part of the
# site's dependencies) against PyPI's advisory data. --strict: a package that could not be
# checked fails the audit. Where the advisory data cannot be reached, `make audit OFFLINE=1`
# only checks the lock (every pin hashed, parsable) and lists what would be audited.
AUDIT_VENV := .venv-audit
$(AUDIT_VENV)/.installed:
	$(PYTHON) -m venv $(AUDIT_VENV)
	$(AUDIT_VENV)/bin/python -m pip install --quiet pip-audit==2.10.1
	touch $@

audit: $(AUDIT_VENV)/.installed
	$(AUDIT_VENV)/bin/pip-audit --strict --progress-spinner off --no-deps --disable-pip \
	  --require-hashes -r requirements-hashes.lock $(if $(OFFLINE),--dry-run)
