"""Every operation's value against the same formula in NumPy, over several
shapes (with broadcasting), in float32 and float64. Gradients are checked in
the gradient tests; here only forward values, dtypes and static shapes."""
import numpy as np
import pytest
from forward_helpers import check_op, sample

import minidl

DTYPES = [np.float32, np.float64]


def numpy_sigmoid(x):
    return 1 / (1 + np.exp(-x))


def numpy_softmax(x, axis=-1):
    return np.exp(x) / np.sum(np.exp(x), axis=axis, keepdims=True)


BINARY = {
    "add": (minidl.add, np.add),
    "subtract": (minidl.subtract, np.subtract),
    "multiply": (minidl.multiply, np.multiply),
    "divide": (minidl.divide, np.divide),
    "pow": (minidl.pow, np.power),
    "maximum": (minidl.maximum, np.maximum),
    "minimum": (minidl.minimum, np.minimum),
}

COMPARISONS = {
    "equal": (minidl.equal, np.equal),
    "greater": (minidl.greater, np.greater),
    "greater_equal": (minidl.greater_equal, np.greater_equal),
    "less": (minidl.less, np.less),
    "less_equal": (minidl.less_equal, np.less_equal),
}

BROADCAST_SHAPES = [
    ((3,), (3,)),
    ((2, 3), (2, 3)),
    ((2, 3), (3,)),
    ((2, 1), (1, 3)),
    ((), (2, 3)),
    ((2, 3), ()),
    ((4, 1, 3), (2, 1)),
]

# Unary operations with the interval their inputs are drawn from.
UNARY = {
    "negative": (minidl.negative, np.negative, (-2, 2)),
    "square": (minidl.square, np.square, (-2, 2)),
    "sqrt": (minidl.sqrt, np.sqrt, (0.1, 4)),
    "exp": (minidl.exp, np.exp, (-2, 2)),
    "log": (minidl.log, np.log, (0.1, 4)),
    "abs": (minidl.abs, np.abs, (-2, 2)),
    "sign": (minidl.sign, np.sign, (-2, 2)),
    "sigmoid": (minidl.sigmoid, numpy_sigmoid, (-5, 5)),
    "nn.sigmoid": (minidl.nn.sigmoid, numpy_sigmoid, (-5, 5)),
    "tanh": (minidl.tanh, np.tanh, (-3, 3)),
    "relu": (minidl.relu, lambda x: np.where(x > 0, x, 0), (-2, 2)),
    "nn.relu": (minidl.nn.relu, lambda x: np.where(x > 0, x, 0), (-2, 2)),
}

UNARY_SHAPES = [(), (5,), (2, 3), (2, 3, 4)]


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("shapes", BROADCAST_SHAPES, ids=str)
@pytest.mark.parametrize("op", BINARY)
def test_binary_op_broadcasts_like_numpy(op, shapes, dtype):
    function, reference = BINARY[op]
    x, y = (sample(shape, dtype, 0.5, 2.0, seed) for seed, shape in enumerate(shapes))
    check_op(function, reference, x, y)


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("shapes", BROADCAST_SHAPES, ids=str)
@pytest.mark.parametrize("op", COMPARISONS)
def test_comparison_gives_booleans_like_numpy(op, shapes, dtype):
    function, reference = COMPARISONS[op]
    # Whole numbers in [-2, 2], so that ties occur and `equal` is sometimes True.
    x, y = (np.round(sample(shape, dtype, -2, 2, seed)) for seed, shape in enumerate(shapes))
    check_op(function, reference, x, y)


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("shape", UNARY_SHAPES, ids=str)
@pytest.mark.parametrize("op", UNARY)
def test_unary_op_matches_numpy(op, shape, dtype):
    function, reference, (low, high) = UNARY[op]
    check_op(function, reference, sample(shape, dtype, low, high))


@pytest.mark.parametrize("dtype", DTYPES)
def test_where_chooses_elementwise_with_broadcasting(dtype):
    condition = sample((2, 3), seed=1) > 0
    check_op(minidl.where, np.where, condition, sample((3,), dtype), sample((), dtype, seed=2))


@pytest.mark.parametrize("dtype", DTYPES)
def test_add_n_sums_all_inputs(dtype):
    a, b, c = (sample((2, 3), dtype, seed=seed) for seed in range(3))
    check_op(lambda *xs: minidl.add_n(list(xs)), lambda *xs: xs[0] + xs[1] + xs[2], a, b, c)


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("axis", [-1, 0, 1])
@pytest.mark.parametrize("op, reference", [
    (minidl.softmax, numpy_softmax),
    (minidl.nn.softmax, numpy_softmax),
    (minidl.log_softmax, lambda x, axis: np.log(numpy_softmax(x, axis))),
    (minidl.nn.log_softmax, lambda x, axis: np.log(numpy_softmax(x, axis))),
], ids=["softmax", "nn.softmax", "log_softmax", "nn.log_softmax"])
def test_softmax_family_matches_numpy(op, reference, axis, dtype):
    check_op(lambda x: op(x, axis), lambda x: reference(x, axis), sample((3, 4), dtype))


