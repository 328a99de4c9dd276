"""What the website adds to the notebooks and the docstrings: on each chapter
page, a note at the top of the exercises on how to check them (the site itself
runs nothing); links between chapters that lead to their pages; on the API
page, each docstring shown as `help()` shows it.
"""
import re
from pathlib import Path

from docutils import nodes
from sphinx import addnodes

NOTE = (
    "The site shows the chapter as committed; the exercises need a running kernel. "
    "Open this chapter in Jupyter ({where}), write your answer in the exercise's cell "
    "and run the check cell after it: minidl.exercises.{module} says what is wrong "
    "with an answer, or that it passes. Model answers are in solutions/{module}.py."
)


def add_exercises_note(app, doctree):
    match = re.match(r"notebooks/(\d+[a-z]?)_", app.env.docname)
    if not match:
        return
    module = f"chapter{match.group(1)}"
    where = ("the launch button at the top of this page opens it on Binder, or clone the "
             "repository and run make lab" if app.config.html_theme_options.get("launch_buttons")
             else "clone the repository and run make lab")
    for section in doctree.findall(nodes.section):
        if section[0].astext().strip() == "Exercises":
            note = nodes.admonition(classes=["note"])
            note += nodes.title(text="Checking your answers")
            note += nodes.paragraph(text=NOTE.format(where=where, module=module))
            section.insert(1, note)


def jupyter_anchor(title):
    """A heading's anchor as JupyterLab makes it (its text, spaces turned into
    hyphens), so that a notebook's links to its own sections (`#Dead-relus`)
    work the same on the site as in Jupyter."""
    return title.strip().replace(" ", "-")


def docstring_as_written(app, what, name, obj, options, lines):
    """The docstrings are plain text written for `help()` (|x| is an absolute
    value, not reST): show them verbatim, in a literal block."""
    if any(line.strip() for line in lines):
        lines[:] = [".. code-block:: text", ""] + ["    " + line for line in lines] + [""]


def links_between_chapters(app, doctree):
    """A chapter links to another by its notebook's name, as Jupyter opens it
    (`[chapter 11](11_debugging_and_initialization.ipynb#Initialization)`). The
    site reads the chapters through the folder link docs/notebooks -> ../notebooks,
    and myst follows that link, so it looks for the target outside the site's
    sources: name the chapter's page instead (`notebooks/11_debugging_...`)."""
    chapters = Path(app.srcdir, "notebooks").resolve()
    for reference in doctree.findall(addnodes.pending_xref):
        target = Path(reference.get("reftarget", ""))
        if reference.get("reftype") == "myst" and target.parent == chapters:
            reference["reftarget"] = f"notebooks/{target.name}"


def setup(app):
    app.connect("doctree-read", add_exercises_note)
    app.connect("doctree-read", links_between_chapters)
    app.connect("autodoc-process-docstring", docstring_as_written)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
