"""Bad input: each mistake gets an error of the right type whose message names
what went wrong, and leaves the graph and its variables exactly as they were."""
import numpy as np
import pytest
from error_helpers import Unchanged, raises

import minidl
from minidl import Session


@pytest.fixture
def model():
    """scores = points @ W + b, with W of shape (2, 3), and a step that adds 1 to W."""
    points = minidl.placeholder(minidl.float64, (None, 2), name="points")
    W = minidl.Variable(np.ones((2, 3)), name="W")
    b = minidl.Variable(np.zeros(3), name="b")
    scores = minidl.add(minidl.matmul(points, W, name="product"), b, name="scores")
    step = W.assign(W + 1.0, name="step")
    return points, W, scores, step


def test_missing_feed_names_the_placeholder(model):
    points, W, scores, step = model
    unchanged = Unchanged(points.graph)
    with Session() as session:
        with raises(ValueError, "placeholder 'points'", "'scores'", "feed_dict"):
            session.run([scores, step])
    unchanged.check()


def test_missing_feed_deep_in_the_graph_is_reported_before_computing():
    x = minidl.placeholder(name="x")
    late = minidl.placeholder(name="late")
    W = minidl.Variable(1.0, name="W")
    result = W.assign(x + 1.0) * late
    unchanged = Unchanged(x.graph)
    with Session() as session:
        with raises(ValueError, "'late'"):
            session.run(result, {x: 5.0})
    unchanged.check()


@pytest.mark.parametrize("bad_value, shape_text", [
    (np.ones((4, 3)), "(4, 3)"),
    (np.ones(2), "(2,)"),
    (np.ones((1, 1, 2)), "(1, 1, 2)"),
])
def test_fed_value_of_the_wrong_shape_is_refused(model, bad_value, shape_text):
    points, W, scores, step = model
    unchanged = Unchanged(points.graph)
    with Session() as session:
        with raises(ValueError, "'points'", "(None, 2)", shape_text):
            session.run([scores, step], {points: bad_value})
    unchanged.check()


def test_none_in_a_placeholder_shape_matches_any_size(model):
    points, W, scores, step = model
    with Session() as session:
        for rows in (0, 1, 7):
            assert session.run(scores, {points: np.ones((rows, 2))}).shape == (rows, 3)


@pytest.mark.parametrize("dtype, bad_value, error_type, fragments", [
    (minidl.int32, [0.5, 1.5], TypeError, ["'count'", "int32", "float64"]),
    (minidl.float32, ["one", "two"], TypeError, ["'count'", "float32"]),
    (minidl.float32, [[1.0, 2.0], [3.0]], ValueError, ["'count'"]),
    (minidl.bool, [1.0, 0.0], TypeError, ["'count'", "bool"]),
])
def test_fed_value_that_does_not_convert_to_the_dtype_is_refused(
        dtype, bad_value, error_type, fragments):
    count = minidl.placeholder(dtype, name="count")
    W = minidl.Variable(np.zeros(2, dtype), name="W")
    step = W.assign(count)
    unchanged = Unchanged(count.graph)
    with Session() as session:
        with raises(error_type, *fragments):
            session.run(step, {count: bad_value})
    unchanged.check()


def test_fed_values_that_convert_without_changing_kind_are_accepted():
    halves = minidl.placeholder(minidl.float32, name="halves")
    counts = minidl.placeholder(minidl.int64, name="counts")
    with Session() as session:
        as_float, as_int = session.run([halves, counts], {halves: np.array([0.5]),
                                                          counts: np.array([3], np.int32)})
    assert as_float.dtype == np.float32 and as_int.dtype == np.int64


@pytest.mark.parametrize("build, fragments", [
    (lambda x, W: minidl.matmul(x, W, name="product"), ["product", "(None, 2)", "(3, 4)"]),
    (lambda x, W: minidl.add(x, W, name="sum"), ["sum", "(None, 2)", "(3, 4)"]),
    (lambda x, W: minidl.matmul(W, [1.0, 2.0], name="product"), ["product", "(3, 4)", "(2,)"]),
    (lambda x, W: minidl.reshape(W, (5, 2), name="flat"), ["flat", "(3, 4)"]),
    (lambda x, W: minidl.reduce_sum(x, axis=2, name="total"), ["total", "(None, 2)"]),
])
def test_incompatible_shapes_are_refused_when_building(build, fragments):
    x = minidl.placeholder(minidl.float64, (None, 2), name="x")
    W = minidl.Variable(np.ones((3, 4)), name="W")
    unchanged = Unchanged(x.graph)
    with raises(ValueError, *fragments):
        build(x, W)
    unchanged.check()
    assert minidl.matmul(W, np.ones(4)).name == "matmul"


