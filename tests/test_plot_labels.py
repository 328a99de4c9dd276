"""Every plot reads at a glance: its axes are labelled, its legend (when it has
one) names what is drawn and covers none of it, and colours mean one thing:
red and blue the classes, the series colours everything else."""
import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.collections import PathCollection
from matplotlib.colors import to_rgba
from matplotlib.lines import Line2D

import minidl
from minidl import plot

pytestmark = pytest.mark.filterwarnings("error")

POINTS = np.array([[-2.0, -1.0], [1.5, 2.0], [0.5, -1.5], [-1.0, 1.0], [2.0, 0.5]])
LABELS = np.array([0, 1, 0, 1, 1])


def linear_model():
    graph = minidl.Graph()
    with graph.as_default():
        x = minidl.placeholder(minidl.float64, shape=(None, 2), name="x")
        scores = minidl.matmul(x, minidl.constant(np.array([[1.0, -1.0], [-1.0, 1.0]])))
    return minidl.Session(graph), x, scores


def boundary_plot():
    session, x, scores = linear_model()
    return plot.decision_boundary(session, scores, x, POINTS, LABELS, resolution=30)


def drawn_points(ax):
    """Every data point drawn on ax (lines' vertices, scattered points), in pixels."""
    points = [line.get_transform().transform(line.get_xydata()) for line in ax.lines
              if len(line.get_xdata())]
    points += [collection.get_offset_transform().transform(collection.get_offsets())
               for collection in ax.collections if isinstance(collection, PathCollection)]
    return np.concatenate(points)


PLOTS = {
    "scatter": lambda: plot.scatter(POINTS, LABELS, legend=True),
    "decision_boundary": boundary_plot,
    "function_curve": lambda: plot.function_curve(np.tanh, label="tanh"),
    "curve_path": lambda: plot.curve_path(np.square, {"rate 0.1": [2.0, 1.0, 0.5],
                                                       "rate 0.9": [-2.0, 1.5, -0.9]}),
    "surface_path": lambda: plot.surface_path(
        lambda a, b: a ** 2 + 10 * b ** 2, {"gradient descent": [[2.0, 1.0], [1.0, 0.1]],
                                            "momentum": [[-2.0, 1.0], [0.0, 0.0]]}),
    "training_curves": lambda: plot.training_curves({"train": [1.0, 0.5, 0.2, 0.1],
                                                     "test": [1.1, 0.7, 0.6, 0.65]}),
}


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


@pytest.mark.parametrize("name", PLOTS)
def test_axes_are_labelled(name):
    ax = PLOTS[name]()
    assert ax.get_xlabel() and ax.get_ylabel()


@pytest.mark.parametrize("name", PLOTS)
def test_the_legend_names_what_is_drawn_and_covers_none_of_it(name):
    ax = PLOTS[name]()
    legend = ax.get_legend()
    assert legend is not None and [text.get_text() for text in legend.get_texts()]
    ax.figure.canvas.draw()
    box = legend.get_window_extent()
    points = drawn_points(ax)
    inside = ((points[:, 0] >= box.x0) & (points[:, 0] <= box.x1)
              & (points[:, 1] >= box.y0) & (points[:, 1] <= box.y1))
    assert not inside.any(), f"the legend covers {inside.sum()} drawn points"
    assert not box.overlaps(ax.get_window_extent())


def test_the_decision_boundary_legend_names_the_classes_and_the_boundary():
    ax = boundary_plot()
    assert [text.get_text() for text in ax.get_legend().get_texts()] == [
        "class 0", "class 1", "boundary"]
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("$x_1$", "$x_2$")


def test_hidden_unit_panels_name_the_axes_of_the_plane_once():
    session, x, scores = linear_model()
    figure = plot.hidden_units(session, scores, x, POINTS, resolution=10)
    assert figure.get_supxlabel() == "$x_1$" and figure.get_supylabel() == "$x_2$"


def test_series_never_take_the_class_colours():
    classes = {to_rgba(plot.class_color(0)), to_rgba(plot.class_color(1))}
    assert not classes & {to_rgba(color) for color in plot.SERIES_COLORS}
    for name in ("curve_path", "surface_path", "training_curves"):
        ax = PLOTS[name]()
        drawn = {to_rgba(line.get_color()) for line in ax.lines if isinstance(line, Line2D)}
        assert not drawn & classes, name


def test_grids_of_panels_take_a_title_above_them_all():
    session, x, scores = linear_model()
    units = plot.hidden_units(session, scores, x, POINTS, resolution=10, title="look here")
    digits = plot.digit_grid(np.zeros((3, 64)), labels=[1, 2, 3], title="three digits")
    assert units.get_suptitle() == "look here" and digits.get_suptitle() == "three digits"
