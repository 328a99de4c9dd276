"""Undoing broadcasting, in one place for every operation.

NumPy broadcasting stretches a value to fit: adding a bias of shape (2,) to a
batch of shape (100, 2) uses the same bias for all 100 rows. The gradient with
respect to the bias must then add up what all 100 rows send back, and have the
bias's own shape (2,). `unbroadcast` does that sum; `broadcast_like` is its
mirror image (and its gradient).
"""
import numpy as np

from ..operation import Operation


class Unbroadcast(Operation):
    """Sums `grad` down to the shape of `like`: over the leading axes `like`
    lacks, and over the axes where `like` has size 1."""

    def __init__(self, grad, like, name=None):
        super().__init__([grad, like], name)

    def infer_shape_and_dtype(self, input_shapes, input_dtypes):
        return input_shapes[1], input_dtypes[0]

    def compute(self, grad, like):
        return sum_to_shape(grad, like.shape)

    def gradient(self, grad):
        summed, _ = self.inputs
        return [broadcast_like(grad, summed), None]


def sum_to_shape(grad, shape):
    """`grad` summed down to `shape`, which broadcasting stretched to grad's shape."""
    extra = grad.ndim - len(shape)
    if extra:
        grad = grad.sum(axis=tuple(range(extra)))
    if grad.shape == shape:
        return grad
    size_one = tuple(axis for axis, size in enumerate(shape) if size == 1)
    return grad.sum(axis=size_one, keepdims=True)


class BroadcastLike(Operation):
    """Stretches `x` to the shape of `like`, by NumPy's broadcasting rules."""

    def __init__(self, x, like, name=None):
        super().__init__([x, like], name)

    def infer_shape_and_dtype(self, input_shapes, input_dtypes):
        return input_shapes[1], input_dtypes[0]

    def compute(self, x, like):
        return np.broadcast_to(x, like.shape)

    def gradient(self, grad):
        x, _ = self.inputs
        return [unbroadcast(grad, x), None]


def _same_known_shape(a, b):
    return a.shape is not None and None not in a.shape and a.shape == b.shape


def unbroadcast(grad, like, name=None):
    """`grad` summed to the shape of `like` (no new node when the shapes are
    known to be equal already)."""
    return grad if _same_known_shape(grad, like) else Unbroadcast(grad, like, name)


def broadcast_like(x, like, name=None):
    """`x` stretched to the shape of `like` (no new node when they are known equal)."""
    return x if _same_known_shape(x, like) else BroadcastLike(x, like, name)
