"""minidl.plot.curve_path draws the curve and each path on it, checked on the
data of the artists, not on pixels."""
import numpy as np
import pytest
from matplotlib.colors import to_rgba

from minidl import plot

pytestmark = pytest.mark.filterwarnings("error")


def square(x):
    return x ** 2


def test_each_path_is_drawn_on_the_curve_in_its_series_colour():
    paths = {"first": [2.0, 1.0, 0.5], "second": [-1.5, -0.5]}
    ax = plot.curve_path(square, paths)
    for index, (label, path) in enumerate(paths.items()):
        line = next(line for line in ax.get_lines() if line.get_label() == label)
        np.testing.assert_allclose(line.get_xdata(), path)
        np.testing.assert_allclose(line.get_ydata(), square(np.array(path)))
        assert to_rgba(line.get_color()) == to_rgba(plot.series_color(index))


def test_the_start_and_the_end_of_a_path_are_marked():
    ax = plot.curve_path(square, {"only": [2.0, 1.0, 0.5]})
    markers = {line.get_marker(): (line.get_xdata(), line.get_ydata())
               for line in ax.get_lines() if line.get_marker() in ("o", "x")}
    np.testing.assert_allclose(np.ravel(markers["o"]), [2.0, 4.0])
    np.testing.assert_allclose(np.ravel(markers["x"]), [0.5, 0.25])


def test_the_curve_spans_the_paths_with_a_margin_by_default():
    ax = plot.curve_path(square, {"only": [-1.0, 3.0]})
    low, high = ax.get_xlim()
    assert low < -1.0 and high > 3.0
    curve = ax.get_lines()[0]
    np.testing.assert_allclose(curve.get_ydata(), square(curve.get_xdata()))


def test_a_path_that_is_not_a_sequence_of_numbers_is_refused_by_name():
    with pytest.raises(ValueError, match="'flat'"):
        plot.curve_path(square, {"flat": [[1.0, 2.0]]})
