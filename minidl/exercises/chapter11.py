"""Checks for the exercises of chapter 11, debugging and initialization."""
import numpy as np

import minidl as tf

from ..session import _check_finite
from . import feedback as fb
from .guard import refusing


@fb.answer_is("function")
def check_expected_initial_loss(expected_initial_loss):
    """Exercise 1: `expected_initial_loss(class_counts)` is the cross-entropy
    -sum_c q_c ln q_c of predicting the class shares q_c for every example."""
    for counts in ([10, 10], [25, 25, 25, 25], [90, 10], [50, 30, 15, 5]):
        got = fb.number(fb.call(expected_initial_loss, "expected_initial_loss", counts),
                        "what expected_initial_loss returns", example="0.69")
        shares = np.array(counts) / np.sum(counts)
        expected = -np.sum(shares * np.log(shares))
        natural = " The cross-entropy uses the natural logarithm, ln (np.log)."
        fb.compare(got, expected, f"for class counts {counts} (shares {fb.show(shares)}), the "
                   f"expected loss is {expected:.4f}; your answer is {got:.4f}.",
                   (np.log(len(counts)), " That is ln C, right for balanced classes only: "
                                         "weigh each class's -ln q_c by its share q_c."),
                   (expected / np.log(10), natural), (expected / np.log(2), natural),
                   (-expected, " It has the wrong sign: ln q_c < 0, so the loss is "
                               "-sum(q ln q) > 0."))
    fb.correct("predicting the class shares gives a loss equal to their entropy: ln C for "
               "C balanced classes, less when one class dominates. A trained network must "
               "beat this number to have learned anything from the inputs.")


@fb.answer_is("function")
def check_glorot_uniform(glorot_uniform):
    """Exercise 2: `glorot_uniform(fan_in, fan_out, rng)` draws
    rng.uniform(-limit, limit, (fan_in, fan_out)), limit = sqrt(6 / (fan_in + fan_out))."""
    for fan_in, fan_out in [(64, 32), (3, 5), (200, 10)]:
        answer = fb.call(glorot_uniform, "glorot_uniform", fan_in, fan_out,
                         np.random.default_rng(11))
        answer = fb.numbers(answer, "the weights glorot_uniform returns")
        where = f"with fan_in = {fan_in} and fan_out = {fan_out}"
        fb.expect(answer.shape == (fan_in, fan_out), f"{where}, the weights should have shape "
                  f"{(fan_in, fan_out)}; they have shape {answer.shape}")
        limit = np.sqrt(6 / (fan_in + fan_out))
        expected = np.random.default_rng(11).uniform(-limit, limit, (fan_in, fan_out))
        largest = np.max(np.abs(answer))
        why = fb.hint(answer, (expected * np.sqrt(6 / fan_in) / limit,
                               "that limit uses fan_in only; Glorot's uses fan_in + fan_out"),
                      (expected * np.sqrt(2 / (fan_in + fan_out)) / limit,
                       "sqrt(2 / (fan_in + fan_out)) is the standard deviation Glorot wants; a "
                       "uniform distribution on [-a, a] has standard deviation a / sqrt(3)"))
        fb.expect(not why, f"{where}, the weights should lie within +-{limit:.4f}; {why}")
        fb.expect(fb.close(answer, expected) or largest > limit, f"{where}, the weights lie "
                  f"within the right limit +-{limit:.4f} but are not the numbers "
                  f"rng.uniform(-limit, limit, (fan_in, fan_out)) draws: use the rng you are "
                  f"given (tf.glorot_uniform_initializer has its own generator), and draw all "
                  f"the weights in one call")
        fb.compare(answer, expected, f"{where}, the weights should lie within +-sqrt(6 / (fan_in "
                   f"+ fan_out)) = +-{limit:.4f}; the largest is {largest:.4f}")
    fb.correct("each weight has variance limit**2 / 3 = 2 / (fan_in + fan_out), the size "
               "that keeps signals and gradients steady through the layers.")


