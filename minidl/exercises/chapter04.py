"""Checks for the exercises of chapter 4, the training criterion."""
import numpy as np

from ..graph import Graph, Node
from ..operation import Operation
from ..ops import losses
from ..ops.activations import log_softmax, softmax
from ..ops.elementwise import log
from ..ops.reductions import reduce_sum
from ..placeholder import placeholder
from ..traversal import topological_order
from . import feedback as fb
from .guard import refusing

_P_VALUE = np.array([[0.7, 0.2, 0.1], [0.1, 0.3, 0.6], [0.25, 0.5, 0.25], [0.8, 0.1, 0.1]])
_LIBRARY_LOSS_TYPES = {"Softmax", "LogSoftmax", "CrossEntropy", "SigmoidCrossEntropyWithLogits"}
# The library's stable losses: each exercise of this chapter asks for a piece of them.
_LIBRARY_LOSSES = [("tf.nn.softmax_cross_entropy_with_logits_v2",
                    losses.softmax_cross_entropy_with_logits_v2),
                   ("tf.nn.sigmoid_cross_entropy_with_logits",
                    losses.sigmoid_cross_entropy_with_logits),
                   ("tf.nn.log_softmax", log_softmax), ("tf.nn.softmax", softmax)]


def _build(what, build, *inputs):
    """Call the learner's `build`, refusing the library's stable losses."""
    with refusing(what, _LIBRARY_LOSSES):
        answer = fb.answered(build(*inputs), what)
    if isinstance(answer, Node):
        used = {n.type for n in topological_order([answer])} & _LIBRARY_LOSS_TYPES
        if used:
            fb.fail(f"Write it yourself: your node contains the library's {used.pop()} "
                    f"operation, which is what this check compares your answer against.")
    return answer


@fb.answer_is("function")
def check_cross_entropy(binary_cross_entropy):
    """Exercise 1: `binary_cross_entropy(y, p)` builds
    J = -sum_i (y_i log p_i + (1 - y_i) log(1 - p_i)) for 0/1 labels y and the
    probabilities p of class 1, compared with the library's sigmoid cross-entropy
    of the scores log(p / (1 - p))."""
    y_value = np.array([1.0, 0.0, 1.0, 0.0, 1.0])
    p_value = np.array([0.9, 0.2, 0.4, 0.7, 0.6])
    with Graph().as_default():
        y = placeholder("float64", shape=(None,), name="y")
        p = placeholder("float64", shape=(None,), name="p")
        J = _build("binary_cross_entropy", binary_cross_entropy, y, p)
        feed_dict = {y: y_value, p: p_value}
        got = fb.value_of(J, "binary_cross_entropy", feed_dict)
        expected = fb.run(reduce_sum(losses.sigmoid_cross_entropy_with_logits(
            y, log(p) - log(1 - p))), feed_dict)
    if np.shape(got) != ():
        fb.fail(f"J should be one number, the sum over all examples; it has shape "
                f"{np.shape(got)}. reduce_sum with no axis sums everything")
    fb.compare(got, expected,
               f"for the labels {fb.show(y_value)} and probabilities of class 1 "
               f"{fb.show(p_value)}, your J is {got:.4f}, but -sum(y log p + (1 - y) "
               f"log(1 - p)) = {expected:.4f}.",
               (-expected, " It has the wrong sign: log p <= 0, so J = -sum(...) >= 0."),
               (expected / 5, " That is the mean over the 5 examples; J here is their sum."),
               (-np.sum(y_value * np.log(p_value)),
                " Only the examples of class 1 count: an example of class 0 adds "
                "-log(1 - p), the log of the probability given to class 0."))
    fb.correct("J adds -log of the probability given to each example's true class: p for "
               "class 1, 1 - p for class 0. The softmax cross-entropy of the chapter, with "
               "two classes.")


@fb.answer_is("function")
def check_log_softmax(stable_log_softmax):
    """Exercise 2: `stable_log_softmax(logits)` computes log(softmax) of each
    row without overflow, even for scores of +-1000."""
    logits_value = np.array([[2.0, 1.0, 0.1], [1000.0, 0.0, -1000.0], [-5.0, 800.0, 799.0]])
    with Graph().as_default():
        logits = placeholder("float64", shape=(None, 3), name="logits")
        answer = _build("stable_log_softmax", stable_log_softmax, logits)
        got = fb.value_of(answer, "stable_log_softmax", {logits: logits_value})
        expected = fb.run(log_softmax(logits), {logits: logits_value})
    if np.shape(got) != expected.shape:
        fb.fail(f"for 3 rows of 3 scores your log-softmax gives shape {np.shape(got)}; "
                f"expected {expected.shape} (keepdims=True keeps the summed axis)")
    if not np.all(np.isfinite(got)):
        overflowed = np.any(np.isnan(got)) or np.any(~np.isfinite(got).any(axis=1))
        why = (" e**1000 overflows to inf, and inf / inf, inf - inf or z - log(inf) give "
               "NaN or -inf for the whole row: subtract each row's largest score before "
               "exp." if overflowed else
               " A -inf is log(0): never take the log of a probability that rounded "
               "to 0; use z - max(z) - log(sum(e**(z - max(z)))).")
        fb.fail(f"for the scores {fb.show(logits_value)} your log-softmax gives "
                f"{fb.show(got)}, which is not finite.{why}")
    fb.compare(got, expected, f"for the scores {fb.show(logits_value)} your log-softmax gives "
               f"{fb.show(got)}, but the right values are {fb.show(expected)}. Each row's "
               f"exponentials must sum to 1: e**result summed along axis 1.")
    fb.correct("log-probabilities of -1000 stay -1000, where log(softmax) gives -inf.")


