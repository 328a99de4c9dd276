"""Placeholders: the inputs of a graph, given a value each time it runs."""
from .dtypes import as_dtype
from .graph import Node, get_default_graph
from .shapes import as_shape


class Placeholder(Node):
    """A node whose value is supplied by `Session.run(..., feed_dict={node: value})`.

    `dtype` and `shape` are promises checked on every feed: a fed value must
    convert to `dtype` without losing its kind (no floats into an int32
    placeholder) and match `shape`, where None matches any size.
    """

    def __init__(self, dtype=None, shape=None, name=None):
        super().__init__(get_default_graph(), name, dtype=as_dtype(dtype), shape=shape)


def placeholder(dtype=None, shape=None, name=None):
    """An input of the graph, fed when the graph runs (`tf.placeholder`).

    Args:
        dtype: the type of the values fed, e.g. `minidl.float32`; None accepts
            whatever NumPy makes of the fed value.
        shape: e.g. `(None, 2)` for any number of rows of two columns (`5`
            is `(5,)`); None accepts any shape.
        name: a readable name; the default is `placeholder`, `placeholder_1`, ...
    """
    return Placeholder(dtype, as_shape(shape), name)
