"""Every operation's gradient against central finite differences (float64):
several shapes, broadcast operands, a node used twice, and gradients of gradients."""
import numpy as np
import pytest
from gradcheck import check_gradients, second_derivative

import minidl as tf


def anywhere(shape, seed=0):
    """Values on both sides of zero."""
    return np.random.default_rng(seed).uniform(-2, 2, shape)


def positive(shape, seed=0):
    """Values where log, sqrt and a real power are smooth."""
    return np.random.default_rng(seed).uniform(0.5, 2, shape)


def away_from_zero(shape, seed=0):
    """Values of both signs, at least 0.3 from the kink of abs and relu at 0."""
    rng = np.random.default_rng(seed)
    return rng.choice([-1.0, 1.0], shape) * rng.uniform(0.3, 2, shape)


def grid(shape, offset, seed=0):
    """Integers from -2 to 2 plus `offset` plus up to 0.1: grids with offsets
    0.2 and 0.6 never come closer than 0.3, so maximum and minimum have no ties."""
    rng = np.random.default_rng(seed)
    return rng.integers(-2, 3, shape) + offset + rng.uniform(0, 0.1, shape)


UNARY = {
    "negative": (tf.negative, anywhere),
    "unary minus": (lambda x: -x, anywhere),
    "square": (tf.square, anywhere),
    "sqrt": (tf.sqrt, positive),
    "exp": (tf.exp, anywhere),
    "log": (tf.log, positive),
    "abs": (tf.abs, away_from_zero),
    "sign": (tf.sign, away_from_zero),
    "sigmoid": (tf.sigmoid, anywhere),
    "tanh": (tf.tanh, anywhere),
    "relu": (tf.nn.relu, away_from_zero),
    "cube by operator": (lambda x: x ** 3, anywhere),
    "two to the x": (lambda x: 2.0 ** x, anywhere),
}
SHAPES = [(), (5,), (3, 4), (2, 3, 4)]


@pytest.mark.parametrize("shape", SHAPES, ids=str)
@pytest.mark.parametrize("op, values", UNARY.values(), ids=UNARY.keys())
def test_elementwise_gradient(op, values, shape):
    check_gradients(op, values(shape))


@pytest.mark.parametrize("shape, axis", [((5,), -1), ((3, 4), -1), ((3, 4), 0),
                                         ((2, 3, 4), 1), ((2, 3, 4), -1)], ids=str)
@pytest.mark.parametrize("op", [tf.nn.softmax, tf.nn.log_softmax], ids=["softmax", "log_softmax"])
def test_softmax_gradient(op, shape, axis):
    check_gradients(lambda x: op(x, axis), anywhere(shape))


BINARY = {
    "add": (tf.add, anywhere, anywhere),
    "subtract": (tf.subtract, anywhere, anywhere),
    "multiply": (tf.multiply, anywhere, anywhere),
    "divide": (tf.divide, anywhere, away_from_zero),
    "pow": (tf.pow, positive, anywhere),
    "maximum": (tf.maximum, lambda s, seed=0: grid(s, 0.2, seed),
                lambda s, seed=0: grid(s, 0.6, seed)),
    "minimum": (tf.minimum, lambda s, seed=0: grid(s, 0.2, seed),
                lambda s, seed=0: grid(s, 0.6, seed)),
    "operators": (lambda x, y: (x - y) * x / (y * y + 1) - 2 * y, anywhere, anywhere),
}
BROADCAST_SHAPES = [((3, 4), (3, 4)), ((3, 4), (4,)), ((3, 4), ()), ((), (3, 4)),
                    ((4,), (3, 4)), ((2, 3, 4), (3, 1)), ((3, 1), (1, 4))]


@pytest.mark.parametrize("x_shape, y_shape", BROADCAST_SHAPES, ids=str)
@pytest.mark.parametrize("op, x_values, y_values", BINARY.values(), ids=BINARY.keys())
def test_binary_gradient_has_each_operand_shape(op, x_values, y_values, x_shape, y_shape):
    check_gradients(op, x_values(x_shape), y_values(y_shape, seed=1))


@pytest.mark.parametrize("shapes", [[(3, 4)] * 3, [(3, 4), (4,), ()], [(2, 1), (1, 3), (2, 3)]],
                         ids=str)
def test_add_n_gradient(shapes):
    check_gradients(lambda *xs: tf.add_n(list(xs)),
                    *[anywhere(shape, seed) for seed, shape in enumerate(shapes)])


@pytest.mark.parametrize("x_shape, y_shape", [((3, 4), (3, 4)), ((3, 4), (4,)), ((3, 4), ())],
                         ids=str)
def test_where_gradient_goes_to_the_chosen_side(x_shape, y_shape):
    condition = anywhere((3, 4), seed=2) > 0
    check_gradients(lambda x, y: tf.where(condition, x, y),
                    anywhere(x_shape), anywhere(y_shape, seed=1))


