"""Checks for the exercises of chapter 5b, backpropagation."""
from contextlib import contextmanager

import numpy as np

from ..constant import constant
from ..datasets import blobs, one_hot
from ..gradient_check import gradient_check
from ..gradients import gradients
from ..graph import Graph, Node
from ..operation import Operation
from ..ops.activations import tanh
from ..ops.arithmetic import add
from ..ops.losses import softmax_cross_entropy_with_logits_v2
from ..ops.reductions import reduce_sum
from ..placeholder import placeholder
from ..traversal import topological_order
from ..variable import Variable
from . import feedback as fb
from .guard import refusing, with_helpers

# The library's backprop, private helpers included: what these exercises rebuild.
_BACKPROP = with_helpers("tf.gradients", gradients)


def own_gradient(node, what):
    """Ask `node` for its gradient (ending the check when it is not written
    yet); fail when it borrows the library's backprop or is not one node."""
    with refusing(f"{what}.gradient", _BACKPROP,
                  reason="a gradient method is the local rule that tf.gradients itself "
                         "asks each operation for; write it from grad and the inputs "
                         "with minidl operations."):
        grads = node.gradient(placeholder(name="grad"))
    if grads is None or (isinstance(grads, (list, tuple)) and grads and grads[0] is None):
        fb.not_yet(f"{what}.gradient")
    if not (isinstance(grads, (list, tuple)) and len(grads) == 1 and isinstance(grads[0], Node)):
        fb.fail(f"gradient should return a list with one minidl node per input (here one), "
                f"built from grad with minidl operations; it returned {fb.describe(grads)}")


def gradient_agrees(loss, xs, what, advice="", feed_dict=None):
    """Fail unless backprop through the learner's operation gives the gradient
    of `loss` that finite differences give (the library's `gradient_check`)."""
    try:
        report = gradient_check(loss, xs, feed_dict=feed_dict)
    except TypeError as error:
        fb.fail(f"computing the gradient failed: {error}")
    if not report.ok:
        fb.fail(f"the gradient {what} disagrees with finite differences: {report}.{advice}")


@fb.answer_is("class", Operation, " with compute and gradient methods")
def check_softplus(Softplus):
    """Exercise 1 of 05b: `Softplus(x)` computes log(1 + e**x) and its gradient."""
    x_value = np.array([-3.0, -0.5, 0.0, 0.7, 2.5])
    with Graph().as_default():
        x = Variable(x_value, name="x")
        node = Softplus(x)
        value = fb.numbers(fb.answered(fb.run(node), "Softplus.compute"),
                           "the value Softplus.compute returns")
        expected = np.log1p(np.exp(x_value))
        fb.compare(value, expected, f"for x = {fb.show(x_value)}, Softplus gives "
                   f"{fb.show(value)}, but log(1 + e**x) = {fb.show(expected)}")
        own_gradient(node, "Softplus")
        gradient_agrees(reduce_sum(node * np.array([1.0, -2.0, 0.5, 3.0, -1.0])), [x],
                        "of Softplus", " d/dx log(1 + e**x) = e**x / (1 + e**x) = "
                                       "sigmoid(x), times grad")
    fb.correct("the derivative of softplus is the sigmoid, and backprop multiplies it "
               "by the incoming gradient.")