@fb.answer_is("function")
def check_error_rate(error_rate):
    """Exercise 3: `error_rate(p, y)` builds the fraction of examples whose most
    probable class is not their label."""
    y_value = np.array([0, 2, 2, 0])
    wrong = np.sum(np.argmax(_P_VALUE, axis=1) != y_value)
    with Graph().as_default():
        p = placeholder("float64", shape=(None, 3), name="p")
        y = placeholder("int64", shape=(None,), name="y")
        answer = _build("error_rate", error_rate, p, y)
        try:
            got = fb.value_of(answer, "error_rate", {p: _P_VALUE, y: y_value})
        except ValueError as error:
            fb.fail(f"your error rate failed to run on 4 examples of 3 classes: {error}. "
                    f"Hint: tf.argmax(p, axis=1) takes the best class of each row; "
                    f"its default, axis=0, compares the examples with each other")
    fb.compare(got, wrong / 4, f"for the probabilities {fb.show(_P_VALUE)} and labels "
               f"{fb.show(y_value)}, your error rate is {fb.show(got)}, but the most probable "
               f"class is wrong for {wrong} example(s) out of 4: {wrong / 4:.2f}.",
               (1 - wrong / 4, " That is the accuracy, the fraction of right answers."))
    fb.correct("the error rate only changes when a prediction flips, which is why "
               "it cannot guide training.")


@fb.answer_is("class", Operation, " with a compute method")
def check_sigmoid_cross_entropy(SigmoidCrossEntropy):
    """Exercise 4: `SigmoidCrossEntropy(labels, logits)` is one operation whose
    compute gives -y log sigmoid(z) - (1 - y) log(1 - sigmoid(z)) elementwise,
    finite for any scores; compared with tf.nn.sigmoid_cross_entropy_with_logits."""
    library = losses.SigmoidCrossEntropyWithLogits
    if issubclass(SigmoidCrossEntropy, library):
        fb.fail("Write it yourself: your class inherits the library's "
                "SigmoidCrossEntropyWithLogits (tf.nn.sigmoid_cross_entropy_with_logits), "
                "which is what this check compares your answer against. Subclass "
                "tf.Operation and write compute.")
    rng = np.random.default_rng(4)
    labels_value = rng.integers(0, 2, size=(3, 4)).astype(np.float64)
    huge = np.array([[1000.0, -1000.0, 800.0, -5.0], [-900.0, 0.0, 1000.0, -1000.0],
                     [3.0, -800.0, -1000.0, 1000.0]])
    for logits_value, description in ((rng.standard_normal((3, 4)) * 3, "moderate scores"),
                                      (huge, "scores of +-1000")):
        with Graph().as_default():
            labels = placeholder("float64", shape=(None, 4), name="labels")
            logits = placeholder("float64", shape=(None, 4), name="logits")
            feed_dict = {labels: labels_value, logits: logits_value}
            expected = fb.run(losses.sigmoid_cross_entropy_with_logits(labels, logits),
                              feed_dict)
            with refusing("SigmoidCrossEntropy", _LIBRARY_LOSSES[1:2] + [
                    ("SigmoidCrossEntropyWithLogits.compute", library.compute)]):
                got = fb.run(SigmoidCrossEntropy(labels, logits), feed_dict)
        got = fb.numbers(fb.answered(got, "SigmoidCrossEntropy.compute"),
                         "the value SigmoidCrossEntropy.compute returns")
        _compare_sigmoid_losses(got, expected, labels_value, logits_value, description)
    fb.correct("max(z, 0) - z y + log(1 + e**-|z|) is the same loss, and no exponential in "
               "it can overflow: the form tf.nn.sigmoid_cross_entropy_with_logits uses.")


def _compare_sigmoid_losses(got, expected, labels_value, logits_value, description):
    where = f"with {description}, labels\n{labels_value}\nand logits\n{logits_value}\n"
    if got.shape != expected.shape:
        why = (" That is their mean or sum: return one loss per element, as the "
               "library does." if got.ndim == 0 else "")
        fb.fail(f"{where}your losses have shape {got.shape}, but there is one loss per "
                f"element: shape {expected.shape}.{why}")
    if not np.all(np.isfinite(got)):
        fb.fail(f"{where}your losses are\n{got}\nwhich are not all finite: e**1000 "
                f"overflows, and sigmoid(-1000) rounds to 0, whose log is -inf. Rewrite the "
                f"loss with log sigmoid(z) = -log(1 + e**-z), in a form whose exponent is "
                f"never positive for either sign of z (np.abs and np.log1p help).")
    swapped = np.maximum(labels_value, 0) - labels_value * logits_value + np.log1p(
        np.exp(-np.abs(labels_value)))
    fb.compare(got, expected, f"{where}your losses are\n{got}\nbut should be\n{expected}\n(as "
               f"tf.nn.sigmoid_cross_entropy_with_logits gives).",
               (-expected, " That is the negative: the loss is minus the log probability, >= 0."),
               (swapped, " The inputs are (labels, logits), in that order."))
