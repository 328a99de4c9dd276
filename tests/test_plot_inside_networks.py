"""Pictures of what is inside a network: each hidden unit's spread across the
examples (tf.plot.unit_spreads, unit_spread_plot) and a first layer's weights as
images (tf.plot.weight_images), checked against hand-made activations and kernels."""
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


def test_weight_images_draw_each_units_column_as_an_8x8_image_on_one_symmetric_scale():
    kernel = np.zeros((64, 3))
    kernel[0, 0] = 2.0    # unit 0: the top-left pixel
    kernel[7, 1] = -1.0   # unit 1: the top-right pixel (row 0, column 7), negative
    figure = plot.weight_images(kernel, columns=2)
    images = [ax.images[0] for ax in figure.axes]
    assert len(images) == 3
    assert images[0].get_array()[0, 0] == 2.0 and images[1].get_array()[0, 7] == -1.0
    for image in images:
        assert image.get_clim() == (-2.0, 2.0)  # white is 0 in every image
    assert [ax.get_title() for ax in figure.axes] == ["unit 0", "unit 1", "unit 2"]
    plt.close(figure)