def test_unknown_sizes_that_could_fit_are_accepted_when_building():
    x = minidl.placeholder(minidl.float64, (None, 2), name="x")
    W = minidl.Variable(np.ones((3, 4)), name="W")
    product = W @ x
    with Session() as session:
        np.testing.assert_array_equal(session.run(product, {x: np.ones((4, 2))}),
                                      np.full((3, 2), 4.0))
        with raises(ValueError, "MatMul 'matmul'", "(3, 4)", "(5, 2)"):
            session.run(product, {x: np.ones((5, 2))})


def test_incompatible_shapes_known_only_when_running_are_refused_when_running():
    a = minidl.placeholder(name="a")
    b = minidl.placeholder(name="b")
    W = minidl.Variable(np.zeros(3), name="W")
    total = minidl.add(a, b, name="total")
    step = W.assign(W + 1.0)
    unchanged = Unchanged(a.graph)
    with Session() as session:
        with raises(ValueError, "Add 'total'", "'a'", "(2, 3)", "'b'", "(4,)"):
            session.run([step, total], {a: np.ones((2, 3)), b: np.ones(4)})
        np.testing.assert_array_equal(session.run(total, {a: np.ones(3), b: np.ones(3)}),
                                      [2.0, 2.0, 2.0])
    unchanged.check()


def test_operation_on_nodes_of_two_graphs_is_refused():
    first, second = minidl.Graph(), minidl.Graph()
    with first.as_default():
        x = minidl.placeholder(name="x")
    with second.as_default():
        y = minidl.placeholder(name="y")
    unchanged_first, unchanged_second = Unchanged(first), Unchanged(second)
    with raises(ValueError, "'x'", "'y'", "different graphs"):
        minidl.add(x, y)
    with raises(ValueError, "'x'", "'y'"):
        x + y
    unchanged_first.check()
    unchanged_second.check()
    assert x.consumers == [] and y.consumers == []


@pytest.fixture
def x_and_step():
    """A placeholder x, and a step that would set a variable W to 2."""
    x = minidl.placeholder(name="x")
    W = minidl.Variable(1.0, name="W")
    return x, W.assign(2.0, name="step")


@pytest.mark.parametrize("fetch", ["x", 3.0, None, np.ones(2)], ids=repr)
def test_fetching_something_that_is_not_a_node_is_refused(x_and_step, fetch):
    x, step = x_and_step
    unchanged = Unchanged(x.graph)
    with Session() as session:
        with raises(TypeError, "fetch", repr(fetch)[:10]):
            session.run([step, fetch], {x: 1.0})
    unchanged.check()


def test_fetching_a_node_of_another_graph_is_refused(x_and_step):
    x, step = x_and_step
    with minidl.Graph().as_default():
        elsewhere = minidl.constant(1.0, name="elsewhere")
    unchanged = Unchanged(x.graph)
    with Session() as session:
        with raises(ValueError, "'elsewhere'", "another graph"):
            session.run([step, elsewhere])
    unchanged.check()


def test_feeding_a_node_of_another_graph_or_a_non_node_is_refused(x_and_step):
    x, step = x_and_step
    with minidl.Graph().as_default():
        elsewhere = minidl.placeholder(name="elsewhere")
    unchanged = Unchanged(x.graph)
    with Session() as session:
        with raises(ValueError, "'elsewhere'", "another graph"):
            session.run(step, {x: 1.0, elsewhere: 2.0})
        with raises(TypeError, "feed", "'x'"):
            session.run(step, {"x": 1.0})
    unchanged.check()


def test_closed_session_refuses_to_run(x_and_step):
    x, step = x_and_step
    unchanged = Unchanged(x.graph)
    session = Session()
    session.close()
    with raises(RuntimeError, "closed"):
        session.run(step, {x: 1.0})
    unchanged.check()


def test_failing_run_changes_no_variable():
    x = minidl.placeholder(name="x")
    W = minidl.Variable([1.0, 2.0], name="W")
    step = W.assign(W * 10.0)
    broken = minidl.matmul(x, W, name="broken")
    unchanged = Unchanged(x.graph)
    with Session() as session:
        with raises(ValueError, "MatMul 'broken'", "(3, 3)", "(2,)"):
            session.run([step, broken], {x: np.ones((3, 3))})
    unchanged.check()



def test_the_truth_value_of_a_node_is_refused_with_where_and_run_as_the_fixes():
    x = minidl.placeholder(minidl.float64, (3,), name="x")
    positive = minidl.greater(x, 0.0, name="positive")
    unchanged = Unchanged(x.graph)
    for truth_test in (bool, lambda node: not node, lambda node: node and 1):
        with raises(TypeError, "'positive'", "tf.where", "session.run(positive"):
            truth_test(positive)
    unchanged.check()
    with raises(TypeError, "Greater 'greater'", "tf.where"):
        if x > 0:
            pass


def test_nodes_can_still_be_tested_against_none_and_kept_in_sets_and_dicts():
    x = minidl.placeholder(minidl.float64, (3,), name="x")
    assert x is not None and x in {x} and {x: 1}[x] == 1 and x == x
