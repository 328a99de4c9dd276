"""The exercise checks of chapters 10 and 11 accept the model answers in
solutions/, reject typical wrong answers, library shortcuts and answers of the
wrong type with an explanation, and report an unfinished stub (one that
returns None) without failing."""
import numpy as np
import pytest
from exercise_helpers import assert_correct, assert_not_yet, assert_rejected, load_solutions

import minidl as tf
from minidl.exercises import chapter10, chapter11

# Chapter 10

solutions10 = load_solutions("chapter10")


def test_chapter10_solutions_pass(capsys):
    assert_correct(chapter10.check_l2_penalty, solutions10.l2_penalty, capsys)
    assert_correct(chapter10.check_dropout_mask, solutions10.dropout_mask, capsys)
    assert_correct(chapter10.check_early_stopping, solutions10.early_stopping, capsys)


def test_chapter10_stubs_are_reported_as_unfinished(capsys):
    assert_not_yet(chapter10.check_l2_penalty, lambda weights, weight_decay: None, capsys)
    assert_not_yet(chapter10.check_dropout_mask, lambda shape, rate, rng: None, capsys)
    assert_not_yet(chapter10.check_early_stopping, lambda losses, patience: None, capsys)


def test_chapter10_l2_penalty_with_the_library_shortcut_is_refused():
    def shortcut(weights, weight_decay):
        return weight_decay * tf.add_n([tf.nn.l2_loss(W) for W in weights])
    assert_rejected(chapter10.check_l2_penalty, shortcut, "without tf.nn.l2_loss")


def test_chapter10_l2_penalty_computed_in_numpy_is_refused():
    def numpy_penalty(weights, weight_decay):
        return weight_decay * sum(np.sum(W.value ** 2) for W in weights) / 2
    assert_rejected(chapter10.check_l2_penalty, numpy_penalty, "should be a minidl node")


def test_chapter10_l2_penalty_without_the_half_is_rejected():
    def no_half(weights, weight_decay):
        return weight_decay * tf.add_n([tf.reduce_sum(tf.square(W)) for W in weights])
    assert_rejected(chapter10.check_l2_penalty, no_half, "twice the answer", "factor 1/2")


def test_chapter10_l2_penalty_of_the_first_matrix_only_is_rejected():
    def first_only(weights, weight_decay):
        return weight_decay * tf.reduce_sum(tf.square(weights[0])) / 2
    assert_rejected(chapter10.check_l2_penalty, first_only, "Only the first matrix counts")


def test_chapter10_dropout_mask_without_scaling_is_rejected():
    def unscaled(shape, rate, rng):
        return (rng.random(shape) >= rate).astype(float)
    assert_rejected(chapter10.check_dropout_mask, unscaled, "scale them by 1 / (1 - rate)")


def test_chapter10_dropout_mask_keeping_with_probability_rate_is_rejected():
    def inverted(shape, rate, rng):
        return (rng.random(shape) < rate) / (1 - rate)
    assert_rejected(chapter10.check_dropout_mask, inverted, "probability of *dropping*")


def test_chapter10_dropout_mask_built_with_tf_nn_dropout_is_refused():
    def shortcut(shape, rate, rng):
        return tf.nn.dropout(np.ones(shape), rate=rate)
    assert_rejected(chapter10.check_dropout_mask, shortcut, "not a minidl node",
                    "without tf.nn.dropout")


def test_chapter10_early_stopping_that_sees_the_future_is_rejected():
    def global_best(losses, patience):
        return int(np.argmin(losses))
    assert_rejected(chapter10.check_early_stopping, global_best, "never saw it")


def test_chapter10_early_stopping_returning_the_stop_step_is_rejected():
    def stop_step(losses, patience):
        best = 0
        for step, loss in enumerate(losses):
            best = step if loss < losses[best] else best
            if step - best == patience:
                return step
        return len(losses) - 1
    assert_rejected(chapter10.check_early_stopping, stop_step, "is where training stops")


def test_chapter10_early_stopping_returning_a_loss_is_refused():
    assert_rejected(chapter10.check_early_stopping, lambda losses, patience: min(losses),
                    "should return a step number, an int")


# Chapter 11

solutions11 = load_solutions("chapter11")


@pytest.mark.plain_session_only  # its planted log(0) is what an optimizer rewrites away
def test_chapter11_solutions_pass(capsys):
    assert_correct(chapter11.check_expected_initial_loss, solutions11.expected_initial_loss,
                   capsys)
    assert_correct(chapter11.check_glorot_uniform, solutions11.glorot_uniform, capsys)
    assert_correct(chapter11.check_dead_units, solutions11.dead_units, capsys)
    assert_correct(chapter11.check_first_nonfinite, solutions11.first_nonfinite, capsys)


