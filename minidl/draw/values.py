"""The numbers a picture shows: each node's value and, given a loss, the
gradient of the loss with respect to each node."""
from ..gradients import gradients
from ..variable import VariableUpdate
from .scratch import temporary_nodes


def values_and_gradients(nodes, session, feed_dict=None, loss=None):
    """The values of `nodes` and, when `loss` is given, d sum(loss) / d node
    for each node the loss depends on.

    One run computes the values; one more run, the gradients, from nodes
    built with `minidl.gradients` and taken out of the graph again afterwards
    (so an error about a missing feed names only the graph's own nodes).
    Operations that update variables (training steps) are left out:
    computing them would change the variables.

    Returns:
        ({node: value}, {node: gradient value}).
    """
    shown = [node for node in nodes if not isinstance(node, VariableUpdate)]
    values = dict(zip(shown, session.run(shown, feed_dict)))
    if loss is None:
        return values, {}
    with temporary_nodes(session.graph):
        pairs = [(node, grad) for node, grad in zip(shown, gradients(loss, shown))
                 if grad is not None]
        grad_values = session.run([grad for _, grad in pairs], feed_dict)
    return values, {node: value for (node, _), value in zip(pairs, grad_values)}
