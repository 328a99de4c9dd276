"""minidl.gradient_check, the learner's own check: it passes a right gradient,
fails a wrong one and points at the worst element, and leaves variables alone."""
import numpy as np
import pytest

import minidl as tf


class Stretch(tf.Operation):
    """x**3, given a wrong gradient below: 3 x**2 (1 + x), off by a factor
    1 + x, so the element with the largest x is off the most."""

    def __init__(self, x):
        super().__init__([x])

    def compute(self, x):
        return x ** 3


@tf.RegisterGradient("Stretch")
def _wrong_stretch_gradient(op, grad):
    x, = op.inputs
    return [grad * 3 * x * x * (1 + x)]


def linear_model():
    x = tf.placeholder(tf.float64, (None, 2))
    labels = tf.placeholder(tf.float64, (None, 3))
    W = tf.Variable(np.random.default_rng(0).normal(size=(2, 3)), name="W")
    b = tf.Variable([0.1, -0.2, 0.3], name="b")
    loss = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits_v2(
        labels=labels, logits=tf.nn.tanh(tf.matmul(x, W) + b)))
    feed = {x: [[1.0, 2.0], [-0.5, 0.3], [2.0, -1.0]], labels: np.eye(3)}
    return loss, [W, b], feed


def test_a_correct_gradient_passes():
    loss, variables, feed = linear_model()
    report = tf.gradient_check(loss, variables, feed)
    assert report.ok and report.worst_error <= 1
    assert str(report).startswith("gradient check passed")


def test_a_wrong_registered_gradient_fails_and_the_report_names_the_worst_element():
    w = tf.Variable([0.1, 0.2, 3.0, 0.5], name="w")
    report = tf.gradient_check(tf.reduce_sum(Stretch(w)), [w])
    assert not report.ok and report.worst_error > 1
    name, index, computed, numerical = report.worst
    assert (name, index) == ("w", (2,))
    assert numerical == pytest.approx(3 * 3.0 ** 2, rel=1e-6)
    assert computed == pytest.approx(3 * 3.0 ** 2 * (1 + 3.0), rel=1e-12)
    assert str(report).startswith("gradient check FAILED: worst element w[2]: computed 108")


def test_variables_keep_their_values_and_dtypes():
    loss, variables, feed = linear_model()
    w32 = tf.Variable([1.0, 2.0], dtype=tf.float32, name="w32")
    loss = loss + tf.cast(tf.reduce_sum(Stretch(w32)), tf.float64)
    before = [variable.value.copy() for variable in variables + [w32]]
    tf.gradient_check(loss, variables + [w32], feed)
    for variable, value in zip(variables + [w32], before):
        np.testing.assert_array_equal(variable.value, value)
        assert variable.value.dtype == value.dtype


def test_variables_are_restored_when_the_check_fails_halfway():
    w32 = tf.Variable([1.0, 2.0], dtype=tf.float32, name="w32")
    scale = tf.placeholder(tf.float32, (), name="scale")
    with pytest.raises(ValueError, match="placeholder 'scale' needs a value"):
        tf.gradient_check(tf.reduce_sum(w32 * scale), [w32], feed_dict={})
    np.testing.assert_array_equal(w32.value, [1.0, 2.0])
    assert w32.value.dtype == np.float32