def test_chapter11_stubs_are_reported_as_unfinished(capsys):
    assert_not_yet(chapter11.check_expected_initial_loss, lambda counts: None, capsys)
    assert_not_yet(chapter11.check_glorot_uniform, lambda fan_in, fan_out, rng: None, capsys)
    assert_not_yet(chapter11.check_dead_units, lambda activations: None, capsys)
    assert_not_yet(chapter11.check_first_nonfinite, lambda loss, feed_dict: None, capsys)


def test_chapter11_initial_loss_ln_c_for_unbalanced_classes_is_rejected():
    assert_rejected(chapter11.check_expected_initial_loss, lambda counts: np.log(len(counts)),
                    "right for balanced classes only")


def test_chapter11_initial_loss_in_base_10_is_rejected():
    def base_10(counts):
        shares = np.asarray(counts) / np.sum(counts)
        return -np.sum(shares * np.log10(shares))
    assert_rejected(chapter11.check_expected_initial_loss, base_10, "natural logarithm")


def test_chapter11_initial_loss_as_a_node_is_refused():
    def as_node(counts):
        shares = np.asarray(counts) / np.sum(counts)
        return -tf.reduce_sum(shares * tf.log(tf.constant(shares)))
    assert_rejected(chapter11.check_expected_initial_loss, as_node, "not a minidl node")


def test_chapter11_glorot_with_fan_in_only_is_rejected():
    def fan_in_only(fan_in, fan_out, rng):
        limit = np.sqrt(6 / fan_in)
        return rng.uniform(-limit, limit, (fan_in, fan_out))
    assert_rejected(chapter11.check_glorot_uniform, fan_in_only, "uses fan_in only")


def test_chapter11_glorot_with_the_standard_deviation_as_limit_is_rejected():
    def std_as_limit(fan_in, fan_out, rng):
        limit = np.sqrt(2 / (fan_in + fan_out))
        return rng.uniform(-limit, limit, (fan_in, fan_out))
    assert_rejected(chapter11.check_glorot_uniform, std_as_limit, "a / sqrt(3)")


def test_chapter11_glorot_from_the_library_initializer_is_refused():
    def shortcut(fan_in, fan_out, rng):
        return tf.glorot_uniform_initializer(seed=1)((fan_in, fan_out), tf.float64)
    assert_rejected(chapter11.check_glorot_uniform, shortcut, "use the rng you are given")


def test_chapter11_dead_units_counting_zero_entries_is_rejected():
    assert_rejected(chapter11.check_dead_units, lambda activations: np.mean(activations == 0),
                    "share of zero *entries*")


def test_chapter11_dead_units_along_the_rows_is_rejected():
    def rows(activations):
        return np.mean(np.all(activations == 0, axis=1))
    assert_rejected(chapter11.check_dead_units, rows, "units are the columns")


def test_chapter11_dead_units_as_a_node_is_refused():
    assert_rejected(chapter11.check_dead_units, lambda activations: tf.constant(0.3),
                    "not a minidl node")


def test_chapter11_first_nonfinite_naming_the_loss_is_rejected():
    assert_rejected(chapter11.check_first_nonfinite, lambda loss, feed_dict: loss.name,
                    "is the loss, where the NaN ends up")


@pytest.mark.plain_session_only  # its planted log(0) is what an optimizer rewrites away
def test_chapter11_first_nonfinite_looking_for_nan_only_is_rejected():
    def nan_only(loss, feed_dict):
        order = tf.traversal.topological_order([loss])
        with tf.Session() as session, np.errstate(all="ignore"):
            values = session.run(order, feed_dict)
        return next((node.name for node, value in zip(order, values)
                     if np.any(np.isnan(value))), None)
    assert_rejected(chapter11.check_first_nonfinite, nan_only, "An infinity counts too")


def test_chapter11_first_nonfinite_returning_the_node_is_refused():
    def the_node(loss, feed_dict):
        return tf.traversal.topological_order([loss])[-1]
    assert_rejected(chapter11.check_first_nonfinite, the_node, "not the node itself")


def test_chapter11_first_nonfinite_through_check_numerics_is_refused():
    def shortcut(loss, feed_dict):
        try:
            tf.Session(check_numerics=True).run(loss, feed_dict)
        except FloatingPointError as error:
            return str(error).split("'")[1]
        return None
    assert_rejected(chapter11.check_first_nonfinite, shortcut,
                    "calls `tf.Session(check_numerics=True)`")
