"""Sphinx settings for the series' website (`make book`).

The chapters are the committed, executed notebooks, read through the symlink
docs/notebooks -> ../notebooks and never re-executed: the site shows exactly
the outputs that nbval checks. The API pages come from the library's
docstrings (autodoc), so they cannot drift from the code.
"""
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).parent / "_ext"))

project = "minidl: Deep Learning From Scratch"
author = "the minidl authors"
root_doc = "index"
exclude_patterns = ["_build", "notebooks/.ipynb_checkpoints"]

extensions = [
    "myst_nb",                  # notebooks and Markdown pages
    "sphinx.ext.autodoc",       # the API pages, from docstrings
    "sphinx-mathjax-offline",   # MathJax served with the site, not from a CDN
    "chapter_pages",            # the exercises note and the sources, on each chapter
]

# Notebooks are shown as committed: executing them is nbval's job, not the site's.
nb_execution_mode = "off"
# An explorable stores a widget view (live only with a kernel, and no widget
# state is saved) beside a still picture: the site shows the picture.
nb_mime_priority_overrides = [("html", "application/vnd.jupyter.widget-view+json", None)]
# $...$ and $$...$$ as the notebooks write math; ::: fences for notes.
myst_enable_extensions = ["dollarmath", "amsmath", "colon_fence"]
# Headings get anchors, so in-page links resolve and are checked; named as
# JupyterLab names them ("#Dead-relus"), so a notebook's links work in both.
myst_heading_anchors = 3
myst_heading_slug_func = "chapter_pages.jupyter_anchor"

autodoc_member_order = "bysource"

# Every reference must resolve: `make book` runs with -W -n (warnings are errors).
nitpicky = True


def _github_repository():
    """owner/name on GitHub: $GITHUB_REPOSITORY (set by GitHub Actions, or by
    hand: `make book GITHUB_REPOSITORY=owner/name`), else the `origin` remote."""
    if os.environ.get("GITHUB_REPOSITORY"):
        return os.environ["GITHUB_REPOSITORY"]
    try:
        url = subprocess.run(["git", "remote", "get-url", "origin"], cwd=ROOT,
                             capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None
    match = re.match(r"(?:https://github\.com/|git@github\.com:)(.+?)(?:\.git)?$", url)
    return match.group(1) if match else None


GITHUB_REPOSITORY = _github_repository()
GIT_BRANCH = os.environ.get("GIT_BRANCH", "main")

html_theme = "sphinx_book_theme"
html_title = "minidl: Deep Learning From Scratch"
html_static_path = ["_static"]
html_favicon = "_static/favicon.svg"   # a small graph: two inputs, one node
html_css_files = ["site.css"]
# Light unless the reader's system asks for dark (an empty mode logs a console error).
html_context = {"default_mode": "auto"}
html_theme_options = {
    "show_toc_level": 2,                # the chapter's sections, on the right
    "use_download_button": True,        # the .ipynb, as committed
    "use_fullscreen_button": False,
    "home_page_in_toc": True,
    "navigation_with_keys": False,
    # The sources, credited at the foot of every page; each chapter's own
    # "Sources" note says which of their sections it follows.
    "extra_footer": (
        "<p>This series follows Daniel Sabinasz's tutorial "
        "<a href='https://www.deepideas.net/deep-learning-from-scratch-theory-and-implementation/'>"
        "Deep Learning From Scratch: Theory and Implementation</a> and the article "
        "<em>Deep Learning from scratch</em> on Medium; its text and code are our own.</p>"),
}
if GITHUB_REPOSITORY:
    # Each chapter page gets a launch button that opens that notebook in
    # JupyterLab on Binder (binder/ says how the environment is built).
    html_theme_options |= {
        "repository_url": f"https://github.com/{GITHUB_REPOSITORY}",
        "repository_branch": GIT_BRANCH,
        "path_to_docs": "",             # chapters live at notebooks/ in the repository
        "use_repository_button": True,
        "launch_buttons": {"binderhub_url": "https://mybinder.org",
                           "notebook_interface": "jupyterlab"},
    }