@fb.answer_is("function")
def check_cross_entropy_gradient(cross_entropy_gradient):
    """Exercise 2 of 05b: `cross_entropy_gradient(X_data, Y_data, W_value, b_value)`
    returns (dJ/dW, dJ/db) of J = sum(softmax_cross_entropy(Y, X W + b)), in NumPy.

    The reference is the library's backprop of that J in float64, which a
    gradient worked out by hand matches to ~1e-15; finite differences come
    within ~1e-9 and no closer, so they are told apart."""
    rng = np.random.default_rng(5)
    X_data, y_data = blobs(n=7, seed=5, classes=3)
    Y_data = one_hot(y_data, 3)
    W_value, b_value = rng.standard_normal((2, 3)), rng.standard_normal(3)
    with refusing("cross_entropy_gradient", _BACKPROP):
        answer = cross_entropy_gradient(X_data.copy(), Y_data.copy(), W_value.copy(),
                                        b_value.copy())
    fb.answered(answer, "cross_entropy_gradient")
    dW, db = fb.two_arrays(answer, "cross_entropy_gradient", "dJ/dW", "dJ/db")
    if dW.shape != W_value.shape or db.shape != b_value.shape:
        fb.fail(f"dJ/dW must have W's shape {W_value.shape} and dJ/db b's shape "
                f"{b_value.shape}; yours have {dW.shape} and {db.shape}")
    with Graph().as_default():
        W, b = Variable(W_value, name="W"), Variable(b_value, name="b")
        J = reduce_sum(softmax_cross_entropy_with_logits_v2(Y_data, X_data @ W + b))
        expected_dW, expected_db = fb.run(gradients(J, [W, b]))
    for got, expected, name in ((db, expected_db, "dJ/db"), (dW, expected_dW, "dJ/dW")):
        if np.allclose(got, expected, rtol=0, atol=1e-12):
            continue
        if np.allclose(got, expected, atol=1e-6):
            fb.fail(f"{name} is within {np.max(np.abs(got - expected)):.1e} of the exact "
                    f"gradient, but not exact: this looks like finite differences. The "
                    f"exercise asks for the formula, which is exact to ~1e-15.")
        if name == "dJ/db":
            hint = (" That is the negative: the gradient is P - Y, not Y - P."
                    if np.allclose(db, -expected_db, atol=1e-6) else "")
            fb.fail(f"dJ/db is {fb.show(db)}, but the gradient is {fb.show(expected_db)}. "
                    f"It is the sum over the examples of P - Y.{hint}")
        fb.fail(f"dJ/dW is {fb.show(dW)}, but the gradient is {fb.show(expected_dW)}. "
                f"Each example i adds the outer product of x_i and (p_i - y_i): X^T (P - Y).")
    fb.correct("dJ/dlogits = P - Y, then the matrix product sends it back: "
               "dJ/dW = X^T (P - Y), and dJ/db sums P - Y over the examples.")


def _used_twice():
    W = Variable(np.array([[0.5, -1.0], [2.0, 0.3]]), name="W")
    J = reduce_sum(W * W + 3 * W, name="J")
    return J, [W], "J = sum(W * W + 3 W), where one multiplication gets W twice"


def _off_the_path():
    X = constant([[1.0, -2.0, 0.5], [0.3, 0.8, -1.0]], name="X")
    W = Variable(np.array([[0.2, -0.4], [0.7, 0.1], [-0.3, 0.5]]), name="W")
    V = Variable(np.ones(2), name="V")
    h = tanh(X @ W, name="h")
    add(h * V, 1.0, name="side")
    J = reduce_sum(h * h, name="J")
    return J, [W, V], ("J = sum(h * h) with h = tanh(X W), where h has another consumer, "
                       "'side' = h * V + 1, that J does not use (so V does not lead to J)")


def _broadcast():
    X = constant(np.arange(8.0).reshape(4, 2) / 4 - 1, name="X")
    W = Variable(np.array([[0.5, -1.0, 0.2], [0.1, 0.4, -0.6]]), name="W")
    b = Variable(np.array([0.1, -0.2, 0.3]), name="b")
    J = reduce_sum(tanh(X @ W + b), name="J")
    return J, [W, b], "J = sum(tanh(X W + b)), where b, of shape (3,), is added to 4 rows"


DEEP_LEVELS = 60
DEEP_SECONDS = 5  # a right answer takes well under a second (here and in chapter 5c)


def deep(v):
    """DEEP_LEVELS levels of v = 0.3 v + 0.7 v: few nodes, 2**DEEP_LEVELS paths."""
    for _ in range(DEEP_LEVELS):
        v = 0.3 * v + 0.7 * v
    return v


def _deep_shared():
    x = Variable(np.array([1.5, -0.5]), name="x")
    J = reduce_sum(deep(x), name="J")
    return J, [x], (f"{DEEP_LEVELS} levels of v = 0.3 v + 0.7 v, each level using the "
                    f"one below twice")


_ONCE = ("Add up all the contributions a node receives first, and only then ask its "
         "operation for the gradients of its inputs, once: walk the nodes in reverse "
         "topological order (chapter 2), so that every consumer of a node comes before it.")


