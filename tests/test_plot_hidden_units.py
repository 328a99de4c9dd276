"""minidl.plot.hidden_units shades one panel per unit with that unit's own values."""
import numpy as np
import pytest
from matplotlib.collections import QuadMesh

import minidl
from minidl import plot

pytestmark = pytest.mark.filterwarnings("error")

POINTS = np.array([[-2.0, -1.0], [1.5, 2.0], [0.5, -1.5], [-1.0, 1.0]])
LABELS = np.array([0, 1, 0, 1])
WEIGHTS = np.array([[1.0, 0.0, 2.0], [0.0, 1.0, -1.0]])


def sigmoid_layer(weights):
    """A graph computing sigmoid(x @ weights) for points fed to the returned placeholder."""
    graph = minidl.Graph()
    with graph.as_default():
        x = minidl.placeholder(minidl.float64, shape=(None, 2), name="x")
        layer = minidl.sigmoid(x @ minidl.constant(weights), name="hidden")
    return graph, x, layer


def shading(ax):
    mesh, = [item for item in ax.collections if isinstance(item, QuadMesh)]
    return mesh


def test_each_panel_shows_its_own_units_values_over_the_grid():
    graph, x, layer = sigmoid_layer(WEIGHTS)
    figure = plot.hidden_units(minidl.Session(graph), layer, x, POINTS, resolution=25)
    xx, yy, _ = plot.grid_scores(minidl.Session(graph), layer, x, POINTS, resolution=25)
    grid_points = np.column_stack([xx.ravel(), yy.ravel()])
    for unit, ax in enumerate(figure.axes):
        expected = 1 / (1 + np.exp(-(grid_points @ WEIGHTS[:, unit])))
        np.testing.assert_allclose(np.asarray(shading(ax).get_array()).ravel(), expected)
        assert ax.get_title() == f"unit {unit + 1}"


def test_the_whole_grid_is_computed_in_one_run():
    graph, x, layer = sigmoid_layer(WEIGHTS)
    session = minidl.Session(graph)
    runs = []
    original_run = session.run
    session.run = lambda fetches, feed_dict=None: runs.append(feed_dict) or original_run(
        fetches, feed_dict)
    plot.hidden_units(session, layer, x, POINTS, resolution=20)
    assert len(runs) == 1
    assert runs[0][x].shape == (400, 2)


def test_titles_value_range_and_points_are_used():
    graph, x, layer = sigmoid_layer(WEIGHTS)
    titles = ["left", "up", "diagonal"]
    figure = plot.hidden_units(minidl.Session(graph), layer, x, POINTS, y=LABELS,
                               titles=titles, value_range=(-1.0, 1.0), resolution=10)
    assert [ax.get_title() for ax in figure.axes] == titles
    for ax in figure.axes:
        assert shading(ax).get_clim() == (-1.0, 1.0)
        drawn = np.concatenate([collection.get_offsets() for collection in ax.collections
                                if not isinstance(collection, QuadMesh)])
        assert sorted(map(tuple, drawn)) == sorted(map(tuple, POINTS))


def test_panels_wrap_into_rows_and_spare_axes_are_hidden():
    graph, x, layer = sigmoid_layer(np.ones((2, 5)))
    figure = plot.hidden_units(minidl.Session(graph), layer, x, POINTS, columns=3,
                               resolution=10)
    visible = [ax for ax in figure.axes if ax.get_visible()]
    assert len(figure.axes) == 6
    assert len(visible) == 5


def test_a_single_unit_is_refused_by_name():
    graph, x, layer = sigmoid_layer(np.ones((2, 1)))
    with pytest.raises(ValueError, match="'hidden' has a single unit"):
        plot.hidden_units(minidl.Session(graph), layer, x, POINTS)
