# `make lab` opens the series; `make test` runs every test. Both create the
# virtual environment .venv first (once, and again when requirements change).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: lab test lint notebooks benchmark clean

lab: $(VENV)/installed
	$(BIN)/jupyter lab notebooks/

# Lint first (ruff, on the library, tests, benchmarks and the notebooks), then
# the unit tests and every notebook.
test: lint
	$(BIN)/python -m pytest

lint: $(VENV)/installed
	$(BIN)/ruff check .

# Re-execute every notebook in place, top to bottom in a fresh kernel; then
# merge printed output that the kernel happened to flush in pieces, and write
# the paths in stored tracebacks relative to the repository, so that a re-run,
# here or on another machine, stores exactly the same cells.
notebooks: $(VENV)/installed
	$(BIN)/jupyter nbconvert --to notebook --execute --inplace \
		--ExecutePreprocessor.record_timing=False notebooks/*.ipynb
	$(BIN)/jupyter nbconvert --to notebook --inplace \
		--CoalesceStreamsPreprocessor.enabled=True notebooks/*.ipynb
	$(BIN)/python tools/relative_tracebacks.py notebooks/*.ipynb

benchmark: $(VENV)/installed
	$(BIN)/python benchmarks/run.py

$(VENV)/installed: requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --upgrade pip
	$(BIN)/python -m pip install -r requirements.txt -e .
	touch $@

clean:
	rm -rf $(VENV)
