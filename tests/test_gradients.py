"""minidl.gradients: what it differentiates, what it ignores, how it walks the
graph, and how an operation a learner writes gets its gradient."""
import sys

import numpy as np
import pytest
from error_helpers import Unchanged, raises
from gradcheck import check_gradients

import minidl as tf


def run(nodes, feed_dict=None):
    with tf.Session() as sess:
        return sess.run(nodes, feed_dict)


def test_a_list_of_ys_is_summed():
    x = tf.placeholder(tf.float64, (3,))
    grad, = tf.gradients([x * x, 3.0 * x, tf.reduce_sum(x)], x)
    values = np.array([1.0, -2.0, 0.5])
    np.testing.assert_allclose(run(grad, {x: values}), 2 * values + 3 + 1)


def test_a_y_that_another_y_is_built_from_counts_once_for_itself():
    x = tf.placeholder(tf.float64, ())
    a = x * x
    grad, = tf.gradients([a, a * 2.0], x)
    assert run(grad, {x: 3.0}) == pytest.approx(3 * 2 * 3.0)


def test_gradients_for_a_batch_whose_size_is_known_only_when_running():
    """d/db mean((x + b)**2) = 2 sum over rows of (x + b) / (rows * 3), for any
    number of rows, from one graph (and one session reusing its plan)."""
    x = tf.placeholder(tf.float64, (None, 3))
    b = tf.placeholder(tf.float64, (3,))
    grad_x, grad_b = tf.gradients(tf.reduce_mean(tf.square(x + b)), [x, b])
    b_value = np.array([0.5, -1.0, 2.0])
    with tf.Session() as sess:
        for rows in (4, 2, 4):
            x_value = np.arange(rows * 3.0).reshape(rows, 3)
            gx, gb = sess.run([grad_x, grad_b], {x: x_value, b: b_value})
            np.testing.assert_allclose(gx, 2 * (x_value + b_value) / (rows * 3))
            np.testing.assert_allclose(gb, 2 * (x_value + b_value).sum(axis=0) / (rows * 3))


def test_grad_ys_start_the_chain_rule():
    x = tf.placeholder(tf.float64, (3,))
    grad, = tf.gradients(x * x, x, grad_ys=tf.constant([1.0, 10.0, 100.0]))
    np.testing.assert_allclose(run(grad, {x: [1.0, 2.0, 3.0]}), [2.0, 40.0, 600.0])


def test_one_grad_y_per_y():
    x = tf.placeholder(tf.float64, ())
    grads = tf.gradients([x * x, 5.0 * x], [x], grad_ys=[tf.constant(1.0), tf.constant(2.0)])
    assert run(grads, {x: 3.0}) == [pytest.approx(6.0 + 10.0)]


def test_grad_ys_may_be_numpy_arrays_lists_or_none_each():
    x = tf.placeholder(tf.float64, (3,))
    ys = [x * x, 5.0 * x]
    from_nodes = tf.gradients(ys, x, grad_ys=[tf.constant([1.0, 10.0, 100.0]), None])
    from_values = tf.gradients(ys, x, grad_ys=[np.array([1.0, 10.0, 100.0]), None])
    from_lists = tf.gradients(ys, x, grad_ys=[[1.0, 10.0, 100.0], None])
    for grads in (from_nodes, from_values, from_lists):
        np.testing.assert_allclose(run(grads[0], {x: [1.0, 2.0, 3.0]}), [7.0, 45.0, 605.0])
    for y, dy_dx in [(x * x, [2.0, 4.0, 6.0]), (x + 1.0, 1.0), (x, 1.0)]:
        grad, = tf.gradients(y, x, grad_ys=np.array([1.0, 10.0, 100.0]))
        assert isinstance(grad, tf.Node)
        np.testing.assert_allclose(run(grad, {x: [1.0, 2.0, 3.0]}),
                                   np.multiply([1.0, 10.0, 100.0], dy_dx))


@pytest.mark.parametrize("grad_ys", [[1.0], [1.0, 2.0, 3.0]])
def test_grad_ys_and_ys_of_different_lengths_are_an_error(grad_ys):
    x = tf.placeholder(tf.float64, ())
    ys = [tf.multiply(x, x, name="square"), tf.multiply(5.0, x, name="five_x")]
    unchanged = Unchanged(x.graph)
    with raises(ValueError, f"{len(grad_ys)} grad_ys for 2 ys", "'square', 'five_x'"):
        tf.gradients(ys, x, grad_ys=grad_ys)
    unchanged.check()


