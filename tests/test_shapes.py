"""Static shapes: what a node knows about its value's shape before running.
Sizes known only at run time (None) never cause a false error when building,
and a real mismatch is caught when building if the known sizes show it."""
import tracemalloc

import numpy as np
import pytest

import minidl


def placeholder(*shape):
    return minidl.placeholder(minidl.float64, shape)


@pytest.mark.parametrize("build, shape", [
    (lambda: placeholder(None, 2) + np.ones(2), (None, 2)),
    (lambda: placeholder(None, 2) @ np.ones((2, 3)), (None, 3)),
    (lambda: placeholder(None, 1) * placeholder(1, 3), (None, 3)),
    (lambda: minidl.reduce_sum(placeholder(None, 3), axis=0), (3,)),
    (lambda: minidl.reduce_sum(placeholder(None, 3), axis=1), (None,)),
    (lambda: minidl.softmax(placeholder(None, 10)), (None, 10)),
    (lambda: minidl.reshape(placeholder(None, 28, 28), (-1, 784)), (None, 784)),
    (lambda: minidl.argmax(placeholder(None, 10), 1), (None,)),
    (lambda: minidl.transpose(placeholder(None, 3)), (3, None)),
], ids=["add", "matmul", "broadcast", "sum0", "sum1", "softmax", "reshape", "argmax",
        "transpose"])
def test_shape_with_a_batch_size_is_inferred(build, shape):
    assert build().shape == shape


@pytest.mark.parametrize("placeholder_shape, build, fed_shape, value_shape", [
    ((None, None), lambda x: x @ np.ones((3, 4)), (5, 3), (5, 4)),
    ((None, 2), lambda x: np.ones((3, 4)) @ x, (4, 2), (3, 2)),
    ((None, 3), lambda x: minidl.nn.softmax_cross_entropy_with_logits_v2(
        labels=x, logits=minidl.constant(np.ones((5, 3)))), (5, 3), (5,)),
    ((None, 2), lambda x: minidl.Variable(np.ones((2, 2))).assign(x), (2, 2), (2, 2)),
    ((None, 3, 4), lambda x: minidl.reshape(x, (6, 4)), (2, 3, 4), (6, 4)),
], ids=["inner size", "rows", "loss", "assign", "reshape"])
def test_unknown_sizes_that_must_equal_a_known_size_are_accepted(
        placeholder_shape, build, fed_shape, value_shape):
    x = placeholder(*placeholder_shape)
    node = build(x)
    with minidl.Session() as session:
        value = session.run(node, {x: np.ones(fed_shape)})
    assert value.shape == value_shape
    assert node.shape is None or len(node.shape) == len(value_shape)


def test_unknown_inner_size_matching_a_big_known_size_is_accepted():
    x = placeholder(None, None)
    product = x @ np.ones((3000, 2))
    with minidl.Session() as session:
        np.testing.assert_array_equal(session.run(product, {x: np.ones((4, 3000))}),
                                      np.full((4, 2), 3000.0))


@pytest.mark.parametrize("build", [
    lambda: placeholder(None, 2) @ np.ones((3, 1)),
    lambda: placeholder(None, 2) + np.ones(3),
    lambda: placeholder(None, 3) @ np.ones((3, 4)) @ np.ones(5),
], ids=["matmul", "add", "chain"])
def test_a_mismatch_whatever_the_unknown_sizes_is_caught_when_building(build):
    with pytest.raises(ValueError, match="cannot take inputs of shapes"):
        build()


def test_unknown_number_of_axes_keeps_shape_unknown_but_dtype_known():
    x = minidl.placeholder(minidl.float32)
    y = minidl.matmul(x, np.ones((2, 3), np.float32)) * 2.0
    assert (y.shape, y.dtype) == (None, np.float32)
    untyped = minidl.placeholder() * 2.0
    assert (untyped.shape, untyped.dtype) == (None, None)


def peak_bytes_while(build):
    """The most memory (in bytes) NumPy and Python held at once while `build()` ran."""
    tracemalloc.start()
    try:
        build()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_building_on_big_placeholders_computes_nothing_of_their_size():
    a = minidl.placeholder(minidl.float32, (4000, 4000))
    product = minidl.matmul(a, minidl.placeholder(minidl.float32, (4000, 4000)))
    assert (product.shape, product.dtype) == ((4000, 4000), np.float32)
    huge = minidl.placeholder(minidl.float32, (200000, 200000))
    assert peak_bytes_while(lambda: minidl.reduce_sum(huge * 2.0, axis=1)) < 2**20
    assert peak_bytes_while(lambda: minidl.matmul(a, a)) < 2**20
    assert (huge * 2.0).shape == (200000, 200000)


def test_updates_and_initializers_have_no_value_to_infer_and_say_so():
    W = minidl.Variable([1.0, 2.0], name="W")
    step = minidl.train.AdamOptimizer().minimize(minidl.reduce_sum(W))
    init = minidl.global_variables_initializer()
    assert (step.shape, step.dtype) == (None, None)
    assert repr(step) == "<ApplyGradients 'Adam'>" and repr(init) == "<InitializeVariables 'init'>"
    assign = W.assign([3.0, 4.0])
    assert (assign.shape, assign.dtype) == ((2,), np.float64)
