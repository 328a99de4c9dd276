"""Checks for the exercises of chapter 2, sessions."""
from collections import Counter

from ..graph import Graph, Node
from ..ops.arithmetic import add
from ..ops.matmul import matmul
from ..optimize import OptimizingSession
from ..placeholder import placeholder
from ..session import Session
from ..traversal import topological_order
from ..variable import Variable
from . import feedback as fb
from .guard import refusing


def _affine_graph():
    """z = A x + b, the running example, with every node named."""
    A = Variable([[1, 0], [0, -1]], name="A")
    b = Variable([1, 1], name="b")
    x = placeholder(name="x")
    y = matmul(A, x, name="y")
    z = add(y, b, name="z")
    return x, y, z


def _doubling_graph(times):
    """v = u + u, then v + v, ... `times` times: few nodes, very many paths."""
    u = placeholder(name="u")
    v = u
    for _ in range(times):
        v = v + v
    return u, v


@fb.answer_is("function")
def check_topological_order(my_topological_order):
    """Exercise 1: `my_topological_order(target)` lists every node `target`
    needs, each once, every node after its inputs."""
    with Graph().as_default():
        _, _, z = _affine_graph()
        _, v = _doubling_graph(12)
        for target in (z, v):
            with refusing("my_topological_order", [("tf.traversal.topological_order",
                                                    topological_order)]):
                order = my_topological_order(target)
            fb.answered(order, "my_topological_order")
            if not isinstance(order, (list, tuple)):
                fb.fail(f"my_topological_order should return a list of nodes; it returned "
                        f"{fb.describe(order)}")
            _check_order(target, list(order))
    fb.correct("each node once, after its inputs: the order a session computes in.")


def _check_order(target, order):
    for item in order:
        if not isinstance(item, Node):
            fb.fail(f"the order should hold nodes (not their names); it holds {fb.describe(item)}")
    repeated = [(node, count) for node, count in Counter(order).items() if count > 1]
    if repeated:
        node, count = repeated[0]
        fb.fail(f"'{node.name}' appears {count} times in the order for '{target.name}': "
                f"remember which nodes you have visited and skip them the next time")
    needed = set(topological_order([target]))
    missing = [node.name for node in needed if node not in order]
    if missing:
        fb.fail(f"the order for '{target.name}' misses {sorted(missing)}, which "
                f"'{target.name}' needs: visit every input of every node")
    extra = [node.name for node in order if node not in needed]
    if extra:
        fb.fail(f"the order for '{target.name}' holds {extra}, which '{target.name}' "
                f"does not need: follow inputs, never consumers")
    position = {node: i for i, node in enumerate(order)}
    for node in order:
        for input_node in node.inputs:
            if position[input_node] > position[node]:
                fb.fail(f"'{node.name}' comes before its input '{input_node.name}': "
                        f"append a node only after all of its inputs")


_ORDER_HINT = ("Every node's inputs must have values before the node is computed: "
               "compute the nodes in topological order, keeping each value (in a dict "
               "keyed by node) until the nodes that use it are done.")


_VALUES_HINT = ("Each node is computed from the values of its own inputs, in the order of "
                "node.inputs: keep every value in a dict keyed by node, and look the "
                "inputs up there.")


@fb.answer_is("function")
def check_run(my_run):
    """Exercise 2: `my_run(target, feed_dict)` computes the value of `target`,
    like Session.run for a single node."""
    with Graph().as_default():
        x, y, z = _affine_graph()
        u, v = _doubling_graph(3)
        fed_y_hint = ("A fed node's value is given: take it from feed_dict, and "
                      "compute neither it nor its inputs (topological_order has "
                      "stop_at for that).")
        cases = [
            (z, {x: [1, 2]}, "z with x = [1, 2]", ""),
            (z, {x: [3, -1]}, "z with x = [3, -1]", ""),
            (v, {u: 0.5}, "v = 8 u with u = 0.5", ""),
            (z, {y: [10, 20]}, "z with y fed as [10, 20] (x not fed)", fed_y_hint),
        ]
        for target, feed_dict, description, hint in cases:
            expected = fb.run(target, feed_dict)
            try:
                with refusing("my_run", [("tf.Session.run", Session.run),
                                        ("tf.Session.run", OptimizingSession.run)]):
                    got = my_run(target, feed_dict)
            except Exception as error:
                if isinstance(error, AssertionError):
                    raise
                fb.fail(f"my_run for {description} raised {type(error).__name__}: "
                        f"{error}. {hint or _ORDER_HINT}")
            got = fb.numbers(fb.answered(got, "my_run"),
                             f"the value my_run returns for {description}")
            fb.compare(got, expected, f"my_run for {description} gave {fb.show(got)}; "
                       f"Session.run gives {fb.show(expected)}. {hint or _VALUES_HINT}")
    fb.correct("that is all a session does: compute each node, in order, from "
               "the values of its inputs.")