@fb.answer_is("function")
def check_dead_units(dead_units):
    """Exercise 3: `dead_units(activations)` is the share of columns (units)
    that are 0 in every row (example)."""
    activations = np.maximum(np.random.default_rng(12).normal(size=(8, 10)), 0)
    activations[:, [1, 4, 7]] = 0
    activations[0, 5] = 0.0
    for values in (activations, np.zeros((3, 4)), np.ones((5, 2))):
        got = fb.number(fb.call(dead_units, "dead_units", values), "what dead_units returns",
                        example="0.69")
        dead = np.all(values == 0, axis=0)
        fb.compare(got, np.mean(dead), f"for activations of shape {values.shape} in which "
                   f"{int(np.sum(dead))} of the {values.shape[1]} columns are all 0, the answer "
                   f"should be {np.mean(dead):.4f}; yours is {got:.4f}.",
                   (np.mean(values == 0), " That is the share of zero *entries*; a unit is "
                                          "dead only when its whole column is 0."),
                   (np.sum(dead), " That is a count of units: divide by the number of units."),
                   (np.mean(np.all(values == 0, axis=1)), " That looks along the rows: units "
                                                          "are the columns (axis=0)."))
    fb.correct("a unit that is 0 for every example of a large batch passes no gradient "
               "back: unless the layer below changes, it stays dead.")


def _planted_nan_graphs():
    """Yield (description, the first node that is not finite, loss, feed_dict) for small
    graphs with a NaN or an infinity planted at a known node, and one without any; each
    while its graph is the default one, as in a notebook."""
    with tf.Graph().as_default():
        X = tf.placeholder("float64", shape=(None, 3), name="X")
        Y = tf.placeholder("float64", shape=(None, 3), name="Y")
        W = tf.Variable(np.array([[400.0, -300.0, 0.0], [0.0, 500.0, -400.0], [1.0, 1.0, 1.0]]),
                        name="W")
        p = tf.softmax(X @ W, name="p")  # some shares underflow to 0: their log is -infinity
        J = -tf.reduce_mean(tf.reduce_sum(Y * tf.log(p, name="log_p"), axis=1), name="J")
        feed = {X: np.array([[1.0, 2.0, 0.5], [2.0, 0.0, 1.0]]), Y: np.eye(3)[[0, 2]]}
        yield "a cross-entropy written as -sum(Y log p) with huge scores", "log_p", J, feed
    with tf.Graph().as_default():
        x = tf.placeholder("float64", shape=(None,), name="x")
        growth = tf.exp(x * 1000.0, name="growth")  # infinity for x = 1
        J = tf.reduce_sum(growth / growth, name="J")
        yield "exp(1000 x) / exp(1000 x)", "growth", J, {x: np.array([0.5, 1.0])}
    with tf.Graph().as_default():
        x = tf.placeholder("float64", shape=(None,), name="x")
        J = tf.reduce_sum(tf.exp(-x * x, name="bump"), name="J")
        yield "a graph without NaN or infinity", None, J, {x: np.array([0.5, 1.0])}


@fb.answer_is("function")
def check_first_nonfinite(first_nonfinite):
    """Exercise 4: `first_nonfinite(loss, feed_dict)` returns the name of the
    first node, in the order a session computes them, whose value holds NaN or
    infinity; None when there is none."""
    for description, expected, loss, feed in _planted_nan_graphs():
        with refusing("first_nonfinite", [("tf.Session(check_numerics=True)", _check_finite)],
                      reason="check_numerics is the tool this exercise rebuilds"):
            answer = first_nonfinite(loss, feed)  # not fb.call: None may be right
        if answer is None and expected == "log_p":  # None on the first graph: a stub
            fb.not_yet("first_nonfinite")
        fb.expect(answer is not None or expected is None, f"in {description}, node "
                  f"'{expected}' holds NaN or infinity, but first_nonfinite returned None")
        if isinstance(answer, tf.Node):
            fb.fail(f"first_nonfinite should return the node's name, a string such as "
                    f"'{answer.name}', not the node itself: write node.name")
        fb.expect(answer is None or isinstance(answer, str), f"first_nonfinite should return "
                  f"a node's name (a string) or None; it returned {fb.describe(answer)}")
        order = [node.name for node in tf.traversal.topological_order([loss])]
        why = ""
        if answer == loss.name:
            why = (f" '{loss.name}' is the loss, where the NaN ends up; the bug is where it "
                   f"starts, the first bad node in the order the session computes them.")
        elif expected is None:
            why = " Every value of this graph is finite: return None."
        elif answer in order and order.index(answer) > order.index(expected):
            why = (f" '{answer}' comes after '{expected}' in the order the session computes "
                   f"them. An infinity counts too: test with np.isfinite, not only np.isnan.")
        fb.expect(answer == expected, f"in {description}, the first node whose value is not "
                  f"finite is {expected!r}; first_nonfinite returned {answer!r}.{why}")
    fb.correct("the first non-finite value in computing order is where a NaN is born; "
               "every node after it only passes it on. That is what check_numerics reports.")
