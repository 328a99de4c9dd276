"""Operations that move values around without changing them: reshape,
transpose, new axes, type casts, and arrays of ones or zeros shaped like another."""
import numpy as np
from numpy.lib.array_utils import normalize_axis_index

from ..dtypes import as_dtype
from ..operation import Operation
from ..shapes import as_shape


class Reshape(Operation):
    """The same values in a new shape (one size may be -1: whatever fits)."""

    def __init__(self, x, shape, name=None):
        self.new_shape = as_shape(shape)
        super().__init__([x], name)

    def compute(self, x):
        return np.reshape(x, self.new_shape)

    def gradient(self, grad):
        x, = self.inputs
        return [reshape_like(grad, x)]


class ReshapeLike(Operation):
    """x in the shape of `like` (whose values are not used)."""

    def __init__(self, x, like, name=None):
        super().__init__([x, like], name)

    def compute(self, x, like):
        return np.reshape(x, like.shape)

    def gradient(self, grad):
        x, _ = self.inputs
        return [reshape_like(grad, x), None]


class ExpandDims(Operation):
    """x with a new axis of size 1 at position `axis`."""

    def __init__(self, x, axis, name=None):
        self.axis = axis
        super().__init__([x], name)

    def compute(self, x):
        position = normalize_axis_index(self.axis, x.ndim + 1)  # -1: after the last axis
        return x.reshape(x.shape[:position] + (1,) + x.shape[position:])

    def gradient(self, grad):
        x, = self.inputs
        return [reshape_like(grad, x)]


class Transpose(Operation):
    """The axes of x permuted by `perm` (reversed when perm is None, which
    transposes a matrix). A negative axis counts from the end, as in NumPy."""

    def __init__(self, x, perm=None, name=None):
        self.perm = None if perm is None else _from_the_start(perm)
        super().__init__([x], name)

    def compute(self, x):
        return x.transpose(self.perm)

    def gradient(self, grad):
        inverse = None if self.perm is None else tuple(np.argsort(self.perm))
        return [transpose(grad, inverse)]


def _from_the_start(perm):
    """`perm` with its negative axes counted from the start (-1 is the last of
    len(perm) axes), so that its inverse, the gradient's permutation, is right.
    An axis out of range is left for NumPy to refuse."""
    return tuple(int(axis) + len(perm) if -len(perm) <= axis < 0 else int(axis)
                 for axis in perm)


class MatrixTranspose(Operation):
    """Swaps the last two axes: the transpose of a matrix, or of each matrix in
    a stack of them. A vector stays as it is."""

    def __init__(self, x, name=None):
        super().__init__([x], name)

    def compute(self, x):
        return x if x.ndim < 2 else x.swapaxes(-1, -2)

    def gradient(self, grad):
        return [matrix_transpose(grad)]


class Cast(Operation):
    """x converted to another dtype. Between float types the gradient is cast
    back; into integers or booleans nothing flows back."""

    def __init__(self, x, dtype, name=None):
        self.target_dtype = as_dtype(dtype)
        super().__init__([x], name)

    def compute(self, x):
        return np.asarray(x).astype(self.target_dtype)

    def gradient(self, grad):
        x, = self.inputs
        both_float = (x.dtype is not None and np.issubdtype(x.dtype, np.floating)
                      and np.issubdtype(self.target_dtype, np.floating))
        return [cast(grad, x.dtype) if both_float else None]


class OnesLike(Operation):
    """An array of ones with the shape and dtype of x."""

    def __init__(self, x, name=None):
        super().__init__([x], name)

    def compute(self, x):
        return np.ones_like(x)

    def gradient(self, grad):
        return [None]


class ZerosLike(Operation):
    """An array of zeros with the shape and dtype of x."""

    def __init__(self, x, name=None):
        super().__init__([x], name)

    def compute(self, x):
        return np.zeros_like(x)

    def gradient(self, grad):
        return [None]


def reshape(x, shape, name=None):
    """The values of x in a new shape (`tf.reshape`)."""
    return Reshape(x, shape, name)


def reshape_like(x, like, name=None):
    """The values of x in the shape `like` has when the graph runs."""
    return ReshapeLike(x, like, name)


def expand_dims(x, axis, name=None):
    """x with a new axis of size 1 inserted at `axis` (`tf.expand_dims`)."""
    return ExpandDims(x, axis, name)


def transpose(x, perm=None, name=None):
    """x with its axes permuted; a matrix transposed (`tf.transpose`)."""
    return Transpose(x, perm, name)


def matrix_transpose(x, name=None):
    """Each matrix in x transposed: the last two axes swapped (`tf.linalg.matrix_transpose`)."""
    return MatrixTranspose(x, name)


def cast(x, dtype, name=None):
    """x converted to `dtype`, e.g. booleans to float32 (`tf.cast`)."""
    return Cast(x, dtype, name)


def ones_like(x, name=None):
    """Ones in the shape and dtype of x (`tf.ones_like`)."""
    return OnesLike(x, name)


def zeros_like(x, name=None):
    """Zeros in the shape and dtype of x (`tf.zeros_like`)."""
    return ZerosLike(x, name)
