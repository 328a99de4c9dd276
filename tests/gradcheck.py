"""Shared helpers for the gradient tests: `check_gradients` checks what
`minidl.gradients` computes against central finite differences, so each
operation's test is one line.

    check_gradients(lambda x, y: x * y, np.ones((3, 4)), np.ones(4))
"""
import numpy as np

import minidl as tf
from minidl.gradient_check import numerical_gradient


def check_gradients(build_fn, *input_arrays, epsilon=1e-6, rtol=1e-5, atol=1e-6,
                    seed=0):
    """Assert that the gradients of `build_fn` agree with central differences.

    Each input array becomes a float64 variable of its exact shape, and
    `build_fn(*variables)` builds the node y under test. The loss is
    sum(y * weights) for fixed random weights, so every element of y counts
    differently (a plain sum would hide, say, softmax's gradient, which sums
    to zero). For each input x the check asserts that

      - the computed gradient has x's own shape (a broadcast bias gets a
        gradient of the bias's shape), and
      - every element agrees with (L(x + h) - L(x - h)) / 2h within
        atol + rtol * |numerical|, as in np.allclose.

    A None gradient (y does not depend on x) counts as zeros; NaN never
    agrees. On failure the message lists the first differing elements.
    """
    inputs = [np.array(array, dtype=np.float64) for array in input_arrays]
    with tf.Graph().as_default():
        variables = [tf.Variable(array, name=f"x{i}") for i, array in enumerate(inputs)]
        y = build_fn(*variables)
        with tf.Session() as sess:
            y_value = np.asarray(sess.run(y))
            weights = np.random.default_rng(seed).uniform(0.5, 1.5, y_value.shape)
            loss = tf.reduce_sum(y * tf.constant(weights))
            for variable, grad in zip(variables, tf.gradients(loss, variables)):
                grad = (np.zeros_like(variable.value) if grad is None
                        else np.asarray(sess.run(grad)))
                numerical = numerical_gradient(loss, variable, None, epsilon)
                _assert_close(variable.name, grad, numerical, rtol, atol)


def second_derivative(function):
    """The build function of d/dx sum(function(x)): checking its gradient checks
    the gradient of a gradient."""
    def gradient_of_function(x):
        return tf.gradients(tf.reduce_sum(function(x)), x)[0]
    return gradient_of_function


def _assert_close(name, computed, numerical, rtol, atol, shown=5):
    assert computed.shape == numerical.shape, (
        f"the gradient of {name} has shape {computed.shape}, but {name} has shape "
        f"{numerical.shape}")
    wrong = ~(np.abs(computed - numerical) <= atol + rtol * np.abs(numerical))
    if wrong.any():
        indices = [tuple(int(i) for i in index) for index in np.argwhere(wrong)[:shown]]
        lines = [f"  {name}{list(index)}: computed {computed[index]:.8g}, "
                 f"numerical {numerical[index]:.8g}" for index in indices]
        raise AssertionError(
            f"the gradient of {name} differs from finite differences at "
            f"{wrong.sum()} of {wrong.size} elements; the first:\n" + "\n".join(lines))
