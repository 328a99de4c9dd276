"""Sessions: what `run` fetches, what it may be fed, what it computes (only
what is needed, each node once), and what it keeps (nothing)."""
import gc
import weakref
from collections import Counter, namedtuple

import numpy as np
import pytest

import minidl
import minidl.session
from minidl import Operation, Session


class Counted(Operation):
    """x + 1, counting its compute calls in `calls` (shared by all instances)."""

    calls = Counter()

    def __init__(self, x, name=None):
        super().__init__([x], name)

    def compute(self, x_value):
        Counted.calls[self.name] += 1
        return x_value + 1


@pytest.fixture
def calls():
    """The compute calls of `Counted` operations. Building an operation may
    call compute too (to infer its shape): tests clear it before running."""
    return Counted.calls


@pytest.fixture
def affine():
    """z = A x + b, with A = [[1, 0], [0, -1]] and b = [1, 1], as in the tutorial."""
    x = minidl.placeholder(name="x")
    A = minidl.Variable([[1.0, 0.0], [0.0, -1.0]], name="A")
    b = minidl.Variable([1.0, 1.0], name="b")
    y = minidl.matmul(A, x, name="y")
    z = minidl.add(y, b, name="z")
    return x, y, z


def test_fetching_one_node_gives_its_value(affine):
    x, y, z = affine
    with Session() as session:
        np.testing.assert_array_equal(session.run(z, {x: [1.0, 2.0]}), [2.0, -1.0])


def test_fetches_come_back_in_the_same_structure(affine):
    x, y, z = affine
    with Session() as session:
        result = session.run({"both": [y, (z, y)], "z": z}, {x: [1.0, 2.0]})
    assert set(result) == {"both", "z"}
    assert isinstance(result["both"], list) and isinstance(result["both"][1], tuple)
    np.testing.assert_array_equal(result["both"][0], [1.0, -2.0])
    np.testing.assert_array_equal(result["both"][1][0], [2.0, -1.0])
    np.testing.assert_array_equal(result["both"][1][1], [1.0, -2.0])
    np.testing.assert_array_equal(result["z"], [2.0, -1.0])


def test_list_and_tuple_fetches_keep_their_type(affine):
    x, y, z = affine
    with Session() as session:
        as_list = session.run([y, z], {x: [1.0, 2.0]})
        as_tuple = session.run((y, z), {x: [1.0, 2.0]})
        empty = session.run([], {x: [1.0, 2.0]})
    assert type(as_list) is list and type(as_tuple) is tuple and empty == []
    for values in (as_list, as_tuple):
        np.testing.assert_array_equal(values[0], [1.0, -2.0])
        np.testing.assert_array_equal(values[1], [2.0, -1.0])


Pair = namedtuple("Pair", "y z")


def test_a_namedtuple_fetch_comes_back_as_the_same_namedtuple(affine):
    x, y, z = affine
    with Session() as session:
        result = session.run({"pair": Pair(y, z=z), "pairs": [Pair(z, y)]}, {x: [1.0, 2.0]})
    assert type(result["pair"]) is Pair and type(result["pairs"][0]) is Pair
    np.testing.assert_array_equal(result["pair"].y, [1.0, -2.0])
    np.testing.assert_array_equal(result["pair"].z, [2.0, -1.0])
    np.testing.assert_array_equal(result["pairs"][0].y, [2.0, -1.0])


def test_the_same_node_may_be_fetched_twice(affine):
    x, y, z = affine
    with Session() as session:
        first, second = session.run([z, z], {x: [1.0, 2.0]})
    np.testing.assert_array_equal(first, second)


def test_feeding_an_intermediate_node_overrides_it_and_its_inputs_are_not_needed(affine):
    x, y, z = affine
    with Session() as session:
        np.testing.assert_array_equal(session.run(z, {y: [10.0, 20.0]}), [11.0, 21.0])


def test_feeding_a_variable_overrides_it_for_that_run_only(affine):
    x, y, z = affine
    A = y.inputs[0]
    with Session() as session:
        swapped = session.run(z, {x: [1.0, 2.0], A: [[0.0, 1.0], [1.0, 0.0]]})
        np.testing.assert_array_equal(swapped, [3.0, 2.0])
        np.testing.assert_array_equal(session.run(z, {x: [1.0, 2.0]}), [2.0, -1.0])
    np.testing.assert_array_equal(A.value, [[1.0, 0.0], [0.0, -1.0]])


def test_feeds_that_are_not_needed_are_accepted(affine):
    x, y, z = affine
    unused = minidl.placeholder(name="unused")
    with Session() as session:
        np.testing.assert_array_equal(session.run(z, {x: [1.0, 2.0], unused: 5.0}),
                                      [2.0, -1.0])


