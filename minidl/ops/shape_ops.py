"""Operations that move values around without changing them: reshape,
transpose, new axes, type casts, and arrays of ones or zeros shaped like another."""
import math

import numpy as np
from numpy.lib.array_utils import normalize_axis_index

from ..dtypes import as_dtype
from ..operation import Operation, UnaryOperation
from ..shapes import as_shape, incompatible_inputs


class Reshape(Operation):
    """The same values in a new shape (one size may be -1: whatever fits)."""

    def __init__(self, x, shape, name=None):
        self.new_shape = as_shape(shape)
        super().__init__([x], name)

    def infer_shape_and_dtype(self, input_shapes, input_dtypes):
        return _reshaped(self, input_shapes[0], self.new_shape), input_dtypes[0]

    def compute(self, x):
        return np.reshape(x, self.new_shape)

    def gradient(self, grad):
        x, = self.inputs
        return [reshape_like(grad, x)]


class ReshapeLike(Operation):
    """x in the shape of `like` (whose values are not used)."""

    def __init__(self, x, like, name=None):
        super().__init__([x, like], name)

    def infer_shape_and_dtype(self, input_shapes, input_dtypes):
        return input_shapes[1], input_dtypes[0]

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

    def infer_shape_and_dtype(self, input_shapes, input_dtypes):
        shape, = input_shapes
        if shape is None:
            return None, input_dtypes[0]
        try:
            position = normalize_axis_index(self.axis, len(shape) + 1)
        except np.exceptions.AxisError as error:
            raise incompatible_inputs(self, input_shapes, error) from None
        return shape[:position] + (1,) + shape[position:], input_dtypes[0]

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

    def infer_shape_and_dtype(self, input_shapes, input_dtypes):
        shape, = input_shapes
        if shape is None:
            return None, input_dtypes[0]
        perm = tuple(reversed(range(len(shape)))) if self.perm is None else self.perm
        if sorted(perm) != list(range(len(shape))):
            raise incompatible_inputs(self, input_shapes, f"perm {perm} does not list each "
                                      f"of the {len(shape)} axes once")
        return tuple(shape[p] for p in perm), input_dtypes[0]

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


class MatrixTranspose(UnaryOperation):
    """Swaps the last two axes: the transpose of a matrix, or of each matrix in
    a stack of them. A vector stays as it is."""

    def infer_shape_and_dtype(self, input_shapes, input_dtypes):
        shape, = input_shapes
        if shape is None or len(shape) < 2:
            return shape, input_dtypes[0]
        return shape[:-2] + (shape[-1], shape[-2]), input_dtypes[0]

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

    def infer_shape_and_dtype(self, input_shapes, input_dtypes):
        return input_shapes[0], self.target_dtype

    def compute(self, x):
        return np.asarray(x).astype(self.target_dtype)

    def gradient(self, grad):
        x, = self.inputs
        both_float = (x.dtype is not None and np.issubdtype(x.dtype, np.floating)
                      and np.issubdtype(self.target_dtype, np.floating))
        return [cast(grad, x.dtype) if both_float else None]


class OnesLike(UnaryOperation):
    """An array of ones with the shape and dtype of x."""

    def compute(self, x):
        return np.ones_like(x)

    def gradient(self, grad):
        return [None]


class ZerosLike(UnaryOperation):
    """An array of zeros with the shape and dtype of x."""

    def compute(self, x):
        return np.zeros_like(x)

    def gradient(self, grad):
        return [None]


def _reshaped(operation, shape, new_shape):
    """The shape that reshaping a value of `shape` to `new_shape` gives (one
    size of `new_shape` may be -1: what the others leave)."""
    if list(new_shape).count(-1) > 1:
        raise incompatible_inputs(operation, [shape], f"{new_shape} has more than one -1")
    if shape is None or None in shape:
        return tuple(None if size == -1 else size for size in new_shape)
    size, rest = math.prod(shape), math.prod(size for size in new_shape if size != -1)
    fits = size % rest == 0 if -1 in new_shape and rest else size == rest
    if not fits:
        raise incompatible_inputs(operation, [shape], f"{size} values do not fit shape "
                                  f"{new_shape}")
    return tuple(size // rest if one == -1 else one for one in new_shape)


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


class StopGradient(UnaryOperation):
    """x itself, as a constant for gradients: nothing flows back through it."""

    def compute(self, x):
        return x

    def gradient(self, grad):
        return [None]


def stop_gradient(x, name=None):
    """x, through which no gradient flows back (`tf.stop_gradient`)."""
    return StopGradient(x, name)


class Shape(UnaryOperation):
    """The shape of x when the graph runs, as int32 sizes: the dynamic shape,
    with the sizes the static `x.shape` leaves as None (like a batch size)."""

    def infer_shape_and_dtype(self, input_shapes, input_dtypes):
        shape, = input_shapes
        return (None if shape is None else (len(shape),)), np.dtype(np.int32)

    def compute(self, x):
        return np.array(np.shape(x), dtype=np.int32)

    def gradient(self, grad):
        return [None]


def shape(x, name=None):
    """x's shape as a node (`tf.shape`), so `tf.shape(x)[0]` is the batch size
    of the run."""
    return Shape(x, name)
