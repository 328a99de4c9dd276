# `make lab` opens the series; `make test` runs every test. Both create the
# virtual environment .venv first, with the exact versions in
# requirements-lock.txt (once, and anew whenever the lock changes).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
LOCK := requirements-lock.txt
# The website's builder (Sphinx, myst-nb) in a venv of its own: a learner who
# only opens the series never installs it.
DOCS_VENV := .venv-docs
DOCS_LOCK := docs/requirements-lock.txt
# The tool that writes the lock (maintainers only), in a venv of its own.
UV_VERSION := 0.13.9
UV := .tools/bin/uv

.PHONY: lab test test-optimized mutation-check lint notebooks benchmark browser-test book book-check lock \
	upgrade test-minimums test-wheel clean help
# `make` alone lists the targets.
.DEFAULT_GOAL := help

# JupyterLab refuses to start as root unless told to; containers often run as root.
ALLOW_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root)

# One line per target, the two commands of README.md first.
help:
	@echo "make lab             open the series in JupyterLab"
	@echo "make test            run every test: lint, unit tests, every notebook (nbval)"
	@echo "make notebooks       re-execute every notebook in place and store its outputs"
	@echo "make lint            check the code and the notebooks with ruff"
	@echo "make test-optimized  the unit tests and notebooks again, every Session optimizing"
	@echo "make test-minimums   the tests against the lowest versions requirements.txt allows"
	@echo "make mutation-check  plant wrong results in the optimizer: the unit tests must fail"
	@echo "make test-wheel      build the wheel, install it in a fresh venv, test it there"
	@echo "make benchmark       training speed next to NumPy by hand, and import times"
	@echo "make browser-test    the explorables in JupyterLab in headless Chromium"
	@echo "make book            build the website in build/book/"
	@echo "make book-check      build the website and check it in headless Chromium"
	@echo "make lock            rewrite the lock files from the requirements (maintainers)"
	@echo "make upgrade         every package to its newest allowed version, then re-test"
	@echo "make clean           remove the virtual environments, tools and build output"
	@echo "make help            this list"
	@echo "The first make lab or make test creates .venv with the versions in $(LOCK)."

lab: $(VENV)/installed
	$(BIN)/jupyter lab $(ALLOW_ROOT) notebooks/

# Lint first (ruff, on the library, tests, benchmarks and the notebooks), then
# the unit tests and every notebook.
test: lint
	$(BIN)/python -m pytest

# The unit tests and every notebook again, every Session optimizing
# (Session(optimize=True)): the optimized runs must give what the plain
# interpreter gives (conftest.py says which cells are the exceptions).
test-optimized: $(VENV)/installed
	$(BIN)/python -m pytest tests notebooks --optimized-sessions

# minidl outside the repository: its wheel installed with minidl[notebooks] in a
# fresh venv under the temporary folder (from the package index, at the lock's
# versions), chapter 8's network trained and its notebook run with nbval there.
test-wheel: $(VENV)/installed
	MINIDL_TEST_WHEEL=1 $(BIN)/python -m pytest -p no:xdist -o addopts="" \
		tests/test_installed_wheel.py

# A wrong result planted in the code generator and in each optimizer pass, one
# at a time (tools/mutants.py): the unit tests must fail under every one, with
# plain sessions by default and with --optimized-sessions.
mutation-check: $(VENV)/installed
	$(BIN)/python tools/mutation_check.py

lint: $(VENV)/installed
	$(BIN)/ruff check .

