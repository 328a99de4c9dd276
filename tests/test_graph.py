"""Graphs: names, the links between nodes, the default graph, and variables."""
import numpy as np
import pytest

import minidl


def test_default_names_are_readable_and_counted():
    a, b = minidl.placeholder(), minidl.placeholder()
    products = [minidl.matmul(a, b) for _ in range(3)]
    total = minidl.add(products[0], products[1])
    W = minidl.Variable(1.0)
    c = minidl.constant(2.0)
    assert [a.name, b.name] == ["placeholder", "placeholder_1"]
    assert [p.name for p in products] == ["matmul", "matmul_1", "matmul_2"]
    assert (total.name, W.name, c.name) == ("add", "variable", "constant")


def test_given_names_are_kept_and_collisions_get_a_suffix():
    x = minidl.placeholder(name="x")
    W = minidl.Variable(1.0, name="W")
    W_again = minidl.Variable(2.0, name="W")
    assert (x.name, W.name, W_again.name) == ("x", "W", "W_1")
    assert minidl.add(x, W, name="score").name == "score"


def test_names_stay_unique_when_a_given_name_looks_generated():
    x = minidl.placeholder(name="x")
    first = minidl.add(x, 1.0)
    given = minidl.add(x, 2.0, name="add_1")
    second = minidl.add(x, 3.0)
    again = minidl.add(x, 4.0, name="add_1")
    names = [node.name for node in minidl.get_default_graph().nodes]
    assert len(names) == len(set(names)), names
    assert (first.name, given.name) == ("add", "add_1")
    assert second.name not in ("add", "add_1")
    assert again.name not in ("add", "add_1", second.name)


def test_names_are_counted_per_graph():
    with minidl.Graph().as_default():
        first = minidl.placeholder()
    with minidl.Graph().as_default():
        second = minidl.placeholder()
    assert first.name == second.name == "placeholder"


def test_inputs_and_consumers_link_both_ways():
    A = minidl.Variable([[1, 0], [0, -1]])
    x = minidl.placeholder()
    y = minidl.matmul(A, x)
    b = minidl.Variable([1, 1])
    z = minidl.add(y, b)
    assert y.inputs == (A, x)
    assert z.inputs == (y, b)
    assert A.consumers == [y] and x.consumers == [y]
    assert y.consumers == [z] and b.consumers == [z]
    assert z.consumers == [] and x.inputs == ()


def test_plain_values_become_constants_in_the_same_graph():
    graph = minidl.Graph()
    with graph.as_default():
        x = minidl.placeholder()
    y = x + 2.0
    constant = y.inputs[1]
    assert isinstance(constant, minidl.Constant)
    assert constant.graph is graph and y.graph is graph
    assert constant.consumers == [y]
    assert float(constant.value) == 2.0


def test_graph_lists_nodes_in_creation_order_and_its_variables():
    graph = minidl.Graph()
    with graph.as_default():
        x = minidl.placeholder()
        W = minidl.Variable([1.0, 2.0])
        y = x * W
        b = minidl.Variable(0.0, trainable=False)
        z = y + b
    assert graph.nodes == [x, W, y, b, z]
    assert graph.variables == [W, b]
    with graph.as_default():
        assert minidl.global_variables() == [W, b]
        assert minidl.trainable_variables() == [W]


def test_node_describes_itself():
    x = minidl.placeholder(minidl.float32, (None, 2), name="points")
    y = minidl.matmul(x, minidl.Variable(np.ones((2, 3), np.float32)))
    assert (y.type, y.shape, y.ndim, y.dtype) == ("MatMul", (None, 3), 2, np.float32)
    assert (x.type, x.shape, x.ndim) == ("Placeholder", (None, 2), 2)
    assert minidl.placeholder().ndim is None
    assert "points" in repr(x) and "(None, 2)" in repr(x) and "float32" in repr(x)


def test_as_default_as_a_plain_call_switches_at_once():
    graph = minidl.Graph()
    graph.as_default()
    assert minidl.get_default_graph() is graph
    assert minidl.placeholder().graph is graph


