"""sigmoid keeps its relative precision in both tails, in float32 and float64:
far left its value is tiny but not 0, so log(sigmoid(x)) is about x and the
gradient still flows; far out on either side it never overflows or warns."""
import numpy as np
import pytest

import minidl as tf


def exact_sigmoid(x):
    """1 / (1 + e**-x) in float64, as e**-softplus(-x): accurate to the last digits."""
    return np.exp(-np.logaddexp(0.0, -np.asarray(x, dtype=np.float64)))


def sigmoid_and_gradient(values, dtype):
    x = tf.placeholder(dtype, (len(values),))
    y = tf.sigmoid(x)
    grad, = tf.gradients(tf.reduce_sum(y), x)
    with tf.Session() as sess:
        return sess.run([y, grad], {x: np.asarray(values, dtype=dtype)})


@pytest.mark.parametrize("dtype", [tf.float32, tf.float64])
def test_relative_precision_in_both_tails(dtype):
    values = np.linspace(-80, 80, 321)
    y, _ = sigmoid_and_gradient(values, dtype)
    assert y.dtype == dtype
    np.testing.assert_allclose(y, exact_sigmoid(values), rtol=1e-6, atol=0)


@pytest.mark.parametrize("dtype", [tf.float32, tf.float64])
def test_log_of_sigmoid_far_left_is_about_x_and_its_gradient_is_not_zero(dtype):
    (at_minus_20, at_minus_10), (grad_at_minus_20, _) = sigmoid_and_gradient([-20, -10], dtype)
    assert np.log(at_minus_20) == pytest.approx(-20, rel=1e-6)
    assert at_minus_10 == pytest.approx(exact_sigmoid(-10), rel=1e-6)
    exact_grad = exact_sigmoid(-20) * exact_sigmoid(20)
    assert grad_at_minus_20 == pytest.approx(exact_grad, rel=1e-5)


@pytest.mark.parametrize("dtype", [tf.float32, tf.float64])
def test_huge_inputs_give_0_and_1_without_overflow(dtype):
    y, grad = sigmoid_and_gradient([-1e4, 1e4], dtype)
    np.testing.assert_array_equal(y, [0.0, 1.0])
    np.testing.assert_array_equal(grad, [0.0, 0.0])
