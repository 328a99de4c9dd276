"""Checks for chapter 5c, autodiff in one page: the learner's scalar engine
`Scalar`, compared with minidl's `tf.gradients` on the same expressions."""
import math

import numpy as np

import minidl as tf

from . import feedback as fb
from .chapter05b import DEEP_LEVELS, DEEP_SECONDS, deep
from .guard import refusing


def _result(Scalar, value, what):
    """`value` when it is one of the learner's Scalars, or a clear failure."""
    fb.expect(isinstance(value, Scalar), f"{what} should return a new Scalar (holding the "
              f"value and its parents); it returned {fb.describe(value)}")
    fb.number(value.value, f"the value of {what}")
    return value


def _local_derivatives(node, what):
    """The parents of `node` as {id(input): local derivative, summed over its pairs}."""
    fb.expect(isinstance(node.parents, (tuple, list)), f"the parents of {what} should be "
              f"pairs (input, local derivative); they are {fb.describe(node.parents)}")
    found = {}
    for pair in node.parents:
        fb.expect(isinstance(pair, (tuple, list)) and len(pair) == 2, f"each parent of {what} "
                  f"should be a pair (input, local derivative); one is {fb.describe(pair)}")
        local = fb.number(pair[1], f"the local derivative that {what} stores")
        found[id(pair[0])] = found.get(id(pair[0]), 0.0) + local
    return found


@fb.answer_is("class")
def check_mul(Scalar):
    """Exercise 1: `a * b` gives a Scalar of value a b whose parents are
    (a, b) and (b, a): d(a b)/da = b, d(a b)/db = a."""
    for a_value, b_value in ((3.0, -2.0), (0.5, 4.0)):
        a, b = Scalar(a_value), Scalar(b_value)
        product = _result(Scalar, fb.answered(a * b, "Scalar.__mul__"), "a * b")
        what = f"a * b with a = {a_value}, b = {b_value}"
        fb.compare(product.value, a_value * b_value,
                   f"{what} has the value {product.value}, not {a_value * b_value}.",
                   (a_value + b_value, " That is the sum: use self.value * other.value."))
        locals_ = _local_derivatives(product, what)
        for node, name, expected, other in ((a, "a", b_value, "b"), (b, "b", a_value, "a")):
            fb.expect(id(node) in locals_, f"{what} does not have {name} among its parents: a "
                      f"product depends on both of its inputs, so it keeps two pairs, (a, ...) "
                      f"and (b, ...)")
            got = locals_[id(node)]
            fb.compare(got, expected, f"for {what}, the local derivative stored for {name} is "
                       f"{got:g}, but d(a b)/d{name} = {other} = {expected:g}.",
                       (node.value, f" That is {name} itself: d(a b)/d{name} is the other "
                                    f"factor, {other}."))
    fb.correct("each input's local derivative is the other input's value: a product "
               "remembers both factors.")


@fb.answer_is("class")
def check_tanh(Scalar):
    """Exercise 2: `x.tanh()` gives a Scalar of value tanh(x) whose one parent
    is (x, 1 - tanh(x)**2)."""
    for x_value in (0.5, -1.5, 2.0):
        x = Scalar(x_value)
        t = _result(Scalar, fb.answered(x.tanh(), "Scalar.tanh"), "x.tanh()")
        what = f"x.tanh() with x = {x_value}"
        fb.expect(math.isclose(t.value, math.tanh(x_value)), f"{what} has the value {t.value:.6f}, "
                  f"not tanh({x_value}) = {math.tanh(x_value):.6f} (math.tanh computes it)")
        got = _local_derivatives(t, what).get(id(x), 0.0)
        expected = 1 - math.tanh(x_value) ** 2
        fb.compare(got, expected, f"for {what}, the local derivative stored for x is "
                   f"{got:.6f}, but d tanh(x)/dx = 1 - tanh(x)**2 = {expected:.6f}.",
                   (1 - x_value ** 2, " That is 1 - x**2: the derivative is 1 - tanh(x)**2, "
                                      "one minus the square of the output."),
                   (1 - t.value, " That is 1 - tanh(x): square the tanh."))
    fb.correct("tanh's derivative is written with its own value, 1 - t**2: no need to "
               "keep the input.")


def _apply(function, v):
    """`v.function()` for a learner's Scalar `v`, `tf.function(v)` for a minidl node."""
    return getattr(v, function)() if hasattr(v, "parents") else getattr(tf, function)(v)


