"""Checks for the exercises of chapter 5b, backpropagation."""
from contextlib import contextmanager

import numpy as np

import minidl as tf

from ..traversal import topological_order
from . import feedback as fb
from .guard import with_helpers

# The library's backprop, private helpers included: what these exercises rebuild.
_BACKPROP = with_helpers("tf.gradients", tf.gradients)


def own_gradient(node, what):
    """Ask `node` for its gradient (ending the check when it is not written
    yet); fail when it borrows the library's backprop or is not one node."""
    grads = fb.call(node.gradient, f"{what}.gradient", tf.placeholder(name="grad"),
                    refuse=_BACKPROP, reason="a gradient method is the local rule that "
                    "tf.gradients itself asks each operation for; write it from grad and the "
                    "inputs with minidl operations.")
    if isinstance(grads, (list, tuple)) and grads and grads[0] is None:
        fb.not_yet(f"{what}.gradient")
    fb.expect(isinstance(grads, (list, tuple)) and len(grads) == 1
              and isinstance(grads[0], tf.Node), f"gradient should return a list with one "
              f"minidl node per input (here one), built from grad with minidl operations; it "
              f"returned {fb.describe(grads)}")


def gradient_agrees(loss, xs, what, advice="", feed_dict=None):
    """Fail unless backprop through the learner's operation gives the gradient
    of `loss` that finite differences give (the library's `gradient_check`)."""
    try:
        report = tf.gradient_check(loss, xs, feed_dict=feed_dict)
    except TypeError as error:
        fb.fail(f"computing the gradient failed: {error}")
    fb.expect(report.ok, f"the gradient {what} disagrees with finite differences: "
              f"{report}.{advice}")


