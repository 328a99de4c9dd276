"""Chapter 9 runs to its last cell for a learner who has not installed TensorFlow
or PyTorch: the cells that need them print what to install instead of raising.

Checked by running every code cell of the committed notebook, in order, in a
fresh Python in which importing either library fails (as on a machine without
them), and, for the stored outputs, that no TensorFlow log line was kept."""
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from minidl.frameworks import INSTALL_COMMAND

ROOT = Path(__file__).parent.parent
CHAPTER = ROOT / "notebooks" / "09_from_minidl_to_tensorflow.ipynb"

# Run in the notebooks' folder, as a kernel would, with the libraries blocked:
# a None in sys.modules makes `import tensorflow` raise ModuleNotFoundError.
RUNNER = textwrap.dedent("""
    import json, sys
    for blocked in ("tensorflow", "torch"):
        sys.modules[blocked] = None
    cells = [cell for cell in json.load(open(sys.argv[1]))["cells"]
             if cell["cell_type"] == "code"]
    namespace = {}
    for number, cell in enumerate(cells, 1):
        source = "".join(cell["source"])
        # IPython's magics (%matplotlib, %config) need a kernel; they set only the display.
        code = "\\n".join(line for line in source.splitlines() if not line.startswith("%"))
        exec(compile(code, f"cell {number}", "exec"), namespace)
    print(f"ran all {len(cells)} code cells")
""")


def code_cells():
    return [cell for cell in json.loads(CHAPTER.read_text(encoding="utf-8"))["cells"]
            if cell["cell_type"] == "code"]


def test_run_all_without_tensorflow_and_pytorch_reaches_the_last_cell():
    environment = dict(os.environ, MPLBACKEND="Agg", PYTHONPATH=str(ROOT))
    result = subprocess.run([sys.executable, "-c", RUNNER, str(CHAPTER)],
                            cwd=CHAPTER.parent, capture_output=True, text=True,
                            env=environment, timeout=300)
    assert result.returncode == 0, f"a cell raised without the frameworks:\n{result.stderr}"
    assert f"ran all {len(code_cells())} code cells" in result.stdout
    # Each library's cell says what to run, and the side-by-side table still
    # shows minidl's own row; the exercises below ran too.
    assert result.stdout.count(INSTALL_COMMAND) == 2, result.stdout
    assert "minidl                0.0179  True" in result.stdout
    assert "Not implemented yet: sparse_softmax_cross_entropy_with_logits" in result.stdout


def test_notebooks_install_command_keeps_the_locks_versions():
    text = CHAPTER.read_text(encoding="utf-8")
    assert INSTALL_COMMAND.replace("%pip", "").strip() in text
    assert "-c ../requirements-lock.txt" in INSTALL_COMMAND


def test_stored_outputs_carry_no_tensorflow_log_lines():
    stored = "".join("".join(output.get("text", "")) for cell in code_cells()
                     for output in cell.get("outputs", []))
    for log_line in ("absl::InitializeLog", "cudart_stub", "oneDNN", "I0000"):
        assert log_line not in stored, f"chapter 9 stores TensorFlow's log line {log_line!r}"
