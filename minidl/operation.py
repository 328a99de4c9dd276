"""Operations: the nodes that compute.

An operation gets its inputs' values and returns its own (`compute`), and knows
how a change in its value changes the loss through each input (`gradient`).
Every built-in operation is a subclass, and so is any operation you write:

    class Cube(Operation):
        '''x**3, with d/dx x**3 = 3 x**2.'''

        def __init__(self, x, name=None):
            super().__init__([x], name)

        def compute(self, x_value):
            return x_value ** 3

        def gradient(self, grad):
            x, = self.inputs
            return [grad * 3 * x * x]

The built-in elementwise operations derive from `UnaryOperation` (one input
x) and `BinaryOperation` (x and y), which write this `__init__` once and
state how the output's shape follows from the inputs' shapes.
"""
import numpy as np

from .constant import Constant
from .graph import Node, default_name, get_default_graph
from .shapes import broadcast_shapes, one_element_dtype, stand_in_shape_and_dtype


class Operation(Node):
    """A node whose value is computed from the values of its inputs.

    Args:
        inputs: nodes, or plain values (numbers, lists, arrays) that become
            constants. A plain Python number or list takes the dtype of the
            first input node holding numbers, so `x * 2.0` stays float32 when
            x is float32.
        name: a readable name; the default comes from the class name.

    Attributes:
        stateful: True when two runs may give different values for the same
            inputs (random numbers), False for a pure `compute`, None when not
            said. Chapter 12's optimizer computes ahead or shares only what is
            pure: said False, or minidl's own and not said True.
    """

    stateful = None

    def __init__(self, inputs=(), name=None):
        __tracebackhide__ = True  # an error shows the learner's line, then its own
        graph, inputs = _graph_and_plain_values_as_arrays(self, inputs, name)
        shape, dtype = self.infer_shape_and_dtype(
            [x.shape for x in inputs], [x.dtype for x in inputs])
        inputs = [x if isinstance(x, Node) else Constant(x, graph=graph) for x in inputs]
        super().__init__(graph, name or default_name(type(self)), inputs, dtype, shape)

    def compute(self, *input_values):
        """Return this operation's value, given its inputs' values (NumPy arrays).

        It must not change its inputs or anything else: it may run on small
        stand-in values when the graph is built, to find the output's dtype.
        """
        raise NotImplementedError(
            f"{self.type} '{self.name}' has no compute method: write "
            f"`def compute(self, ...)` taking one value per input")

    def infer_shape_and_dtype(self, input_shapes, input_dtypes):
        """The shape and dtype of this operation's value, told from its inputs'
        when the graph is built (None for what cannot be told before running).
        By default, from running `compute` on small stand-in arrays."""
        __tracebackhide__ = True
        return stand_in_shape_and_dtype(self, input_shapes, input_dtypes)

    def gradient(self, grad):
        """Return one node per input: the gradient of the loss with respect to
        that input, given `grad`, the gradient with respect to this operation's
        value. None stands for an input the loss does not depend on through here.

        Written with minidl operations, so a gradient is itself a graph that can
        be run, drawn and differentiated again.
        """
        raise LookupError(
            f"no gradient is defined for operation type '{self.type}' "
            f"(node '{self.name}'): give the class a `gradient(self, grad)` method "
            f"or register one with @minidl.RegisterGradient('{self.type}')")


class UnaryOperation(Operation):
    """An elementwise operation of one input x: its value has x's shape.
    Subclasses write `compute(self, x)` and `gradient(self, grad)`."""

    def __init__(self, x, name=None):
        __tracebackhide__ = True
        super().__init__([x], name)

    def infer_shape_and_dtype(self, input_shapes, input_dtypes):
        __tracebackhide__ = True
        return input_shapes[0], one_element_dtype(self, input_shapes, input_dtypes)


class BinaryOperation(Operation):
    """An elementwise operation of two inputs x and y, broadcast against each
    other as NumPy does. Subclasses write `compute(self, x, y)` and
    `gradient(self, grad)`."""

    def __init__(self, x, y, name=None):
        __tracebackhide__ = True
        super().__init__([x, y], name)

    def infer_shape_and_dtype(self, input_shapes, input_dtypes):
        __tracebackhide__ = True
        return (broadcast_shapes(self, input_shapes),
                one_element_dtype(self, input_shapes, input_dtypes))


def _graph_and_plain_values_as_arrays(operation, inputs, name):
    """What an operation needs before it can ask for its shape: the graph it
    will join (the one graph of its input nodes) and its inputs with every
    plain value as an array of a fitting dtype. It also names the operation as
    it will be named, so that an error while its shape is told can say which
    node failed; nothing joins the graph yet, so such an error leaves it as it was."""
    __tracebackhide__ = True
    graph = _common_graph(operation, inputs)
    like = _dtype_for_plain_values(inputs)
    operation.name = graph.unique_name(name or default_name(type(operation)))
    return graph, [x if isinstance(x, Node) else _as_array(x, like) for x in inputs]


def _common_graph(operation, inputs):
    """The one graph all input nodes belong to (the default graph if none is a node)."""
    graphs = {id(x.graph): x for x in inputs if isinstance(x, Node)}
    if len(graphs) > 1:
        first, second = list(graphs.values())[:2]
        raise ValueError(
            f"{type(operation).__name__}: inputs '{first.name}' and '{second.name}' "
            f"belong to different graphs; build every node of an operation inside "
            f"the same `with graph.as_default():` block")
    return graphs.popitem()[1].graph if graphs else get_default_graph()


def _dtype_for_plain_values(inputs):
    """The dtype of the first input node known to hold numbers; a condition of
    booleans does not count, so `where(x > 0, x, 0.0)` stays float32 with x."""
    return next((x.dtype for x in inputs
                 if isinstance(x, Node) and x.dtype is not None and x.dtype != bool), None)


def _as_array(value, like_dtype):
    """A plain value as an array, in `like_dtype` when it converts without
    changing kind (an int becomes a float32, but 0.5 never becomes an int)."""
    if isinstance(value, np.ndarray) or like_dtype is None:
        return np.asarray(value)
    array = np.asarray(value)
    if np.can_cast(array.dtype, like_dtype, casting="same_kind"):
        return array.astype(like_dtype)
    return array
