"""Training end to end: the tutorial code's failure cases as regression tests,
steps that apply all their updates together or none, and two small models
(the red/blue perceptron and an XOR network) trained to 100% accuracy."""
import numpy as np
import pytest

import minidl as tf

SEED = 0


def test_a_consumer_off_the_path_to_the_loss_does_not_break_the_step():
    """The tutorial's backprop asked every consumer of a node for its gradient,
    so an accuracy op next to the loss broke training."""
    x = tf.placeholder(tf.float64, (None, 2))
    labels = tf.placeholder(tf.float64, (None, 2))
    W = tf.Variable([[1.0, -1.0], [0.5, 0.25]])
    probabilities = tf.nn.softmax(tf.matmul(x, W))
    tf.reduce_mean(tf.cast(tf.equal(tf.argmax(probabilities, 1), tf.argmax(labels, 1)),
                           tf.float64))
    loss = -tf.reduce_sum(labels * tf.log(probabilities))
    step = tf.train.GradientDescentOptimizer(0.1).minimize(loss)
    x_value, labels_value = np.array([[1.0, 2.0], [-1.0, 0.5]]), np.eye(2)
    scores = x_value @ W.value
    p = np.exp(scores) / np.exp(scores).sum(axis=1, keepdims=True)
    expected = W.value - 0.1 * x_value.T @ (p - labels_value)
    with tf.Session() as sess:
        sess.run(step, {x: x_value, labels: labels_value})
        np.testing.assert_allclose(sess.run(W), expected, rtol=1e-12)


def test_a_variable_used_twice_by_one_op_gets_both_gradients():
    W = tf.Variable([[1.0, -2.0], [3.0, 0.5]])
    step = tf.train.GradientDescentOptimizer(0.1).minimize(tf.reduce_sum(W * W))
    with tf.Session() as sess:
        sess.run(step)
        np.testing.assert_allclose(sess.run(W), [[0.8, -1.6], [2.4, 0.4]], rtol=1e-12)


def test_a_training_step_uses_the_feed_of_its_own_run():
    """The minimize op runs first and alone, with a feed: it must compute its
    gradients from that feed, and from the new feed the next time."""
    x = tf.placeholder(tf.float64, (3,))
    w = tf.Variable(0.5)
    step = tf.train.GradientDescentOptimizer(0.01).minimize(tf.reduce_sum(tf.square(x * w - 1)))
    with tf.Session() as sess:
        for x_value in (np.array([1.0, 2.0, 3.0]), np.array([-4.0, 0.0, 2.0])):
            before = sess.run(w)
            sess.run(step, {x: x_value})
            hand_gradient = np.sum(2 * (x_value * before - 1) * x_value)
            assert sess.run(w) == pytest.approx(before - 0.01 * hand_gradient, rel=1e-12)


def test_a_training_op_in_a_fetch_list_gives_none_and_the_loss_is_from_before_the_step():
    w = tf.Variable(3.0)
    loss = tf.square(w)
    step = tf.train.GradientDescentOptimizer(0.25).minimize(loss)
    with tf.Session() as sess:
        assert sess.run([step, loss]) == [None, 9.0]
        assert sess.run({"w": w, "step": step}) == {"w": 1.5, "step": None}
        assert sess.run(w) == 0.75


def test_every_update_of_a_step_uses_the_values_from_before_the_step():
    """loss = (a b - 1)**2: each gradient needs the other variable's value,
    and both must see the old one."""
    a, b = tf.Variable(2.0), tf.Variable(3.0)
    step = tf.train.GradientDescentOptimizer(0.01).minimize(tf.square(a * b - 1))
    with tf.Session() as sess:
        sess.run(step)
        residual = 2.0 * 3.0 - 1
        assert sess.run(a) == pytest.approx(2.0 - 0.01 * 2 * residual * 3.0, rel=1e-12)
        assert sess.run(b) == pytest.approx(3.0 - 0.01 * 2 * residual * 2.0, rel=1e-12)


def test_assignments_in_one_run_read_the_values_from_before_the_run():
    a, b = tf.Variable(1.0), tf.Variable(10.0)
    with tf.Session() as sess:
        sess.run([a.assign(b), b.assign(a)])
        assert sess.run([a, b]) == [10.0, 1.0]


