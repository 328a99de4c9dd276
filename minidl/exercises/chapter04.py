"""Checks for the exercises of chapter 4, the training criterion."""
import numpy as np

import minidl as tf

from ..ops.losses import SigmoidCrossEntropyWithLogits
from ..traversal import topological_order
from . import feedback as fb

# The library's stable losses: each exercise of this chapter asks for a piece of them.
_LIBRARY_LOSSES = [
    ("tf.nn.softmax_cross_entropy_with_logits_v2", tf.nn.softmax_cross_entropy_with_logits_v2),
    ("tf.nn.sigmoid_cross_entropy_with_logits", tf.nn.sigmoid_cross_entropy_with_logits),
    ("tf.nn.log_softmax", tf.nn.log_softmax), ("tf.nn.softmax", tf.nn.softmax)]
_LIBRARY_LOSS_TYPES = {"Softmax", "LogSoftmax", "CrossEntropy", "SigmoidCrossEntropyWithLogits"}


def _values(what, build, inputs, reference=None):
    """The values of the node the learner's `build` makes from placeholders fed
    with `inputs` (name: array), and of the one `reference` makes from them.
    `build` may neither call the library's stable losses nor use their operations."""
    with tf.Graph().as_default():
        feed_dict = {tf.placeholder(value.dtype, shape=(None, *value.shape[1:]), name=name): value
                     for name, value in inputs.items()}
        answer = fb.call(build, what, *feed_dict, refuse=_LIBRARY_LOSSES)
        for node in topological_order([answer]) if isinstance(answer, tf.Node) else []:
            fb.expect(node.type not in _LIBRARY_LOSS_TYPES, f"Write it yourself: your node "
                      f"contains the library's {node.type} operation, which is what this check "
                      f"compares your answer against.")
        got = fb.value_of(answer, what, feed_dict)
        return got, None if reference is None else fb.run(reference(*feed_dict), feed_dict)


@fb.answer_is("function")
def check_cross_entropy(binary_cross_entropy):
    """Exercise 1: `binary_cross_entropy(y, p)` builds J = -sum_i (y_i log p_i +
    (1 - y_i) log(1 - p_i)) for 0/1 labels y and the probabilities p of class 1."""
    y_value = np.array([1.0, 0.0, 1.0, 0.0, 1.0])
    p_value = np.array([0.9, 0.2, 0.4, 0.7, 0.6])
    got, expected = _values("binary_cross_entropy", binary_cross_entropy,
                            {"y": y_value, "p": p_value}, lambda y, p: tf.reduce_sum(
                                tf.nn.sigmoid_cross_entropy_with_logits(y, tf.log(p / (1 - p)))))
    fb.expect(np.shape(got) == (), f"J should be one number, the sum over all examples; it has "
              f"shape {np.shape(got)}. reduce_sum with no axis sums everything")
    fb.compare(got, expected, f"for the labels {fb.show(y_value)} and probabilities of class 1 "
               f"{fb.show(p_value)}, your J is {got:.4f}, but -sum(y log p + (1 - y) log(1 - p)) "
               f"= {expected:.4f}.",
               (-expected, " It has the wrong sign: log p <= 0, so J = -sum(...) >= 0."),
               (expected / 5, " That is the mean over the 5 examples; J here is their sum."),
               (-np.sum(y_value * np.log(p_value)),
                " Only the examples of class 1 count: an example of class 0 adds -log(1 - p), "
                "the log of the probability given to class 0."))
    fb.correct("J adds -log of the probability given to each example's true class: p for class 1, "
               "1 - p for class 0. The softmax cross-entropy of the chapter, with two classes.")


@fb.answer_is("function")
def check_log_softmax(stable_log_softmax):
    """Exercise 2: `stable_log_softmax(logits)` computes log(softmax) of each
    row without overflow, even for scores of +-1000."""
    logits_value = np.array([[2.0, 1.0, 0.1], [1000.0, 0.0, -1000.0], [-5.0, 800.0, 799.0]])
    got, expected = _values("stable_log_softmax", stable_log_softmax, {"logits": logits_value},
                            tf.nn.log_softmax)
    fb.expect(np.shape(got) == expected.shape, f"for 3 rows of 3 scores your log-softmax gives "
              f"shape {np.shape(got)}; expected {expected.shape} (keepdims=True keeps the "
              f"summed axis)")
    overflowed = np.any(np.isnan(got)) or np.any(~np.isfinite(got).any(axis=1))
    fb.expect(np.all(np.isfinite(got)), f"for the scores {fb.show(logits_value)} your log-softmax "
              f"gives {fb.show(got)}, which is not finite." + (
                  " e**1000 overflows to inf, and inf / inf, inf - inf or z - log(inf) give NaN "
                  "or -inf for the whole row: subtract each row's largest score before exp."
                  if overflowed else " A -inf is log(0): never take the log of a probability "
                  "that rounded to 0; use z - max(z) - log(sum(e**(z - max(z))))."))
    fb.compare(got, expected, f"for the scores {fb.show(logits_value)} your log-softmax gives "
               f"{fb.show(got)}, but the right values are {fb.show(expected)}. Each row's "
               f"exponentials must sum to 1: e**result summed along axis 1.")
    fb.correct("log-probabilities of -1000 stay -1000, where log(softmax) gives -inf.")


