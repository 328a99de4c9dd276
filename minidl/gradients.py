"""Reverse-mode automatic differentiation: backpropagation as graph building.

`gradients(loss, [W, b])` walks back from the loss and adds, for every
operation on the way, the nodes that compute its inputs' gradients (each
operation's `gradient` method says how). The result is more graph: running it
gives the gradients, and differentiating it again gives second derivatives.
"""
import numpy as np

from .constant import Constant
from .graph import Node, format_shape
from .ops.arithmetic import add_n
from .ops.shape_ops import ones_like
from .shapes import shape_matches
from .traversal import topological_order

_registered_gradients = {}


class RegisterGradient:
    """A decorator that sets the gradient of an operation type, as in TensorFlow:

        @RegisterGradient("Cube")
        def _cube_gradient(op, grad):
            x, = op.inputs
            return [grad * 3 * x * x]

    A registered gradient takes precedence over the class's `gradient` method.
    """

    def __init__(self, op_type):
        self.op_type = op_type

    def __call__(self, gradient_function):
        _registered_gradients[self.op_type] = gradient_function
        return gradient_function


def gradients(ys, xs, grad_ys=None, on_step=None):
    """The gradient of sum(ys) with respect to each node in `xs` (`tf.gradients`).

    Args:
        ys: a node, or a list of nodes whose sum is differentiated.
        xs: a node, or a list of nodes.
        grad_ys: optional starting gradients (nodes or arrays), one per y;
            None, for all or for one y, stands for ones.
        on_step: optional function, called as `on_step(node, grad, input_grads)`
            each time the walk reaches a node: `grad` is the node's gradient
            (the sum of what its consumers sent), `input_grads` the gradient
            node sent to each of its inputs (None where nothing is sent).
            `minidl.backprop_trace` uses it to show the walk step by step.

    Returns:
        A list with one node per x, or None where the ys do not depend on x.
    """
    ys, xs = _as_list(ys), _as_list(xs)
    grad_ys = _starting_gradients(ys, grad_ys)
    order = topological_order(ys)
    on_path = _leading_to_ys(order, xs)
    pending = {}
    for y, grad_y in zip(ys, grad_ys):
        if y in on_path:
            pending.setdefault(y, []).append(_ones_shaped_like(y) if grad_y is None else grad_y)
    totals = {}
    for node in reversed(order):
        if node not in pending:
            continue
        totals[node] = _sum(pending.pop(node))
        input_grads = _sent_to_inputs(node, totals[node], on_path)
        for input_node, grad in zip(node.inputs, input_grads):
            if grad is not None:
                pending.setdefault(input_node, []).append(grad)
        if on_step is not None:
            on_step(node, totals[node], input_grads)
    return [totals.get(x) for x in xs]


def _as_list(nodes):
    return list(nodes) if isinstance(nodes, (list, tuple)) else [nodes]


def _starting_gradients(ys, grad_ys):
    """One starting gradient per y: a node, or None for ones. Plain values
    (arrays, lists, numbers) become constants in their y's dtype.

    Raises:
        ValueError, before any node is built, when there is not one grad_y
        per y, or a grad_y's shape is not its y's.
    """
    if grad_ys is None:
        return [None] * len(ys)
    grad_ys = _as_list(grad_ys)
    if len(grad_ys) != len(ys):
        names = ", ".join(f"'{y.name}'" for y in ys)
        raise ValueError(f"gradients got {len(grad_ys)} grad_ys for {len(ys)} ys ({names}): "
                         f"give one starting gradient per y, None standing for ones")
    grad_ys = [grad_y if grad_y is None or isinstance(grad_y, Node)
               else np.asarray(grad_y, dtype=y.dtype) for y, grad_y in zip(ys, grad_ys)]
    for y, grad_y in zip(ys, grad_ys):
        shape = getattr(grad_y, "shape", None)
        if shape is not None and None not in shape and not shape_matches(shape, y.shape):
            raise ValueError(f"the grad_y given for '{y.name}' has shape {tuple(shape)}, but "
                             f"'{y.name}' has shape {format_shape(y.shape)}: a starting "
                             f"gradient has the shape of its y")
    return [Constant(grad_y, graph=y.graph) if isinstance(grad_y, np.ndarray) else grad_y
            for y, grad_y in zip(ys, grad_ys)]


def _ones_shaped_like(y):
    """dy/dy: ones in y's shape and dtype. A constant when both are known
    before running (always, for a scalar loss), so that no run has to make it."""
    if y.shape is None or None in y.shape or y.dtype is None:
        return ones_like(y)
    return Constant(np.ones(y.shape, dtype=y.dtype), graph=y.graph)


def _leading_to_ys(order, xs):
    """The nodes on some path from an x to a y: the gradient flows only there.

    `order` already holds just the ancestors of the ys; walking it forward
    (inputs first) keeps those that depend on an x."""
    depends_on_x = set(xs)
    for node in order:
        if any(input_node in depends_on_x for input_node in node.inputs):
            depends_on_x.add(node)
    return depends_on_x.intersection(order)


def _sum(grads):
    """One gradient from the contributions of all the consumers of a node."""
    return grads[0] if len(grads) == 1 else add_n(grads)


def _sent_to_inputs(node, grad, on_path):
    """The gradient `node` sends to each of its inputs, given its own: None for
    an input off the path to the xs, where no gradient is needed."""
    if not node.inputs:
        return []
    input_grads = _gradient_of(node, grad)
    return [input_grad if input_node in on_path else None
            for input_node, input_grad in zip(node.inputs, input_grads)]


def _gradient_of(op, grad):
    """The gradients of `op`'s inputs: its registered gradient function, else its method."""
    registered = _registered_gradients.get(op.type)
    input_grads = registered(op, grad) if registered else op.gradient(grad)
    input_grads = list(input_grads)
    if len(input_grads) != len(op.inputs):
        raise ValueError(f"the gradient of {op.type} '{op.name}' returned "
                         f"{len(input_grads)} values for {len(op.inputs)} inputs")
    for grad in input_grads:
        if grad is not None and not isinstance(grad, Node):
            raise TypeError(f"the gradient of {op.type} '{op.name}' returned {grad!r}; "
                            f"it must return minidl nodes (or None), built from `grad` "
                            f"and the operation's inputs")
    return input_grads