def test_a_grad_y_of_another_shape_than_its_y_is_an_error():
    x = tf.placeholder(tf.float64, (3,))
    y = tf.multiply(x, x, name="square")
    unchanged = Unchanged(x.graph)
    with raises(ValueError, "'square'", "(3,)", "(2,)"):
        tf.gradients(y, x, grad_ys=np.ones(2))
    unchanged.check()


def test_none_where_y_does_not_depend_on_x():
    x, unrelated = tf.placeholder(tf.float64, (2,)), tf.placeholder(tf.float64, (2,))
    y = tf.reduce_sum(x * 2.0)
    grad_x, grad_unrelated = tf.gradients(y, [x, unrelated])
    assert grad_unrelated is None
    np.testing.assert_allclose(run(grad_x, {x: [1.0, 1.0]}), [2.0, 2.0])


def test_none_for_an_input_that_only_feeds_an_op_without_gradient():
    x = tf.placeholder(tf.float64, (3,))
    y = tf.cast(tf.argmax(x), tf.float64) * 2.0
    assert tf.gradients(y, x) == [None]


def test_x_is_its_own_gradient_source():
    x = tf.placeholder(tf.float64, (2,))
    grad, = tf.gradients(x, x)
    np.testing.assert_allclose(run(grad, {x: [5.0, 7.0]}), [1.0, 1.0])


def test_consumers_off_the_path_to_y_are_ignored():
    """argmax has no gradient, and the custom op has no gradient at all: neither
    leads to y, so neither is asked for one."""
    class NoGradient(tf.Operation):
        def __init__(self, x):
            super().__init__([x])

        def compute(self, x):
            return x

    x = tf.placeholder(tf.float64, (3,))
    hidden = tf.exp(x)
    tf.argmax(hidden)
    NoGradient(hidden)
    hidden * 7.0
    y = tf.reduce_sum(hidden * 2.0)
    grad, = tf.gradients(y, x)
    values = np.array([0.0, 1.0, -1.0])
    np.testing.assert_allclose(run(grad, {x: values}), 2 * np.exp(values))


def test_every_consumer_adds_its_contribution_before_the_node_passes_it_on():
    """The tutorial's breadth-first walk visited `a` before `b` had sent its
    gradient back; a topological order does not. y = a + 3a with a = 2x."""
    x = tf.placeholder(tf.float64, ())
    a = x * 2.0
    b = a * 3.0
    grad, = tf.gradients(a + b, x)
    assert run(grad, {x: 1.0}) == pytest.approx(8.0)


def test_gradient_through_a_chain_of_ten_thousand_nodes_needs_no_recursion():
    x = tf.placeholder(tf.float64, ())
    y = x
    for _ in range(10_000):
        y = y * 1.0001
    assert sys.getrecursionlimit() < 10_000
    grad, = tf.gradients(y, x)
    assert run(grad, {x: 1.0}) == pytest.approx(1.0001 ** 10_000)


def test_shared_nodes_are_visited_once_not_once_per_path():
    """x = x + x forty times has 2**40 paths from the end back to the start;
    walking each would never finish."""
    start = tf.placeholder(tf.float64, ())
    x = start
    for _ in range(40):
        x = x + x
    grad, = tf.gradients(x, start)
    assert len(tf.get_default_graph().nodes) < 500
    assert run([x, grad], {start: 1.0}) == [2.0 ** 40, 2.0 ** 40]


class Cube(tf.Operation):
    """x**3, with d/dx x**3 = 3 x**2, as a learner would write it."""

    def __init__(self, x, name=None):
        super().__init__([x], name)

    def compute(self, x):
        return x ** 3

    def gradient(self, grad):
        x, = self.inputs
        return [grad * 3 * x * x]


def test_a_learners_operation_gets_its_gradient_from_its_method():
    check_gradients(lambda x: Cube(x) * x, np.linspace(-2, 2, 7))


class CubeWithoutGradient(tf.Operation):
    def __init__(self, x, name=None):
        super().__init__([x], name)

    def compute(self, x):
        return x ** 3