@pytest.mark.parametrize("op", [tf.reduce_sum, tf.reduce_mean, tf.reduce_max],
                         ids=["sum", "mean", "max"])
@pytest.mark.parametrize("keepdims", [False, True], ids=["dropped", "keepdims"])
@pytest.mark.parametrize("axis", [None, 0, 1, -1, [0, 2], (1, 2), [0, -1]], ids=str)
def test_reduction_gradient(op, axis, keepdims):
    check_gradients(lambda x: op(x, axis, keepdims), anywhere((2, 3, 4)))


def test_reduce_max_of_a_vector_and_a_scalar():
    check_gradients(lambda x: tf.reduce_max(x), anywhere(5))
    check_gradients(lambda x: tf.reduce_max(x), anywhere(()))


def test_reduce_max_shares_the_gradient_between_tied_maxima():
    x = tf.placeholder(tf.float64, (4,))
    grad, = tf.gradients(tf.reduce_max(x), x)
    with tf.Session() as sess:
        np.testing.assert_allclose(sess.run(grad, {x: [1.0, 3.0, 3.0, 2.0]}),
                                   [0.0, 0.5, 0.5, 0.0])


SHAPE_OPS = {
    "reshape to a matrix": (lambda x: tf.reshape(x, (2, 6)), (3, 4)),
    "reshape with -1": (lambda x: tf.reshape(x, (4, -1)), (2, 3, 4)),
    "flatten": (lambda x: tf.reshape(x, (-1,)), (3, 4)),
    "expand_dims first": (lambda x: tf.expand_dims(x, 0), (3, 4)),
    "expand_dims middle": (lambda x: tf.expand_dims(x, 1), (3, 4)),
    "expand_dims last": (lambda x: tf.expand_dims(x, -1), (3, 4)),
    "transpose": (tf.transpose, (3, 4)),
    "transpose 3-d reversed": (tf.transpose, (2, 3, 4)),
    "transpose perm": (lambda x: tf.transpose(x, (2, 0, 1)), (2, 3, 4)),
    "transpose perm, negative axes": (lambda x: tf.transpose(x, (-1, 0)), (3, 4)),
    "transpose square, negative axes": (lambda x: tf.transpose(x, (-1, 0)), (3, 3)),
    "transpose 3-d, negative axes": (lambda x: tf.transpose(x, (0, -1, -2)), (2, 3, 4)),
    "matrix_transpose": (tf.matrix_transpose, (3, 4)),
    "matrix_transpose stack": (tf.matrix_transpose, (2, 3, 4)),
    "cast float64": (lambda x: tf.cast(x, tf.float64), (3, 4)),
}


@pytest.mark.parametrize("op, shape", SHAPE_OPS.values(), ids=SHAPE_OPS.keys())
def test_shape_op_gradient(op, shape):
    check_gradients(op, anywhere(shape))


def test_cast_to_integers_passes_no_gradient():
    x = tf.placeholder(tf.float64, (3,))
    assert tf.gradients(tf.reduce_sum(tf.cast(x, tf.int32)), x) == [None]


MATMUL_SHAPES = [((3, 4), (4, 5)), ((1, 4), (4, 1)), ((4,), (4, 5)), ((3, 4), (4,)),
                 ((4,), (4,)), ((2, 3, 4), (4, 5)), ((2, 3, 4), (2, 4, 5)),
                 ((3, 4), (2, 4, 5)), ((2, 3, 4), (4,)), ((4,), (2, 4, 5))]


@pytest.mark.parametrize("a_shape, b_shape", MATMUL_SHAPES, ids=str)
def test_matmul_gradient(a_shape, b_shape):
    check_gradients(tf.matmul, anywhere(a_shape), anywhere(b_shape, seed=1))


TRANSPOSED_MATMUL_SHAPES = {  # (transpose_a, transpose_b): shapes of a and b
    (True, False): ((4, 3), (4, 5)), (False, True): ((3, 4), (5, 4)),
    (True, True): ((4, 3), (5, 4)), (True, False, "stacks"): ((2, 4, 3), (4, 5)),
    (False, True, "stacks"): ((3, 4), (2, 5, 4)),
    (True, False, "vector b"): ((4, 3), (4,)), (False, True, "vector a"): ((4,), (5, 4)),
    (True, False, "vector b, stacks"): ((2, 4, 3), (4,)),
    (False, True, "vector a, stacks"): ((4,), (2, 5, 4)),
}


@pytest.mark.parametrize("flags", TRANSPOSED_MATMUL_SHAPES, ids=str)
def test_matmul_with_transposed_operands(flags):
    transpose_a, transpose_b = flags[:2]
    a_shape, b_shape = TRANSPOSED_MATMUL_SHAPES[flags]
    a, b = anywhere(a_shape), anywhere(b_shape, seed=1)
    expected = np.matmul(a.swapaxes(-1, -2) if transpose_a else a,
                         b.swapaxes(-1, -2) if transpose_b else b)
    with tf.Session() as sess:
        got = sess.run(tf.matmul(tf.constant(a), tf.constant(b), transpose_a, transpose_b))
    np.testing.assert_allclose(got, expected, rtol=1e-12)
    check_gradients(lambda x, y: tf.matmul(x, y, transpose_a=transpose_a,
                                           transpose_b=transpose_b), a, b)


