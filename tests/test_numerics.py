"""Session(check_numerics=True): a run stops at the first operation whose value
holds NaN or infinity, and the error names that operation and its inputs."""
import numpy as np
import pytest

import minidl as tf


def test_log_of_zero_is_named_with_its_input():
    x = tf.placeholder(tf.float64, (3,), name="x")
    y = tf.reduce_sum(tf.log(x, name="log_p") * 2.0)
    with tf.Session(check_numerics=True) as sess, np.errstate(divide="ignore"):
        with pytest.raises(FloatingPointError) as error:
            sess.run(y, {x: [1.0, 0.0, 2.0]})
    message = str(error.value)
    assert message.startswith("Log 'log_p' produced NaN or infinity")
    assert "'x' (shape (3,), float64) min 0 max 2" in message


def test_the_first_bad_operation_is_blamed_not_the_ones_after_it():
    x = tf.placeholder(tf.float64, (2,), name="x")
    big = tf.exp(x, name="exp_overflows")
    y = tf.reduce_sum(big / big)
    with tf.Session(check_numerics=True) as sess, np.errstate(over="ignore", invalid="ignore"):
        with pytest.raises(FloatingPointError, match=r"^Exp 'exp_overflows'"):
            sess.run(y, {x: [1.0, 1000.0]})


def test_a_nan_in_a_gradient_is_caught_in_the_backward_pass():
    x = tf.placeholder(tf.float64, (2,), name="x")
    grad, = tf.gradients(tf.reduce_sum(tf.sqrt(x)), x)
    with tf.Session(check_numerics=True) as sess, np.errstate(divide="ignore"):
        assert np.all(np.isfinite(sess.run(grad, {x: [1.0, 4.0]})))
        with pytest.raises(FloatingPointError, match=r"^Divide '"):
            sess.run(grad, {x: [0.0, 4.0]})


def test_finite_values_pass_and_integers_are_not_checked():
    x = tf.placeholder(tf.float64, (3,))
    with tf.Session(check_numerics=True) as sess:
        value, index = sess.run([tf.log(x), tf.argmax(x)], {x: [1.0, 2.0, 3.0]})
    np.testing.assert_allclose(value, np.log([1.0, 2.0, 3.0]))
    assert index == 2


def test_without_check_numerics_the_infinity_comes_back():
    x = tf.placeholder(tf.float64, (2,))
    with tf.Session() as sess, np.errstate(divide="ignore"):
        assert sess.run(tf.log(x), {x: [0.0, 1.0]})[0] == -np.inf


def test_an_update_that_would_write_nan_stops_the_step_and_changes_nothing():
    """Adam with epsilon=0 and a zero gradient computes 0 / 0 for its step."""
    W = tf.Variable([1.0, 2.0], name="W")
    step = tf.train.AdamOptimizer(0.1, epsilon=0.0).minimize(tf.reduce_sum(W * 0.0))
    slots = tf.global_variables()[1:]
    before = [variable.value.copy() for variable in tf.global_variables()]
    with tf.Session(check_numerics=True) as sess, pytest.raises(
            FloatingPointError, match=r"^ApplyGradients 'Adam' produced NaN or infinity for "
                                      r"variable 'W'"):
        sess.run(step)
    assert len(slots) == 3
    for variable, value in zip(tf.global_variables(), before):
        np.testing.assert_array_equal(variable.value, value)


def test_an_update_that_would_overflow_stops_the_step():
    W = tf.Variable([1.0, 2.0], name="W")
    step = tf.train.GradientDescentOptimizer(1e308).minimize(tf.reduce_sum(W * W))
    with tf.Session(check_numerics=True) as sess, np.errstate(over="ignore"):
        with pytest.raises(FloatingPointError, match=r"variable 'W'"):
            sess.run(step)
    np.testing.assert_array_equal(W.value, [1.0, 2.0])


def test_an_empty_input_is_described_as_empty_in_the_report():
    x = tf.placeholder(tf.float64, (None,), name="x")
    mean = tf.reduce_mean(x, name="mean")
    with tf.Session(check_numerics=True) as sess:
        with pytest.raises(FloatingPointError) as error:
            sess.run(mean, {x: np.zeros(0)})
    assert str(error.value) == ("ReduceMean 'mean' produced NaN or infinity from inputs: "
                                "'x' (shape (0,), float64) empty")