@tf.RegisterGradient("CubeWithoutGradient")
def _cube_gradient(op, grad):
    x, = op.inputs
    return [grad * 3 * x * x]


def test_a_learners_operation_gets_its_gradient_from_register_gradient():
    check_gradients(lambda x: CubeWithoutGradient(x) + x, np.linspace(-2, 2, 7))


class CubeWithWrongMethod(Cube):
    def gradient(self, grad):
        return [grad]


@tf.RegisterGradient("CubeWithWrongMethod")
def _right_cube_gradient(op, grad):
    x, = op.inputs
    return [grad * 3 * x * x]


def test_a_registered_gradient_takes_precedence_over_the_method():
    check_gradients(CubeWithWrongMethod, np.linspace(-2, 2, 7))


class Mystery(tf.Operation):
    def __init__(self, x, name=None):
        super().__init__([x], name)

    def compute(self, x):
        return x + 1


def test_a_missing_gradient_is_an_error_naming_the_op_type_and_the_fix():
    x = tf.placeholder(tf.float64, (2,))
    y = tf.reduce_sum(Mystery(x, name="my_op") * 2.0)
    with pytest.raises(LookupError) as error:
        tf.gradients(y, x)
    message = str(error.value)
    assert "'Mystery'" in message and "'my_op'" in message
    assert "RegisterGradient('Mystery')" in message and "gradient(self, grad)" in message


class TwoInputs(tf.Operation):
    def __init__(self, x, y, returned):
        self.returned = returned
        super().__init__([x, y])

    def compute(self, x, y):
        return x * y

    def gradient(self, grad):
        return self.returned(grad)


def test_a_gradient_with_the_wrong_number_of_values_is_an_error():
    x, y = tf.placeholder(tf.float64, ()), tf.placeholder(tf.float64, ())
    op = TwoInputs(x, y, lambda grad: [grad])
    with pytest.raises(ValueError, match=r"TwoInputs .*returned 1 values for 2 inputs"):
        tf.gradients(op, x)


def test_a_gradient_that_returns_arrays_instead_of_nodes_is_an_error():
    x, y = tf.placeholder(tf.float64, ()), tf.placeholder(tf.float64, ())
    op = TwoInputs(x, y, lambda grad: [np.ones(()), None])
    with pytest.raises(TypeError, match=r"TwoInputs .*must return minidl nodes"):
        tf.gradients(op, x)


def test_gradients_add_nodes_and_leave_the_forward_graph_as_it_was():
    x = tf.placeholder(tf.float64, (2,))
    y = tf.reduce_sum(tf.sigmoid(x))
    forward = list(tf.get_default_graph().nodes)
    consumers = {node: list(node.consumers) for node in forward}
    tf.gradients(y, x)
    assert tf.get_default_graph().nodes[:len(forward)] == forward
    assert run(y, {x: [0.0, 0.0]}) == pytest.approx(1.0)
    assert all(node.consumers[:len(consumers[node])] == consumers[node] for node in forward)


class WrongGradientCube(Cube):
    def gradient(self, grad):
        x, = self.inputs
        return [grad * 2 * x * x]


def test_check_gradients_catches_a_wrong_gradient_and_shows_the_elements():
    expected = r"differs from finite differences at 3 of 3 elements(.|\n)*x0\[2\]: computed "
    with pytest.raises(AssertionError, match=expected):
        check_gradients(WrongGradientCube, np.array([1.0, 2.0, -1.0]))


class BroadcastForgotten(tf.Operation):
    """x + b where the gradient forgets to sum over the rows for the bias."""

    def __init__(self, x, b):
        super().__init__([x, b])

    def compute(self, x, b):
        return x + b

    def gradient(self, grad):
        return [grad, grad]


def test_check_gradients_catches_a_gradient_of_the_wrong_shape():
    with pytest.raises(AssertionError, match=r"gradient of x1 has shape \(3, 2\), but x1 has "
                                             r"shape \(2,\)"):
        check_gradients(BroadcastForgotten, np.ones((3, 2)), np.ones(2))


@pytest.mark.parametrize("attempt", [1, 2])
def test_a_gradient_registered_in_one_test_is_gone_in_the_next(attempt):
    assert "LeakCheck" not in sys.modules["minidl.gradients"]._registered_gradients
    tf.RegisterGradient("LeakCheck")(lambda op, grad: [grad])
