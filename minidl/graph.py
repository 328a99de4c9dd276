"""The computational graph: nodes that know their inputs and their consumers.

A `Graph` only records what was built: every node, in the order it was made,
under a unique name. Building a node computes nothing; a `Session` computes
values later. New nodes go into the *default graph*, which `Graph.as_default()`
changes, exactly as in TensorFlow 1.
"""
import re
from contextlib import contextmanager


class Graph:
    """A container for nodes. Nodes join it when they are built.

    Attributes:
        nodes: every node, in the order it was built (so inputs come before
            the operations that use them).
        variables: the `Variable` nodes, in the order they were built.
    """

    def __init__(self):
        self.nodes = []
        self.variables = []
        self._names = set()
        self._name_counts = {}

    def as_default(self):
        """Make this graph the default one, at once.

        Both of TensorFlow's spellings work: a plain call (`Graph().as_default()`)
        and a `with g.as_default():` block, which restores the previous default
        graph when the block ends.
        """
        return _DefaultGraphSwitch(self)

    def unique_name(self, name):
        """The name a node asking for `name` would get: `name` itself if no
        node has it yet, else the first of `name_1`, `name_2`, ... that no node has."""
        count = self._name_counts.get(name, 0)
        unique = name if count == 0 else f"{name}_{count}"
        while unique in self._names:
            count += 1
            unique = f"{name}_{count}"
        return unique

    def add(self, node):
        """Record `node` in this graph, under a name no other node has."""
        node.name = self._take_name(node.name)
        self.nodes.append(node)
        return node

    def _take_name(self, name):
        """`unique_name(name)`, now taken: no later node gets it."""
        unique = self.unique_name(name)
        self._name_counts[name] = self._name_counts.get(name, 0) + 1
        self._names.add(unique)
        return unique

    @contextmanager
    def temporary_nodes(self):
        """A block (`with graph.temporary_nodes():`) whose nodes are built in this
        graph and taken out again at its end, names included: pictures and
        traces use it to compute gradients without changing the learner's graph."""
        saved = len(self.nodes), len(self.variables), set(self._names), dict(self._name_counts)
        try:
            with self.as_default():
                yield self
        finally:
            built = {id(node) for node in self.nodes[saved[0]:]}
            for node in self.nodes[:saved[0]]:
                node.consumers[:] = [c for c in node.consumers if id(c) not in built]
            del self.nodes[saved[0]:], self.variables[saved[1]:]
            self._names, self._name_counts = saved[2], saved[3]

    def __repr__(self):
        return f"<minidl.Graph with {len(self.nodes)} nodes>"


class _DefaultGraphSwitch:
    """What `Graph.as_default()` returns: the switch is already made, and a
    `with` block around it switches back on exit."""

    def __init__(self, graph):
        global _default_graph
        self.graph = graph
        self.previous = _default_graph
        _default_graph = graph

    def __enter__(self):
        return self.graph

    def __exit__(self, *exc_info):
        global _default_graph
        _default_graph = self.previous
        return False


_default_graph = Graph()


def get_default_graph():
    """The graph new nodes are added to."""
    return _default_graph


def reset_default_graph():
    """Start again with a fresh, empty default graph."""
    global _default_graph
    _default_graph = Graph()


def format_shape(shape):
    """A shape as a learner reads it: `(None, 2)`, `()`, or `unknown`."""
    return "unknown" if shape is None else str(tuple(shape))


class Node:
    """Anything that has a value when a session runs: a placeholder, a variable,
    a constant or an operation.

    Attributes:
        name: unique within the graph, e.g. `matmul_2` (or the name you gave).
        graph: the graph the node belongs to.
        inputs: the nodes whose values this node's value is computed from.
        consumers: the nodes that use this node's value as one of their inputs.
        dtype: the NumPy dtype of the value, or None where it is not known
            before running.
        shape: a tuple with None for sizes that are only known when running
            (like a batch size), or None when even the number of axes is unknown.
    """

    def __init__(self, graph, name=None, inputs=(), dtype=None, shape=None):
        self.graph = graph
        self.name = name or default_name(type(self))
        self.inputs = tuple(inputs)
        self.consumers = []
        self.dtype = dtype
        self.shape = None if shape is None else tuple(shape)
        graph.add(self)
        for input_node in self.inputs:
            input_node.consumers.append(self)

    @property
    def type(self):
        """The kind of node, e.g. `MatMul` (TensorFlow's `op.type`)."""
        return type(self).__name__

    @property
    def ndim(self):
        """The number of axes, or None when it is not known before running."""
        return None if self.shape is None else len(self.shape)

    def __repr__(self):
        dtype = "unknown" if self.dtype is None else self.dtype.name
        return (f"<{self.type} '{self.name}' shape={format_shape(self.shape)} "
                f"dtype={dtype}>")

    # Nodes are dictionary keys (in feed_dict) and may appear in sets; `==` on
    # nodes is left as identity so that this works. Use `minidl.equal` to
    # compare values elementwise.
    __hash__ = object.__hash__


def default_name(node_class):
    """The name a node gets when none is given: its class in snake_case
    (`MatMul` -> `mat_mul`), unless the class sets `default_name`."""
    return getattr(node_class, "default_name", None) or re.sub(
        r"(?<!^)(?=[A-Z])", "_", node_class.__name__).lower()
