"""Initializers: the shapes and dtypes they give, the numbers they draw
(checked against the distribution each promises), and reproducible seeding."""
import numpy as np
import pytest

import minidl as tf
from minidl.initializers import fans
from minidl.random_seed import DEFAULT_GRAPH_SEED


def test_zeros_gives_float32_zeros_by_default_and_the_dtype_asked_for():
    values = tf.zeros_initializer()((2, 3))
    assert values.shape == (2, 3) and values.dtype == np.float32
    assert not values.any()
    assert tf.zeros_initializer()((4,), tf.float64).dtype == np.float64


def test_constant_fills_a_number_and_reshapes_an_array_of_the_right_size():
    np.testing.assert_array_equal(tf.constant_initializer(0.5)((2, 2)), np.full((2, 2), 0.5))
    values = tf.constant_initializer([1, 2, 3, 4, 5, 6])((2, 3), tf.float64)
    np.testing.assert_array_equal(values, [[1, 2, 3], [4, 5, 6]])
    assert values.dtype == np.float64


def test_constant_of_the_wrong_size_names_both_sizes():
    with pytest.raises(ValueError, match=r"holds 3 numbers.*shape \(2, 2\) needs 4"):
        tf.constant_initializer([1, 2, 3])((2, 2))


def test_random_normal_has_the_mean_and_stddev_asked_for():
    values = tf.random_normal_initializer(mean=2.0, stddev=0.5, seed=1)((200, 100), tf.float64)
    assert values.shape == (200, 100)
    # 20,000 draws: the sample mean is within 4 standard errors of the mean.
    assert abs(values.mean() - 2.0) < 4 * 0.5 / np.sqrt(values.size)
    assert abs(values.std() - 0.5) < 0.01


def test_glorot_uniform_stays_within_its_limit_with_the_promised_variance():
    fan_in, fan_out = 300, 100
    values = tf.glorot_uniform_initializer(seed=1)((fan_in, fan_out), tf.float64)
    limit = np.sqrt(6 / (fan_in + fan_out))
    assert np.abs(values).max() <= limit
    assert np.abs(values).max() > 0.99 * limit
    np.testing.assert_allclose(values.var(), 2 / (fan_in + fan_out), rtol=0.03)


@pytest.mark.parametrize("shape, expected", [
    ((), (1, 1)), ((5,), (5, 5)), ((3, 4), (3, 4)), ((2, 2, 3, 4), (12, 16))])
def test_fans_of_scalars_vectors_matrices_and_kernels(shape, expected):
    assert fans(shape) == expected


@pytest.mark.parametrize("make", [
    lambda seed: tf.random_normal_initializer(seed=seed),
    lambda seed: tf.glorot_uniform_initializer(seed=seed)], ids=["normal", "glorot"])
def test_an_op_seed_gives_the_same_numbers_in_any_graph_and_another_seed_others(make):
    first = make(3)((4, 5))
    with tf.Graph().as_default():
        tf.constant(1.0)  # a graph of another size does not matter with an op seed
        again = make(3)((4, 5))
        other = make(4)((4, 5))
    np.testing.assert_array_equal(first, again)
    assert not np.allclose(first, other)


def test_with_a_graph_seed_a_graph_rebuilt_the_same_way_gets_the_same_numbers():
    def build():
        with tf.Graph().as_default():
            tf.set_random_seed(0)
            tf.constant(1.0)
            return tf.random_normal_initializer()((3,)), tf.random_normal_initializer()((3,))

    (first, second), (first_again, second_again) = build(), build()
    np.testing.assert_array_equal(first, first_again)
    np.testing.assert_array_equal(second, second_again)


def test_without_any_seed_each_draw_differs_as_in_tensorflow():
    assert tf.get_seed(None) == (None, None)
    initializer = tf.glorot_uniform_initializer()
    assert not np.allclose(initializer((3, 3)), initializer((3, 3)))


def test_the_graph_seed_combines_with_the_op_seed():
    assert tf.get_seed(5) == (DEFAULT_GRAPH_SEED, 5)
    without_graph_seed = tf.random_normal_initializer(seed=5)((3,))
    tf.set_random_seed(42)
    assert tf.get_seed(5) == (42, 5)
    assert tf.get_seed(None) == (42, len(tf.get_default_graph().nodes))
    assert not np.allclose(tf.random_normal_initializer(seed=5)((3,)), without_graph_seed)
