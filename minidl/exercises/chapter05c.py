"""Checks for chapter 5c, autodiff in one page: the learner's scalar engine
`Scalar`, compared with minidl's `tf.gradients` on the same expressions."""
import math

import numpy as np

from ..gradients import gradients
from ..graph import Graph
from ..ops.activations import tanh
from ..ops.elementwise import exp
from ..session import Session
from ..variable import Variable
from . import feedback as fb
from .chapter05b import DEEP_LEVELS, DEEP_SECONDS, deep
from .guard import refusing


def _result(Scalar, value, what):
    """`value` when it is one of the learner's Scalars, or a clear failure."""
    if not isinstance(value, Scalar):
        fb.fail(f"{what} should return a new Scalar (holding the value and its parents); it "
                f"returned {fb.describe(value)}")
    fb.number(value.value, f"the value of {what}")
    return value


def _local_derivatives(node, what):
    """The parents of `node` as {id(input): (input, summed local derivative)}."""
    if not isinstance(node.parents, (tuple, list)):
        fb.fail(f"the parents of {what} should be pairs (input, local derivative); they are "
                f"{fb.describe(node.parents)}")
    found = {}
    for pair in node.parents:
        if not (isinstance(pair, (tuple, list)) and len(pair) == 2):
            fb.fail(f"each parent of {what} should be a pair (input, local derivative); one "
                    f"is {fb.describe(pair)}")
        parent, local = pair
        local = fb.number(local, f"the local derivative that {what} stores")
        previous = found.get(id(parent), (parent, 0.0))[1]
        found[id(parent)] = (parent, previous + local)
    return found


@fb.answer_is("class")
def check_mul(Scalar):
    """Exercise 1: `a * b` gives a Scalar of value a b whose parents are
    (a, b) and (b, a): d(a b)/da = b, d(a b)/db = a."""
    for a_value, b_value in ((3.0, -2.0), (0.5, 4.0)):
        a, b = Scalar(a_value), Scalar(b_value)
        product = fb.answered(a * b, "Scalar.__mul__")
        product = _result(Scalar, product, "a * b")
        what = f"a * b with a = {a_value}, b = {b_value}"
        fb.compare(product.value, a_value * b_value, f"{what} has the value {product.value}, "
                   f"not {a_value * b_value}.", (a_value + b_value, " That is the sum: use "
                                                                    "self.value * other.value."))
        locals_ = _local_derivatives(product, what)
        for node, name, expected, other in ((a, "a", b_value, "b"), (b, "b", a_value, "a")):
            if id(node) not in locals_:
                fb.fail(f"{what} does not have {name} among its parents: a product depends "
                        f"on both of its inputs, so it keeps two pairs, (a, ...) and (b, ...)")
            got = locals_[id(node)][1]
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
        t = fb.answered(x.tanh(), "Scalar.tanh")
        t = _result(Scalar, t, "x.tanh()")
        what = f"x.tanh() with x = {x_value}"
        if not math.isclose(t.value, math.tanh(x_value)):
            fb.fail(f"{what} has the value {t.value:.6f}, not tanh({x_value}) = "
                    f"{math.tanh(x_value):.6f} (math.tanh computes it)")
        got = _local_derivatives(t, what).get(id(x), (x, 0.0))[1]
        expected = 1 - math.tanh(x_value) ** 2
        fb.compare(got, expected, f"for {what}, the local derivative stored for x is "
                   f"{got:.6f}, but d tanh(x)/dx = 1 - tanh(x)**2 = {expected:.6f}.",
                   (1 - x_value ** 2, " That is 1 - x**2: the derivative is 1 - tanh(x)**2, "
                                      "one minus the square of the output."),
                   (1 - t.value, " That is 1 - tanh(x): square the tanh."))
    fb.correct("tanh's derivative is written with its own value, 1 - t**2: no need to "
               "keep the input.")


def _tanh(v):
    return v.tanh() if hasattr(v, "parents") else tanh(v)


def _exp(v):
    return v.exp() if hasattr(v, "parents") else exp(v)


_EXPRESSIONS = [
    ("a * b + a", lambda a, b, c: a * b + a),
    ("(a + b) * (a - b) / c", lambda a, b, c: (a + b) * (a - b) / c),
    ("tanh(a * b + c) * a + exp(-c)", lambda a, b, c: _tanh(a * b + c) * a + _exp(-c)),
    (f"{DEEP_LEVELS} levels of v = 0.3 v + 0.7 v from v = a", lambda a, b, c: deep(a)),
]


def _reference_grads(expression, values):
    """d expression / d (a, b, c) from minidl's tf.gradients (0 where it does not depend)."""
    with Graph().as_default():
        inputs = [Variable(value, name=name) for value, name in zip(values, "abc")]
        output = expression(*inputs)
        grads = gradients(output, inputs)
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
        deep = description.startswith(str(DEEP_LEVELS))
        with refusing("backward", [("tf.gradients", gradients), ("tf.Session.run",
                                                                Session.run)],
                      seconds=DEEP_SECONDS if deep else None,
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
                    f"{_show(got)}, but tf.gradients gives {_show(expected)} (first wrong: "
                    f"{name}).{_backward_hint(output, inputs, got)}")
    fb.correct("that is reverse-mode differentiation: one walk back through a topological "
               "order, each node passing grad times its local derivatives to its parents. "
               "minidl's tf.gradients does the same, with arrays and graph nodes.")


def _backward_hint(output, inputs, got):
    """Why the grads `got` of `inputs` may be wrong: the learner's graph walked
    the typical wrong ways, to see which one gives `got`."""
    if not math.isclose(output.grad, 1.0):
        return (f" The output's own grad is {output.grad:g}: d output / d output = 1 is "
                f"where the walk starts.")
    if np.allclose(got, _walk(output, inputs, overwrite=True)):
        return (" A node reached along several paths (here a, through a * b and directly) "
                "gets the sum of their contributions: add (+=), never overwrite.")
    if np.allclose(got, _walk(output, inputs, backwards=False)):
        return (" The walk went from the inputs to the output: a node passes its grad on "
                "only once it has received everything, so walk the topological order "
                "backwards, from the output.")
    return ""


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


def _show(grads):
    return "(" + ", ".join(f"{g:.4f}" for g in grads) + ")"