def snapshot():
    return {variable.name: variable.value.copy() for variable in tf.global_variables()}


def assert_unchanged(before):
    for name, value in snapshot().items():
        np.testing.assert_array_equal(value, before[name], err_msg=name)


def test_a_step_that_fails_on_a_bad_feed_shape_changes_no_variable():
    """The input's shape is known only when it runs, so the step fails in the
    middle, at the matmul; Momentum's slots must not move either."""
    x = tf.placeholder(tf.float64)
    W = tf.Variable([[1.0], [2.0]], name="W")
    step = tf.train.MomentumOptimizer(0.01, 0.9).minimize(
        tf.reduce_sum(tf.square(tf.matmul(x, W))))
    with tf.Session() as sess:
        sess.run(step, {x: [[1.0, 1.0]]})
        sess.run(step, {x: [[1.0, 1.0]]})
        before = snapshot()
        with pytest.raises(ValueError, match="MatMul"):
            sess.run(step, {x: [[1.0, 1.0, 1.0]]})
    assert_unchanged(before)


def test_a_step_fed_a_value_against_the_placeholders_shape_changes_no_variable():
    x = tf.placeholder(tf.float64, (None, 2), name="x")
    W = tf.Variable([[1.0], [2.0]], name="W")
    step = tf.train.AdamOptimizer(0.1).minimize(tf.reduce_sum(tf.matmul(x, W)))
    with tf.Session() as sess:
        sess.run(step, {x: [[1.0, 1.0]]})
        before = snapshot()
        with pytest.raises(ValueError, match=r"placeholder 'x' has shape \(None, 2\)"):
            sess.run(step, {x: [[1.0, 1.0, 1.0]]})
    assert_unchanged(before)


def test_a_step_stopped_by_check_numerics_changes_no_variable():
    x = tf.placeholder(tf.float64, (2,))
    w = tf.Variable([1.0, 1.0], name="w")
    step = tf.train.AdamOptimizer(0.1).minimize(-tf.reduce_sum(tf.log(x * w)))
    with tf.Session(check_numerics=True) as sess, np.errstate(divide="ignore"):
        sess.run(step, {x: [1.0, 2.0]})
        before = snapshot()
        with pytest.raises(FloatingPointError, match="Log"):
            sess.run(step, {x: [0.0, 2.0]})
    assert_unchanged(before)


def test_a_run_whose_last_assignment_fails_applies_none_of_them():
    a, b = tf.Variable(1.0, name="a"), tf.Variable([1.0, 2.0], name="b")
    value = tf.placeholder(tf.float64)
    with tf.Session() as sess:
        with pytest.raises(ValueError, match="variable 'b'"):
            sess.run([a.assign(5.0), b.assign(value)], {value: [1.0, 2.0, 3.0]})
        assert sess.run(a) == 1.0


def blobs(rng, points_per_class=50):
    """Red points around (-2, -2), blue around (2, 2): labels 0 and 1."""
    red = rng.normal(-2, 1, (points_per_class, 2))
    blue = rng.normal(2, 1, (points_per_class, 2))
    return np.concatenate([red, blue]), np.repeat([0, 1], points_per_class)


def train_classifier(logits, x, X, y, optimizer, steps):
    """Train softmax + cross-entropy on (X, y); return the first and last loss
    and the training accuracy."""
    labels = tf.placeholder(tf.float64, (None, 2))
    loss = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits_v2(labels=labels,
                                                                     logits=logits))
    step = optimizer.minimize(loss)
    predictions = tf.argmax(logits, 1)
    feed = {x: X, labels: np.eye(2)[y]}
    with tf.Session() as sess:
        first_loss = sess.run(loss, feed)
        for _ in range(steps):
            sess.run(step, feed)
        last_loss, predicted = sess.run([loss, predictions], feed)
    return first_loss, last_loss, np.mean(predicted == y)


