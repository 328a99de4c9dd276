"""tf.plot.unit_spreads and unit_spread_plot: each unit's spread across the
examples, checked against a formula on hand-made activations."""
import matplotlib.pyplot as plt
import numpy as np
import pytest

from minidl import plot

pytestmark = pytest.mark.filterwarnings("error")


def test_spread_is_each_units_standard_deviation_across_the_examples():
    # Unit 0 takes 1 and 3 (spread 1), unit 1 is constant (spread 0): a spread
    # across units, or over all entries, would give other numbers.
    layer = np.array([[1.0, 5.0], [3.0, 5.0]])
    spreads = plot.unit_spreads([layer, 2 * layer])
    np.testing.assert_allclose(spreads[0], [1.0, 0.0])
    np.testing.assert_allclose(spreads[1], [2.0, 0.0])


def test_plot_draws_one_dot_per_unit_at_its_spread_and_zero_at_the_floor():
    layers = [np.array([[0.0, 0.4, 7.0], [0.0, 0.6, 7.0]]), np.array([[0.0], [2.0]])]
    ax = plot.unit_spread_plot({"run": layers})
    first_layer, second_layer = ax.collections
    np.testing.assert_allclose(np.sort(first_layer.get_offsets()[:, 1]),
                               [plot.activations.SPREAD_FLOOR, plot.activations.SPREAD_FLOOR,
                                0.1])
    np.testing.assert_allclose(second_layer.get_offsets()[:, 1], [1.0])
    assert np.all(np.abs(first_layer.get_offsets()[:, 0] - 1) < 0.5)
    assert ax.get_yscale() == "log"
    assert [text.get_text() for text in ax.get_legend().get_texts()] == ["run"]
    plt.close(ax.figure)
