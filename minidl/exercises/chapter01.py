"""Checks for the exercises of chapter 1, computational graphs."""
import numpy as np

import minidl as tf

from ..traversal import topological_order
from . import feedback as fb


@fb.answer_is("function")
def check_difference_of_squares(build_difference_of_squares):
    """Exercise 1: `build_difference_of_squares()` builds u = (x + y) * (x - y)
    from two placeholders x and y, and returns (x, y, u)."""
    with tf.Graph().as_default():
        answer = fb.call(build_difference_of_squares, "build_difference_of_squares")
        fb.expect(isinstance(answer, (tuple, list)) and len(answer) == 3,
                  f"build_difference_of_squares should return the three nodes (x, y, u); it "
                  f"returned {fb.describe(answer)}")
        x, y, u = answer
        for name, node in (("x", x), ("y", y)):
            fb.expect(isinstance(node, tf.Placeholder), f"{name} should be a placeholder "
                      f"(tf.placeholder()), the input that is fed when the graph runs; it is "
                      f"{fb.describe(node)}")
        fb.expect(isinstance(u, tf.Operation), f"u should be the operation that computes "
                  f"(x + y) * (x - y); it is {fb.describe(u)}")
        fb.expect(len(x.consumers) == 2, f"x should have two consumers, the + and the -, since "
                  f"both use its value; it has {len(x.consumers)}: {[c.name for c in x.consumers]}")
        for x_value, y_value in ((3.0, 2.0), (-1.5, 4.0), (0.0, 0.5)):
            u_value = fb.run(u, {x: x_value, y: y_value})
            fb.compare(u_value, x_value ** 2 - y_value ** 2, f"with x = {x_value} and y = "
                       f"{y_value}, u gives {fb.show(u_value)}, but (x + y) * (x - y) = "
                       f"{x_value ** 2 - y_value ** 2}")
    fb.correct("x feeds two operations, and both results meet again in u: a graph, "
               "not just a chain.")


@fb.answer_is("function")
def check_depends_on(depends_on):
    """Exercise 2: `depends_on(node, other)` tells whether computing `node`
    needs the value of `other` (True also when other is node itself)."""
    with tf.Graph().as_default():
        a, b, e = tf.placeholder(name="a"), tf.placeholder(name="b"), tf.Variable(1.0, name="e")
        c, f = tf.add(a, b, name="c"), tf.add(e, 1, name="f")
        d = tf.multiply(c, c, name="d")
        for node, other, expected, reason in [
                (d, a, True, "d = (a + b) * (a + b) is computed from a, through c"),
                (c, b, True, "c = a + b uses b directly"),
                (d, d, True, "computing d needs d itself: a node depends on itself"),
                (a, d, False, "a is an input of d, not the other way round: follow node.inputs, "
                              "not node.consumers"),
                (d, e, False, "d is not computed from e; e only feeds f"),
                (f, c, False, "f = e + 1 never uses c")]:
            got = fb.call(depends_on, "depends_on", node, other,
                          refuse=[("tf.traversal.topological_order", topological_order)])
            asked = f"depends_on({node.name}, {other.name})"
            fb.expect(fb.truth(got, asked) == expected, f"{asked} returned {got}, but should be "
                      f"{expected}: {reason}. (The test graph: c = a + b, d = c * c, f = e + 1.)")
    fb.correct("a node's value needs everything you reach by following inputs, and nothing else.")


@fb.answer_is("function")
def check_affine(Affine):
    """Exercise 3: `Affine(A, x, b)` is one operation whose value is A @ x + b,
    compared with the library's two, matmul(A, x) + b."""
    rng = np.random.default_rng(1)
    with tf.Graph().as_default():
        A = tf.Variable(rng.integers(-3, 4, size=(2, 3)).astype(float), name="A")
        b = tf.Variable(rng.integers(-3, 4, size=2).astype(float), name="b")
        x = tf.placeholder(name="x")
        node = Affine(A, x, b)
        fb.expect(isinstance(Affine, type) and issubclass(Affine, tf.Operation), f"Write it "
                  f"yourself: Affine should be a class of your own, a subclass of tf.Operation "
                  f"with a compute method; it is {fb.describe(Affine)}, which built "
                  f"{fb.describe(node)}. The library's version, matmul(A, x) + b, two "
                  f"operations, is what this check compares your one operation against.")
        fb.expect(list(node.inputs) == [A, x, b], f"Affine(A, x, b) should have the inputs "
                  f"[A, x, b], in that order; its inputs are {[i.name for i in node.inputs]}")
        library = tf.matmul(A, x) + b
        for _ in range(3):
            x_value = rng.integers(-3, 4, size=3).astype(float)
            try:
                got = fb.answered(fb.run(node, {x: x_value}), "Affine.compute")
            except ValueError as error:
                fb.fail(f"running Affine(A, x, b) with A of shape (2, 3), x of shape (3,) "
                        f"and b of shape (2,) failed: {error}. compute gets the NumPy "
                        f"values: A @ x (np.matmul(A_value, x_value)) has one number per "
                        f"row of A, and b adds one to each.")
            where = f"with A = {fb.show(A.value)}, x = {fb.show(x_value)}, b = {fb.show(b.value)}"
            fb.agrees(got, fb.run(library, {x: x_value}), where, "the value Affine.compute returns",
                      (A.value @ x_value, " That is A @ x: add b."))
    fb.correct("one operation did the work of two; compute only ever sees "
               "NumPy values, one per input.")
