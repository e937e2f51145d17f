# Two commands do everything on a fresh machine: `make serve` and `make test`.
# Stamps in .stamps/ make re-runs fast: nothing is reinstalled or rebuilt unless its inputs changed.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
REF_VENV := .venv-streamlit
STAMPS := .stamps
PORT ?= 8000
export NO_MKDOCS_2_WARNING := 1
export PIP_DISABLE_PIP_VERSION_CHECK := 1

RUNTIME_SRC := $(shell find runtime/src -name '*.py' -o -name '*.json') runtime/pyproject.toml runtime/README.md
# Build-time tools (mkdocs and pytest plugins, snippet parser, server): a package of their own, not in the wheel.
SITE_TOOLS_SRC := $(shell find runtime/site-tools/src -name '*.py') runtime/site-tools/pyproject.toml
WEB_SRC := $(shell find runtime/web/src -type f 2>/dev/null) runtime/web/build.mjs
DOCS_SRC := $(shell find docs -type f) mkdocs.yml

.PHONY: serve build test bench fuzz deps browser-deps clean

serve: build
	@$(BIN)/python -m streamlet_site.serve site --port $(PORT)

build: $(STAMPS)/site

test: build browser-deps $(STAMPS)/reference
	node --test tests/web/
	$(BIN)/python -m pytest

deps: $(STAMPS)/venv $(STAMPS)/npm

$(STAMPS):
	@mkdir -p $@

$(STAMPS)/venv: requirements/dev.txt requirements/dev.lock runtime/pyproject.toml runtime/site-tools/pyproject.toml | $(STAMPS)
	@echo "== Python tools into $(VENV)"
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install -q --upgrade pip
	@$(BIN)/python -m pip install -q -r requirements/dev.txt -c requirements/dev.lock
	@$(BIN)/python -m pip install -q --no-build-isolation --no-deps -e runtime -e runtime/site-tools
	@touch $@

$(STAMPS)/npm: package.json package-lock.json | $(STAMPS)
	@echo "== npm packages (pinned Pyodide, esbuild)"
	@npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# The wheel, and in runtime/dist/browser/ the copy the site serves (gzipped as one stream; streamlet_site.browser_wheel).
$(STAMPS)/wheel: $(STAMPS)/venv $(RUNTIME_SRC) runtime/site-tools/src/streamlet_site/browser_wheel.py
	@echo "== runtime wheel"
	@rm -rf runtime/dist/streamlet-*.whl runtime/dist/browser
	@$(BIN)/python -m build -q --wheel --no-isolation --outdir runtime/dist runtime >/dev/null
	@$(BIN)/python -m streamlet_site.browser_wheel runtime/dist/streamlet-*.whl runtime/dist/browser >/dev/null
	@touch $@

$(STAMPS)/web: $(STAMPS)/npm $(STAMPS)/wheel $(WEB_SRC)
	@echo "== page and worker bundle"
	@node runtime/web/build.mjs
	@touch $@

# Pyodide's memory with the runtime imported, made under Node from the pinned package and the wheel.
$(STAMPS)/snapshot: $(STAMPS)/npm $(STAMPS)/wheel runtime/web/make-snapshot.mjs runtime/web/src/runtime-zip.js
	@echo "== Pyodide memory snapshot"
	@node runtime/web/make-snapshot.mjs
	@touch $@

$(STAMPS)/site: $(STAMPS)/web $(STAMPS)/snapshot $(SITE_TOOLS_SRC) $(DOCS_SRC)
	@echo "== site"
	@$(BIN)/mkdocs build --strict --quiet
	@touch $@

# Real Streamlit, pinned, in an environment of its own: the reference of the differential tests.
$(STAMPS)/reference: requirements/reference.txt requirements/reference.lock | $(STAMPS)
	@echo "== reference Streamlit into $(REF_VENV)"
	@test -x $(REF_VENV)/bin/python || $(PYTHON) -m venv $(REF_VENV)
	@$(REF_VENV)/bin/python -m pip install -q -r requirements/reference.txt -c requirements/reference.lock
	@touch $@

browser-deps:
	@tools/ensure-browser.sh

bench: build browser-deps $(STAMPS)/reference
	$(BIN)/python -m bench

# Random scripts against real Streamlit: FUZZ_CASES (20000) seeds from FUZZ_SEED (0); each kind of
# divergence minimised into fuzz-findings/ (FUZZ_DIR), with summary.txt.
fuzz: $(STAMPS)/venv $(STAMPS)/reference
	$(BIN)/python tests/differential/fuzz.py

clean:
	rm -rf site runtime/dist runtime/web/dist $(STAMPS)