@fb.answer_is("function")
def check_error_rate(error_rate):
    """Exercise 3: `error_rate(p, y)` builds the fraction of examples whose most
    probable class is not their label."""
    p_value = np.array([[0.7, 0.2, 0.1], [0.1, 0.3, 0.6], [0.25, 0.5, 0.25], [0.8, 0.1, 0.1]])
    y_value = np.array([0, 2, 2, 0])
    wrong = np.sum(np.argmax(p_value, axis=1) != y_value)
    try:
        got, _ = _values("error_rate", error_rate, {"p": p_value, "y": y_value})
    except ValueError as error:
        fb.fail(f"your error rate failed to run on 4 examples of 3 classes: {error}. Hint: "
                f"tf.argmax(p, axis=1) takes the best class of each row; its default, axis=0, "
                f"compares the examples with each other")
    fb.compare(got, wrong / 4, f"for the probabilities {fb.show(p_value)} and labels "
               f"{fb.show(y_value)}, your error rate is {fb.show(got)}, but the most probable "
               f"class is wrong for {wrong} example(s) out of 4: {wrong / 4:.2f}.",
               (1 - wrong / 4, " That is the accuracy, the fraction of right answers."))
    fb.correct("the error rate only changes when a prediction flips, which is why it cannot "
               "guide training.")


@fb.answer_is("class", tf.Operation, " with a compute method")
def check_sigmoid_cross_entropy(SigmoidCrossEntropy):
    """Exercise 4: `SigmoidCrossEntropy(labels, logits)` is one operation whose compute
    gives -y log sigmoid(z) - (1 - y) log(1 - sigmoid(z)) elementwise, finite for any z."""
    fb.expect(not issubclass(SigmoidCrossEntropy, SigmoidCrossEntropyWithLogits), "Write it "
              "yourself: your class inherits the library's SigmoidCrossEntropyWithLogits "
              "(tf.nn.sigmoid_cross_entropy_with_logits), which is what this check compares "
              "your answer against. Subclass tf.Operation and write compute.")
    library = tf.nn.sigmoid_cross_entropy_with_logits
    shortcuts = [("tf.nn.sigmoid_cross_entropy_with_logits", library),
                 ("SigmoidCrossEntropyWithLogits.compute", SigmoidCrossEntropyWithLogits.compute)]
    rng = np.random.default_rng(4)
    labels_value = rng.integers(0, 2, size=(3, 4)).astype(np.float64)
    huge = np.array([[1000.0, -1000.0, 800.0, -5.0], [-900.0, 0.0, 1000.0, -1000.0],
                     [3.0, -800.0, -1000.0, 1000.0]])
    for logits_value, description in ((rng.standard_normal((3, 4)) * 3, "moderate scores"),
                                      (huge, "scores of +-1000")):
        with tf.Graph().as_default():
            labels = tf.placeholder("float64", shape=(None, 4), name="labels")
            logits = tf.placeholder("float64", shape=(None, 4), name="logits")
            feed_dict = {labels: labels_value, logits: logits_value}
            # The right losses, and those of the inputs given the other way round.
            expected, swapped = fb.run([library(labels, logits), library(logits, labels)],
                                       feed_dict)
            got = fb.call(fb.run, "SigmoidCrossEntropy.compute",
                          SigmoidCrossEntropy(labels, logits), feed_dict, refuse=shortcuts)
        got = fb.numbers(got, "the value SigmoidCrossEntropy.compute returns")
        where = f"with {description}, labels\n{labels_value}\nand logits\n{logits_value}\n"
        fb.expect(got.shape == expected.shape, f"{where}your losses have shape {got.shape}, but "
                  f"there is one loss per element: shape {expected.shape}." + (
                      " That is their mean or sum: return one loss per element, as the library "
                      "does." if got.ndim == 0 else ""))
        fb.expect(np.all(np.isfinite(got)), f"{where}your losses are\n{got}\nwhich are not all "
                  f"finite: e**1000 overflows, and sigmoid(-1000) rounds to 0, whose log is -inf. "
                  f"Rewrite the loss with log sigmoid(z) = -log(1 + e**-z), in a form whose "
                  f"exponent is never positive for either sign of z (np.abs and np.log1p help).")
        fb.compare(got, expected, f"{where}your losses are\n{got}\nbut should be\n{expected}\n"
                   f"(as tf.nn.sigmoid_cross_entropy_with_logits gives).",
                   (-expected, " That is the negative: the loss is minus the log probability, "
                               ">= 0."),
                   (swapped, " The inputs are (labels, logits), in that order."))
    fb.correct("max(z, 0) - z y + log(1 + e**-|z|) is the same loss, and no exponential in it "
               "can overflow: the form tf.nn.sigmoid_cross_entropy_with_logits uses.")
