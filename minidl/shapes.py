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
import operator

import numpy as np

# Unknown sizes are tried as the sizes the inputs know only while no stand-in
# array needs more numbers than this.
MOST_STAND_IN_ELEMENTS = 2**20


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


def infer_shape_and_dtype(operation, input_specs):
    """The (shape, dtype) that `operation.compute` gives for inputs of the given
    (shape, dtype) pairs; None for what cannot be told before running.

    Unknown sizes are tried as 1 and as 2: output sizes that differ between the
    two tries depend on the run, and become None. An input whose number of axes
    is unknown is tried as a matrix of unknown sizes, to find the dtype.

    Raises:
        The error `compute` raises on the stand-ins, with the operation and the
        input shapes named, when no size fits (see `_outputs_for_unknown_sizes`).
    """
    dtype_known = all(dtype is not None for _, dtype in input_specs)
    if any(shape is None for shape, _ in input_specs):
        return None, _dtype_with_unknown_axes(operation, input_specs) if dtype_known else None
    if not any(None in shape for shape, _ in input_specs):
        try:
            output = _try_compute(operation, input_specs, unknown_size=1)
        except (ValueError, TypeError, IndexError) as error:
            raise _incompatible_inputs(operation, input_specs, error) from None
        return output.shape, output.dtype if dtype_known else None
    outputs = _outputs_for_unknown_sizes(operation, input_specs)
    dtype = outputs[0].dtype if outputs and dtype_known else None
    if len(outputs) < 2 or outputs[0].ndim != outputs[1].ndim:
        return None, dtype
    first, second = outputs
    return tuple(a if a == b else None for a, b in zip(first.shape, second.shape)), dtype


def _outputs_for_unknown_sizes(operation, input_specs):
    """Up to two outputs of `compute`, with the unknown sizes tried as 1, as 2,
    then as each size the inputs know: an unknown size may have to equal a
    known one (the inner size of a matrix product, say). Sizes whose stand-ins
    would be too big are skipped.

    Raises:
        The first error, explained, when every size was tried and none fits.
    """
    known_sizes = {size for shape, _ in input_specs for size in shape if size is not None}
    outputs, first_error, skipped = [], None, False
    for size in [1, 2] + sorted(known_sizes - {1, 2}):
        if size > 2 and _stand_in_elements(input_specs, size) > MOST_STAND_IN_ELEMENTS:
            skipped = True
            continue
        try:
            outputs.append(_try_compute(operation, input_specs, unknown_size=size))
        except (ValueError, TypeError, IndexError) as error:
            first_error = first_error or error
        if len(outputs) == 2:
            break
    if not outputs and not skipped:
        raise _incompatible_inputs(operation, input_specs, first_error) from None
    return outputs


def _dtype_with_unknown_axes(operation, input_specs):
    """The output dtype when some input's number of axes is unknown, found by
    trying such inputs as matrices of unknown sizes; None if that fails."""
    as_matrices = [((None, None) if shape is None else shape, dtype)
                   for shape, dtype in input_specs]
    try:
        return infer_shape_and_dtype(operation, as_matrices)[1]
    except (ValueError, TypeError):
        return None


def _stand_in_elements(input_specs, unknown_size):
    """How many numbers the largest stand-in holds when unknown sizes are `unknown_size`."""
    return max(np.prod([unknown_size if size is None else size for size in shape])
               for shape, _ in input_specs)


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
