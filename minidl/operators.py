"""Python's operators on nodes: `a + b` builds `add(a, b)`, `-a` builds
`negative(a)`, `x[0]` builds a slice, and so on, with plain numbers allowed on
either side.

`==` is left alone (nodes are compared by identity, so they can be dictionary
keys, as in a feed_dict); use `minidl.equal` for an elementwise comparison.
`if node:` is an error: a node has no value to test until a session runs it.
"""
from .graph import Node
from .ops.arithmetic import add, divide, multiply, negative, pow, subtract
from .ops.comparison import greater, greater_equal, less, less_equal
from .ops.indexing import strided_slice_of
from .ops.matmul import matmul


def _binary(function):
    """The operator method for `node OP other`, and the reflected one for `other OP node`."""
    def operator(self, other):
        __tracebackhide__ = True  # an error shows the learner's line, then its own
        return function(self, other)

    def reflected(self, other):
        __tracebackhide__ = True
        return function(other, self)
    return operator, reflected


Node.__add__, Node.__radd__ = _binary(add)
Node.__sub__, Node.__rsub__ = _binary(subtract)
Node.__mul__, Node.__rmul__ = _binary(multiply)
Node.__truediv__, Node.__rtruediv__ = _binary(divide)
Node.__matmul__, Node.__rmatmul__ = _binary(matmul)
Node.__pow__, Node.__rpow__ = _binary(pow)
Node.__gt__, Node.__lt__ = _binary(greater)[0], _binary(less)[0]
Node.__ge__, Node.__le__ = _binary(greater_equal)[0], _binary(less_equal)[0]
Node.__neg__ = negative
Node.__getitem__ = strided_slice_of  # x[0], x[:, 1:3], x[..., -1]: ops/indexing.py


def _truth_value(node):
    """`if node:` cannot be answered while building: a node has no value yet.
    Python would take any object as true, so `if x > 0:` would always choose
    its first branch; it is refused instead, as in TensorFlow."""
    raise TypeError(
        f"{node.type} '{node.name}' has no truth value while the graph is being built: "
        f"its value exists only when a session runs it. To choose elementwise inside "
        f"the graph, use tf.where({node.name}, a, b); to decide in Python, run it first: "
        f"`if session.run({node.name}):`. (To test whether a node was given, write "
        f"`if node is not None:`.)")


Node.__bool__ = _truth_value

# With a NumPy array on the left (`labels * node`), NumPy would treat the node as
# one more element and build an array of nodes. This tells NumPy to leave the
# operator to the node, so the array becomes a constant input of `multiply`.
Node.__array_ufunc__ = None
