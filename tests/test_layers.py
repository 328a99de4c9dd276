"""tf.layers.dense: the variables it creates (names, shapes, first values),
the value it computes, its gradients, and clear errors that build nothing."""
import numpy as np
import pytest
from gradcheck import check_gradients

import minidl as tf

RNG = np.random.default_rng(5)
X_DATA = RNG.normal(size=(6, 3))
KERNEL = RNG.normal(size=(3, 4))
BIAS = RNG.normal(size=4)


def run(node, feed_dict=None):
    with tf.Session() as session:
        session.run(tf.global_variables_initializer())
        return session.run(node, feed_dict)


def test_layers_are_named_dense_dense_1_and_their_variables_are_trainable():
    X = tf.placeholder(tf.float32, (None, 3), name="X")
    hidden = tf.layers.dense(X, 4, activation=tf.nn.relu)
    tf.layers.dense(hidden, 2)
    tf.layers.dense(hidden, 5, name="output")
    variables = tf.trainable_variables()
    assert [v.name for v in variables] == ["dense/kernel", "dense/bias", "dense_1/kernel",
                                           "dense_1/bias", "output/kernel", "output/bias"]
    assert [v.shape for v in variables] == [(3, 4), (4,), (4, 2), (2,), (4, 5), (5,)]
    assert all(v.dtype == np.float32 for v in variables)


def test_kernel_starts_glorot_uniform_and_bias_at_zero():
    X = tf.placeholder(tf.float64, (None, 30))
    tf.layers.dense(X, 20)
    kernel, bias = tf.trainable_variables()
    limit = np.sqrt(6 / (30 + 20))
    assert kernel.dtype == np.float64
    assert np.abs(kernel.value).max() <= limit and kernel.value.std() > limit / 3
    assert not bias.value.any()


def test_dense_computes_activation_of_inputs_times_kernel_plus_bias():
    X = tf.placeholder(tf.float64, (None, 3))
    output = tf.layers.dense(X, 4, activation=tf.nn.sigmoid,
                             kernel_initializer=tf.constant_initializer(KERNEL),
                             bias_initializer=tf.constant_initializer(BIAS))
    assert output.shape == (None, 4)
    expected = 1 / (1 + np.exp(-(X_DATA @ KERNEL + BIAS)))
    np.testing.assert_allclose(run(output, {X: X_DATA}), expected, rtol=1e-12)


def test_without_bias_there_is_only_a_kernel():
    output = tf.layers.dense(X_DATA, 4, use_bias=False,
                             kernel_initializer=tf.constant_initializer(KERNEL))
    assert [v.name for v in tf.trainable_variables()] == ["dense/kernel"]
    np.testing.assert_allclose(run(output), X_DATA @ KERNEL, rtol=1e-12)


def test_gradient_with_respect_to_the_inputs_matches_finite_differences():
    check_gradients(lambda x: tf.layers.dense(x, 4, activation=tf.tanh,
                                              kernel_initializer=tf.constant_initializer(KERNEL),
                                              bias_initializer=tf.constant_initializer(BIAS)),
                    X_DATA)


def test_gradients_with_respect_to_kernel_and_bias_match_finite_differences():
    X = tf.placeholder(tf.float64, (None, 3))
    hidden = tf.layers.dense(X, 4, activation=tf.tanh)
    loss = tf.reduce_sum(tf.square(tf.layers.dense(hidden, 2)))
    report = tf.gradient_check(loss, tf.trainable_variables(), {X: X_DATA})
    assert report.ok, str(report)


def test_a_name_used_twice_is_refused_and_builds_nothing():
    X = tf.placeholder(tf.float32, (None, 3))
    tf.layers.dense(X, 4, name="hidden")
    nodes_before = list(tf.get_default_graph().nodes)
    with pytest.raises(ValueError, match="'hidden' already exists"):
        tf.layers.dense(X, 4, name="hidden")
    assert tf.get_default_graph().nodes == nodes_before


@pytest.mark.parametrize("shape", [(None, None), (3,), None])
def test_inputs_without_a_known_last_size_are_refused_and_build_nothing(shape):
    X = tf.placeholder(tf.float32, shape, name="X")
    nodes_before = list(tf.get_default_graph().nodes)
    with pytest.raises(ValueError, match=r"input 'X' has shape .*needs a matrix"):
        tf.layers.dense(X, 4)
    assert tf.get_default_graph().nodes == nodes_before
