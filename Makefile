# `make lab` opens the series; `make test` runs every test. Both create the
# virtual environment .venv first (once, and again when requirements change).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: lab test lint notebooks benchmark browser-test clean

# JupyterLab refuses to start as root unless told to; containers often run as root.
ALLOW_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root)

lab: $(VENV)/installed
	$(BIN)/jupyter lab $(ALLOW_ROOT) notebooks/

# Lint first (ruff, on the library, tests, benchmarks and the notebooks), then
# the unit tests and every notebook.
test: lint
	$(BIN)/python -m pytest

lint: $(VENV)/installed
	$(BIN)/ruff check .

# Re-execute every notebook in place, top to bottom in a fresh kernel; then
# merge printed output that the kernel happened to flush in pieces, so that a
# re-run stores exactly the same cells.
notebooks: $(VENV)/installed
	$(BIN)/jupyter nbconvert --to notebook --execute --inplace \
		--ExecutePreprocessor.record_timing=False --ExecutePreprocessor.store_widget_state=False \
		notebooks/*.ipynb
	$(BIN)/jupyter nbconvert --to notebook --inplace \
		--CoalesceStreamsPreprocessor.enabled=True notebooks/*.ipynb

benchmark: $(VENV)/installed
	$(BIN)/python benchmarks/run.py

# The explorables and the Playground in JupyterLab, in headless Chromium driven
# by Playwright (browser/check_explorables.py). Chromium comes from the system
# (Debian: apt-get install chromium fonts-dejavu), not from Playwright's download.
browser-test: $(VENV)/browser-installed
	$(BIN)/python browser/check_explorables.py

$(VENV)/browser-installed: $(VENV)/installed requirements-browser.txt
	$(BIN)/python -m pip install -r requirements-browser.txt
	touch $@

$(VENV)/installed: requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --upgrade pip
	$(BIN)/python -m pip install -r requirements.txt -e .
	touch $@

clean:
	rm -rf $(VENV)
