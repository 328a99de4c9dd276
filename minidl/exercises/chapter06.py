"""Checks for the exercises of chapter 6, multi-layer perceptrons."""
import numpy as np

import minidl as tf

from . import feedback as fb
from .trained import trained_network

# Training on held-back points is one shortcut a training exercise has (splitting
# the training data handed over, to choose when to stop, is fair); labels that
# no trained network gave (`trained_network`) are the other.
DATA_LOADERS = [(f"tf.datasets.{name}", getattr(tf.datasets, name))
                for name in ("blobs", "xor", "circles", "spiral", "load_digits")]
HELD_BACK = ("the check hands you the training data and holds back the examples it tests on; "
             "loading a data set yourself could show your network those very examples. Train "
             "on the data you are given.")


@fb.answer_is("function")
def check_xor_by_hand(xor_weights):
    """Exercise 1: `xor_weights()` returns W1 (2, 2), b1 (2,), w2 (2,) and b2 (a number)
    such that sigmoid(sigmoid(x W1 + b1) w2 + b2) computes XOR on the corners of the unit
    square: above 0.9 for (0, 1) and (1, 0), below 0.1 for (0, 0) and (1, 1)."""
    answer = fb.call(xor_weights, "xor_weights")
    fb.expect(isinstance(answer, (tuple, list)) and len(answer) == 4, f"xor_weights should "
              f"return the four values (W1, b1, w2, b2); it returned {fb.describe(answer)}")
    shapes = {"W1": (2, 2), "b1": (2,), "w2": (2,), "b2": ()}
    W1, b1, w2, b2 = [fb.numbers(value, name) for name, value in zip(shapes, answer)]
    for (name, shape), value in zip(shapes.items(), (W1, b1, w2, b2)):
        fb.expect(value.shape == shape, f"{name} should have shape {shape}, but has shape "
                  f"{value.shape}")
    corners = [(0.0, 0.0), (0.0, 1.0), (1.0, 0.0), (1.0, 1.0)]
    with tf.Graph().as_default():
        hidden = tf.sigmoid(tf.constant(np.array(corners)) @ W1 + b1)
        hidden_values, outputs = fb.run([hidden, tf.sigmoid(hidden @ w2 + b2)])
    for corner, label, value, hidden_value in zip(corners, (0, 1, 1, 0), outputs, hidden_values):
        fb.expect(value > 0.9 if label else value < 0.1, f"at {corner} the network outputs "
                  f"{value:.4f}, but XOR is {label} there, so it should be "
                  f"{'above 0.9' if label else 'below 0.1'}. The hidden units give "
                  f"{fb.show(hidden_value)} at that corner; each should be close to 0 or 1 "
                  f"(use large weights).")
    fb.correct("two lines (OR and AND), and an output that says \"OR but not AND\": "
               "a hidden layer at work.")


@fb.answer_is("function")
def check_mlp_logits(mlp_logits):
    """Exercise 2: `mlp_logits(X, layers)` applies sigmoid(h W + b) for every
    (W, b) in `layers` but the last, and h W + b for the last."""
    rng = np.random.default_rng(6)
    for sizes in ([3, 5, 4, 2], [3, 2], [3, 6, 3]):
        with tf.Graph().as_default():
            X = tf.placeholder(np.float64, shape=(None, sizes[0]), name="X")
            layers = [(tf.Variable(rng.standard_normal((n_in, n_out)), name=f"W{i + 1}"),
                       tf.Variable(rng.standard_normal(n_out), name=f"b{i + 1}"))
                      for i, (n_in, n_out) in enumerate(zip(sizes[:-1], sizes[1:]))]
            logits = fb.call(mlp_logits, "mlp_logits", X, layers,
                             refuse=[("tf.layers.dense", tf.layers.dense)])
            feed = {X: rng.standard_normal((4, sizes[0]))}
            got = fb.value_of(logits, "mlp_logits", feed, "built from X and the layers' variables")
            h = linear = X  # the reference, and the same without the hidden layers' sigmoid
            for W, b in layers[:-1]:
                h, linear = tf.sigmoid(h @ W + b), linear @ W + b
            W, b = layers[-1]
            expected, squashed, linear = fb.run([h @ W + b, tf.sigmoid(h @ W + b),
                                                 linear @ W + b], feed)
        fb.agrees(got, expected, f"with layer sizes {sizes} ({len(layers)} (W, b) pairs) and 4 "
                  f"input rows", "the value of mlp_logits",
                  (squashed, " You applied the sigmoid to the last layer too: logits are h W + b."),
                  (linear, " The hidden layers need the sigmoid: sigmoid(h W + b)."))
    fb.correct("one loop builds a network of any depth; the last layer has no sigmoid, "
               "so its outputs are scores for the softmax.")


@fb.answer_is("function")
def check_train_circles(train_and_predict):
    """Exercise 3: `train_and_predict(X_train, y_train, X_test)` trains a network on one
    sample of `circles` and returns int labels for X_test; at least 95% must be right."""
    X_train, y_train = tf.datasets.circles(n=200, seed=1)
    X_test, y_test = tf.datasets.circles(n=200, seed=2)
    runs = []
    with tf.Graph().as_default():
        predictions = fb.call(train_and_predict, "train_and_predict", X_train, y_train, X_test,
                              refuse=DATA_LOADERS, reason=HELD_BACK, runs=runs)
    predictions = fb.numbers(predictions, "the predictions train_and_predict returns")
    fb.expect(predictions.shape == y_test.shape, f"train_and_predict should return one label "
              f"per test point, shape {y_test.shape}; it returned shape {predictions.shape}."
              + (" Those look like scores: take tf.argmax(logits, axis=1)."
                 if predictions.shape == (len(y_test), 2) else ""))
    accuracy = np.mean(predictions == y_test)
    fb.expect(accuracy >= 0.95, f"{accuracy:.1%} of the test points are classified right; at "
              f"least 95% should be. A single layer gets about half: is there a hidden layer "
              f"(with a nonlinearity), and does the loss still fall when training stops?")
    trained_network(runs, predictions, "train_and_predict")
    fb.correct(f"{accuracy:.1%} of fresh points right: the network learned the ring, "
               f"not the training points.")
