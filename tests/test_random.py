"""Random numbers in a graph: `tf.set_random_seed` and op seeds fix them as
TensorFlow 1 does, and `tf.nn.dropout` keeps, scales and back-propagates as
TensorFlow 1's does."""
import numpy as np
import pytest

import minidl as tf


def dropout_values(graph_seed, op_seed, num_runs=2, shape=(4, 50), build_before=0):
    """The values of dropout(ones) over `num_runs` runs of a fresh graph."""
    with tf.Graph().as_default():
        tf.set_random_seed(graph_seed)
        for _ in range(build_before):
            tf.constant(0.0)
        y = tf.nn.dropout(np.ones(shape), rate=0.5, seed=op_seed)
        with tf.Session() as session:
            return [session.run(y) for _ in range(num_runs)]


def test_set_random_seed_seeds_the_default_graph_only_and_a_fresh_graph_has_no_seed():
    with tf.Graph().as_default() as graph:
        assert tf.get_seed(None) == (None, None)
        tf.set_random_seed(7)
        assert tf.get_seed(None) == (7, 0)
        with tf.Graph().as_default():
            assert tf.get_seed(None) == (None, None)
        assert tf.get_seed(3, graph) == (7, 3)
    tf.reset_default_graph()
    assert tf.get_seed(None) == (None, None)


def test_get_seed_follows_tensorflow_1s_rules():
    with tf.Graph().as_default():
        assert tf.get_seed(5) == (tf.random_seed.DEFAULT_GRAPH_SEED, 5)
        tf.set_random_seed(7)
        assert tf.get_seed(5) == (7, 5)
        tf.constant(1.0)
        tf.constant(2.0)
        assert tf.get_seed(None) == (7, 2)


def test_graph_seed_alone_fixes_the_masks_of_a_graph_built_the_same_way():
    first, second = dropout_values(3, None), dropout_values(3, None)
    np.testing.assert_array_equal(first, second)
    assert not np.array_equal(first, dropout_values(4, None))
    assert not np.array_equal(first, dropout_values(3, None, build_before=1))


def test_op_seed_alone_fixes_the_masks_and_both_seeds_count():
    np.testing.assert_array_equal(dropout_values(None, 9), dropout_values(None, 9))
    assert not np.array_equal(dropout_values(None, 9), dropout_values(None, 10))
    assert not np.array_equal(dropout_values(1, 9), dropout_values(2, 9))
    np.testing.assert_array_equal(dropout_values(1, 9, build_before=3),
                                  dropout_values(1, 9))


def test_without_any_seed_masks_differ_between_graphs():
    assert not np.array_equal(dropout_values(None, None), dropout_values(None, None))


def test_each_run_draws_a_new_mask():
    first_run, second_run = dropout_values(0, 1)
    assert not np.array_equal(first_run, second_run)


def test_dropout_scales_kept_units_by_one_over_keep_probability_and_zeroes_the_rest():
    x = np.random.default_rng(0).uniform(1, 2, (20, 30))
    with tf.Graph().as_default():
        y = tf.nn.dropout(x, rate=0.75, seed=0)
        with tf.Session() as session:
            y_value = session.run(y)
    kept = y_value != 0
    np.testing.assert_allclose(y_value[kept], x[kept] * 4)
    assert 0 < kept.sum() < kept.size


def test_dropout_keeps_about_one_minus_rate_of_the_units():
    for rate in (0.1, 0.5, 0.9):
        with tf.Graph().as_default():
            y = tf.nn.dropout(np.ones(100_000), rate=rate, seed=1)
            with tf.Session() as session:
                fraction_kept = np.mean(session.run(y) != 0)
        # Binomial standard deviation sqrt(p (1 - p) / n) <= 0.0016: 4 of them.
        assert abs(fraction_kept - (1 - rate)) < 0.0064, (rate, fraction_kept)


