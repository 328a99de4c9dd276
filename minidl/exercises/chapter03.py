"""Checks for the exercises of chapter 3, perceptrons."""
import numpy as np

import minidl as tf

from ..traversal import topological_order
from . import feedback as fb


@fb.answer_is("function")
def check_softmax(my_softmax):
    """Exercise 1: `my_softmax(logits)` builds softmax along each row of a
    (batch, classes) node from exp, reduce_sum and division."""
    logits_value = np.array([[2.0, 1.0, 0.1], [0.0, 0.0, 0.0], [-1.0, 3.0, 1.0], [5.0, -5.0, 0.0]])
    with tf.Graph().as_default():
        logits = tf.placeholder("float64", shape=(None, 3), name="logits")
        p = fb.call(my_softmax, "my_softmax", logits, refuse=[("tf.nn.softmax", tf.nn.softmax),
                    ("tf.nn.log_softmax", tf.nn.log_softmax)])
        fb.node(p, "my_softmax's result", "from tf.exp, tf.reduce_sum and division, so that it "
                "can be trained through")
        used = next((n.type for n in topological_order([p])
                     if n.type in ("Softmax", "LogSoftmax")), None)
        fb.expect(used is None, f"Write it yourself: your softmax contains the library's {used} "
                  f"operation, which is what this check compares your answer against. Build it "
                  f"from tf.exp, tf.reduce_sum and division.")
        try:
            got = fb.run(p, {logits: logits_value})
        except ValueError as error:
            fb.fail(f"running your softmax on 4 rows of 3 scores failed: {error}. Hint: "
                    f"reduce_sum(..., axis=1, keepdims=True) keeps the summed axis, so the "
                    f"division goes row by row")
        expected = fb.run(tf.nn.softmax(logits), {logits: logits_value})
    fb.expect(np.shape(got) == expected.shape, f"for 4 rows of 3 scores your softmax gives "
              f"shape {np.shape(got)}; expected {expected.shape}, one probability per score")
    fb.compare(got, expected, f"for the scores {fb.show(logits_value)} your softmax gives "
               f"{fb.show(got)}, but the probabilities are {fb.show(expected)}."
               + (" Your columns add up to 1: sum over axis=1, the classes of one example, not "
                  "axis 0, the examples." if np.allclose(np.sum(got, axis=0), 1) else ""))
    fb.correct("every row of probabilities is positive and adds up to 1.")


@fb.answer_is("function")
def check_three_class_weights(three_class_weights):
    """Exercise 2: `three_class_weights(centers)` returns (W, b) of a
    perceptron that puts each point in the class of the nearest center."""
    for centers in (np.array([[-2.0, -2.0], [2.73, -0.73], [-0.73, 2.73]]),
                    np.array([[0.0, 0.0], [4.0, 1.0], [-1.0, 4.0]])):
        W, b = fb.two_arrays(fb.call(three_class_weights, "three_class_weights", centers),
                             "three_class_weights", "W", "b")
        fb.expect(W.shape == (2, 3) and b.shape == (3,), f"W should have shape (2, 3), one "
                  f"column of weights per class, and b shape (3,); they have shapes {W.shape} "
                  f"and {b.shape}")
        X_data, y_data = tf.datasets.blobs(n=300, seed=1, classes=3, centers=centers)
        predicted = np.argmax(X_data @ W + b, axis=1)
        accuracy = np.mean(predicted == y_data)
        wrong = np.argmax(predicted != y_data)  # the first misclassified point
        fb.expect(accuracy >= 0.95, f"with the centers {fb.show(centers)}, your perceptron "
                  f"classifies {accuracy:.0%} of the points correctly; it should be at least "
                  f"95%. For example, the point {fb.show(X_data[wrong])} of class "
                  f"{y_data[wrong]} gets the scores {fb.show(X_data[wrong] @ W + b)}. Column k "
                  f"of W and b[k] make the score of class k.")
    fb.correct("the highest score goes to the nearest center, so the boundaries lie "
               "halfway between the centers.")
