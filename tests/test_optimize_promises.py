"""What `Session(optimize=True)` promises besides its values: it changes only
the speed. Every reference is an explicitly plain session (`optimize=False`),
so these tests compare the two kinds of session under `make test-optimized`
as well (where a bare `tf.Session()` optimizes too)."""
import json
import threading

import numpy as np
import pytest

import minidl as tf
from minidl import Operation


def plain(graph=None):
    return tf.Session(graph, optimize=False)


def optimized(graph=None):
    return tf.Session(graph, optimize=True)


def both(build, run):
    """`run(session, nodes)` in a plain and an optimized session, each on its
    own graph made by `build()`: the two results, plain first."""
    results = []
    for make_session in (plain, optimized):
        graph = tf.Graph()
        with graph.as_default():
            nodes = build()
            results.append(run(make_session(graph), nodes))
    return results


def error_of(session, fetches, feed=None):
    """(type, message) of the error a run raises."""
    with pytest.raises(Exception) as caught:
        session.run(fetches, feed)
    return type(caught.value), str(caught.value)


# 1. results never share memory with what later runs write

def test_a_value_fetched_with_a_step_is_the_value_before_the_step():
    def build():
        w = tf.Variable([1.0, 2.0])
        return w, tf.train.GradientDescentOptimizer(0.5).minimize(tf.reduce_sum(w))
    before = both(build, lambda s, nodes: s.run([tf.add_n([nodes[0]]), nodes[1]])[0])
    np.testing.assert_array_equal(before[1], before[0])
    np.testing.assert_array_equal(before[1], [1.0, 2.0])


def test_an_assigned_value_a_run_returned_does_not_move_with_later_steps():
    def run(session, nodes):
        w, train = nodes
        assigned = session.run(w.assign([5.0, 6.0]))
        session.run(train)
        return assigned
    results = both(lambda: (w := tf.Variable([1.0, 2.0]), tf.train.GradientDescentOptimizer(
        0.5).minimize(tf.reduce_sum(w))), run)
    np.testing.assert_array_equal(results[1], [5.0, 6.0])


def test_a_result_is_never_the_callers_fed_array():
    x = tf.placeholder(tf.float64, (3,))
    data = np.array([1.0, 2.0, 3.0])
    result = optimized().run(x * 1.0, {x: data})
    result += 1
    np.testing.assert_array_equal(data, [1.0, 2.0, 3.0])


def test_a_folded_constant_is_a_new_array_in_every_run():
    p = tf.nn.softmax(tf.constant([1.0, 2.0, 3.0]))
    session = optimized()
    first = session.run(p)
    expected = first.copy()
    first *= 100
    np.testing.assert_array_equal(session.run(p), expected)


def test_an_array_a_plain_session_returned_does_not_move_when_an_optimized_one_trains():
    w = tf.Variable([[1.0, 2.0], [3.0, 4.0]])
    train = tf.train.GradientDescentOptimizer(0.5).minimize(tf.reduce_sum(w))
    returned = plain().run(w)
    session = optimized()
    session.run(train)
    session.run(train)
    np.testing.assert_array_equal(returned, [[1.0, 2.0], [3.0, 4.0]])


# 2. an operation of one's own is pure only if it says so

class Noise(Operation):
    """Random numbers shaped like x, and says nothing about being stateful."""

    def __init__(self, x, name=None):
        self.generator = np.random.default_rng(0)
        super().__init__([x], name)

    def compute(self, x):
        return self.generator.random(np.shape(x))


def test_a_learners_random_operation_is_never_folded_nor_merged():
    def build():
        c = tf.constant([1.0, 2.0])
        return Noise(c, name="first"), Noise(c, name="second")
    runs = both(build, lambda s, nodes: [s.run(list(nodes)) for _ in range(2)])
    for (first, second), (plain_first, plain_second) in zip(runs[1], runs[0]):
        np.testing.assert_array_equal(first, plain_first)
        np.testing.assert_array_equal(second, plain_second)
    assert not np.array_equal(runs[1][0][0], runs[1][1][0])  # a new draw at every run