_EXPRESSIONS = [
    ("a * b + a", lambda a, b, c: a * b + a),
    ("(a + b) * (a - b) / c", lambda a, b, c: (a + b) * (a - b) / c),
    ("tanh(a * b + c) * a + exp(-c)",
     lambda a, b, c: _apply("tanh", a * b + c) * a + _apply("exp", -c)),
    (f"{DEEP_LEVELS} levels of v = 0.3 v + 0.7 v from v = a", lambda a, b, c: deep(a)),
]


def _reference_grads(expression, values):
    """d expression / d (a, b, c) from minidl's tf.gradients (0 where it does not depend)."""
    with tf.Graph().as_default():
        inputs = [tf.Variable(value, name=name) for value, name in zip(values, "abc")]
        grads = tf.gradients(expression(*inputs), inputs)
        return [0.0 if grad is None else float(fb.run(grad)) for grad in grads]


@fb.answer_is("class")
def check_backward(Scalar):
    """Exercise 3: `output.backward()` fills in `grad` = d output / d node for
    every node, compared with tf.gradients on the same expressions."""
    probe = Scalar(2.0) * Scalar(3.0)
    if probe is None or _result(Scalar, probe, "a * b").tanh() is None:
        fb.not_yet("Scalar.__mul__ or Scalar.tanh (exercises 1 and 2)")
    _result(Scalar, probe.tanh(), "x.tanh()")
    values = (0.7, -1.2, 0.4)
    for description, expression in _EXPRESSIONS:
        inputs = [Scalar(value) for value in values]
        try:
            output = _result(Scalar, expression(*inputs), description)
        except (AttributeError, TypeError) as error:
            fb.fail(f"building {description} from Scalars failed: {error}. The chapter's "
                    f"Scalar, with exercises 1 and 2, builds it.")
        with refusing("backward", [("tf.gradients", tf.gradients),
                                   ("tf.Session.run", tf.Session.run)],
                      seconds=DEEP_SECONDS if description.startswith(str(DEEP_LEVELS)) else None,
                      too_slow=f"On {description}, there are 2**{DEEP_LEVELS} paths from a "
                               f"to the output: a walk that passes each contribution on "
                               f"along every path never ends. Put the nodes in topological "
                               f"order first, each once (remember which you have visited), "
                               f"then walk that order backwards."):
            returned = output.backward()
        if output.grad == 0 and returned is None and all(x.grad == 0 for x in inputs):
            fb.not_yet("Scalar.backward", verb="leaves every grad at 0 and returns")
        got = [fb.number(x.grad, f"the grad of {name} after backward()")
               for x, name in zip(inputs, "abc")]
        expected = _reference_grads(expression, values)
        if not np.allclose(got, expected):
            name = "abc"[int(np.argmax(~np.isclose(got, expected)))]
            fb.fail(f"for {description} at a, b, c = {values}, backward() gives the grads "
                    f"{fb.show(got)}, but tf.gradients gives {fb.show(expected)} (first wrong: "
                    f"{name}).{_backward_hint(output, inputs, got)}")
    fb.correct("that is reverse-mode differentiation: one walk back through a topological "
               "order, each node passing grad times its local derivatives to its parents. "
               "minidl's tf.gradients does the same, with arrays and graph nodes.")


def _backward_hint(output, inputs, got):
    """Why the grads `got` of `inputs` may be wrong: the learner's graph walked
    the typical wrong ways, to see which one gives `got`."""
    if not math.isclose(output.grad, 1.0):
        return (f" The output's own grad is {output.grad:g}: d output / d output = 1 is where "
                f"the walk starts.")
    overwritten = _walk(output, inputs, overwrite=True)
    forwards = _walk(output, inputs, backwards=False)
    return fb.hint(got, (overwritten, " A node reached along several paths (here a, through a * b "
                                      "and directly) gets the sum of their contributions: add "
                                      "(+=), never overwrite."),
                   (forwards, " The walk went from the inputs to the output: a node passes its "
                              "grad on only once it has received everything, so walk the "
                              "topological order backwards, from the output."))


def _walk(output, inputs, overwrite=False, backwards=True):
    """The grads of `inputs` from a walk over the learner's nodes, right or wrong."""
    order, visited = [], set()

    def visit(node):
        if id(node) not in visited:
            visited.add(id(node))
            for parent, _ in node.parents:
                visit(parent)
            order.append(node)

    visit(output)
    grads = {id(output): 1.0}
    for node in reversed(order) if backwards else order:
        for parent, local in node.parents:
            contribution = float(local) * grads.get(id(node), 0.0)
            grads[id(parent)] = contribution + (0.0 if overwrite else
                                                grads.get(id(parent), 0.0))
    return [grads.get(id(x), 0.0) for x in inputs]
