"""How nbval compares the notebooks' cells, beyond its defaults.

Widgets. nbval compares every output of every cell, except the view of a
widget: its model id is new on every run. Each explorable stores, beside its
widget view, a picture at its default settings (for readers without a kernel)
and a line of text saying what that picture shows, which nbval compares.

Cells that need TensorFlow and PyTorch (chapter 9, tagged `needs-frameworks`).

Those libraries are optional (requirements-frameworks.txt), so a learner's
`make test` must pass without them. Where one is missing, each tagged cell is
skipped with a reason saying that its stored output was not re-checked, and
the test summary counts the skips. CI installs them and sets
MINIDL_REQUIRE_FRAMEWORKS=1: then nothing is skipped, and a missing library
fails the cell that imports it.

Where they are installed, a tagged cell's printed output is compared as usual,
but not what it writes to stderr: TensorFlow logs a few lines from C++ while it
loads, with a timestamp, and whether the kernel captures them depends on how
it was started.

Optimizing sessions (`make test-optimized`, option --optimized-sessions). Every
kernel starts with `Session(optimize=True)` as the default, and every cell must
still print what it stored. The exceptions are tagged `plain-session-only`: the
cells that show the tutorial's loss giving NaN (chapters 4 and 11), which the
optimizing session's stable softmax makes finite (chapter 12). They still run;
their outputs are not compared.
"""
import importlib.util
import os
import tempfile
from pathlib import Path

import pytest

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
TAG = "needs-frameworks"
FRAMEWORKS = ("tensorflow", "tf_keras", "torch")
PLAIN_SESSION_TAG = "plain-session-only"

# Run by IPython in every kernel before the notebook's first cell.
OPTIMIZING_SESSIONS = """\
import minidl
import minidl.optimize

_plain_new = minidl.Session.__new__


def _optimizing_new(cls, graph=None, check_numerics=False, optimize=True):
    return _plain_new(cls, graph, check_numerics, optimize)


minidl.Session.__new__ = staticmethod(_optimizing_new)
"""


def has_tag(item, tag):
    cell = getattr(item, "cell", None)
    return cell is not None and tag in cell.get("metadata", {}).get("tags", [])


def missing_frameworks():
    return [name for name in FRAMEWORKS if importlib.util.find_spec(name) is None]


def needs_frameworks(item):
    return has_tag(item, TAG)


def ignore_stderr(item):
    """Make nbval leave the cell's stderr out of the comparison."""
    compare = item.compare_outputs

    def compare_outputs(test, ref, skip_compare=None):
        return compare(test, ref, tuple(skip_compare or item.parent.skip_compare) + ("stderr",))

    item.compare_outputs = compare_outputs


def pytest_configure(config):
    if config.getoption("--optimized-sessions", default=False):
        startup = Path(tempfile.mkdtemp(prefix="minidl-ipython-")) / "profile_default/startup"
        startup.mkdir(parents=True)
        (startup / "00-optimizing-sessions.py").write_text(OPTIMIZING_SESSIONS)
        os.environ["IPYTHONDIR"] = str(startup.parent.parent)  # kernels start from here


def run_without_comparing(item):
    item.compare_outputs = lambda test, ref, skip_compare=None: True


def pytest_collection_modifyitems(config, items):
    if config.getoption("--optimized-sessions", default=False):
        for item in items:
            if has_tag(item, PLAIN_SESSION_TAG):
                run_without_comparing(item)
    tagged = [item for item in items if needs_frameworks(item)]
    missing = missing_frameworks()
    if missing and not os.environ.get("MINIDL_REQUIRE_FRAMEWORKS"):
        skip = pytest.mark.skip(
            reason=f"{', '.join(missing)} not installed: this cell's stored output was not "
                   f"re-checked (pip install -r requirements-frameworks.txt "
                   f"-c requirements-lock.txt)")
        for item in tagged:
            item.add_marker(skip)
    for item in tagged:
        ignore_stderr(item)


def pytest_collectstart(collector):
    if collector.path.suffix == ".ipynb" and hasattr(collector, "skip_compare"):
        collector.skip_compare += (WIDGET_VIEW,)