def test_fed_lists_become_arrays_of_the_placeholder_dtype():
    x = minidl.placeholder(minidl.float32, (None,))
    with Session() as session:
        value = session.run(x, {x: [1, 2, 3]})
    assert isinstance(value, np.ndarray) and value.dtype == np.float32
    np.testing.assert_array_equal(value, [1, 2, 3])


@pytest.mark.plain_session_only  # an optimized run computes `x + y` inline, not by compute
def test_only_the_needed_nodes_are_computed_each_once(calls):
    x = minidl.placeholder(name="x")
    shared = Counted(x, name="shared")
    left, right = Counted(shared, name="left"), Counted(shared, name="right")
    total = left + right
    Counted(x, name="unused")
    Counted(total, name="after")
    calls.clear()
    with Session() as session:
        assert session.run(total, {x: 0.0}) == 4.0
    assert calls == {"shared": 1, "left": 1, "right": 1}


def test_a_node_used_twice_by_one_operation_is_computed_once(calls):
    x = minidl.placeholder()
    once = Counted(x, name="once")
    twice = once * once
    calls.clear()
    with Session() as session:
        assert session.run(twice, {x: 2.0}) == 9.0
    assert calls == {"once": 1}


def test_a_fed_node_is_not_computed_and_neither_are_its_inputs(calls):
    x = minidl.placeholder()
    first = Counted(x, name="first")
    second = Counted(first, name="second")
    calls.clear()
    with Session() as session:
        assert session.run(second, {first: 10.0}) == 11.0
    assert calls == {"second": 1}


def test_plan_is_worked_out_once_for_repeated_runs(monkeypatch, affine):
    x, y, z = affine
    orders = []

    def counting_topological_order(*args, **kwargs):
        orders.append(args)
        return original(*args, **kwargs)
    original = minidl.session.topological_order
    monkeypatch.setattr(minidl.session, "topological_order", counting_topological_order)
    with Session() as session:
        for step in range(3):
            np.testing.assert_array_equal(session.run(z, {x: [step, 1.0]}), [step + 1, 0.0])
    assert len(orders) == 1


def test_plan_follows_a_change_of_fed_nodes(affine):
    x, y, z = affine
    with Session() as session:
        np.testing.assert_array_equal(session.run(z, {x: [1.0, 2.0]}), [2.0, -1.0])
        np.testing.assert_array_equal(session.run(z, {y: [5.0, 5.0]}), [6.0, 6.0])
        np.testing.assert_array_equal(session.run(z, {x: [1.0, 2.0]}), [2.0, -1.0])
        with pytest.raises(ValueError, match="'x'"):
            session.run(z, {})
        np.testing.assert_array_equal(session.run(z, {x: [3.0, 0.0]}), [4.0, 1.0])


def test_plan_follows_a_change_of_variable_values(affine):
    x, y, z = affine
    b = z.inputs[1]
    with Session() as session:
        before = session.run(z, {x: [1.0, 2.0]})
        session.run(b.assign([0.0, 0.0]))
        after = session.run(z, {x: [1.0, 2.0]})
    np.testing.assert_array_equal(before, [2.0, -1.0])
    np.testing.assert_array_equal(after, [1.0, -2.0])


class Doubled(Operation):
    """2 x, remembering (weakly) every array it returns."""

    def __init__(self, x, returned):
        self.returned = returned
        super().__init__([x])

    def compute(self, x_value):
        value = 2 * x_value
        self.returned.append(weakref.ref(value))
        return value


def test_values_are_not_kept_after_a_run():
    returned = []
    x = minidl.placeholder()
    intermediate = Doubled(x, returned)
    result = minidl.reduce_sum(intermediate)
    returned.clear()
    fed = np.ones(1000)
    with Session() as session:
        assert session.run(result, {x: fed}) == 2000.0
        gc.collect()
        assert len(returned) == 1 and returned[0]() is None
        assert not any(value is fed for node in minidl.get_default_graph().nodes
                       for value in vars(node).values())


def test_context_manager_closes_the_session(affine):
    x, y, z = affine
    with Session() as session:
        session.run(z, {x: [1.0, 2.0]})
    assert session.closed
    with pytest.raises(RuntimeError, match="closed"):
        session.run(z, {x: [1.0, 2.0]})


def test_close_ends_the_session(affine):
    x, y, z = affine
    session = Session()
    session.close()
    with pytest.raises(RuntimeError, match="closed"):
        session.run(z, {x: [1.0, 2.0]})


def test_session_runs_its_own_graph_not_the_current_default():
    graph = minidl.Graph()
    with graph.as_default():
        x = minidl.placeholder()
        doubled = 2 * x
    session = Session(graph)
    minidl.reset_default_graph()
    assert session.graph is graph
    assert session.run(doubled, {x: 3.0}) == 6.0


def test_updates_apply_after_the_whole_run():
    W = minidl.Variable(1.0)
    with Session() as session:
        old, new = session.run([W, W.assign(W + 1.0)])
        assert (old, new) == (1.0, 2.0)
        assert session.run(W) == 2.0