@pytest.mark.parametrize("dtype", DTYPES)
def test_softmax_rows_sum_to_one_for_huge_scores(dtype):
    scores = np.array([[1000.0, 0.0], [-1000.0, -1000.0]], dtype)
    check_op(minidl.softmax, lambda x: np.array([[1.0, 0.0], [0.5, 0.5]], dtype), scores)


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("keepdims", [False, True])
@pytest.mark.parametrize("axis", [None, 0, 1, -1, [0, 2]], ids=str)
@pytest.mark.parametrize("op, reference", [
    (minidl.reduce_sum, np.sum), (minidl.reduce_mean, np.mean), (minidl.reduce_max, np.max),
], ids=["reduce_sum", "reduce_mean", "reduce_max"])
def test_reduction_matches_numpy(op, reference, axis, keepdims, dtype):
    numpy_axis = tuple(axis) if isinstance(axis, list) else axis
    check_op(lambda x: op(x, axis, keepdims=keepdims),
             lambda x: reference(x, axis=numpy_axis, keepdims=keepdims),
             sample((2, 3, 4), dtype))


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("axis", [0, 1, -1])
def test_argmax_gives_int64_indices(axis, dtype):
    check_op(lambda x: minidl.argmax(x, axis), lambda x: np.argmax(x, axis=axis),
             sample((3, 4), dtype))


def test_argmax_axis_defaults_to_0_as_in_tensorflow():
    check_op(minidl.argmax, lambda x: np.argmax(x, axis=0), sample((3, 4)))


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("new_shape", [(-1,), (-1, 4), (4, -1), (-1, 3, 2, 2)], ids=str)
def test_reshape_matches_numpy(new_shape, dtype):
    check_op(lambda x: minidl.reshape(x, new_shape), lambda x: np.reshape(x, new_shape),
             sample((2, 3, 4), dtype))


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("axis", [0, 1, -1])
def test_expand_dims_matches_numpy(axis, dtype):
    check_op(lambda x: minidl.expand_dims(x, axis), lambda x: np.expand_dims(x, axis),
             sample((2, 3), dtype))


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("perm", [None, (1, 0, 2), (2, 0, 1)], ids=str)
def test_transpose_matches_numpy(perm, dtype):
    check_op(lambda x: minidl.transpose(x, perm), lambda x: np.transpose(x, perm),
             sample((2, 3, 4), dtype))


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("shape", [(3,), (3, 4), (2, 3, 4)], ids=str)
def test_matrix_transpose_swaps_last_two_axes(shape, dtype):
    check_op(minidl.matrix_transpose,
             lambda x: x if x.ndim < 2 else np.swapaxes(x, -1, -2), sample(shape, dtype))


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("target", [minidl.float32, minidl.float64, minidl.int32,
                                    minidl.int64, minidl.bool], ids=str)
def test_cast_converts_like_astype(target, dtype):
    check_op(lambda x: minidl.cast(x, target), lambda x: x.astype(target),
             sample((2, 3), dtype, -3, 3))


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("op, reference", [(minidl.ones_like, np.ones_like),
                                           (minidl.zeros_like, np.zeros_like)],
                         ids=["ones_like", "zeros_like"])
def test_ones_and_zeros_like_keep_shape_and_dtype(op, reference, dtype):
    check_op(op, reference, sample((2, 3), dtype))


MATMUL_SHAPES = [
    ((2, 3), (3, 4)),
    ((2, 3), (3,)),
    ((3,), (3, 4)),
    ((3,), (3,)),
    ((5, 2, 3), (3, 4)),
    ((5, 2, 3), (5, 3, 4)),
]


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("shapes", MATMUL_SHAPES, ids=str)
def test_matmul_follows_numpy_rules(shapes, dtype):
    a, b = (sample(shape, dtype, seed=seed) for seed, shape in enumerate(shapes))
    check_op(minidl.matmul, np.matmul, a, b)


@pytest.mark.parametrize("dtype", DTYPES)
def test_softmax_cross_entropy_is_minus_sum_of_labels_times_log_softmax(dtype):
    labels = sample((4, 3), dtype, 0.1, 1.0, seed=1)
    labels /= labels.sum(axis=1, keepdims=True)
    check_op(lambda y, z: minidl.nn.softmax_cross_entropy_with_logits_v2(labels=y, logits=z),
             lambda y, z: -np.sum(y * np.log(numpy_softmax(z)), axis=-1),
             labels, sample((4, 3), dtype))


@pytest.mark.parametrize("dtype", DTYPES)
def test_sigmoid_cross_entropy_matches_its_definition(dtype):
    labels = (sample((4, 3), seed=1) > 0).astype(dtype)

    def reference(y, z):
        p = numpy_sigmoid(z)
        return -y * np.log(p) - (1 - y) * np.log(1 - p)
    check_op(lambda y, z: minidl.nn.sigmoid_cross_entropy_with_logits(labels=y, logits=z),
             reference, labels, sample((4, 3), dtype, -4, 4))
