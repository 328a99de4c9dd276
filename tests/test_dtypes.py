"""A float32 graph stays float32: plain Python numbers mixed in take the type
of the node they meet, as NumPy's own scalars do. Plain Python floats on their
own are float64, NumPy's default."""
import numpy as np
import pytest

import minidl


def steps_with_python_numbers(x, W):
    """Every kind of operation, each meeting plain Python numbers."""
    return [
        x * 2.0, 2.0 * x, x + 1, 1 - x, x / 3.0, 3.0 / (x + 4.0), x ** 2.0, 2.0 ** x, -x,
        minidl.sigmoid(x) * 0.5, minidl.reduce_mean(x) * 2.0, minidl.maximum(x, 0.0),
        minidl.where(x > 0.0, x, 0.0), minidl.matmul(x, W) + 1.0,
        minidl.softmax(x * 2.0) * 3.0, (x * 2.0 + 1.0) * 3.0 - 4.0,
    ]


@pytest.mark.parametrize("shape", [(2, 2), (None, 2), None], ids=str)
def test_float32_stays_float32_through_python_numbers(shape):
    x = minidl.placeholder(minidl.float32, shape, name="x")
    W = minidl.Variable(np.ones((2, 3), np.float32))
    steps = steps_with_python_numbers(x, W)
    with minidl.Session() as session:
        values = session.run(steps, {x: np.array([[0.5, -1.0], [2.0, 0.25]], np.float32)})
    for node, value in zip(steps, values):
        assert value.dtype == np.float32, node.name
        assert node.dtype == np.float32, node.name


def test_float32_variable_with_python_numbers_stays_float32():
    W = minidl.Variable([1.0, 2.0], dtype=minidl.float32)
    b = minidl.Variable(np.zeros(2, np.float32))
    y = minidl.reduce_sum(W * 0.5 + b - 1) / 2
    with minidl.Session() as session:
        assert session.run(y).dtype == np.float32
    assert y.dtype == np.float32


def test_float64_fed_into_a_float32_placeholder_becomes_float32():
    x = minidl.placeholder(minidl.float32, (None,))
    with minidl.Session() as session:
        assert session.run(x * 2.0, {x: np.array([1.0, 2.0])}).dtype == np.float32


def test_python_floats_default_to_float64():
    assert minidl.constant(2.0).dtype == np.float64
    assert minidl.Variable(0.5).dtype == np.float64
    x = minidl.placeholder()
    with minidl.Session() as session:
        assert session.run(x * 2.0, {x: [1.0, 2.0]}).dtype == np.float64


def test_integers_mixed_with_python_floats_follow_numpy():
    n = minidl.placeholder(minidl.int32, (3,))
    counts = np.array([1, 2, 3], np.int32)
    with minidl.Session() as session:
        doubled, halved = session.run([n * 2, n * 0.5], {n: counts})
    assert doubled.dtype == (counts * 2).dtype == np.int32
    assert halved.dtype == (counts * 0.5).dtype
    np.testing.assert_array_equal(halved, [0.5, 1.0, 1.5])