def test_matmul_transposing_a_vector_is_an_error_naming_the_op():
    with pytest.raises(ValueError, match=r"MatMul 'matmul'.*\(4,\).*transpose_a needs a matrix"):
        tf.matmul(tf.constant(np.ones(4)), tf.constant(np.ones((4, 2))), transpose_a=True)


def test_a_vector_fed_to_an_operand_of_unknown_rank_is_named_in_the_gradient_error():
    """The gradient of a matmul whose operand has an unknown number of axes is
    built for matrices; fed a vector, the run says which op needed a matrix."""
    x = tf.placeholder(tf.float64, name="x")
    W = tf.Variable(np.ones((2, 2)), name="W")
    step = tf.train.GradientDescentOptimizer(0.1).minimize(tf.reduce_sum(tf.matmul(W, x)))
    with tf.Session() as sess, pytest.raises(
            ValueError, match=r"MatMul '[^']*matmul[^']*' failed.*transpose_b needs b to be a "
                              r"matrix.*shape \(2,\): a vector where a matrix was needed"):
        sess.run(step, {x: np.ones(2)})
    np.testing.assert_array_equal(W.value, np.ones((2, 2)))


def test_matmul_operator_gradient():
    check_gradients(lambda a, b: a @ b, anywhere((3, 4)), anywhere((4, 2), seed=1))


USED_TWICE = {
    "x * x": (lambda x: x * x, anywhere((3, 4))),
    "a + a": (lambda a: a + a, anywhere((3, 4))),
    "x / x": (lambda x: x / x, away_from_zero((3, 4))),
    "maximum(x, x)": (lambda x: tf.maximum(x, x), anywhere((3, 4))),
    "matmul(A, A)": (lambda a: tf.matmul(a, a), anywhere((3, 3))),
    "add_n([x, x, x])": (lambda x: tf.add_n([x, x, x]), anywhere((3, 4))),
    "x ** x": (lambda x: x ** x, positive((3, 4))),
    "shared subexpression": (lambda x: tf.exp(x) * tf.sigmoid(tf.exp(x)) + tf.exp(x),
                             anywhere((3, 4))),
}


@pytest.mark.parametrize("build, values", USED_TWICE.values(), ids=USED_TWICE.keys())
def test_node_used_twice_gets_both_contributions(build, values):
    check_gradients(build, values)


SECOND_DERIVATIVES = {
    "negative": (tf.negative, anywhere),
    "square": (tf.square, anywhere),
    "sqrt": (tf.sqrt, positive),
    "exp": (tf.exp, anywhere),
    "log": (tf.log, positive),
    "abs": (tf.abs, away_from_zero),
    "sigmoid": (tf.sigmoid, anywhere),
    "tanh": (tf.tanh, anywhere),
    "relu": (tf.nn.relu, away_from_zero),
    "softmax": (tf.nn.softmax, anywhere),
    "log_softmax": (tf.nn.log_softmax, anywhere),
    "x * x * x": (lambda x: x * x * x, anywhere),
    "x ** 3": (lambda x: x ** 3, anywhere),
    "2 ** x": (lambda x: 2.0 ** x, anywhere),
    "x ** x": (lambda x: x ** x, positive),
    "1 / (1 + x * x)": (lambda x: 1 / (1 + x * x), anywhere),
    "maximum": (lambda x: tf.maximum(x, 0.05) ** 2, away_from_zero),
    "reduce_mean": (lambda x: tf.square(tf.reduce_mean(x, 1)), anywhere),
    "reduce_max": (lambda x: tf.square(tf.reduce_max(x, 0)), anywhere),
    "matmul(A, A)": (lambda a: tf.matmul(a, tf.transpose(a)) ** 2, anywhere),
    "broadcast bias": (lambda b: tf.square(tf.constant(anywhere((5, 4), seed=3)) + b),
                       lambda shape: anywhere(shape[-1:])),
}


@pytest.mark.parametrize("function, values", SECOND_DERIVATIVES.values(),
                         ids=SECOND_DERIVATIVES.keys())
def test_gradient_of_gradient(function, values):
    check_gradients(second_derivative(function), values((3, 4)))


def test_numpy_values_on_the_left_of_an_operator():
    """`array * node` must build a node (NumPy would otherwise make an array of nodes)."""
    weights = positive((3, 4), seed=5)
    check_gradients(lambda x: weights * x + weights / (3 + x) - weights ** x + np.float64(2) * x,
                    anywhere((3, 4)))