# Re-execute every notebook in place, top to bottom in a fresh kernel; then
# merge printed output that the kernel happened to flush in pieces, and write
# the paths in stored tracebacks relative to the repository, so that a re-run,
# here or on another machine, stores exactly the same cells (and no widget state:
# the explorables store a picture instead).
notebooks: $(VENV)/installed
	$(BIN)/jupyter nbconvert --to notebook --execute --inplace \
		--ExecutePreprocessor.record_timing=False --ExecutePreprocessor.store_widget_state=False \
		notebooks/*.ipynb
	$(BIN)/jupyter nbconvert --to notebook --inplace \
		--CoalesceStreamsPreprocessor.enabled=True notebooks/*.ipynb
	$(BIN)/python tools/relative_tracebacks.py notebooks/*.ipynb

benchmark: $(VENV)/installed
	$(BIN)/python benchmarks/run.py
	$(BIN)/python benchmarks/import_time.py

# The explorables and the Playground in JupyterLab, in headless Chromium driven
# by Playwright (browser/check_explorables.py). Chromium comes from the system
# (Debian: apt-get install chromium fonts-dejavu), not from Playwright's download.
browser-test: $(VENV)/browser-installed
	$(BIN)/python browser/check_explorables.py

$(VENV)/browser-installed: $(VENV)/installed requirements-browser.txt
	$(BIN)/python -m pip install -r requirements-browser.txt -c $(LOCK)
	touch $@

# The website, from the committed notebooks as they are (nothing re-executed),
# built from scratch so that every page's warnings show; a warning or a broken
# reference is an error. Open build/book/index.html.
book: $(DOCS_VENV)/installed
	rm -rf build/book
	$(DOCS_VENV)/bin/sphinx-build -W --keep-going -n -b html docs build/book
	@echo "The site is in build/book/: serve it (python3 -m http.server --directory build/book 8000) and open http://127.0.0.1:8000"

# The built site in headless Chromium: links, math, figures, search, console
# errors; screenshots in build/book-screenshots/.
book-check: book
	$(DOCS_VENV)/bin/python tools/check_book.py build/book build/book-screenshots

# A fresh venv (--clear), so that a package dropped from the lock goes too.
# minidl is installed editable: a change to its code or to pyproject.toml needs
# no reinstall (tests/test_lock.py checks pyproject's requirements against the lock).
$(VENV)/installed: $(LOCK)
	$(PYTHON) -m venv --clear $(VENV)
	$(BIN)/python -m pip install --upgrade pip
	$(BIN)/python -m pip install -r $(LOCK) -e .
	touch $@

$(DOCS_VENV)/installed: $(DOCS_LOCK)
	$(PYTHON) -m venv --clear $(DOCS_VENV)
	$(DOCS_VENV)/bin/python -m pip install --upgrade pip
	$(DOCS_VENV)/bin/python -m pip install -r $(DOCS_LOCK) -e .
	touch $@

# Write the locks from requirements.txt, docs/requirements.txt and
# pyproject.toml (with its extras): versions already in a lock are kept where
# they still fit, new requirements get their newest versions; the docs lock
# agrees with the main one on every package they share. Run it after changing a requirements file,
# and commit the locks.
COMPILE = $(UV) pip compile --universal --python-version 3.10 --quiet \
	--custom-compile-command "make lock" $(UV_FLAGS)
lock: $(UV)
	$(COMPILE) --all-extras requirements.txt pyproject.toml -o $(LOCK)
	$(COMPILE) --all-extras -c $(LOCK) docs/requirements.txt pyproject.toml -o $(DOCS_LOCK)

# Every package to its newest version that requirements.txt allows, then the
# notebooks re-executed in that environment and every test run.
upgrade:
	$(MAKE) lock UV_FLAGS=--upgrade
	$(MAKE) $(VENV)/installed
	$(MAKE) notebooks
	$(MAKE) test

# The unit tests and every notebook against the lowest versions that
# requirements.txt allows, in a venv of their own (.venv-minimums).
test-minimums: $(UV)
	UV=$(UV) PYTHON=$(PYTHON) tools/test_minimums.sh

$(UV):
	$(PYTHON) -m venv .tools
	.tools/bin/python -m pip install uv==$(UV_VERSION)

clean:
	rm -rf $(VENV) $(DOCS_VENV) .venv-minimums .tools build