def test_the_red_blue_perceptron_separates_two_blobs():
    rng = np.random.default_rng(SEED)
    X, y = blobs(rng)
    x = tf.placeholder(tf.float64, (None, 2))
    W = tf.Variable(np.zeros((2, 2)))
    b = tf.Variable(np.zeros(2))
    first_loss, last_loss, accuracy = train_classifier(
        tf.matmul(x, W) + b, x, X, y, tf.train.GradientDescentOptimizer(0.1), steps=100)
    assert first_loss == pytest.approx(np.log(2))
    assert last_loss < 0.05
    assert accuracy == 1.0


def test_a_multilayer_perceptron_learns_xor():
    rng = np.random.default_rng(SEED)
    X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    y = np.array([0, 1, 1, 0])
    x = tf.placeholder(tf.float64, (None, 2))
    W1 = tf.Variable(rng.normal(0, 1, (2, 8)))
    b1 = tf.Variable(np.zeros(8))
    W2 = tf.Variable(rng.normal(0, 1, (8, 2)))
    b2 = tf.Variable(np.zeros(2))
    hidden = tf.tanh(tf.matmul(x, W1) + b1)
    first_loss, last_loss, accuracy = train_classifier(
        tf.matmul(hidden, W2) + b2, x, X, y, tf.train.GradientDescentOptimizer(0.5), steps=300)
    assert last_loss < 0.05 < first_loss
    assert accuracy == 1.0


@pytest.mark.plain_session_only  # an optimized step writes into W.value (test_optimize.py)
def test_a_step_gives_a_variable_a_new_array_and_fetched_values_do_not_move():
    """The optimizer rebinds the variable to value + update; what a run
    returned before (the variable, a view of it, its value in the training
    run) keeps the value it had."""
    W = tf.Variable([[1.0, 2.0], [3.0, 4.0]])
    step = tf.train.GradientDescentOptimizer(0.5).minimize(tf.reduce_sum(W))
    array = W.value
    with tf.Session() as sess:
        fetched, transposed, row = sess.run([W, tf.transpose(W), tf.reshape(W, (4,))])
        during_step, _ = sess.run([W, step])
        sess.run(step)
    np.testing.assert_array_equal(W.value, [[0.0, 1.0], [2.0, 3.0]])
    np.testing.assert_array_equal(array, [[1.0, 2.0], [3.0, 4.0]])
    np.testing.assert_array_equal(fetched, [[1.0, 2.0], [3.0, 4.0]])
    np.testing.assert_array_equal(transposed, [[1.0, 3.0], [2.0, 4.0]])
    np.testing.assert_array_equal(row, [1.0, 2.0, 3.0, 4.0])
    np.testing.assert_array_equal(during_step, [[1.0, 2.0], [3.0, 4.0]])


def test_an_assigned_array_is_copied_so_training_does_not_change_its_source():
    source = np.array([1.0, 2.0])
    w = tf.Variable([0.0, 0.0])
    v = tf.Variable([5.0, 6.0])
    step = tf.train.GradientDescentOptimizer(1.0).minimize(tf.reduce_sum(w))
    with tf.Session() as sess:
        sess.run([w.assign(source), v.assign(w)])
        sess.run(v.assign(w))
        sess.run(step)
        np.testing.assert_array_equal(sess.run([w, v]), [[0.0, 1.0], [1.0, 2.0]])
    np.testing.assert_array_equal(source, [1.0, 2.0])


class GradientDescentWithAScalarUpdate(tf.train.GradientDescentOptimizer):
    def update_rule(self, value, grad, slots):
        return np.sum(grad), {}


def test_an_update_of_the_wrong_shape_is_reported_and_changes_nothing():
    a = tf.Variable(1.0, name="a")
    W = tf.Variable([1.0, 2.0], name="W")
    step = GradientDescentWithAScalarUpdate(0.1).minimize(a * tf.reduce_sum(W))
    with tf.Session() as sess, pytest.raises(
            ValueError, match=r"GradientDescentWithAScalarUpdate.update_rule gave an update "
                              r"of shape \(\) for variable 'W' of shape \(2,\)"):
        sess.run(step)
    assert a.value == 1.0
    np.testing.assert_array_equal(W.value, [1.0, 2.0])
