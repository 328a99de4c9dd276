"""Checks for the exercises of chapter 3, perceptrons."""
import numpy as np

from ..datasets import blobs
from ..graph import Graph
from ..ops.activations import log_softmax, softmax
from ..placeholder import placeholder
from ..traversal import topological_order
from . import feedback as fb
from .guard import refusing


@fb.answer_is("function")
def check_softmax(my_softmax):
    """Exercise 1: `my_softmax(logits)` builds softmax along each row of a
    (batch, classes) node from exp, reduce_sum and division."""
    logits_value = np.array([[2.0, 1.0, 0.1], [0.0, 0.0, 0.0],
                             [-1.0, 3.0, 1.0], [5.0, -5.0, 0.0]])
    with Graph().as_default():
        logits = placeholder("float64", shape=(None, 3), name="logits")
        with refusing("my_softmax", [("tf.nn.softmax", softmax),
                                     ("tf.nn.log_softmax", log_softmax)]):
            p = fb.answered(my_softmax(logits), "my_softmax")
        fb.node(p, "my_softmax's result", "from tf.exp, tf.reduce_sum and division, so that "
                "it can be trained through")
        used = {n.type for n in topological_order([p])} & {"Softmax", "LogSoftmax"}
        if used:
            fb.fail(f"Write it yourself: your softmax contains the library's {used.pop()} "
                    f"operation, which is what this check compares your answer against. "
                    f"Build it from tf.exp, tf.reduce_sum and division.")
        try:
            got = fb.run(p, {logits: logits_value})
        except ValueError as error:
            fb.fail(f"running your softmax on 4 rows of 3 scores failed: {error}. "
                    f"Hint: reduce_sum(..., axis=1, keepdims=True) keeps the summed "
                    f"axis, so the division goes row by row")
        expected = fb.run(softmax(logits), {logits: logits_value})
    if np.shape(got) != expected.shape:
        fb.fail(f"for 4 rows of 3 scores your softmax gives shape {np.shape(got)}; "
                f"expected {expected.shape}, one probability per score")
    hint = (" Your columns add up to 1: sum over axis=1, the classes of one example, not "
            "axis 0, the examples." if np.allclose(np.sum(got, axis=0), 1) else "")
    fb.compare(got, expected, f"for the scores {fb.show(logits_value)} your softmax gives "
               f"{fb.show(got)}, but the probabilities are {fb.show(expected)}.{hint}")
    fb.correct("every row of probabilities is positive and adds up to 1.")


_CENTER_SETS = [
    np.array([[-2.0, -2.0], [2.73, -0.73], [-0.73, 2.73]]),
    np.array([[0.0, 0.0], [4.0, 1.0], [-1.0, 4.0]]),
]


@fb.answer_is("function")
def check_three_class_weights(three_class_weights):
    """Exercise 2: `three_class_weights(centers)` returns (W, b) of a
    perceptron that puts each point in the class of the nearest center."""
    for centers in _CENTER_SETS:
        answer = fb.answered(three_class_weights(centers.copy()), "three_class_weights")
        W, b = fb.two_arrays(answer, "three_class_weights", "W", "b")
        if W.shape != (2, 3) or b.shape != (3,):
            fb.fail(f"W should have shape (2, 3), one column of weights per class, and b "
                    f"shape (3,); they have shapes {W.shape} and {b.shape}")
        X_data, y_data = blobs(n=300, seed=1, classes=3, centers=centers)
        predicted = np.argmax(X_data @ W + b, axis=1)
        accuracy = np.mean(predicted == y_data)
        if accuracy < 0.95:
            wrong = np.flatnonzero(predicted != y_data)[0]
            fb.fail(f"with the centers {fb.show(centers)}, your perceptron classifies "
                    f"{accuracy:.0%} of the points correctly; it should be at least 95%. "
                    f"For example, the point {fb.show(X_data[wrong])} of class "
                    f"{y_data[wrong]} gets the scores {fb.show(X_data[wrong] @ W + b)}. "
                    f"Column k of W and b[k] make the score of class k.")
    fb.correct("the highest score goes to the nearest center, so the boundaries lie "
               "halfway between the centers.")
