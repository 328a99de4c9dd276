"""TensorFlow 1 code runs unchanged with `import minidl as tf`: a small
two-layer classifier, written once with variables by hand and once with
`tf.layers.dense` and an L2 penalty, one training step, and the numbers NumPy
gives for the same math. If TensorFlow itself is installed, it must agree too
(skipped, with the reason, when it is not)."""
import os

import numpy as np
import pytest

import minidl

# TensorFlow 2.16 and newer find tf.compat.v1.layers only in tf-keras, and only
# when this is set before TensorFlow is imported.
os.environ.setdefault("TF_USE_LEGACY_KERAS", "1")

LEARNING_RATE = 0.5
WEIGHT_DECAY = 0.01


def tf1_script(tf, X_data, Y_data, W1_start, W2_start):
    """A TF1-style script: build, initialize, evaluate, take one step, evaluate."""
    with tf.Graph().as_default():
        X = tf.placeholder(tf.float64, shape=(None, 3), name="X")
        Y = tf.placeholder(tf.float64, shape=(None, 2), name="Y")
        W1 = tf.Variable(W1_start, name="W1")
        b1 = tf.Variable(np.zeros(4), name="b1")
        W2 = tf.Variable(W2_start, name="W2")
        b2 = tf.Variable(np.zeros(2), name="b2")

        hidden = tf.nn.relu(tf.matmul(X, W1) + b1)
        logits = tf.matmul(hidden, W2) + b2
        loss = tf.reduce_mean(
            tf.nn.softmax_cross_entropy_with_logits_v2(labels=Y, logits=logits))
        return one_step(tf, X, Y, logits, loss, (W1, b1, W2, b2), X_data, Y_data)


def one_step(tf, X, Y, logits, loss, weights, X_data, Y_data):
    """Initialize, take one gradient-descent step on `loss`, and return what
    was fetched before it (loss, accuracy, probabilities) and after it (loss
    and the `weights` W1, b1, W2, b2), in any library with TensorFlow 1's API."""
    probabilities = tf.nn.softmax(logits)
    correct = tf.equal(tf.argmax(logits, 1), tf.argmax(Y, 1))
    accuracy = tf.reduce_mean(tf.cast(correct, tf.float64))
    train_op = tf.train.GradientDescentOptimizer(LEARNING_RATE).minimize(loss)
    init = tf.global_variables_initializer()
    feed = {X: X_data, Y: Y_data}
    with tf.Session() as sess:
        sess.run(init)
        before = sess.run({"loss": loss, "accuracy": accuracy,
                           "probabilities": probabilities}, feed_dict=feed)
        sess.run(train_op, feed_dict=feed)
        after = sess.run({"loss": loss, **dict(zip(("W1", "b1", "W2", "b2"), weights))},
                         feed_dict=feed)
    return before, after


def layered_tf1_script(tf, X_data, Y_data, W1_start, W2_start):
    """The same network as two dense layers, with an L2 penalty on the kernels;
    returns the variables' names and, as above, the results before and after a step."""
    with tf.Graph().as_default():
        X = tf.placeholder(tf.float64, shape=(None, 3), name="X")
        Y = tf.placeholder(tf.float64, shape=(None, 2), name="Y")
        hidden = tf.layers.dense(X, 4, activation=tf.nn.relu,
                                 kernel_initializer=tf.constant_initializer(W1_start))
        logits = tf.layers.dense(hidden, 2, name="output",
                                 kernel_initializer=tf.constant_initializer(W2_start))
        W1, b1, W2, b2 = weights = tf.trainable_variables()
        names = [variable.name.removesuffix(":0") for variable in weights]
        loss = (tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits_v2(labels=Y,
                                                                          logits=logits))
                + WEIGHT_DECAY * (tf.nn.l2_loss(W1) + tf.nn.l2_loss(W2)))
        return names, one_step(tf, X, Y, logits, loss, weights, X_data, Y_data)


def numpy_script(X, Y, W1, W2, weight_decay=0.0):
    """The same forward pass and gradient step, written out in NumPy; with
    `weight_decay`, the loss adds weight_decay * (|W1|**2 + |W2|**2) / 2."""
    b1, b2 = np.zeros(4), np.zeros(2)

    def forward(W1, b1, W2, b2):
        pre = X @ W1 + b1
        hidden = np.maximum(pre, 0)
        logits = hidden @ W2 + b2
        probabilities = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
        loss = (np.mean(-np.sum(Y * np.log(probabilities), axis=1))
                + weight_decay * (np.sum(W1 ** 2) + np.sum(W2 ** 2)) / 2)
        return pre, hidden, logits, probabilities, loss

    pre, hidden, logits, probabilities, loss = forward(W1, b1, W2, b2)
    accuracy = np.mean(np.argmax(logits, 1) == np.argmax(Y, 1))
    before = {"loss": loss, "accuracy": accuracy, "probabilities": probabilities}

    d_logits = (probabilities - Y) / len(X)
    d_pre = (d_logits @ W2.T) * (pre > 0)
    W1 = W1 - LEARNING_RATE * (X.T @ d_pre + weight_decay * W1)
    b1 = b1 - LEARNING_RATE * d_pre.sum(axis=0)
    W2 = W2 - LEARNING_RATE * (hidden.T @ d_logits + weight_decay * W2)
    b2 = b2 - LEARNING_RATE * d_logits.sum(axis=0)
    after = {"loss": forward(W1, b1, W2, b2)[-1], "W1": W1, "b1": b1, "W2": W2, "b2": b2}
    return before, after


@pytest.fixture
def data():
    rng = np.random.default_rng(7)
    X = rng.standard_normal((20, 3))
    Y = np.eye(2)[(X[:, 0] + X[:, 1] > 0).astype(int)]
    return X, Y, rng.standard_normal((3, 4)), rng.standard_normal((4, 2))


def assert_same_results(actual, expected):
    for got, want in zip(actual, expected):
        assert got.keys() == want.keys()
        for key in want:
            np.testing.assert_allclose(got[key], want[key], rtol=1e-6, err_msg=key)


def test_tf1_script_gives_the_numbers_numpy_gives(data):
    assert_same_results(tf1_script(minidl, *data), numpy_script(*data))


def tensorflow_v1():
    """tensorflow.compat.v1, or a skip that says why it is missing."""
    tensorflow = pytest.importorskip(
        "tensorflow", reason="TensorFlow is not installed (requirements-frameworks.txt)")
    return tensorflow.compat.v1


def test_tf1_script_gives_the_numbers_tensorflow_gives(data):
    assert_same_results(tf1_script(minidl, *data), tf1_script(tensorflow_v1(), *data))


def test_layered_script_names_its_variables_and_gives_the_numbers_numpy_gives(data):
    names, results = layered_tf1_script(minidl, *data)
    assert names == ["dense/kernel", "dense/bias", "output/kernel", "output/bias"]
    assert_same_results(results, numpy_script(*data, weight_decay=WEIGHT_DECAY))


# TensorFlow warns that tf.layers is deprecated in favour of Keras: TF1 code is the point here.
@pytest.mark.filterwarnings("ignore:`tf.layers.dense` is deprecated:UserWarning")
def test_layered_script_gives_the_names_and_numbers_tensorflow_gives(data):
    names, results = layered_tf1_script(minidl, *data)
    tf_names, tf_results = layered_tf1_script(tensorflow_v1(), *data)
    assert names == tf_names
    assert_same_results(results, tf_results)
