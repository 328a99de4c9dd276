"""RMSProp and Adagrad against TensorFlow 1's formulas, worked out by hand in
NumPy on loss = sum((X w - y)**2), and against TensorFlow 1 itself when it is
installed. Also: a learning rate given as a tensor, exponential_decay and the
global step (issue 25, items 5 and 7)."""
import os

import numpy as np
import pytest

import minidl as tf

X = np.array([[1.0, 2.0], [0.5, -1.0], [-1.5, 0.3]])
Y = np.array([1.0, -2.0, 0.5])
W0 = np.array([0.3, -0.2])


def hand_gradient(w):
    """d/dw sum((X w - y)**2) = 2 X^T (X w - y)."""
    return 2 * X.T @ (X @ w - Y)


def train(library, make_optimizer, steps):
    """w after `steps` steps of the optimizer on the least-squares loss, in any
    library with TensorFlow 1's API."""
    with library.Graph().as_default():
        w = library.Variable(W0, name="w")
        loss = library.reduce_sum(library.square(library.matmul(X, w[:, None])[:, 0] - Y))
        step = make_optimizer(library).minimize(loss)
        with library.Session() as sess:
            sess.run(library.global_variables_initializer())
            for _ in range(steps):
                sess.run(step)
            return sess.run(w)


def rmsprop_by_hand(lr, decay, momentum, epsilon, centered, steps):
    w, rms, mom, mg = W0.copy(), np.ones(2), np.zeros(2), np.zeros(2)
    for _ in range(steps):
        g = hand_gradient(w)
        rms = decay * rms + (1 - decay) * g * g
        mg = decay * mg + (1 - decay) * g
        mom = momentum * mom + lr * g / np.sqrt((rms - mg * mg if centered else rms) + epsilon)
        w = w - mom
    return w


RMSPROP_CASES = [dict(decay=0.9, momentum=0.0, epsilon=1e-10, centered=False),
                 dict(decay=0.8, momentum=0.5, epsilon=1e-3, centered=False),
                 dict(decay=0.8, momentum=0.5, epsilon=1e-3, centered=True)]


@pytest.mark.parametrize("case", RMSPROP_CASES, ids=["plain", "momentum", "centered"])
def test_rmsprop_three_steps(case):
    values = train(tf, lambda lib: lib.train.RMSPropOptimizer(0.01, **case), 3)
    np.testing.assert_allclose(values, rmsprop_by_hand(0.01, steps=3, **case), rtol=1e-12)


def test_adagrad_three_steps():
    w, accumulator = W0.copy(), np.full(2, 0.5)
    for _ in range(3):
        g = hand_gradient(w)
        accumulator = accumulator + g * g
        w = w - 0.1 * g / np.sqrt(accumulator)
    values = train(tf, lambda lib: lib.train.AdagradOptimizer(0.1, 0.5), 3)
    np.testing.assert_allclose(values, w, rtol=1e-12)


def tensorflow_v1():
    """tensorflow.compat.v1 in graph mode; a skip if it is not installed
    (a failure in CI, where MINIDL_REQUIRE_FRAMEWORKS is set)."""
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    if os.environ.get("MINIDL_REQUIRE_FRAMEWORKS"):
        import tensorflow.compat.v1 as tf1
    else:
        tf1 = pytest.importorskip("tensorflow.compat.v1")
    tf1.disable_v2_behavior()
    return tf1


@pytest.mark.parametrize("make_optimizer", [
    lambda lib: lib.train.RMSPropOptimizer(0.01, 0.8, 0.5, 1e-3),
    lambda lib: lib.train.RMSPropOptimizer(0.01, 0.8, 0.5, 1e-3, centered=True),
    lambda lib: lib.train.AdagradOptimizer(0.1, 0.5),
], ids=["rmsprop", "centered", "adagrad"])
def test_tensorflow_1_agrees(make_optimizer):
    """TensorFlow's float64 kernels agree with the formulas to about 1e-7 here
    (measured 1.5e-7 at most), not to the last bit."""
    tf1 = tensorflow_v1()
    np.testing.assert_allclose(train(tf, make_optimizer, 3), train(tf1, make_optimizer, 3),
                               rtol=1e-6)


def test_a_learning_rate_fed_each_run_is_used_and_builds_nothing_new():
    w = tf.Variable(W0)
    rate = tf.placeholder(tf.float64, [], name="rate")
    loss = tf.reduce_sum(tf.square(tf.matmul(X, w[:, None])[:, 0] - Y))
    step = tf.train.GradientDescentOptimizer(rate).minimize(loss)
    graph = tf.get_default_graph()
    with tf.Session() as sess:
        sess.run(step, {rate: 0.01})
        count = len(graph.nodes)
        sess.run(step, {rate: 0.02})
        assert len(graph.nodes) == count
        w1 = W0 - 0.01 * hand_gradient(W0)
        np.testing.assert_allclose(sess.run(w), w1 - 0.02 * hand_gradient(w1), rtol=1e-12)
        with pytest.raises(ValueError, match="placeholder 'rate' needs a value"):
            sess.run(step)


