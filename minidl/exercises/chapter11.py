"""Checks for the exercises of chapter 11, debugging and initialization."""
import numpy as np

from .. import session as session_module
from ..graph import Graph, Node
from ..ops.activations import softmax
from ..ops.elementwise import exp, log
from ..ops.reductions import reduce_mean, reduce_sum
from ..placeholder import placeholder
from ..session import Session
from ..traversal import topological_order
from ..variable import Variable
from . import feedback as fb
from .guard import refusing


def _number(answer, what):
    """The learner's answer as a float, or a clear failure when it is not one number."""
    if isinstance(answer, Node):
        fb.fail(f"{what} should return a plain number computed with NumPy or math, not a "
                f"minidl node: nothing here needs a graph")
    return fb.number(answer, f"what {what} returns", example="0.69")


@fb.answer_is("function")
def check_expected_initial_loss(expected_initial_loss):
    """Exercise 1: `expected_initial_loss(class_counts)` is the cross-entropy
    -sum_c q_c ln q_c of predicting the class shares q_c for every example."""
    for counts in ([10, 10], [25, 25, 25, 25], [90, 10], [50, 30, 15, 5]):
        answer = fb.answered(expected_initial_loss(list(counts)), "expected_initial_loss")
        got = _number(answer, "expected_initial_loss")
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
        answer = glorot_uniform(fan_in, fan_out, np.random.default_rng(11))
        fb.answered(answer, "glorot_uniform")
        if isinstance(answer, Node):
            fb.fail("glorot_uniform should return a NumPy array, not a minidl node")
        answer = fb.numbers(answer, "the weights glorot_uniform returns")
        if answer.shape != (fan_in, fan_out):
            fb.fail(f"with fan_in = {fan_in} and fan_out = {fan_out}, the weights should have "
                    f"shape {(fan_in, fan_out)}; they have shape {answer.shape}")
        limit = np.sqrt(6 / (fan_in + fan_out))
        expected = np.random.default_rng(11).uniform(-limit, limit, (fan_in, fan_out))
        if np.allclose(answer, expected):
            continue
        largest = np.max(np.abs(answer))
        where = f"with fan_in = {fan_in} and fan_out = {fan_out}"
        why = fb.hint(answer, (expected * np.sqrt(6 / fan_in) / limit,
                               "that limit uses fan_in only; Glorot's uses fan_in + fan_out"),
                      (expected * np.sqrt(2 / (fan_in + fan_out)) / limit,
                       "sqrt(2 / (fan_in + fan_out)) is the standard deviation Glorot wants; a "
                       "uniform distribution on [-a, a] has standard deviation a / sqrt(3)"))
        if why:
            fb.fail(f"{where}, the weights should lie within +-{limit:.4f}; {why}")
        if largest <= limit:
            fb.fail(f"{where}, the weights lie within the right limit +-{limit:.4f} but are "
                    f"not the numbers rng.uniform(-limit, limit, (fan_in, fan_out)) draws: use "
                    f"the rng you are given (tf.glorot_uniform_initializer has its own "
                    f"generator), and draw all the weights in one call")
        fb.fail(f"{where}, the weights should lie within +-sqrt(6 / (fan_in + fan_out)) = "
                f"+-{limit:.4f}; the largest is {largest:.4f}")
    fb.correct("each weight has variance limit**2 / 3 = 2 / (fan_in + fan_out), the size "
               "that keeps signals and gradients steady through the layers.")