def test_keep_prob_is_one_minus_rate():
    with tf.Graph().as_default():
        y_rate = tf.nn.dropout(np.ones(1000), rate=0.3, seed=2)
    with tf.Graph().as_default():
        y_keep = tf.nn.dropout(np.ones(1000), 0.7, seed=2)
    with tf.Session(y_rate.graph) as session:
        by_rate = session.run(y_rate)
    with tf.Session(y_keep.graph) as session:
        by_keep_prob = session.run(y_keep)
    np.testing.assert_allclose(by_rate, by_keep_prob)


def test_a_rate_placeholder_fed_zero_leaves_x_unchanged_and_keeps_its_dtype():
    x = np.arange(12, dtype=np.float32).reshape(3, 4)
    with tf.Graph().as_default():
        X = tf.placeholder(tf.float32, shape=(None, 4))
        rate = tf.placeholder(tf.float64, shape=())
        y = tf.nn.dropout(X, rate=rate, seed=0)
        assert y.dtype == np.float32 and y.shape == (None, 4)
        with tf.Session() as session:
            evaluated = session.run(y, {X: x, rate: 0.0})
            trained = session.run(y, {X: x, rate: 0.5})
    assert evaluated.dtype == np.float32
    np.testing.assert_array_equal(evaluated, x)
    assert set(np.unique(trained / np.where(x == 0, 1, x))) <= {0.0, 2.0}


def dropout_loss_and_gradient(x, weights):
    """y = dropout(x), J = sum(weights * y) and dJ/dx, all from the first run
    of a freshly seeded graph, so every call draws the same mask."""
    with tf.Graph().as_default():
        tf.set_random_seed(0)
        X = tf.placeholder(tf.float64, shape=x.shape)
        y = tf.nn.dropout(X, rate=0.4)
        J = tf.reduce_sum(tf.constant(weights) * y)
        grad, = tf.gradients(J, [X])
        with tf.Session() as session:
            return session.run([y, J, grad], {X: x})


def test_dropout_gradient_matches_finite_differences_and_flows_through_kept_units_only():
    rng = np.random.default_rng(3)
    x, weights = rng.uniform(1, 2, (3, 5)), rng.uniform(0.5, 1.5, (3, 5))
    y, _, grad = dropout_loss_and_gradient(x, weights)
    epsilon = 1e-6
    numerical = np.zeros_like(x)
    for index in np.ndindex(*x.shape):
        step = np.zeros_like(x)
        step[index] = epsilon
        numerical[index] = (dropout_loss_and_gradient(x + step, weights)[1]
                            - dropout_loss_and_gradient(x - step, weights)[1]) / (2 * epsilon)
    np.testing.assert_allclose(grad, numerical, rtol=1e-6, atol=1e-8)
    kept = y != 0
    assert 0 < kept.sum() < kept.size
    np.testing.assert_array_equal(grad != 0, kept)
    np.testing.assert_allclose(grad[kept], weights[kept] / 0.6)


def test_one_run_uses_one_mask_for_the_value_and_the_gradient():
    x = np.ones((10, 10))
    with tf.Graph().as_default():
        X = tf.placeholder(tf.float64, shape=x.shape)
        y = tf.nn.dropout(X, rate=0.5, seed=4)
        grad, = tf.gradients(tf.reduce_sum(y), [X])
        with tf.Session() as session:
            for _ in range(3):
                y_value, grad_value = session.run([y, grad], {X: x})
                np.testing.assert_array_equal(y_value, grad_value)


@pytest.mark.parametrize("arguments, message", [
    ({}, "exactly one of rate="),
    ({"rate": 0.5, "keep_prob": 0.5}, "exactly one of rate="),
    ({"rate": 1.0}, "must lie in \\[0, 1\\), got 1.0"),
    ({"keep_prob": 1.5}, "must lie in \\[0, 1\\), got -0.5"),
])
def test_dropout_rejects_a_missing_or_impossible_rate_and_builds_nothing(arguments, message):
    with tf.Graph().as_default() as graph:
        x = tf.placeholder(tf.float64)
        with pytest.raises(ValueError, match=message):
            tf.nn.dropout(x, **arguments)
        assert graph.nodes == [x]
