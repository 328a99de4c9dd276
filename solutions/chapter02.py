"""Model answers to the exercises of chapter 2, sessions."""
import numpy as np

import minidl as tf


def my_topological_order(target):
    """Post-order: a node is appended after all of its inputs; `visited`
    makes sure that a node shared by several paths is appended once."""
    order, visited = [], set()

    def visit(node):
        if node in visited:
            return
        visited.add(node)
        for input_node in node.inputs:
            visit(input_node)
        order.append(node)

    visit(target)
    return order


def my_run(target, feed_dict):
    """Compute each needed node from its inputs' values; fed nodes are given."""
    values = {node: np.asarray(value) for node, value in feed_dict.items()}
    for node in tf.traversal.topological_order([target], stop_at=feed_dict):
        if node not in values:
            values[node] = node.compute(*[values[x] for x in node.inputs])
    return values[target]
