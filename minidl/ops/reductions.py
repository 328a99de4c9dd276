"""Reductions: sums, means and maxima over some axes (or all of them).

Their gradients do the reverse of reducing: each input element gets back the
gradient of the result it fed into. `unreduce` spreads a reduced gradient back
over the input's shape; it is the one place where reduced axes are put back.
"""
import math
import operator

import numpy as np

from ..constant import Constant
from ..graph import Node
from ..operation import Operation
from ..shapes import one_element_dtype, reduced_shape
from .comparison import equal, where
from .shape_ops import ones_like, zeros_like


def _axes(axis):
    """None, an int or a list of ints (NumPy integers too), as NumPy's `axis`
    argument, in Python ints."""
    if axis is None:
        return None
    if np.ndim(axis) == 0:
        return operator.index(axis)
    return tuple(operator.index(one) for one in axis)


class Reduction(Operation):
    """A reduction over `axis` (None: all axes; an int or a list of ints,
    negative counting from the end), keeping reduced axes as size 1 if `keepdims`."""

    def __init__(self, x, axis=None, keepdims=False, name=None):
        self.axis = _axes(axis)
        self.keepdims = keepdims
        super().__init__([x], name)

    def infer_shape_and_dtype(self, input_shapes, input_dtypes):
        return (reduced_shape(self, input_shapes[0], self.axis, self.keepdims),
                one_element_dtype(self, input_shapes, input_dtypes))


class ReduceSum(Reduction):
    """The sum over `axis`.  Every summed element gets the result's gradient."""

    def compute(self, x):
        return x.sum(axis=self.axis, keepdims=self.keepdims)

    def gradient(self, grad):
        x, = self.inputs
        return [unreduce(grad, x, self.axis, self.keepdims)]


