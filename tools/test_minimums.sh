#!/usr/bin/env bash
# The unit tests and every notebook (nbval) against the lowest version of each
# package that requirements.txt and pyproject.toml declare, in a venv of its
# own, .venv-minimums. A lower bound that this fails on is not a true one.
#
# Usage: make test-minimums   (or: UV=path/to/uv PYTHON=python3.10 tools/test_minimums.sh)
# UV is the uv binary (`make test-minimums` installs one in .tools); PYTHON the
# interpreter to test with (python3 unless given: try the oldest one supported).
set -euo pipefail
cd "$(dirname "$0")/.."
UV=${UV:-uv}
PYTHON=${PYTHON:-python3}
VENV=.venv-minimums

"$UV" venv --quiet --clear --python "$PYTHON" "$VENV"
# lowest-direct: each package named in requirements.txt or pyproject.toml at
# its declared minimum; what those need, at the newest versions they accept.
VIRTUAL_ENV=$VENV "$UV" pip install --quiet --resolution lowest-direct \
    -r requirements.txt -e .
echo "Testing with:"
"$VENV/bin/python" - <<'PY'
import re
from importlib.metadata import version
from pathlib import Path

for line in Path("requirements.txt").read_text().splitlines():
    name = re.match(r"[A-Za-z0-9_.-]*", line.strip()).group()
    if name:
        print(f"  {name}=={version(name)}  (requirements.txt: {line.strip()})")
PY
"$VENV/bin/python" --version
"$VENV/bin/ruff" check .
# `make notebooks` with these versions, on one chapter, into a scratch folder.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
"$VENV/bin/jupyter" nbconvert --to notebook --execute --ExecutePreprocessor.record_timing=False \
    --CoalesceStreamsPreprocessor.enabled=True --output-dir "$scratch" \
    notebooks/01_computational_graphs.ipynb
"$VENV/bin/python" -m pytest -p no:cacheprovider
