"""Showing minidl's own code inside a notebook.

The notebooks never keep a copy of the library: a cell calls
`show_source(minidl.Session.run)` and Jupyter displays the code that really
runs, highlighted, under the file and the name it comes from. When the library
changes, the displayed code changes with it, and the notebook tests (which
compare every cell's output) point at the chapter to re-read.
"""
import inspect
import re
import textwrap
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


class SourceCode:
    """A piece of source code and where it comes from, displayed by Jupyter
    as a highlighted Python block and by a terminal as plain text.

    Attributes:
        code: the source text, dedented, ending with a newline.
        location: where it is, as "minidl/session.py, Session.run": the path
            relative to the package and the qualified name, which read the same
            on every machine and do not change when unrelated lines move.
    """

    def __init__(self, code, location):
        self.code = code if code.endswith("\n") else code + "\n"
        self.location = location

    def _repr_markdown_(self):
        longest_backtick_run = max((len(run) for run in re.findall("`+", self.code)), default=0)
        fence = "`" * max(3, longest_backtick_run + 1)
        return f"`{self.location}`\n\n{fence}python\n{self.code}{fence}\n"

    def __str__(self):
        return f"# {self.location}\n{self.code}"

    __repr__ = __str__


def show_source(obj, omit=()):
    """The source code of a minidl function, class, method or module, ready
    to display: the last expression of a notebook cell shows it highlighted.

    Args:
        obj: something defined in minidl, e.g. `minidl.Session.run`,
            `minidl.ops.activations.Sigmoid` or a property such as `Node.shape`.
        omit: names of a class's methods to leave out, for a chapter that
            teaches the rest (the heading says which were left out).

    A listing never shows `__tracebackhide__ = True` lines (they keep the
    library's frames out of a learner's tracebacks, not part of any idea).

    Returns:
        A SourceCode, headed by the file (relative to the package) and the name.

    Raises:
        TypeError: `obj` has no source of its own (a number, a node instance...).
        ValueError: `obj` is not defined in minidl.
    """
    if isinstance(obj, property):
        obj = obj.fget
    try:
        lines, _ = inspect.getsourcelines(obj)
        source_file = Path(inspect.getsourcefile(obj)).resolve()
    except TypeError:
        raise TypeError(f"show_source needs a minidl function, class, method or module; "
                        f"got a {type(obj).__name__}, which has no source of its own "
                        f"(for an object, try show_source(type(obj)))") from None
    if not source_file.is_relative_to(PACKAGE_DIR):
        raise ValueError(f"show_source shows minidl's own code, but "
                         f"{getattr(obj, '__qualname__', obj)!r} is defined outside minidl")
    relative_path = source_file.relative_to(PACKAGE_DIR.parent).as_posix()
    name = getattr(obj, "__qualname__", None)
    location = relative_path if inspect.ismodule(obj) else f"{relative_path}, {name}"
    if omit:
        lines = _without_methods(obj, lines, omit)
        location += f" (without {', '.join(omit)})"
    code = textwrap.dedent("".join(_without_traceback_hiding(lines))).rstrip() + "\n"
    return SourceCode(code, location)


TRACEBACK_HIDING = re.compile(r"\s*__tracebackhide__ = True\s*(#.*)?\n?")


def _without_traceback_hiding(lines):
    """The lines without `__tracebackhide__ = True`: it tells IPython to leave a
    library function out of an error's traceback (the learner sees the line
    they wrote, then the check that failed), and says nothing about the idea
    a listing shows."""
    return [line for line in lines if not TRACEBACK_HIDING.fullmatch(line)]


def _without_methods(cls, lines, names):
    """The lines of class `cls` without those of the methods `names` (each with
    its decorators and the blank line after it)."""
    _, class_start = inspect.getsourcelines(cls)
    dropped = set()
    for name in names:
        method = inspect.unwrap(getattr(cls, name, None) or _no_method(cls, name))
        method = method.fget if isinstance(method, property) else method
        method_lines, start = inspect.getsourcelines(method)
        first = start - class_start
        while first > 0 and lines[first - 1].strip().startswith("@"):
            first -= 1
        last = start - class_start + len(method_lines)
        if last < len(lines) and not lines[last].strip():
            last += 1
        dropped.update(range(first, last))
    return [line for i, line in enumerate(lines) if i not in dropped]


def _no_method(cls, name):
    raise ValueError(f"show_source: {cls.__qualname__} has no method '{name}' to omit")
