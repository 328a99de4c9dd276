"""An integer variable cannot learn: every update would be truncated to an
integer (to 0 for a small step), so it would stay where it started with no
word. Optimizers refuse it when the step is built, as TensorFlow does, and
say how to make it float; nothing is added to the graph."""
import numpy as np
import pytest
from error_helpers import Unchanged, raises

import minidl as tf


def int_variable_in_a_float_loss():
    w = tf.Variable([1, 2], name="w")
    x = tf.placeholder(tf.float64, (2,), name="x")
    loss = tf.reduce_sum(tf.square(x * tf.cast(w, tf.float64) - 1.0) + x * w, name="loss")
    return w, x, loss


def test_minimize_refuses_an_integer_variable_and_says_how_to_make_it_float():
    w, x, loss = int_variable_in_a_float_loss()
    unchanged = Unchanged(w.graph)
    with raises(TypeError, "variable 'w'", "int64", "tf.Variable([1.0, 2.0])",
                "dtype=tf.float32", "trainable=False"):
        tf.train.GradientDescentOptimizer(0.1).minimize(loss)
    unchanged.check()


def test_apply_gradients_refuses_an_integer_variable_given_a_gradient():
    w = tf.Variable([1, 2], name="w")
    grad = tf.constant([0.5, 0.5])
    unchanged = Unchanged(w.graph)
    with raises(TypeError, "variable 'w'", "int64"):
        tf.train.AdamOptimizer(0.1).apply_gradients([(grad, w)])
    unchanged.check()


def test_an_integer_variable_the_loss_does_not_use_is_no_obstacle():
    tf.Variable(7, name="steps")
    w = tf.Variable([1.0, 2.0], name="w")
    step = tf.train.GradientDescentOptimizer(0.25).minimize(tf.reduce_sum(w * w))
    with tf.Session() as sess:
        sess.run(step)
        np.testing.assert_allclose(sess.run(w), [0.5, 1.0])


@pytest.mark.parametrize("make", [lambda: tf.Variable([1.0, 2.0]),
                                  lambda: tf.Variable([1, 2], dtype=tf.float32)])
def test_the_suggested_float_variables_train(make):
    w = make()
    step = tf.train.GradientDescentOptimizer(0.25).minimize(tf.reduce_sum(w * w))
    with tf.Session() as sess:
        sess.run(step)
        np.testing.assert_allclose(sess.run(w), [0.5, 1.0])