def test_an_operation_that_declares_itself_pure_may_be_folded():
    class Twice(Operation):
        stateful = False

        def __init__(self, x):
            super().__init__([x])

        def compute(self, x):
            return 2 * x

    y = tf.placeholder(tf.float64, ()) * Twice(tf.constant(3.0))
    source = optimized().generated_code(y, {y.inputs[0]: None})
    assert "Twice" not in source


def test_every_minidl_operation_is_pure_except_the_random_one():
    from minidl.ops.random_ops import RandomUniformLike
    assert RandomUniformLike.stateful is True
    assert tf.Operation.stateful is None


# 3. a learner's class named like one of minidl's is not minidl's

class Add(Operation):
    """Named like minidl's Add, but adds any number of inputs."""

    def __init__(self, *inputs):
        super().__init__(list(inputs))

    def compute(self, *values):
        return sum(values)


class MatMul(Operation):
    """Named like minidl's MatMul, but multiplies elementwise."""

    def __init__(self, a, b):
        super().__init__([a, b])

    def compute(self, a, b):
        return a * b


class Softmax(Operation):
    """Named like minidl's Softmax, without its `axis`."""

    def __init__(self, x):
        super().__init__([x])

    def compute(self, x):
        return np.exp(x) / np.exp(x).sum()


@pytest.mark.parametrize("make", [
    lambda x: Add(x, x, x) + 0.0,
    lambda x: tf.log(Softmax(x)),
    lambda x: MatMul(x, tf.constant([[1.0, 2.0], [3.0, 4.0]])),
], ids=["Add", "Softmax", "MatMul"])
def test_a_learners_class_named_like_minidls_runs_as_in_the_plain_session(make):
    x = tf.placeholder(tf.float64, (2, 2))
    y = make(x)
    feed = {x: np.array([[1.0, 2.0], [3.0, 4.0]])}
    np.testing.assert_array_equal(optimized().run(y, feed), plain().run(y, feed))


# 4. a run that fails changes nothing; a run the plain session makes succeeds

def test_an_adam_step_after_a_plain_step_on_a_scalar_variable_runs_as_plain():
    def run(session, nodes):
        w, W, plain_step, adam_step = nodes
        tf.Session(session.graph, optimize=False).run(plain_step)
        session.run(adam_step)
        return session.run([w, W])

    def build():
        w, W = tf.Variable(1.0), tf.Variable([1.0, 2.0])
        J = w * w + tf.reduce_sum(W * W)
        return (w, W, tf.train.GradientDescentOptimizer(0.1).minimize(J),
                tf.train.AdamOptimizer(0.1).minimize(J))
    (w_plain, W_plain), (w_value, W_value) = both(build, run)
    assert type(w_value) is type(w_plain)
    np.testing.assert_array_equal(w_value, w_plain)
    np.testing.assert_array_equal(W_value, W_plain)


def test_a_failing_optimized_step_changes_no_variable_nor_slot():
    x = tf.placeholder(tf.float64, (None,), name="x")
    W = tf.Variable([1.0, 2.0], name="W")
    J = tf.reduce_sum(W * tf.reduce_sum(x))
    train = tf.train.AdamOptimizer(0.1).minimize(J + tf.reduce_sum(tf.log(x)))
    session = optimized()
    with np.errstate(all="ignore"):
        session.run(train, {x: [1.0]})
    state = [v.value.copy() for v in tf.global_variables()]
    with pytest.raises(ValueError):
        session.run(train, {x: np.ones((2, 2))})
    for variable, before in zip(tf.global_variables(), state):
        np.testing.assert_array_equal(variable.value, before)


# 5. a failing run draws its random numbers once

def test_a_failing_run_draws_the_random_numbers_the_plain_one_draws():
    def build():
        x = tf.placeholder(tf.float64, (None, None), name="x")
        dropped = tf.nn.dropout(x, rate=0.5, seed=7)
        return x, dropped, tf.matmul(dropped, tf.constant(np.ones((3, 1))))

    def run(session, nodes):
        x, dropped, y = nodes
        with pytest.raises(ValueError):
            session.run(y, {x: np.ones((4, 5))})
        return session.run(dropped, {x: np.ones((4, 3))})
    masks = both(build, run)
    np.testing.assert_array_equal(masks[1], masks[0])


# 6. a run's results are one snapshot, whatever other threads do

