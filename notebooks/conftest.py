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
"""
import importlib.util
import os

import pytest

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
TAG = "needs-frameworks"
FRAMEWORKS = ("tensorflow", "tf_keras", "torch")


def missing_frameworks():
    return [name for name in FRAMEWORKS if importlib.util.find_spec(name) is None]


def needs_frameworks(item):
    cell = getattr(item, "cell", None)
    return cell is not None and TAG in cell.get("metadata", {}).get("tags", [])


def ignore_stderr(item):
    """Make nbval leave the cell's stderr out of the comparison."""
    compare = item.compare_outputs

    def compare_outputs(test, ref, skip_compare=None):
        return compare(test, ref, tuple(skip_compare or item.parent.skip_compare) + ("stderr",))

    item.compare_outputs = compare_outputs


def pytest_collection_modifyitems(config, items):
    tagged = [item for item in items if needs_frameworks(item)]
    missing = missing_frameworks()
    if missing and not os.environ.get("MINIDL_REQUIRE_FRAMEWORKS"):
        skip = pytest.mark.skip(
            reason=f"{', '.join(missing)} not installed: this cell's stored output was not "
                   f"re-checked (pip install -r requirements-frameworks.txt)")
        for item in tagged:
            item.add_marker(skip)
    for item in tagged:
        ignore_stderr(item)


def pytest_collectstart(collector):
    if collector.path.suffix == ".ipynb" and hasattr(collector, "skip_compare"):
        collector.skip_compare += (WIDGET_VIEW,)