@fb.answer_is("class", tf.Operation, " with compute and gradient methods")
def check_softplus(Softplus):
    """Exercise 1 of 05b: `Softplus(x)` computes log(1 + e**x) and its gradient."""
    x_value = np.array([-3.0, -0.5, 0.0, 0.7, 2.5])
    with tf.Graph().as_default():
        x = tf.Variable(x_value, name="x")
        node = Softplus(x)
        fb.agrees(fb.answered(fb.run(node), "Softplus.compute"), np.log1p(np.exp(x_value)),
                  f"for x = {fb.show(x_value)}", "the value Softplus.compute returns",
                  why=" Softplus is log(1 + e**x).")
        own_gradient(node, "Softplus")
        gradient_agrees(tf.reduce_sum(node * np.array([1.0, -2.0, 0.5, 3.0, -1.0])), [x],
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
    X_data, y_data = tf.datasets.blobs(n=7, seed=5, classes=3)
    Y_data = tf.datasets.one_hot(y_data, 3)
    W_value, b_value = rng.standard_normal((2, 3)), rng.standard_normal(3)
    dW, db = fb.two_arrays(fb.call(cross_entropy_gradient, "cross_entropy_gradient", X_data,
                                   Y_data, W_value, b_value, refuse=_BACKPROP),
                           "cross_entropy_gradient", "dJ/dW", "dJ/db")
    fb.expect(dW.shape == W_value.shape and db.shape == b_value.shape, f"dJ/dW must have W's "
              f"shape {W_value.shape} and dJ/db b's shape {b_value.shape}; yours have "
              f"{dW.shape} and {db.shape}")
    with tf.Graph().as_default():
        W, b = tf.Variable(W_value, name="W"), tf.Variable(b_value, name="b")
        J = tf.reduce_sum(tf.nn.softmax_cross_entropy_with_logits_v2(Y_data, X_data @ W + b))
        expected_dW, expected_db = fb.run(tf.gradients(J, [W, b]))
    for name, got, expected in (("dJ/db", db, expected_db), ("dJ/dW", dW, expected_dW)):
        fb.expect(np.allclose(got, expected, rtol=0, atol=1e-12)
                  or not np.allclose(got, expected, atol=1e-6), f"{name} is within "
                  f"{np.max(np.abs(got - expected)):.1e} of the exact gradient, but not exact: "
                  f"this looks like finite differences. The exercise asks for the formula, "
                  f"which is exact to ~1e-15.")
    fb.compare(db, expected_db, f"dJ/db is {fb.show(db)}, but the gradient is "
               f"{fb.show(expected_db)}. It is the sum over the examples of P - Y.",
               (-expected_db, " That is the negative: the gradient is P - Y, not Y - P."),
               rtol=0, atol=1e-12)
    fb.compare(dW, expected_dW, f"dJ/dW is {fb.show(dW)}, but the gradient is "
               f"{fb.show(expected_dW)}. Each example i adds the outer product of x_i and "
               f"(p_i - y_i): X^T (P - Y).", rtol=0, atol=1e-12)
    fb.correct("dJ/dlogits = P - Y, then the matrix product sends it back: "
               "dJ/dW = X^T (P - Y), and dJ/db sums P - Y over the examples.")


def _used_twice():
    W = tf.Variable(np.array([[0.5, -1.0], [2.0, 0.3]]), name="W")
    return (tf.reduce_sum(W * W + 3 * W, name="J"), [W],
            "J = sum(W * W + 3 W), where one multiplication gets W twice")


def _off_the_path():
    X = tf.constant([[1.0, -2.0, 0.5], [0.3, 0.8, -1.0]], name="X")
    W = tf.Variable(np.array([[0.2, -0.4], [0.7, 0.1], [-0.3, 0.5]]), name="W")
    V = tf.Variable(np.ones(2), name="V")
    h = tf.tanh(X @ W, name="h")
    tf.add(h * V, 1.0, name="side")
    return tf.reduce_sum(h * h, name="J"), [W, V], (
        "J = sum(h * h) with h = tanh(X W), where h has another consumer, 'side' = h * V + 1, "
        "that J does not use (so V does not lead to J)")


def _broadcast():
    X = tf.constant(np.arange(8.0).reshape(4, 2) / 4 - 1, name="X")
    W = tf.Variable(np.array([[0.5, -1.0, 0.2], [0.1, 0.4, -0.6]]), name="W")
    b = tf.Variable(np.array([0.1, -0.2, 0.3]), name="b")
    return (tf.reduce_sum(tf.tanh(X @ W + b), name="J"), [W, b],
            "J = sum(tanh(X W + b)), where b, of shape (3,), is added to 4 rows")


DEEP_LEVELS = 60
DEEP_SECONDS = 5  # a right answer takes well under a second (here and in chapter 5c)


def deep(v):
    """DEEP_LEVELS levels of v = 0.3 v + 0.7 v: few nodes, 2**DEEP_LEVELS paths."""
    for _ in range(DEEP_LEVELS):
        v = 0.3 * v + 0.7 * v
    return v


def _deep_shared():
    x = tf.Variable(np.array([1.5, -0.5]), name="x")
    return (tf.reduce_sum(deep(x), name="J"), [x],
            f"{DEEP_LEVELS} levels of v = 0.3 v + 0.7 v, each level using the one below twice")


_ONCE = ("Add up all the contributions a node receives first, and only then ask its "
         "operation for the gradients of its inputs, once: walk the nodes in reverse "
         "topological order (chapter 2), so that every consumer of a node comes before it.")


@fb.answer_is("function")
def check_my_gradients(my_gradients):
    """Exercise 3 of 05b: `my_gradients(ys, xs)` builds, like `tf.gradients`,
    one gradient node per x (None where ys does not depend on x), from nothing
    but each operation's `gradient` method."""
    for build in (_used_twice, _off_the_path, _broadcast, _deep_shared):
        with tf.Graph().as_default():
            J, xs, description = build()
            expected = tf.gradients(J, xs)
            with _asked_once(J, enforce=build is _deep_shared) as asked:
                got = fb.call(my_gradients, "my_gradients", J, xs, refuse=_BACKPROP,
                              seconds=DEEP_SECONDS if build is _deep_shared else None,
                              too_slow=f"On {description}, a walk that does not remember which "
                                       f"nodes it has visited follows all 2**{DEEP_LEVELS} "
                                       f"paths (chapter 2's visited set prevents it). {_ONCE}")
            _compare_gradients(got, expected, xs, description)
            below = set(xs)  # the xs and every operation between them and J
            for operation in topological_order([J]):
                if any(x in below for x in operation.inputs):
                    below.add(operation)
                    fb.expect(operation in asked, f"for {description}, my_gradients never "
                              f"asked '{operation.name}' ({operation.type}) for its gradient, "
                              f"though it lies between J and the xs: build every gradient from "
                              f"the operations' own gradient methods, as tf.gradients does, "
                              f"not from a formula of your own.")
    fb.correct("that is backpropagation: one walk back through the graph, each node "
               "visited once, each operation asked only for its own local rule.")


def _compare_gradients(got, expected, xs, description):
    """Fail unless `got` holds, for each x, a node of the value of tf.gradients'
    `expected` one, or None where that is None."""
    fb.expect(isinstance(got, (list, tuple)) and len(got) == len(xs), f"my_gradients should "
              f"return a list with one gradient node per x (here {len(xs)}); for "
              f"{description} it returned {fb.describe(got)}")
    for x, mine, reference in zip(xs, got, expected):
        fb.expect(reference is not None or mine is None, f"for {description}, J does not "
                  f"depend on '{x.name}', so its gradient should be None, as tf.gradients "
                  f"gives; yours is {fb.describe(mine)}")
        if reference is None:
            continue
        fb.expect(mine is not None, f"for {description}, your gradient for '{x.name}' is None, "
                  f"but J depends on it. A node can have consumers that J does not use (the "
                  f"gradient nodes already built are consumers too), and a walk that waits to "
                  f"hear from every consumer never gets to it: walk reversed(topological order "
                  f"of J), which holds only what J depends on.")
        fb.node(mine, f"the gradient for '{x.name}'", "so that it can be run, "
                "drawn and differentiated again, like what tf.gradients returns")
        value, right = fb.run([mine, reference])
        value = fb.numbers(value, f"the value of your gradient for '{x.name}'")
        fb.compare(value, right, f"for {description}, your gradient for '{x.name}' is "
                   f"{fb.show(value)}, but tf.gradients gives {fb.show(right)}." + (
                       " The shapes differ: the gradient of an input has the input's shape; "
                       "each operation's gradient method already sums a broadcast input back "
                       "to it." if value.shape != right.shape else
                       " A node that receives several contributions (from several consumers, "
                       "or twice from one) must get their sum: add them, never overwrite one "
                       "with the next."))


class _Asked(BaseException):
    """Raised inside the learner's walk when it asks an operation twice."""


@contextmanager
def _asked_once(J, enforce):
    """While the block runs, count the calls to each operation's `gradient`
    (J depends on) and, if `enforce`, stop at the second call to one."""
    operations = [n for n in topological_order([J]) if isinstance(n, tf.Operation)]
    asked = {}

    def counting(operation, method):
        def gradient(grad):
            asked[operation] = asked.get(operation, 0) + 1
            if enforce and asked[operation] > 1:
                raise _Asked(operation)
            return method(grad)
        return gradient

    for operation in operations:
        operation.gradient = counting(operation, operation.gradient)
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
