"""Helpers that make each forward-value test one line: build an operation on
placeholders, run it, and compare with the same formula written in NumPy.

The NumPy reference runs on the very arrays fed to the graph, so it also says
which dtype the result must have: NumPy keeps float32 as float32, and so must
minidl.
"""
import numpy as np

import minidl

TOLERANCE = {np.dtype("float32"): 1e-5, np.dtype("float64"): 1e-12}


def sample(shape, dtype=np.float64, low=-2.0, high=2.0, seed=0):
    """Reproducible uniform random values in [low, high) of the given shape and dtype."""
    return np.random.default_rng(seed).uniform(low, high, size=shape).astype(dtype)


def run(build, *arrays, shapes=None):
    """Feed `arrays` into placeholders of their dtype and of `shapes` (default:
    the arrays' own shapes), build `build(*placeholders)` in a new graph and run it.

    Returns:
        (node, value): the node that `build` returned and its value in the run.
    """
    shapes = [array.shape for array in arrays] if shapes is None else shapes
    graph = minidl.Graph()
    with graph.as_default():
        inputs = [minidl.placeholder(a.dtype, shape) for a, shape in zip(arrays, shapes)]
        node = build(*inputs)
    with minidl.Session(graph) as session:
        return node, session.run(node, dict(zip(inputs, arrays)))


def fits(actual, static):
    """Whether a run's `actual` shape fits a node's `static` shape (None: any size)."""
    return static is None or (len(actual) == len(static) and all(
        want is None or want == got for got, want in zip(actual, static)))


def check_op(build, reference, *arrays):
    """`build(*placeholders)` gives what `reference(*arrays)` gives in NumPy:
    the same values (to the dtype's precision), the same dtype, and a static
    shape and dtype on the node that agree with the run.

    It runs twice: with placeholders of the arrays' exact shapes (the node's
    shape must then be exact) and with the first axis of each unknown, as a
    batch size is (the node's shape must then fit the value's).
    """
    expected = np.asarray(reference(*arrays))
    node, value = run(build, *arrays)
    assert node.shape == expected.shape, f"static shape {node.shape}, want {expected.shape}"
    assert_same_value(node, value, expected)

    unknown_batch = [(None,) + array.shape[1:] if array.ndim else () for array in arrays]
    node, value = run(build, *arrays, shapes=unknown_batch)
    assert fits(value.shape, node.shape), f"run gave {value.shape}, static {node.shape}"
    assert_same_value(node, value, expected)


def assert_same_value(node, value, expected):
    """`value`, computed for `node`, equals `expected` in dtype (the node's
    static one too) and in value, to the dtype's precision."""
    assert node.dtype == expected.dtype, f"static dtype {node.dtype}, want {expected.dtype}"
    assert value.dtype == expected.dtype, f"run gave {value.dtype}, want {expected.dtype}"
    assert value.shape == expected.shape, f"run gave {value.shape}, want {expected.shape}"
    if expected.dtype in TOLERANCE:
        tolerance = TOLERANCE[expected.dtype]
        np.testing.assert_allclose(value, expected, rtol=tolerance, atol=tolerance)
    else:
        np.testing.assert_array_equal(value, expected)