@pytest.mark.parametrize("staircase", [False, True])
def test_exponential_decay_follows_the_global_step(staircase):
    """rate = 0.1 * 0.5 ** (step / 2), the exponent rounded down with staircase."""
    global_step = tf.train.get_or_create_global_step()
    assert tf.train.get_or_create_global_step() is global_step and not global_step.trainable
    rate = tf.train.exponential_decay(0.1, global_step, 2, 0.5, staircase=staircase)
    w = tf.Variable(W0)
    loss = tf.reduce_sum(tf.square(tf.matmul(X, w[:, None])[:, 0] - Y))
    step = tf.train.GradientDescentOptimizer(rate).minimize(loss, global_step=global_step)
    expected_w = W0.copy()
    with tf.Session() as sess:
        for t in range(3):
            exponent = t // 2 if staircase else t / 2
            assert sess.run(rate) == pytest.approx(0.1 * 0.5 ** exponent)
            expected_w = expected_w - 0.1 * 0.5 ** exponent * hand_gradient(expected_w)
            sess.run(step)
        assert sess.run(global_step) == 3
        np.testing.assert_allclose(sess.run(w), expected_w, rtol=1e-12)


def test_the_optimizing_session_trains_with_a_rate_node_as_the_plain_one_does():
    rate = tf.placeholder(tf.float64, [])
    global_step = tf.train.get_or_create_global_step()
    w = tf.Variable(W0)
    loss = tf.reduce_sum(tf.square(tf.matmul(X, w[:, None])[:, 0] - Y))
    step = tf.train.MomentumOptimizer(rate, 0.9).minimize(loss, global_step=global_step)
    results = []
    for optimize in (False, True):
        with tf.Session(optimize=optimize) as sess:
            sess.run(tf.global_variables_initializer())
            for r in (0.01, 0.02, 0.005):
                sess.run(step, {rate: r})
            results.append(sess.run([w, global_step]))
    np.testing.assert_allclose(results[1][0], results[0][0], rtol=1e-12)
    assert results[0][1] == results[1][1] == 3


def test_global_step_must_be_a_variable():
    w = tf.Variable(1.0)
    with pytest.raises(TypeError, match="global_step must be a variable"):
        tf.train.GradientDescentOptimizer(0.1).minimize(w * w, global_step=3)


def test_tensorflow_1_agrees_on_a_decayed_rate_and_the_global_step():
    tf1 = tensorflow_v1()

    def decayed(lib):
        with lib.Graph().as_default():
            global_step = lib.train.get_or_create_global_step()
            rate = lib.train.exponential_decay(0.1, global_step, 2, 0.5)
            w = lib.Variable(W0)
            loss = lib.reduce_sum(lib.square(lib.matmul(X, w[:, None])[:, 0] - Y))
            step = lib.train.AdamOptimizer(rate).minimize(loss, global_step=global_step)
            with lib.Session() as sess:
                sess.run(lib.global_variables_initializer())
                for _ in range(3):
                    sess.run(step)
                return sess.run([w, global_step])

    ours, theirs = decayed(tf), decayed(tf1)
    # TensorFlow keeps Adam's beta2 = 0.999 as a float32 (0.99900001), so its
    # 1 - beta2 is off by 1.3e-5 relative; w agrees to about 1e-5.
    np.testing.assert_allclose(ours[0], theirs[0], rtol=1e-4)
    assert ours[1] == theirs[1] == 3


@pytest.mark.parametrize("optimize", [False, True], ids=["plain", "optimizing"])
@pytest.mark.parametrize("fetches", [
    lambda w, first, second: [first, second],
    lambda w, first, second: [tf.assign(w, [5.0, 5.0]), first],
    lambda w, first, second: {"init": tf.global_variables_initializer(), "step": second},
], ids=["two-optimizers", "assign-and-train", "init-and-train"])
def test_two_updates_of_one_variable_in_one_run_are_refused_and_change_nothing(fetches,
                                                                              optimize):
    w = tf.Variable(W0, name="w")
    loss = tf.reduce_sum(tf.square(tf.matmul(X, w[:, None])[:, 0] - Y))
    first = tf.train.GradientDescentOptimizer(0.1).minimize(loss)
    second = tf.train.MomentumOptimizer(0.1, 0.9).minimize(loss)
    fetched = fetches(w, first, second)
    with tf.Session(optimize=optimize) as sess:
        with pytest.raises(ValueError, match="both change variable 'w' in one run"):
            sess.run(fetched)
        np.testing.assert_array_equal(sess.run(w), W0)
        sess.run(first)  # each alone still trains
        sess.run(second)


def test_a_variable_listed_twice_in_one_step_is_refused():
    w = tf.Variable(W0, name="w")
    with pytest.raises(ValueError, match=r"\['w'\] appear more than once"):
        tf.train.GradientDescentOptimizer(0.1).minimize(tf.reduce_sum(w * w), var_list=[w, w])
