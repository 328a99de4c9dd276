"""Static shapes: what can be known about a value's shape before any data arrives.

A node's `shape` is a tuple with None for sizes known only when the graph runs
(a batch size, say), or None when even the number of axes is unknown.

Rather than a shape rule for every operation, minidl finds an operation's
output shape the way a learner would check it by hand: it runs the operation's
own `compute` on small stand-in arrays of the input shapes. That one trick
catches mismatched shapes when the graph is built, and works unchanged for the
operations learners write themselves. It is also why `compute` must be a pure
function of its inputs: it may be called before the graph runs.
"""
import numpy as np


def shape_matches(actual, declared):
    """Whether a concrete `actual` shape fits a `declared` one (None matches any size)."""
    if declared is None:
        return True
    return len(actual) == len(declared) and all(
        want is None or want == got for got, want in zip(actual, declared))


def infer_shape_and_dtype(operation, input_specs):
    """The (shape, dtype) that `operation.compute` gives for inputs of the given
    (shape, dtype) pairs; None for what cannot be told before running.

    Unknown sizes are tried as 1 (which broadcasts with anything, so only real
    mismatches fail) and then as 2: output sizes that differ between the two
    tries depend on the run, and become None.

    Raises:
        The error `compute` raises on the stand-ins, with the operation and the
        input shapes named.
    """
    if any(shape is None for shape, _ in input_specs):
        return None, None
    dtype_known = all(dtype is not None for _, dtype in input_specs)
    try:
        first = _try_compute(operation, input_specs, unknown_size=1)
    except (ValueError, TypeError, IndexError) as error:
        raise _incompatible_inputs(operation, input_specs, error) from None
    dtype = first.dtype if dtype_known else None
    if not any(None in shape for shape, _ in input_specs):
        return first.shape, dtype
    try:
        second = _try_compute(operation, input_specs, unknown_size=2)
    except (ValueError, TypeError, IndexError):
        return None, dtype
    if first.ndim != second.ndim:
        return None, dtype
    return tuple(a if a == b else None for a, b in zip(first.shape, second.shape)), dtype


def _try_compute(operation, input_specs, unknown_size):
    stand_ins = [np.ones([unknown_size if size is None else size for size in shape],
                         dtype=dtype or np.float64)
                 for shape, dtype in input_specs]
    with np.errstate(all="ignore"):
        return np.asarray(operation.compute(*stand_ins))


def _incompatible_inputs(operation, input_specs, error):
    shapes = " and ".join(str(tuple(shape)) for shape, _ in input_specs)
    kind = TypeError if isinstance(error, TypeError) else ValueError
    return kind(f"{operation.type} '{operation.name}' cannot take inputs of shapes "
                f"{shapes}: {error}")