@fb.answer_is("function")
def check_dead_units(dead_units):
    """Exercise 3: `dead_units(activations)` is the share of columns (units)
    that are 0 in every row (example)."""
    rng = np.random.default_rng(12)
    activations = np.maximum(rng.normal(size=(8, 10)), 0)
    activations[:, [1, 4, 7]] = 0
    activations[0, 5] = 0.0
    cases = [activations, np.zeros((3, 4)), np.ones((5, 2))]
    for values in cases:
        answer = fb.answered(dead_units(values.copy()), "dead_units")
        got = _number(answer, "dead_units")
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
    """Yield (description, loss, feed_dict) for small graphs with a NaN or an
    infinity planted at a known node, and one without any; each while its
    graph is the default one, as in a notebook."""
    with Graph().as_default():
        X = placeholder("float64", shape=(None, 3), name="X")
        Y = placeholder("float64", shape=(None, 3), name="Y")
        W = Variable(np.array([[400.0, -300.0, 0.0], [0.0, 500.0, -400.0], [1.0, 1.0, 1.0]]),
                     name="W")
        p = softmax(X @ W, name="p")
        J = -reduce_mean(reduce_sum(Y * log(p, name="log_p"), axis=1), name="J")
        feed = {X: np.array([[1.0, 2.0, 0.5], [2.0, 0.0, 1.0]]), Y: np.eye(3)[[0, 2]]}
        yield "a cross-entropy written as -sum(Y log p) with huge scores", J, feed
    with Graph().as_default():
        x = placeholder("float64", shape=(None,), name="x")
        growth = exp(x * 1000.0, name="growth")
        J = reduce_sum(growth / growth, name="J")
        yield "exp(1000 x) / exp(1000 x)", J, {x: np.array([0.5, 1.0])}
    with Graph().as_default():
        x = placeholder("float64", shape=(None,), name="x")
        J = reduce_sum(exp(-x * x, name="bump"), name="J")
        yield "a graph without NaN or infinity", J, {x: np.array([0.5, 1.0])}


def _first_nonfinite_name(loss, feed_dict):
    """The model answer's result, computed the check's own way (by the plain
    interpreter: an optimizing session would rewrite the planted log(0) away)."""
    order = topological_order([loss])
    with Session(loss.graph, optimize=False) as session, np.errstate(all="ignore"):
        values = session.run(order, feed_dict)
    for node, value in zip(order, values):
        if np.issubdtype(np.asarray(value).dtype, np.inexact) and not np.all(np.isfinite(value)):
            return node.name
    return None


@fb.answer_is("function")
def check_first_nonfinite(first_nonfinite):
    """Exercise 4: `first_nonfinite(loss, feed_dict)` returns the name of the
    first node, in the order a session computes them, whose value holds NaN or
    infinity; None when there is none."""
    shortcut = [("tf.Session(check_numerics=True)", session_module._check_finite)]
    for description, loss, feed in _planted_nan_graphs():
        expected = _first_nonfinite_name(loss, feed)
        with refusing("first_nonfinite", shortcut,
                      reason="check_numerics is the tool this exercise rebuilds"):
            answer = first_nonfinite(loss, feed)
        if answer is None and expected is not None:
            if description.startswith("a cross"):
                fb.not_yet("first_nonfinite")
            fb.fail(f"in {description}, node '{expected}' holds NaN or infinity, but "
                    f"first_nonfinite returned None")
        if isinstance(answer, Node):
            fb.fail(f"first_nonfinite should return the node's name, a string such as "
                    f"'{answer.name}', not the node itself: write node.name")
        if answer is not None and not isinstance(answer, str):
            fb.fail(f"first_nonfinite should return a node's name (a string) or None; it "
                    f"returned {fb.describe(answer)}")
        if answer == expected:
            continue
        why = ""
        if answer == loss.name:
            why = (f" '{loss.name}' is the loss, where the NaN ends up; the bug is where "
                    f"it starts, the first bad node in the order the session computes them.")
        elif expected is None:
            why = " Every value of this graph is finite: return None."
        else:
            order = [node.name for node in topological_order([loss])]
            if answer in order and order.index(answer) > order.index(expected):
                why = (f" '{answer}' comes after '{expected}' in the order the session "
                        f"computes them. An infinity counts too: test with np.isfinite, "
                        f"not only np.isnan.")
        fb.fail(f"in {description}, the first node whose value is not finite is "
                f"{expected!r}; first_nonfinite returned {answer!r}.{why}")
    fb.correct("the first non-finite value in computing order is where a NaN is born; "
               "every node after it only passes it on. That is what check_numerics reports.")
