"""The notebooks are tests only if they are committed executed: nbval skips a
cell with no stored execution count, so an unexecuted notebook would pass vacuously."""
import json
import re
import subprocess
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
CHAPTER_NAME = re.compile(r"\d\d[a-z]?_[a-z0-9_]+\.ipynb")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_is_committed_executed_top_to_bottom(path):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    counts = [cell.get("execution_count") for cell in cells if cell["cell_type"] == "code"]
    assert counts, f"{path.name} has no code cells"
    assert counts == list(range(1, len(counts) + 1)), (
        f"{path.name}: execution counts {counts}; re-run it top to bottom in a fresh kernel "
        f"(make notebooks) and commit the outputs")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_saves_no_widget_state(path):
    # Widget state is large and new on every run; the explorables store a picture instead.
    metadata = json.loads(path.read_text(encoding="utf-8"))["metadata"]
    assert "widgets" not in metadata, (
        f"{path.name} has widget state in its metadata: re-run it with `make notebooks` "
        f"(which passes --ExecutePreprocessor.store_widget_state=False)")


# "File " then, after any colour codes, an absolute path (POSIX or Windows).
ABSOLUTE_PATH_IN_TRACEBACK = re.compile(r"File (\x1b\[[0-9;]*m)*(/|[A-Za-z]:\\)")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_stored_tracebacks_name_files_relative_to_the_repository(path):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    absolute = [line.split("\n")[0] for cell in cells for output in cell.get("outputs", [])
                if output["output_type"] == "error" for line in output["traceback"]
                if ABSOLUTE_PATH_IN_TRACEBACK.search(line)]
    assert not absolute, (
        f"{path.name} stores tracebacks that name the folder it was run in, e.g. {absolute[0]!r}: "
        f"run `make notebooks` (or tools/relative_tracebacks.py) and commit")


def conventions_first_cell():
    """The first code cell that CONVENTIONS.md gives, exactly."""
    text = (ROOT / "CONVENTIONS.md").read_text(encoding="utf-8")
    block = re.search(r"First code cell.*?```python\n(.*?)\n *```", text, re.S).group(1)
    return textwrap.dedent(block)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_first_code_cell_is_the_one_conventions_gives(path):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    first = next(cell for cell in cells if cell["cell_type"] == "code")
    assert "".join(first["source"]) == conventions_first_cell(), (
        f"{path.name}: the first code cell differs from the one CONVENTIONS.md gives")


def test_the_chapters_folder_holds_only_chapters():
    # JupyterLab lists the folder beside the chapters: it is the table of contents.
    tracked = subprocess.run(["git", "ls-files", "notebooks"], cwd=ROOT, capture_output=True,
                             text=True, check=True).stdout.split()
    others = [name for name in tracked if not CHAPTER_NAME.fullmatch(Path(name).name)]
    assert tracked and not others, (
        f"notebooks/ holds {others}: keep it to chapters (NN_title.ipynb); test plumbing goes "
        f"in tests/ or the root")