def test_a_fetch_never_sees_a_half_written_update_from_another_thread():
    W = tf.Variable(np.zeros((1000, 1000)))
    train = tf.train.GradientDescentOptimizer(1.0).minimize(tf.reduce_sum(W))
    session = optimized()
    session.run(train)  # the plans are made before the threads start
    session.run(W)
    stop, torn = threading.Event(), []

    def train_on():
        while not stop.is_set():
            session.run(train)

    trainer = threading.Thread(target=train_on)
    trainer.start()
    try:
        for _ in range(40):
            value = session.run(W)
            torn.append(value.min() != value.max())  # every step moves all weights by 1
    finally:
        stop.set()
        trainer.join()
    assert sum(torn) == 0


# 7. an error names the node the plain session names

def softmax_gradient_fed_a_wrong_shape():
    z = tf.placeholder(tf.float64, (None, 3), name="z")
    gy = tf.placeholder(tf.float64, (None, None), name="gy")
    grad, = tf.gradients(tf.log(tf.nn.softmax(z, name="softmax")), [z], grad_ys=gy)
    return grad, {z: np.ones((2, 3)), gy: np.ones((2, 2))}


def product_of_a_merged_twin():
    X = tf.placeholder(tf.float64, (None, None), name="X")
    first, second = tf.exp(X, name="first"), tf.exp(X, name="second")
    product = tf.matmul(second, tf.constant(np.ones((2, 2))), name="product")
    return [first, product], {X: np.ones((2, 3))}


def identity_after_relu_of_a_wrong_shape():
    a = tf.placeholder(tf.float64, (None, None), name="a")
    b = tf.placeholder(tf.float64, (None, None), name="b")
    shifted = tf.add(tf.nn.relu(a) + 0.0, b, name="sum")
    return shifted, {a: np.ones((2, 3)), b: np.ones((3, 2))}


@pytest.mark.parametrize("make", [softmax_gradient_fed_a_wrong_shape,
                                  product_of_a_merged_twin,
                                  identity_after_relu_of_a_wrong_shape])
def test_a_failing_optimized_run_raises_the_plain_sessions_error(make):
    errors = both(make, lambda session, nodes: error_of(session, *nodes))
    assert errors[1] == errors[0]


# 8. the same types, the same bits

def test_a_scalar_result_has_the_plain_sessions_type():
    x = tf.placeholder(tf.float64, ())
    fetches = [tf.reduce_sum(tf.constant([1.0, 2.0])), x * 1.0, tf.reduce_mean(
        tf.constant([1.0, 3.0])) + x]
    feed = {x: np.float64(2.0)}
    results, expected = optimized().run(fetches, feed), plain().run(fetches, feed)
    assert [type(value) for value in results] == [type(value) for value in expected]
    json.dumps([value for value in results if isinstance(value, float)] + [float(results[0])])
    assert json.dumps(results[0]) == json.dumps(expected[0])


def test_a_numpy_learning_rate_gives_the_plain_bits_on_float32_weights():
    def build():
        rng = np.random.default_rng(0)
        W = tf.Variable(rng.normal(size=(20, 50)).astype(np.float32))
        X = tf.constant(rng.normal(size=(20, 50)).astype(np.float32))
        J = tf.reduce_sum(tf.square(W * X))  # W's gradient is no matrix product
        return W, tf.train.GradientDescentOptimizer(np.float64(0.1)).minimize(J)

    def run(session, nodes):
        W, train = nodes
        for _ in range(5):
            session.run(train)
        return session.run(W)
    weights = both(build, run)
    assert weights[1].tobytes() == weights[0].tobytes()


# 9. the layers point down

def test_the_plain_session_imports_nothing_of_the_optimizer():
    import ast
    import inspect

    import minidl.session
    tree = ast.parse(inspect.getsource(minidl.session))
    imported = [node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)]
    imported += [alias.name for node in ast.walk(tree) if isinstance(node, ast.Import)
                 for alias in node.names]
    assert imported and not any("optimize" in name for name in imported)
    assert "import_module" not in inspect.getsource(minidl.session)


def test_optimize_false_is_a_plain_session_and_true_an_optimizing_one():
    from minidl.optimize import OptimizingSession
    assert type(tf.Session(optimize=False)) is tf.Session
    assert isinstance(tf.Session(optimize=True), OptimizingSession)
