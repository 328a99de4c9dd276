"""Write the tracebacks stored in notebooks with paths relative to the repository.

A cell that shows a real error stores IPython's traceback, which names each
file by its absolute path (`File /home/ana/minidl/minidl/session.py:56`). nbval
does not compare tracebacks, but the stored ones would then name the folder of
whoever last ran `make notebooks`, and every re-run elsewhere would change them.

Usage: python tools/relative_tracebacks.py notebooks/*.ipynb
"""
import json
import sys
from pathlib import Path

ROOT = str(Path(__file__).resolve().parent.parent) + "/"


def relative_tracebacks(path):
    """Rewrite `path` in place if any of its tracebacks names ROOT; True if it did."""
    text = Path(path).read_text(encoding="utf-8")
    notebook = json.loads(text)
    for cell in notebook["cells"]:
        for output in cell.get("outputs", []):
            if output["output_type"] == "error":
                output["traceback"] = [line.replace(ROOT, "") for line in output["traceback"]]
    # Written as Jupyter writes notebooks: one-space indent, a final newline.
    new_text = json.dumps(notebook, indent=1, ensure_ascii=False) + "\n"
    if new_text != text:
        Path(path).write_text(new_text, encoding="utf-8")
    return new_text != text


if __name__ == "__main__":
    for notebook_path in sys.argv[1:]:
        if relative_tracebacks(notebook_path):
            print(f"{notebook_path}: tracebacks now name files relative to the repository")
