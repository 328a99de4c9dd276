"""Which words of the exercise checks' messages, at an earlier commit, no
longer appear anywhere in them: what to read after a refactoring of
minidl/exercises that must keep every message.

    .venv/bin/python tools/messages_kept.py BASE

Every string literal of BASE's minidl/exercises/*.py (docstrings aside; the
literal pieces of an f-string, between its {...}), of 12 characters or more,
must appear inside some string literal of today's files. Each one that does
not is printed with its file: a sentence said another way now, or lost.
"""
import ast
import subprocess
import sys
from pathlib import Path

FOLDER = "minidl/exercises"


def literals(source):
    """The string literals of `source`, docstrings aside, whitespace folded."""
    tree = ast.parse(source)
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef))
                  and ast.get_docstring(node) is not None}
    return [" ".join(node.value.split()) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and id(node) not in docstrings]


def git(*args):
    return subprocess.run(["git", *args], capture_output=True, text=True, check=True).stdout


def main(base):
    today = "\0".join(text for path in sorted(Path(FOLDER).glob("*.py"))
                      for text in literals(path.read_text()))
    missing = 0
    for name in git("ls-tree", "--name-only", base, f"{FOLDER}/").split():
        if name.endswith(".py"):
            for text in literals(git("show", f"{base}:{name}")):
                if len(text) >= 12 and text not in today:
                    missing += 1
                    print(f"{name}: {text!r}")
    print(f"{missing} pieces of {base}'s messages appear nowhere today")


if __name__ == "__main__":
    main(sys.argv[1])
