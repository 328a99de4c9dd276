"""nbval compares every output of every cell, except the view of a widget: its
model id is new on every run. Each explorable stores, beside its widget view,
a picture at its default settings (for readers without a kernel) and a line
of text saying what that picture shows, which nbval compares."""
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def pytest_collectstart(collector):
    if collector.path.suffix == ".ipynb" and hasattr(collector, "skip_compare"):
        collector.skip_compare += (WIDGET_VIEW,)
