"""Static shapes: what can be known about a value's shape before any data arrives.

A node's `shape` is a tuple with None for sizes known only when the graph runs
(a batch size, say), or None when even the number of axes is unknown.

Each built-in operation states its rule in `infer_shape_and_dtype`: an
elementwise operation broadcasts its inputs' shapes, a matrix product checks
the inner sizes, a reduction drops axes. So building a node never computes on
full-size arrays, and a mismatch the known sizes show is caught at once.

Its dtype is found by running its own `compute` on one-element stand-ins of
the inputs' dtypes (NumPy knows that the square root of an int is a float).
An operation that states no shape rule, like one a learner writes, is tried
on small stand-ins of its inputs' shapes, the way one checks a rule by hand.
"""
import math
import operator

import numpy as np
from numpy.lib.array_utils import normalize_axis_index

# An operation without a shape rule is tried on stand-ins only while none of
# them holds more numbers than this; beyond, its shape is left unknown.
MOST_STAND_IN_ELEMENTS = 2**16


def as_shape(shape):
    """A shape as a node keeps it: a tuple of Python ints and None, or None.

    Takes what TensorFlow takes: a list, tuple or array of sizes (NumPy
    integers too), or a single int for a shape of one axis (`shape=5`).
    """
    if shape is None:
        return None
    if np.ndim(shape) == 0:
        shape = [shape]
    return tuple(None if size is None else operator.index(size) for size in shape)


def shape_matches(actual, declared):
    """Whether a concrete `actual` shape fits a `declared` one (None matches any size)."""
    if declared is None:
        return True
    return len(actual) == len(declared) and all(
        want is None or want == got for got, want in zip(actual, declared))


def broadcast_shapes(operation, shapes):
    """The shape NumPy broadcasting gives arrays of `shapes`: aligned from the
    last axis, each size is the one size other than 1 (None if only unknown
    sizes and 1s). An error naming `operation` when two known sizes differ."""
    if any(shape is None for shape in shapes):
        return None
    ndim = max(len(shape) for shape in shapes)
    padded = [(1,) * (ndim - len(shape)) + tuple(shape) for shape in shapes]
    result = []
    for sizes in zip(*padded):
        known = {size for size in sizes if size is not None and size != 1}
        if len(known) > 1:
            raise incompatible_inputs(operation, shapes, "they do not broadcast together")
        result.append(known.pop() if known else None if None in sizes else 1)
    return tuple(result)


def same_shapes(operation, shapes):
    """The one shape that all `shapes` must have, with the sizes any of them
    knows; an error naming `operation` when two known sizes differ."""
    if any(shape is None for shape in shapes):
        return next((shape for shape in shapes if shape is not None), None)
    if len({len(shape) for shape in shapes}) > 1:
        raise incompatible_inputs(operation, shapes, "they must have the same shape")
    result = []
    for sizes in zip(*shapes):
        known = {size for size in sizes if size is not None}
        if len(known) > 1:
            raise incompatible_inputs(operation, shapes, "they must have the same shape")
        result.append(known.pop() if known else None)
    return tuple(result)


def reduced_shape(operation, shape, axis, keepdims):
    """`shape` after a reduction over `axis` (None: every axis; an int or a
    tuple of ints, negative counting from the end)."""
    if shape is None:
        return None
    if axis is None:
        return (1,) * len(shape) if keepdims else ()
    try:
        axes = {normalize_axis_index(one, len(shape))
                for one in ((axis,) if np.ndim(axis) == 0 else axis)}
    except np.exceptions.AxisError as error:
        raise incompatible_inputs(operation, [shape], error) from None
    if keepdims:
        return tuple(1 if i in axes else size for i, size in enumerate(shape))
    return tuple(size for i, size in enumerate(shape) if i not in axes)


def one_element_dtype(operation, input_shapes, input_dtypes):
    """The dtype of `operation.compute` on inputs of one element per axis and
    of the given dtypes (None if an input's dtype is unknown). An input whose
    number of axes is unknown is tried as a matrix."""
    __tracebackhide__ = True
    if any(dtype is None for dtype in input_dtypes):
        return None
    ones = [(1, 1) if shape is None else (1,) * len(shape) for shape in input_shapes]
    return _try_compute(operation, input_shapes, ones, input_dtypes).dtype


def stand_in_shape_and_dtype(operation, input_shapes, input_dtypes):
    """The (shape, dtype) that `operation.compute` gives on small stand-ins of
    the inputs' shapes, for an operation that states no rule of its own.

    Unknown sizes are tried as 1 and as 2: output sizes that differ between the
    two tries depend on the run, and become None. An unknown size that must
    equal a known one (an inner size of a product) is then tried as each size
    the inputs know. The shape stays unknown when the stand-ins would be big.
    """
    __tracebackhide__ = True
    if any(shape is None for shape in input_shapes):
        return None, one_element_dtype(operation, input_shapes, input_dtypes)
    dtypes = [dtype or np.float64 for dtype in input_dtypes]
    known_sizes = {size for shape in input_shapes for size in shape if size is not None}
    outputs, first_error = [], None
    for size in [1, 2] + sorted(known_sizes - {1, 2}):
        sizes = [[size if one is None else one for one in shape] for shape in input_shapes]
        if max(math.prod(shape) for shape in sizes) > MOST_STAND_IN_ELEMENTS:
            break
        try:
            outputs.append(_try_compute(operation, input_shapes, sizes, dtypes))
        except (ValueError, TypeError) as error:
            first_error = first_error or error
        if len(outputs) == 2:
            break
    if first_error is not None and not outputs:
        raise first_error
    dtype = outputs[0].dtype if outputs and None not in input_dtypes else None
    if len(outputs) < 2 or outputs[0].ndim != outputs[1].ndim:
        return None, dtype
    first, second = outputs
    return tuple(a if a == b else None for a, b in zip(first.shape, second.shape)), dtype


def _try_compute(operation, input_shapes, stand_in_shapes, dtypes):
    stand_ins = [np.ones(shape, dtype=dtype) for shape, dtype in zip(stand_in_shapes, dtypes)]
    try:
        with np.errstate(all="ignore"):
            value = np.asarray(operation.compute(*stand_ins))
    except (ValueError, TypeError, IndexError) as error:
        raise incompatible_inputs(operation, input_shapes, error) from None
    if "inputs" in vars(operation):
        raise AttributeError(
            f"{operation.type} '{operation.name}': `inputs` holds the input nodes and cannot "
            f"be replaced. `compute` gets the input values as its arguments and need not "
            f"save them (the tutorial's `self.inputs = [x_value, y_value]` is not needed)")
    return value


def incompatible_inputs(operation, input_shapes, reason):
    """The error for an operation built on inputs whose shapes do not fit:
    a TypeError if `reason` is one, else a ValueError."""
    shapes = " and ".join("unknown" if shape is None else str(tuple(shape))
                          for shape in input_shapes)
    kind = TypeError if isinstance(reason, TypeError) else ValueError
    return kind(f"{operation.type} '{operation.name}' cannot take inputs of shapes "
                f"{shapes}: {reason}")
