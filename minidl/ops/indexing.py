"""Indexing and slicing a node as NumPy does (`x[0]`, `x[:, 1:3]`,
`x[..., -1]`, `x[:, tf.newaxis]`): TensorFlow's strided slice.

Only what NumPy calls basic indexing: integers, slices, `...` and
`tf.newaxis` (None), each fixed when the graph is built. Each element of x is
picked at most once, so the gradient puts each element of the incoming
gradient back where it was picked from, and zeros elsewhere.
"""
import numpy as np

from ..graph import Node
from ..operation import Operation

newaxis = None  # `x[:, tf.newaxis]` adds an axis of size 1, as np.newaxis does


class GetItem(Operation):
    """x[key] for a basic-indexing key.

    d/dx: the gradient g of x[key] goes back to those positions:
    dx = zeros like x, with dx[key] = g.
    """

    default_name = "strided_slice"

    def __init__(self, x, key, name=None):
        self.key = _checked_key(x, key)
        super().__init__([x], name)

    def compute(self, x):
        return x[self.key]

    def gradient(self, grad):
        x, = self.inputs
        return [PutItem(grad, x, self.key)]


class PutItem(Operation):
    """Zeros in the shape of `like` (whose values are not used), with
    `values` put at [key]: the gradient of `like[key]`."""

    def __init__(self, values, like, key, name=None):
        self.key = key
        super().__init__([values, like], name)

    def compute(self, values, like):
        result = np.zeros(like.shape, dtype=np.result_type(values, like))
        result[self.key] = values
        return result

    def gradient(self, grad):
        return [GetItem(grad, self.key), None]


def _checked_key(x, key):
    """`key` as a tuple of ints, slices of ints, Ellipsis and None; a TypeError
    naming the node for anything else (a node, a list, a boolean mask)."""
    parts = key if isinstance(key, tuple) else (key,)
    for part in parts:
        ok = (part is None or part is Ellipsis or _is_int(part)
              or isinstance(part, slice) and all(bound is None or _is_int(bound)
                                                 for bound in (part.start, part.stop,
                                                               part.step)))
        if not ok:
            what = f"node '{part.name}'" if isinstance(part, Node) else repr(part)
            name = x.name if isinstance(x, Node) else "a value"
            raise TypeError(f"cannot index '{name}' with {what}: minidl takes integers, "
                            f"slices of integers, ... and tf.newaxis, fixed when the "
                            f"graph is built (like x[0], x[:, 1:3], x[..., -1])")
    return parts


def _is_int(value):
    return isinstance(value, (int, np.integer)) and not isinstance(value, bool)


def strided_slice_of(x, key):
    """x[key], as `Node.__getitem__` builds it."""
    return GetItem(x, key)
