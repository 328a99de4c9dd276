"""The gradient graph stays lean: nodes that static shapes prove unnecessary
are not built, and where shapes are only known when the graph runs, the
gradients still come out right for every size."""
import numpy as np
from gradcheck import check_gradients

import minidl as tf


def node_types():
    return [node.type for node in tf.get_default_graph().nodes]


def test_the_product_of_two_matrices_builds_no_unbroadcast():
    X = tf.placeholder(tf.float64, shape=(None, 3))
    W = tf.Variable(np.ones((3, 2)))
    tf.gradients(tf.reduce_sum(tf.matmul(X, W)), [X, W])
    assert "Unbroadcast" not in node_types()


def test_the_product_of_two_matrices_transposes_in_its_gradients_matmuls():
    X = tf.placeholder(tf.float64, shape=(None, 3))
    W = tf.Variable(np.ones((3, 2)))
    tf.gradients(tf.reduce_sum(tf.matmul(X, W)), [X, W])
    assert "MatrixTranspose" not in node_types()


def test_stacks_of_matrices_still_sum_what_broadcasting_stretched():
    rng = np.random.default_rng(0)
    check_gradients(tf.matmul, rng.normal(size=(1, 2, 3)), rng.normal(size=(4, 3, 5)))


def test_a_stack_of_unknown_size_gets_the_gradient_of_its_own_size():
    a = tf.placeholder(tf.float64, shape=(None, 2, 3))
    b = tf.placeholder(tf.float64, shape=(None, 3, 5))
    grad_a, grad_b = tf.gradients(tf.reduce_sum(tf.matmul(a, b)), [a, b])
    a_value = np.arange(6.0).reshape(1, 2, 3)
    b_value = np.arange(60.0).reshape(4, 3, 5)
    with tf.Session() as session:
        got_a, got_b = session.run([grad_a, grad_b], {a: a_value, b: b_value})
    ones = np.ones((2, 5))
    np.testing.assert_allclose(got_a, sum(ones @ b_value[k].T for k in range(4))[None])
    np.testing.assert_allclose(got_b, np.stack([a_value[0].T @ ones] * 4))


def test_a_scalar_loss_starts_backpropagation_from_a_constant():
    x = tf.Variable(3.0)
    grad, = tf.gradients(x * x, [x])
    assert "OnesLike" not in node_types()
    with tf.Session() as session:
        assert session.run(grad) == 6.0


def test_a_result_of_unknown_shape_starts_from_ones_of_the_shape_it_runs_with():
    x = tf.placeholder(tf.float64, shape=(None,))
    grad, = tf.gradients(x * x, [x])
    with tf.Session() as session:
        for value in ([1.0, 2.0, 3.0], [1.0, -1.0, 0.5, 4.0, 2.0]):
            np.testing.assert_allclose(session.run(grad, {x: value}), 2 * np.array(value))


def test_a_mean_over_axes_of_known_size_counts_them_when_the_graph_is_built():
    x = tf.placeholder(tf.float32, shape=(None, 4))
    grad, = tf.gradients(tf.reduce_sum(tf.reduce_mean(x, axis=1)), [x])
    assert "ReducedCount" not in node_types()
    with tf.Session() as session:
        value = session.run(grad, {x: np.ones((3, 4), dtype=np.float32)})
    assert value.dtype == np.float32
    np.testing.assert_allclose(value, np.full((3, 4), 0.25))


def test_a_mean_over_a_batch_of_unknown_size_counts_it_at_every_run():
    x = tf.placeholder(tf.float32, shape=(None, 4))
    grad, = tf.gradients(tf.reduce_mean(x), [x])
    with tf.Session() as session:
        for batch_size in (2, 5):
            value = session.run(grad, {x: np.ones((batch_size, 4), dtype=np.float32)})
            assert value.dtype == np.float32
            np.testing.assert_allclose(value, np.full((batch_size, 4), 1 / (4 * batch_size)))


def test_the_softmax_cross_entropy_gradient_reuses_the_log_softmax_of_the_loss():
    labels = tf.placeholder(tf.float64, shape=(None, 3))
    logits = tf.placeholder(tf.float64, shape=(None, 3))
    loss = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits_v2(labels=labels, logits=logits))
    tf.gradients(loss, [logits])
    assert node_types().count("LogSoftmax") == 1
    assert "Softmax" not in node_types()
