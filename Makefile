# The whole set-up on a fresh machine with Python >= 3.11 and make:
#   make site    build site/ (one copy per municipality)
#   make test    run the tests
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: site test check serve clean

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

site: $(STAMP)
	$(BIN)/python -m etablerer build

check: $(STAMP)
	$(BIN)/python -m etablerer check $(if $(STRICT),--strict)

test: $(STAMP)
	$(BIN)/python -m pytest

# Preview one copy (COPY=moss|vestby|rade|valer) with live reload on data/, content/ and hooks/.
serve: $(STAMP)
	ETABLERER_COPY=$(COPY) $(BIN)/mkdocs serve --livereload

clean:
	rm -rf site build .site-build-* .site-old-*
