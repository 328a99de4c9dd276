"""Checks for the exercises of chapter 1, computational graphs."""
import numpy as np

from ..graph import Graph
from ..operation import Operation
from ..ops.matmul import matmul
from ..placeholder import Placeholder, placeholder
from ..traversal import topological_order
from ..variable import Variable
from . import feedback as fb
from .guard import refusing


@fb.answer_is("function")
def check_difference_of_squares(build_difference_of_squares):
    """Exercise 1: `build_difference_of_squares()` builds u = (x + y) * (x - y)
    from two placeholders x and y, and returns (x, y, u)."""
    with Graph().as_default():
        answer = fb.answered(build_difference_of_squares(), "build_difference_of_squares")
        if not (isinstance(answer, (tuple, list)) and len(answer) == 3):
            fb.fail(f"build_difference_of_squares should return the three nodes (x, y, u); "
                    f"it returned {fb.describe(answer)}")
        x, y, u = answer
        for name, node in (("x", x), ("y", y)):
            if not isinstance(node, Placeholder):
                fb.fail(f"{name} should be a placeholder (tf.placeholder()), the input that "
                        f"is fed when the graph runs; it is {fb.describe(node)}")
        if not isinstance(u, Operation):
            fb.fail(f"u should be the operation that computes (x + y) * (x - y); it is "
                    f"{fb.describe(u)}")
        if len(x.consumers) != 2:
            fb.fail(f"x should have two consumers, the + and the -, since both use its "
                    f"value; it has {len(x.consumers)}: {[c.name for c in x.consumers]}")
        for x_value, y_value in ((3.0, 2.0), (-1.5, 4.0), (0.0, 0.5)):
            u_value = fb.run(u, {x: x_value, y: y_value})
            fb.compare(u_value, x_value ** 2 - y_value ** 2, f"with x = {x_value} and y = "
                       f"{y_value}, u gives {fb.show(u_value)}, but (x + y) * (x - y) = "
                       f"{x_value ** 2 - y_value ** 2}")
    fb.correct("x feeds two operations, and both results meet again in u: a graph, "
               "not just a chain.")


def _test_graph():
    """a, b -> c = a + b -> d = c * c, and an unrelated e -> f = e + 1."""
    a, b = placeholder(name="a"), placeholder(name="b")
    c = a + b
    d = c * c
    e = Variable(1.0, name="e")
    f = e + 1
    return {"a": a, "b": b, "c": c, "d": d, "e": e, "f": f}


_DEPENDS_ON_CASES = [
    ("d", "a", True, "d = (a + b) * (a + b) is computed from a, through c"),
    ("c", "b", True, "c = a + b uses b directly"),
    ("d", "d", True, "computing d needs d itself: a node depends on itself"),
    ("a", "d", False, "a is an input of d, not the other way round: follow "
                      "node.inputs, not node.consumers"),
    ("d", "e", False, "d is not computed from e; e only feeds f"),
    ("f", "c", False, "f = e + 1 never uses c"),
]


@fb.answer_is("function")
def check_depends_on(depends_on):
    """Exercise 2: `depends_on(node, other)` tells whether computing `node`
    needs the value of `other` (True also when other is node itself)."""
    with Graph().as_default():
        nodes = _test_graph()
        for node, other, expected, reason in _DEPENDS_ON_CASES:
            with refusing("depends_on", [("tf.traversal.topological_order",
                                          topological_order)]):
                got = depends_on(nodes[node], nodes[other])
            fb.answered(got, "depends_on")
            got = fb.truth(got, f"depends_on({node}, {other})")
            if got != expected:
                fb.fail(f"depends_on({node}, {other}) returned {got}, but should be "
                        f"{expected}: {reason}. (The test graph: c = a + b, d = c * c, "
                        f"f = e + 1.)")
    fb.correct("a node's value needs everything you reach by following inputs, "
               "and nothing else.")


@fb.answer_is("function")
def check_affine(Affine):
    """Exercise 3: `Affine(A, x, b)` is one operation whose value is A @ x + b,
    compared with the library's two, matmul(A, x) + b."""
    rng = np.random.default_rng(1)
    with Graph().as_default():
        A = Variable(rng.integers(-3, 4, size=(2, 3)).astype(float), name="A")
        b = Variable(rng.integers(-3, 4, size=2).astype(float), name="b")
        x = placeholder(name="x")
        node = Affine(A, x, b)
        if not (isinstance(Affine, type) and issubclass(Affine, Operation)):
            fb.fail(f"Write it yourself: Affine should be a class of your own, a subclass of "
                    f"tf.Operation with a compute method; it is {fb.describe(Affine)}, which "
                    f"built {fb.describe(node)}. The library's version, matmul(A, x) + b, two "
                    f"operations, is what this check compares your one operation against.")
        if list(node.inputs) != [A, x, b]:
            fb.fail(f"Affine(A, x, b) should have the inputs [A, x, b], in that order; "
                    f"its inputs are {[i.name for i in node.inputs]}")
        reference = matmul(A, x) + b
        for _ in range(3):
            x_value = rng.integers(-3, 4, size=3).astype(float)
            try:
                got = fb.answered(fb.run(node, {x: x_value}), "Affine.compute")
            except ValueError as error:
                fb.fail(f"running Affine(A, x, b) with A of shape (2, 3), x of shape (3,) "
                        f"and b of shape (2,) failed: {error}. compute gets the NumPy "
                        f"values: A @ x (np.matmul(A_value, x_value)) has one number per "
                        f"row of A, and b adds one to each.")
            got = fb.numbers(got, "the value Affine.compute returns")
            expected = fb.run(reference, {x: x_value})
            fb.compare(got, expected, f"with A = {fb.show(A.value)}, x = {fb.show(x_value)}, "
                       f"b = {fb.show(b.value)}, Affine gives {fb.show(got)}, but A @ x + b = "
                       f"{fb.show(expected)}.", (A.value @ x_value, " That is A @ x: add b."))
    fb.correct("one operation did the work of two; compute only ever sees "
               "NumPy values, one per input.")

