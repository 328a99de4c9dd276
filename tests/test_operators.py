"""Python's operators on nodes build the same operations as the functions,
with plain numbers and arrays allowed on either side."""
import operator

import numpy as np
import pytest
from forward_helpers import check_op, sample

import minidl
from minidl.ops.arithmetic import Add, Divide, Multiply, Pow, Subtract
from minidl.ops.matmul import MatMul

OPERATORS = {
    "+": (operator.add, Add),
    "-": (operator.sub, Subtract),
    "*": (operator.mul, Multiply),
    "/": (operator.truediv, Divide),
    "**": (operator.pow, Pow),
    "@": (operator.matmul, MatMul),
}


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("symbol", OPERATORS)
def test_operator_between_nodes_matches_numpy(symbol, dtype):
    apply, _ = OPERATORS[symbol]
    x, y = sample((3, 3), dtype, 0.5, 2, seed=1), sample((3, 3), dtype, 0.5, 2, seed=2)
    check_op(apply, apply, x, y)


@pytest.mark.parametrize("symbol", OPERATORS)
def test_operator_builds_the_named_operation(symbol):
    apply, operation_class = OPERATORS[symbol]
    x, y = minidl.placeholder(shape=(2, 2)), minidl.placeholder(shape=(2, 2))
    node = apply(x, y)
    assert isinstance(node, operation_class)
    assert node.inputs == (x, y)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("symbol", [symbol for symbol in OPERATORS if symbol != "@"])
@pytest.mark.parametrize("number", [3, 2.5], ids=["int", "float"])
def test_plain_number_works_on_either_side(symbol, number, dtype):
    apply, _ = OPERATORS[symbol]
    x = sample((2, 3), dtype, 0.5, 2)
    check_op(lambda node: apply(node, number), lambda array: apply(array, number), x)
    check_op(lambda node: apply(number, node), lambda array: apply(number, array), x)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_unary_minus_negates(dtype):
    check_op(operator.neg, np.negative, sample((2, 3), dtype))


@pytest.mark.parametrize("symbol", OPERATORS)
def test_numpy_array_on_the_left_gives_a_node(symbol):
    apply, operation_class = OPERATORS[symbol]
    array = sample((2, 2), seed=3) + 3
    x = sample((2, 2), seed=4) + 3
    check_op(lambda node: apply(array, node), lambda value: apply(array, value), x)
    node = apply(array, minidl.placeholder(shape=(2, 2)))
    assert isinstance(node, operation_class)


def test_matrix_times_vector_follows_numpy():
    A = np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
    v = np.array([1.0, -1.0])
    check_op(operator.matmul, operator.matmul, A, v)
    assert (minidl.constant(A) @ minidl.constant(v)).shape == (3,)


@pytest.mark.parametrize("compare, reference", [
    (operator.lt, np.less), (operator.le, np.less_equal),
    (operator.gt, np.greater), (operator.ge, np.greater_equal),
], ids=["<", "<=", ">", ">="])
def test_comparison_operators_compare_elementwise(compare, reference):
    x = np.round(sample((2, 3), low=-2, high=2))
    check_op(lambda node: compare(node, 0.0), lambda array: reference(array, 0.0), x)
    check_op(lambda node: compare(0.0, node), lambda array: reference(0.0, array), x)


def test_double_equals_compares_nodes_by_identity():
    x = minidl.placeholder()
    assert x == x
    assert not (x == minidl.placeholder())
    assert {x: 1}[x] == 1
