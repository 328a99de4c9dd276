"""Layers (`tf.layers`): a network as a stack of functions, each with its own weights.

A dense (fully connected) layer is the step chapters 3 to 6 write by hand,
`activation(X W + b)`, packaged: it creates its weights W (the *kernel*) and
b (the *bias*) as variables under readable names, and returns its output.
Stacking layers is then one line per layer:

    hidden = tf.layers.dense(X, 8, activation=tf.nn.relu, name="hidden")
    logits = tf.layers.dense(hidden, 2, name="output")
"""
import numpy as np

from .constant import constant
from .graph import Node, format_shape, get_default_graph
from .initializers import glorot_uniform_initializer, zeros_initializer
from .ops.arithmetic import add
from .ops.matmul import matmul
from .variable import Variable


# TensorFlow's own signature; a Zeros initializer holds no state, so one shared
# default instance is harmless.
def dense(inputs, units, activation=None, use_bias=True, kernel_initializer=None,
          bias_initializer=zeros_initializer(), name=None):  # noqa: B008
    """A fully connected layer: activation(inputs @ kernel + bias) (`tf.layers.dense`).

    Args:
        inputs: a node of shape (batch, n_in); n_in must be known.
        units: n_out, the number of outputs (units) of the layer.
        activation: a function applied to the result, e.g. `tf.nn.relu`;
            None leaves it linear (scores, or logits).
        use_bias: whether to add the bias.
        kernel_initializer: chooses the kernel's first value (shape
            (n_in, n_out)); None means `glorot_uniform_initializer()`.
        bias_initializer: chooses the bias's first value (shape (n_out,)).
        name: the layer's name, which prefixes its variables (`name/kernel`,
            `name/bias`); by default `dense`, `dense_1`, ... as in TensorFlow.

    Returns:
        The layer's output node, of shape (batch, n_out). The kernel and bias
        are trainable variables of the graph: `tf.trainable_variables()` lists them.
    """
    graph = get_default_graph()
    scope = _layer_scope(graph, name)
    _check_arguments(scope, units, kernel_initializer, bias_initializer)
    n_in = _input_size(inputs, scope, graph)
    inputs = inputs if isinstance(inputs, Node) else constant(inputs)
    dtype = inputs.dtype if inputs.dtype is not None and inputs.dtype.kind == "f" else None
    kernel_initializer = kernel_initializer or glorot_uniform_initializer()
    kernel = Variable(kernel_initializer((n_in, units), dtype), name=f"{scope}/kernel")
    outputs = matmul(inputs, kernel, name=f"{scope}/matmul")
    if use_bias:
        bias = Variable(bias_initializer((units,), dtype), name=f"{scope}/bias")
        outputs = add(outputs, bias, name=f"{scope}/bias_add")
    return outputs if activation is None else activation(outputs)


def _layer_scope(graph, name):
    """The prefix of the layer's variables: `name` when given (and not used yet),
    else the first of `dense`, `dense_1`, ... that no node's name starts with."""
    taken = {node.name.split("/")[0] for node in graph.nodes if "/" in node.name}
    if name is not None:
        if name in taken:
            raise ValueError(f"dense: a layer named '{name}' already exists in this "
                             f"graph (its variable '{name}/kernel'); give each layer "
                             f"its own name")
        return name
    scope, count = "dense", 0
    while scope in taken:
        count += 1
        scope = f"dense_{count}"
    return scope


def _check_arguments(scope, units, kernel_initializer, bias_initializer):
    """Errors that say what to write for a units count that is not a whole
    number and an initializer class passed without being called."""
    if not isinstance(units, (int, np.integer)) or isinstance(units, bool) or units < 1:
        raise TypeError(f"dense '{scope}': units must be a whole number of outputs, "
                        f"such as units=2, got {units!r}")
    for argument, value in [("kernel_initializer", kernel_initializer),
                            ("bias_initializer", bias_initializer)]:
        if isinstance(value, type):
            raise TypeError(f"dense '{scope}': {argument} is the class {value.__name__}, "
                            f"not an initializer made from it; add the parentheses, as in "
                            f"{argument}=tf.glorot_uniform_initializer()")


def _input_size(inputs, scope, graph):
    """n_in, the size of the inputs' last axis, which the kernel's shape needs.
    Checked before anything is built, so that a wrong input leaves the graph as it was."""
    if not isinstance(inputs, Node):
        inputs = np.asarray(inputs)
        what, shape = "its input", inputs.shape
    else:
        what, shape = f"its input '{inputs.name}'", inputs.shape
        if inputs.graph is not graph:
            raise ValueError(f"dense '{scope}': {what} belongs to another graph than the "
                             f"default one, where the layer's variables would go")
    if shape is None or len(shape) != 2 or shape[-1] is None:
        raise ValueError(f"dense '{scope}': {what} has shape {format_shape(shape)}; it "
                         f"needs a matrix (batch, n_in) whose n_in is known, e.g. "
                         f"tf.placeholder(tf.float32, shape=(None, 2))")
    return shape[-1]