def test_as_default_as_a_context_manager_restores_the_previous_default():
    outer, inner = minidl.Graph(), minidl.Graph()
    outer.as_default()
    with inner.as_default() as entered:
        assert entered is inner
        assert minidl.get_default_graph() is inner
        x = minidl.placeholder()
    assert minidl.get_default_graph() is outer
    assert x.graph is inner
    assert outer.nodes == []


def test_as_default_blocks_nest_and_restore_after_an_error():
    outer, middle, inner = minidl.Graph(), minidl.Graph(), minidl.Graph()
    outer.as_default()
    with middle.as_default():
        with pytest.raises(ZeroDivisionError):
            with inner.as_default():
                raise ZeroDivisionError
        assert minidl.get_default_graph() is middle
    assert minidl.get_default_graph() is outer


def test_reset_default_graph_starts_an_empty_one():
    old = minidl.get_default_graph()
    minidl.placeholder()
    minidl.reset_default_graph()
    new = minidl.get_default_graph()
    assert new is not old
    assert new.nodes == [] and new.variables == []
    assert minidl.placeholder().name == "placeholder"


def test_variable_holds_its_value_from_construction():
    W = minidl.Variable([[1.0, 2.0]])
    np.testing.assert_array_equal(W.value, [[1.0, 2.0]])
    with minidl.Session() as session:
        np.testing.assert_array_equal(session.run(W), [[1.0, 2.0]])


def test_variable_copies_its_initial_value():
    start = np.array([1.0, 2.0])
    W = minidl.Variable(start)
    start[0] = 100.0
    np.testing.assert_array_equal(W.value, [1.0, 2.0])
    np.testing.assert_array_equal(W.initial_value, [1.0, 2.0])


def test_global_variables_initializer_resets_variables_to_their_initial_values():
    W = minidl.Variable([1.0, 2.0])
    b = minidl.Variable(5.0)
    init = minidl.global_variables_initializer()
    with minidl.Session() as session:
        session.run([W.assign([10.0, 20.0]), b.assign(7.0)])
        np.testing.assert_array_equal(session.run(W), [10.0, 20.0])
        assert session.run(init) is None
        W_value, b_value = session.run([W, b])
        np.testing.assert_array_equal(W_value, [1.0, 2.0])
        assert b_value == 5.0


def test_initializer_covers_the_variables_that_existed_when_it_was_made():
    W = minidl.Variable(1.0)
    init = minidl.global_variables_initializer()
    later = minidl.Variable(2.0)
    with minidl.Session() as session:
        session.run([W.assign(10.0), later.assign(20.0)])
        session.run(init)
        assert session.run([W, later]) == [1.0, 20.0]


def test_variables_initializer_resets_only_the_listed_variables():
    W, b = minidl.Variable(1.0), minidl.Variable(2.0)
    with minidl.Session() as session:
        session.run([W.assign(10.0), b.assign(20.0)])
        session.run(minidl.variables_initializer([b]))
        assert session.run([W, b]) == [10.0, 2.0]


def test_variable_dtype_is_numpy_default_or_given():
    assert minidl.Variable([1.0, 2.0]).dtype == np.float64
    assert minidl.Variable([1, 2]).dtype == np.int64
    assert minidl.Variable([1, 2], dtype=minidl.float32).dtype == np.float32
    assert minidl.Variable([1, 2], dtype=minidl.float32).value.dtype == np.float32


def test_temporary_nodes_leave_the_graph_as_it_was():
    graph = minidl.Graph()
    with graph.as_default():
        x = minidl.placeholder(name="x")
        y = x * 2.0
    names = [node.name for node in graph.nodes]
    with graph.temporary_nodes():
        z = y + 1.0
        minidl.Variable(1.0, name="w")
        assert minidl.get_default_graph() is graph and z in y.consumers
    assert [node.name for node in graph.nodes] == names
    assert graph.variables == [] and y.consumers == []
    with graph.as_default():
        assert (y + 1.0).name == z.name
