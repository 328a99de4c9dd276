"""Answers that get the numbers right without doing the exercise are refused,
and right answers written in an unexpected but honest way pass (issue 26).

Each hostile answer here was told "Correct!" once; each test failed before
the check learned to see through it."""
import sys

import numpy as np
from exercise_helpers import assert_correct, assert_rejected, load_solutions

import minidl as tf
from minidl.exercises import chapter05b, chapter09
from minidl.gradient_check import numerical_gradient

solutions05b = load_solutions("chapter05b")
solutions09 = load_solutions("chapter09")


# 1. Gradients asked for, gradients borrowed

class SoftplusBorrowingGradients(solutions05b.Softplus):
    def gradient(self, grad):
        x, = self.inputs
        return tf.gradients(tf.log(1 + tf.exp(x)), [x], grad_ys=[grad])


class LeakyReluBorrowingGradients(solutions09.LeakyRelu):
    def gradient(self, grad):
        x, = self.inputs
        return tf.gradients(tf.maximum(x, self.alpha * x), [x], grad_ys=[grad])


def test_a_softplus_gradient_borrowed_from_tf_gradients_is_refused():
    assert_rejected(chapter05b.check_softplus, SoftplusBorrowingGradients,
                    "Softplus.gradient calls `tf.gradients`", "the local rule")


def test_a_leaky_relu_gradient_borrowed_from_tf_gradients_is_refused():
    assert_rejected(chapter09.check_leaky_relu, LeakyReluBorrowingGradients,
                    "LeakyRelu.gradient calls `tf.gradients`", "the local rule")


# 2. The perceptron's gradient by finite differences

def cross_entropy_gradient_by_differences(X_data, Y_data, W_value, b_value, h=1e-5):
    def J(W, b):
        logits = X_data @ W + b
        logits = logits - logits.max(axis=1, keepdims=True)
        return -np.sum(Y_data * (logits - np.log(np.exp(logits).sum(axis=1, keepdims=True))))
    grads = []
    for array in (W_value, b_value):
        grad = np.zeros_like(array)
        for index in np.ndindex(array.shape):
            step = np.zeros_like(array)
            step[index] = h
            if array is W_value:
                grad[index] = (J(W_value + step, b_value) - J(W_value - step, b_value)) / (2 * h)
            else:
                grad[index] = (J(W_value, b_value + step) - J(W_value, b_value - step)) / (2 * h)
        grads.append(grad)
    return tuple(grads)


def test_a_cross_entropy_gradient_by_finite_differences_is_told_apart():
    assert_rejected(chapter05b.check_cross_entropy_gradient,
                    cross_entropy_gradient_by_differences,
                    "not exact: this looks like finite differences")


# 3. The backprop exercise itself

def my_gradients_from_the_library_helpers(ys, xs):
    from minidl.gradients import _leading_to_ys, _sent_to_inputs, _sum
    order = tf.traversal.topological_order([ys])
    on_path = _leading_to_ys(order, xs)
    pending, totals = {ys: [tf.ones_like(ys)]}, {}
    for node in reversed(order):
        if node in pending:
            totals[node] = _sum(pending.pop(node))
            for x, grad in zip(node.inputs, _sent_to_inputs(node, totals[node], on_path)):
                if grad is not None:
                    pending.setdefault(x, []).append(grad)
    return [totals.get(x) for x in xs]


def my_gradients_with_the_watch_off(ys, xs):
    sys.setprofile(None)
    return tf.gradients(ys, xs)


def my_gradients_with_the_watch_off_and_on(ys, xs):
    watch = sys.getprofile()
    sys.setprofile(None)
    grads = tf.gradients(ys, xs)
    sys.setprofile(watch)
    return grads


def my_gradients_by_differences(ys, xs):
    needed = tf.traversal.topological_order([ys])
    return [tf.constant(numerical_gradient(ys, x)) if x in needed else None for x in xs]


def test_my_gradients_built_from_the_library_private_helpers_is_refused():
    assert_rejected(chapter05b.check_my_gradients, my_gradients_from_the_library_helpers,
                    "calls `minidl.gradients._leading_to_ys`")


def test_my_gradients_that_switches_the_watch_off_is_refused():
    for answer in (my_gradients_with_the_watch_off, my_gradients_with_the_watch_off_and_on):
        assert_rejected(chapter05b.check_my_gradients, answer,
                        "switches off the check's watch")
        assert sys.getprofile() is None


def test_my_gradients_that_never_asks_the_operations_is_refused():
    assert_rejected(chapter05b.check_my_gradients, my_gradients_by_differences,
                    "never asked", "gradient methods")


def test_the_model_backprop_answers_still_pass(capsys):
    assert_correct(chapter05b.check_my_gradients, solutions05b.my_gradients, capsys)
    assert_correct(chapter05b.check_cross_entropy_gradient,
                   solutions05b.cross_entropy_gradient, capsys)
