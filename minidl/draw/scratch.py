"""Building nodes for a moment: pictures and traces need gradient nodes to
compute numbers, but must leave the learner's graph exactly as it was."""
import copy
from contextlib import contextmanager


@contextmanager
def temporary_nodes(graph):
    """Inside the block, nodes are built in `graph` as usual; when it ends they
    are taken out again, so the next node built gets the name it would have
    had without the block.

    The graph's own records (its node list, variable list, name counters:
    whatever attributes it keeps) are restored, in place, from a copy taken at
    the start, and the nodes built are removed from their inputs' consumers.
    """
    saved = {attribute: copy.copy(value) for attribute, value in vars(graph).items()}
    node_count = len(graph.nodes)
    try:
        with graph.as_default():
            yield
    finally:
        built = {id(node) for node in graph.nodes[node_count:]}
        for node in graph.nodes[node_count:]:
            for input_node in node.inputs:
                input_node.consumers[:] = [consumer for consumer in input_node.consumers
                                           if id(consumer) not in built]
        for attribute, value in saved.items():
            _restore(graph, attribute, value)


def _restore(graph, attribute, saved_value):
    """Give `graph.attribute` its saved value, keeping the same list, set or
    dict object, so that anyone holding it (like `nodes = graph.nodes`) sees it."""
    current = getattr(graph, attribute)
    if isinstance(current, list):
        current[:] = saved_value
    elif isinstance(current, (set, dict)):
        current.clear()
        current.update(saved_value)
    else:
        setattr(graph, attribute, saved_value)
