"""The stable losses (built on log_softmax): values against the textbook NumPy formulas,
gradients against finite differences, and finite results for scores of +-1000."""
import numpy as np
import pytest
from gradcheck import check_gradients

import minidl as tf

RNG = np.random.default_rng(7)
LOGITS = RNG.normal(0, 2, (5, 3))
ONE_HOT = np.eye(3)[RNG.integers(0, 3, 5)]
SOFT_LABELS = RNG.dirichlet(np.ones(3), 5)
BINARY_LABELS = RNG.integers(0, 2, (5, 3)).astype(float)


def run(node):
    with tf.Session() as sess:
        return sess.run(node)


def naive_softmax(logits, axis=-1):
    return np.exp(logits) / np.sum(np.exp(logits), axis=axis, keepdims=True)


def naive_sigmoid(x):
    return 1 / (1 + np.exp(-x))


@pytest.mark.parametrize("labels", [ONE_HOT, SOFT_LABELS], ids=["one-hot", "soft"])
def test_softmax_cross_entropy_value_is_the_textbook_formula(labels):
    loss = tf.nn.softmax_cross_entropy_with_logits_v2(labels=labels, logits=LOGITS)
    expected = -np.sum(labels * np.log(naive_softmax(LOGITS)), axis=-1)
    assert loss.shape == (5,)
    np.testing.assert_allclose(run(loss), expected, rtol=1e-12)


def test_softmax_cross_entropy_along_axis_0():
    loss = tf.nn.softmax_cross_entropy_with_logits_v2(labels=ONE_HOT.T, logits=LOGITS.T, axis=0)
    expected = -np.sum(ONE_HOT.T * np.log(naive_softmax(LOGITS.T, axis=0)), axis=0)
    np.testing.assert_allclose(run(loss), expected, rtol=1e-12)


def test_sigmoid_cross_entropy_value_is_the_textbook_formula():
    loss = tf.nn.sigmoid_cross_entropy_with_logits(labels=BINARY_LABELS, logits=LOGITS)
    p = naive_sigmoid(LOGITS)
    expected = -BINARY_LABELS * np.log(p) - (1 - BINARY_LABELS) * np.log(1 - p)
    np.testing.assert_allclose(run(loss), expected, rtol=1e-12)


def test_log_softmax_value_is_the_log_of_softmax():
    np.testing.assert_allclose(run(tf.nn.log_softmax(LOGITS)), np.log(naive_softmax(LOGITS)),
                               rtol=1e-12)


@pytest.mark.parametrize("labels", [ONE_HOT, SOFT_LABELS, BINARY_LABELS],
                         ids=["one-hot", "soft", "not summing to 1"])
def test_softmax_cross_entropy_gradient_for_logits_and_labels(labels):
    check_gradients(lambda y, z: tf.nn.softmax_cross_entropy_with_logits_v2(labels=y, logits=z),
                    labels, LOGITS)


def test_softmax_cross_entropy_gradient_along_axis_0():
    check_gradients(
        lambda y, z: tf.nn.softmax_cross_entropy_with_logits_v2(labels=y, logits=z, axis=0),
        SOFT_LABELS.T, LOGITS.T)


def test_sigmoid_cross_entropy_gradient_for_logits_and_labels():
    check_gradients(lambda y, z: tf.nn.sigmoid_cross_entropy_with_logits(labels=y, logits=z),
                    BINARY_LABELS, LOGITS)


def test_mean_cross_entropy_of_a_linear_model_gradient():
    """The loss of the tutorial's models: mean(cross_entropy(softmax(X W + b)))."""
    X = RNG.normal(size=(5, 4))
    check_gradients(lambda W, b: tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits_v2(
        labels=ONE_HOT, logits=tf.matmul(X, W) + b)), RNG.normal(size=(4, 3)), RNG.normal(size=3))


def test_softmax_cross_entropy_second_derivative():
    """The Hessian of the loss with respect to the logits, one row at a time."""
    def gradient_of_loss(z):
        loss = tf.reduce_sum(tf.nn.softmax_cross_entropy_with_logits_v2(labels=ONE_HOT, logits=z))
        return tf.gradients(loss, z)[0]
    check_gradients(gradient_of_loss, LOGITS)


