"""Checks for the exercises of chapter 2, sessions."""
from collections import Counter

import minidl as tf

from ..traversal import topological_order
from . import feedback as fb
from .guard import refusing


def _test_graphs(times):
    """x, y, z, u, v: z = A x + b (y = A x), the running example, every node named,
    and v = u + u, then v + v, ... `times` times: few nodes, very many paths."""
    A, b = tf.Variable([[1, 0], [0, -1]], name="A"), tf.Variable([1, 1], name="b")
    x = tf.placeholder(name="x")
    y = tf.matmul(A, x, name="y")
    u = v = tf.placeholder(name="u")
    for _ in range(times):
        v = v + v
    return x, y, tf.add(y, b, name="z"), u, v


@fb.answer_is("function")
def check_topological_order(my_topological_order):
    """Exercise 1: `my_topological_order(target)` lists every node `target`
    needs, each once, every node after its inputs."""
    with tf.Graph().as_default():
        _, _, z, _, v = _test_graphs(12)
        for target in (z, v):
            order = fb.call(my_topological_order, "my_topological_order", target,
                            refuse=[("tf.traversal.topological_order", topological_order)])
            fb.expect(isinstance(order, (list, tuple)), f"my_topological_order should return a "
                      f"list of nodes; it returned {fb.describe(order)}")
            for item in order:
                fb.expect(isinstance(item, tf.Node), f"the order should hold nodes (not their "
                          f"names); it holds {fb.describe(item)}")
            for node, count in Counter(order).items():
                fb.expect(count == 1, f"'{node.name}' appears {count} times in the order for "
                          f"'{target.name}': remember which nodes you have visited and skip "
                          f"them the next time")
            needed = set(topological_order([target]))
            missing = sorted(node.name for node in needed if node not in order)
            fb.expect(not missing, f"the order for '{target.name}' misses {missing}, which "
                      f"'{target.name}' needs: visit every input of every node")
            extra = [node.name for node in order if node not in needed]
            fb.expect(not extra, f"the order for '{target.name}' holds {extra}, which "
                      f"'{target.name}' does not need: follow inputs, never consumers")
            position = {node: i for i, node in enumerate(order)}
            for node in order:
                for input_node in node.inputs:
                    fb.expect(position[input_node] < position[node], f"'{node.name}' comes "
                              f"before its input '{input_node.name}': append a node only after "
                              f"all of its inputs")
    fb.correct("each node once, after its inputs: the order a session computes in.")


@fb.answer_is("function")
def check_run(my_run):
    """Exercise 2: `my_run(target, feed_dict)` computes the value of `target`,
    like Session.run for a single node."""
    with tf.Graph().as_default():
        x, y, z, u, v = _test_graphs(3)
        for target, feed_dict, description, hint in [
                (z, {x: [1, 2]}, "z with x = [1, 2]", ""),
                (z, {x: [3, -1]}, "z with x = [3, -1]", ""),
                (v, {u: 0.5}, "v = 8 u with u = 0.5", ""),
                (z, {y: [10, 20]}, "z with y fed as [10, 20] (x not fed)", "A fed node's value "
                 "is given: take it from feed_dict, and compute neither it nor its inputs "
                 "(topological_order has stop_at for that).")]:
            expected = fb.run(target, feed_dict)
            with refusing("my_run", [("tf.Session.run", tf.Session.run),
                                    ("tf.Session.run", tf.optimize.OptimizingSession.run)]):
                try:
                    got = my_run(target, feed_dict)
                except Exception as error:
                    fb.fail(f"my_run for {description} raised {type(error).__name__}: {error}. "
                            + (hint or "Every node's inputs must have values before the node is "
                               "computed: compute the nodes in topological order, keeping each "
                               "value (in a dict keyed by node) until the nodes that use it are "
                               "done."))
            got = fb.numbers(fb.answered(got, "my_run"),
                             f"the value my_run returns for {description}")
            fb.compare(got, expected, f"my_run for {description} gave {fb.show(got)}; Session.run "
                       f"gives {fb.show(expected)}. " + (hint or "Each node is computed from the "
                       "values of its own inputs, in the order of node.inputs: keep every value in "
                       "a dict keyed by node, and look the inputs up there."))
    fb.correct("that is all a session does: compute each node, in order, from "
               "the values of its inputs.")