class ReduceMean(Reduction):
    """The mean over `axis`: the sum divided by the number n of elements summed.
    Each of the n averaged elements gets 1/n of the result's gradient.

    As in TensorFlow, the mean keeps x's dtype: the mean of integers is an
    integer, rounded toward zero (the mean of [1, 2] is 1; cast to a float
    first for 1.5), and booleans are refused (cast them first).
    """

    def __init__(self, x, axis=None, keepdims=False, name=None):
        if isinstance(x, Node) and x.dtype == bool:
            raise _mean_of_booleans(x)
        super().__init__(x, axis, keepdims, name)

    def compute(self, x):
        if x.dtype == bool:
            raise _mean_of_booleans(self.inputs[0])
        total = x.sum(axis=self.axis, keepdims=self.keepdims, dtype=x.dtype)
        count = _count(x.shape, self.axis)
        if np.issubdtype(x.dtype, np.integer):
            return np.sign(total) * (np.abs(total) // count)
        return total / count

    def gradient(self, grad):
        x, = self.inputs
        return [unreduce(grad / reduced_count(x, self.axis), x, self.axis, self.keepdims)]


class ReduceMax(Reduction):
    """The maximum over `axis`.  The gradient goes to the maximal element (shared
    equally when several are tied)."""

    def compute(self, x):
        return x.max(axis=self.axis, keepdims=self.keepdims)

    def gradient(self, grad):
        x, = self.inputs
        is_max = where(equal(x, unreduce(self, x, self.axis, self.keepdims)),
                       ones_like(x), zeros_like(x))
        ties = unreduce(reduce_sum(is_max, self.axis, keepdims=True), x, self.axis, True)
        return [unreduce(grad, x, self.axis, self.keepdims) * is_max / ties]


class Unreduce(Operation):
    """Spreads `grad`, the gradient of a reduction over `axis`, back over the
    shape of the reduced value `like`: the reverse of a reduction."""

    def __init__(self, grad, like, axis, keepdims, name=None):
        self.axis = axis
        self.keepdims = keepdims
        super().__init__([grad, like], name)

    def infer_shape_and_dtype(self, input_shapes, input_dtypes):
        return input_shapes[1], input_dtypes[0]

    def compute(self, grad, like):
        if not self.keepdims and self.axis is not None:
            grad = np.expand_dims(grad, self.axis)
        return np.full(like.shape, grad)

    def gradient(self, grad):
        return [reduce_sum(grad, self.axis, self.keepdims), None]


class ReducedCount(Operation):
    """How many elements of x a reduction over `axis` combines into each result,
    in x's dtype. It depends only on x's shape: no gradient."""

    def __init__(self, x, axis, name=None):
        self.axis = axis
        super().__init__([x], name)

    def infer_shape_and_dtype(self, input_shapes, input_dtypes):
        return (), input_dtypes[0]

    def compute(self, x):
        return np.asarray(_count(x.shape, self.axis), dtype=x.dtype)

    def gradient(self, grad):
        return [None]


class ArgMax(Operation):
    """The index of the largest value along `axis`. An index has no gradient."""

    default_name = "argmax"

    def __init__(self, x, axis=0, name=None):
        self.axis = axis
        super().__init__([x], name)

    def infer_shape_and_dtype(self, input_shapes, input_dtypes):
        return reduced_shape(self, input_shapes[0], self.axis, False), np.dtype(np.int64)

    def compute(self, x):
        return np.argmax(x, axis=self.axis)

    def gradient(self, grad):
        return [None]


class ArgMin(ArgMax):
    """The index of the smallest value along `axis`. An index has no gradient."""

    default_name = "argmin"

    def compute(self, x):
        return np.argmin(x, axis=self.axis)


def _mean_of_booleans(x):
    return TypeError(f"reduce_mean cannot average the booleans of '{x.name}' (TensorFlow "
                     f"refuses them too): cast them to numbers first, e.g. "
                     f"tf.reduce_mean(tf.cast({x.name}, tf.float32)) for the fraction "
                     f"that are True")


def _reduced_sizes(shape, axis):
    """The sizes of the axes of `shape` that a reduction over `axis` combines."""
    if axis is None:
        return shape
    return [shape[axis]] if isinstance(axis, int) else [shape[one] for one in axis]


def _count(shape, axis):
    """How many elements of an array of `shape` a reduction over `axis` combines."""
    return math.prod(_reduced_sizes(shape, axis))


def reduced_count(x, axis):
    """How many elements of x a reduction over `axis` combines, as a node: a
    constant when x's static shape tells, else counted when the graph runs."""
    if x.shape is None or x.dtype is None or None in _reduced_sizes(x.shape, axis):
        return ReducedCount(x, axis)
    return Constant(np.asarray(_count(x.shape, axis), dtype=x.dtype), graph=x.graph)


def unreduce(grad, like, axis, keepdims, name=None):
    """`grad` spread back over the shape of `like` (see `Unreduce`)."""
    return Unreduce(grad, like, axis, keepdims, name)


def reduce_sum(x, axis=None, keepdims=False, name=None, reduction_indices=None,
               keep_dims=None):
    """The sum of the elements along `axis`, or of all (`tf.reduce_sum`).
    TensorFlow 1's older spellings `reduction_indices=` and `keep_dims=` work too."""
    axis, keepdims = _older_spellings("reduce_sum", axis, keepdims, reduction_indices, keep_dims)
    return ReduceSum(x, axis, keepdims, name)


def reduce_mean(x, axis=None, keepdims=False, name=None, reduction_indices=None,
                keep_dims=None):
    """The mean of the elements along `axis`, or of all (`tf.reduce_mean`).
    TensorFlow 1's older spellings `reduction_indices=` and `keep_dims=` work too."""
    axis, keepdims = _older_spellings("reduce_mean", axis, keepdims, reduction_indices,
                                      keep_dims)
    return ReduceMean(x, axis, keepdims, name)


def reduce_max(x, axis=None, keepdims=False, name=None, reduction_indices=None,
               keep_dims=None):
    """The largest element along `axis`, or of all (`tf.reduce_max`).
    TensorFlow 1's older spellings `reduction_indices=` and `keep_dims=` work too."""
    axis, keepdims = _older_spellings("reduce_max", axis, keepdims, reduction_indices, keep_dims)
    return ReduceMax(x, axis, keepdims, name)


def argmax(x, axis=None, name=None, dimension=None):
    """The index of the largest element along `axis` (`tf.argmax`, whose
    default axis is 0). TensorFlow 1's older spelling `dimension=` works too."""
    axis, _ = _older_spellings("argmax", axis, False, dimension, None, "dimension")
    return ArgMax(x, 0 if axis is None else axis, name)


def argmin(x, axis=None, name=None, dimension=None):
    """The index of the smallest element along `axis` (`tf.argmin`, whose
    default axis is 0). TensorFlow 1's older spelling `dimension=` works too."""
    axis, _ = _older_spellings("argmin", axis, False, dimension, None, "dimension")
    return ArgMin(x, 0 if axis is None else axis, name)


arg_max, arg_min = argmax, argmin  # TensorFlow 1's first names for them


def _older_spellings(function, axis, keepdims, old_axis, old_keepdims,
                     old_axis_name="reduction_indices"):
    """(axis, keepdims) from either spelling TensorFlow 1 accepts; an error
    if both spellings of one argument are given."""
    if old_axis is not None:
        if axis is not None:
            raise ValueError(f"{function}: give axis or {old_axis_name}, not both "
                             f"({old_axis_name} is the older name of axis)")
        axis = old_axis
    if old_keepdims is not None:
        keepdims = old_keepdims
    return axis, keepdims