HUGE = np.array([[1000.0, -1000.0, 0.0], [-1000.0, 1000.0, 999.0]])
HUGE_LABELS = np.array([[0.0, 1.0, 0.0], [1.0, 0.0, 0.0]])


def test_softmax_cross_entropy_of_scores_of_1000_is_finite_and_exact():
    logits = tf.constant(HUGE)
    loss = tf.nn.softmax_cross_entropy_with_logits_v2(labels=HUGE_LABELS, logits=logits)
    grad, = tf.gradients(tf.reduce_sum(loss), logits)
    loss_value, grad_value = run([loss, grad])
    # Row 1: -log softmax of -1000 against 1000 is 2000. Row 2: against 1000 and
    # 999 it is 2000 + log(1 + e**-1).
    np.testing.assert_allclose(loss_value, [2000.0, 2000.0 + np.log1p(np.exp(-1.0))])
    softmax_row_2 = np.array([0.0, 1.0, np.exp(-1.0)]) / (1 + np.exp(-1.0))
    np.testing.assert_allclose(grad_value, [[1.0, -1.0, 0.0], softmax_row_2 - HUGE_LABELS[1]],
                               atol=1e-12)


def test_sigmoid_cross_entropy_of_scores_of_1000_is_finite_and_exact():
    logits = tf.constant([1000.0, -1000.0, 1000.0, -1000.0])
    labels = np.array([0.0, 1.0, 1.0, 0.0])
    loss = tf.nn.sigmoid_cross_entropy_with_logits(labels=labels, logits=logits)
    grad, = tf.gradients(tf.reduce_sum(loss), logits)
    loss_value, grad_value = run([loss, grad])
    np.testing.assert_allclose(loss_value, [1000.0, 1000.0, 0.0, 0.0], atol=1e-12)
    np.testing.assert_allclose(grad_value, [1.0, -1.0, 0.0, 0.0], atol=1e-12)


def test_softmax_and_log_softmax_of_scores_of_1000_are_finite():
    logits = tf.constant(HUGE)
    probabilities, log_probabilities = run([tf.nn.softmax(logits), tf.nn.log_softmax(logits)])
    np.testing.assert_allclose(probabilities[0], [1.0, 0.0, 0.0])
    np.testing.assert_allclose(log_probabilities[0], [0.0, -2000.0, -1000.0])
    grads = run(tf.gradients(tf.reduce_sum(tf.nn.log_softmax(logits) * HUGE_LABELS), logits))
    assert np.all(np.isfinite(grads[0]))


def test_the_naive_loss_overflows_where_the_stable_one_does_not():
    """The tutorial's log(softmax(z)) is log(0) = -inf for a score far below
    the others (and 0 * -inf = NaN): the reason the stable loss exists."""
    logits = tf.constant(HUGE)
    naive = -tf.reduce_sum(HUGE_LABELS * tf.log(tf.nn.softmax(logits)), axis=1)
    stable = tf.nn.softmax_cross_entropy_with_logits_v2(labels=HUGE_LABELS, logits=logits)
    with np.errstate(divide="ignore", invalid="ignore"):
        naive_value, stable_value = run([naive, stable])
    assert not np.any(np.isfinite(naive_value)) and np.all(np.isfinite(stable_value))


def test_labels_and_logits_of_different_shapes_are_an_error_naming_both():
    with pytest.raises(ValueError, match=r"labels of shape \(5, 2\) do not match logits of "
                                         r"shape \(5, 3\)"):
        tf.nn.softmax_cross_entropy_with_logits_v2(labels=np.zeros((5, 2)), logits=LOGITS)
    with pytest.raises(ValueError, match=r"labels of shape \(3,\) do not match logits of "
                                         r"shape \(5, 3\)"):
        tf.nn.sigmoid_cross_entropy_with_logits(labels=np.zeros(3), logits=LOGITS)


def test_l2_loss_is_half_the_sum_of_squares_as_a_scalar_of_the_same_dtype():
    loss = tf.nn.l2_loss(tf.constant(LOGITS.astype(np.float32)))
    assert loss.shape == () and loss.dtype == np.float32
    np.testing.assert_allclose(run(loss), np.sum(LOGITS ** 2) / 2, rtol=1e-6)


def test_l2_loss_gradient():
    check_gradients(tf.nn.l2_loss, LOGITS)