@fb.answer_is("function")
def check_my_gradients(my_gradients):
    """Exercise 3 of 05b: `my_gradients(ys, xs)` builds, like `tf.gradients`,
    one gradient node per x (None where ys does not depend on x), from nothing
    but each operation's `gradient` method."""
    for build in (_used_twice, _off_the_path, _broadcast, _deep_shared):
        with Graph().as_default():
            J, xs, description = build()
            expected = gradients(J, xs)
            deep = build is _deep_shared
            with _asked_once(J, enforce=deep) as asked, refusing(
                    "my_gradients", _BACKPROP,
                    seconds=DEEP_SECONDS if deep else None,
                    too_slow=f"On {description}, a walk that does not remember which "
                             f"nodes it has visited follows all 2**{DEEP_LEVELS} paths "
                             f"(chapter 2's visited set prevents it). {_ONCE}"):
                got = my_gradients(J, xs)
            fb.answered(got, "my_gradients")
            _compare_gradients(got, expected, xs, description)
            _all_asked(asked, J, xs, description)
    fb.correct("that is backpropagation: one walk back through the graph, each node "
               "visited once, each operation asked only for its own local rule.")


def _compare_gradients(got, expected, xs, description):
    if not (isinstance(got, (list, tuple)) and len(got) == len(xs)):
        fb.fail(f"my_gradients should return a list with one gradient node per x (here "
                f"{len(xs)}); for {description} it returned {fb.describe(got)}")
    for x, mine, reference in zip(xs, got, expected):
        if reference is None:
            if mine is not None:
                fb.fail(f"for {description}, J does not depend on '{x.name}', so its "
                        f"gradient should be None, as tf.gradients gives; yours is "
                        f"{fb.describe(mine)}")
            continue
        if mine is None:
            fb.fail(f"for {description}, your gradient for '{x.name}' is None, but J "
                    f"depends on it. A node can have consumers that J does not use (the "
                    f"gradient nodes already built are consumers too), and a walk that "
                    f"waits to hear from every consumer never gets to it: walk "
                    f"reversed(topological order of J), which holds only what J "
                    f"depends on.")
        fb.node(mine, f"the gradient for '{x.name}'", "so that it can be run, "
                "drawn and differentiated again, like what tf.gradients returns")
        value, right = fb.run([mine, reference])
        value = fb.numbers(value, f"the value of your gradient for '{x.name}'")
        fb.compare(value, right, f"for {description}, your gradient for '{x.name}' is "
                   f"{fb.show(value)}, but tf.gradients gives {fb.show(right)}."
                   f"{_gradient_hint(value, right)}")


def _gradient_hint(value, right):
    if value.shape != right.shape:
        return (" The shapes differ: the gradient of an input has the input's shape; "
                "each operation's gradient method already sums a broadcast input back "
                "to it.")
    return (" A node that receives several contributions (from several consumers, or "
            "twice from one) must get their sum: add them, never overwrite one with "
            "the next.")


def _all_asked(asked, J, xs, description):
    """Fail unless every operation between the xs and J was asked for its gradient."""
    below = set(xs)
    for operation in topological_order([J]):
        if any(x in below for x in operation.inputs):
            below.add(operation)
            if operation not in asked:
                fb.fail(f"for {description}, my_gradients never asked '{operation.name}' "
                        f"({operation.type}) for its gradient, though it lies between J and "
                        f"the xs: build every gradient from the operations' own gradient "
                        f"methods, as tf.gradients does, not from a formula of your own.")


class _Asked(BaseException):
    """Raised inside the learner's walk when it asks an operation twice."""


@contextmanager
def _asked_once(J, enforce):
    """While the block runs, count the calls to each operation's `gradient`
    (J depends on) and, if `enforce`, stop at the second call to one."""
    operations = [n for n in topological_order([J]) if isinstance(n, Operation)]
    asked = {}

    def counting(operation):
        method = operation.gradient

        def gradient(grad):
            asked[operation] = asked.get(operation, 0) + 1
            if enforce and asked[operation] > 1:
                raise _Asked(operation)
            return method(grad)
        return gradient

    for operation in operations:
        operation.gradient = counting(operation)
    try:
        yield asked
    except _Asked as stop:
        operation, = stop.args
        fb.fail(f"my_gradients asked '{operation.name}' ({operation.type}) for its gradient "
                f"a second time, on a graph of {DEEP_LEVELS} levels where each level uses "
                f"the one below twice. Passing each contribution on as soon as it arrives "
                f"asks the first level 2**{DEEP_LEVELS} (about 10**18) times. {_ONCE}")
    finally:
        for operation in operations:
            del operation.gradient
