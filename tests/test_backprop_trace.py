"""backprop_trace: the reverse walk, its numbers (against finite differences and
hand-worked derivatives), its table, and that it leaves the graph untouched."""
import numpy as np
import pytest

import minidl
from minidl.gradient_check import numerical_gradient

pytestmark = pytest.mark.filterwarnings("error")


def used_twice():
    """J = (a + a) * b at a = 3, b = 2: dJ/da = 2 b = 4, reaching `a` as
    b = 2 along each of the two edges of the sum; dJ/db = a + a = 6."""
    graph = minidl.Graph()
    with graph.as_default():
        a = minidl.Variable(3.0, name="a")
        b = minidl.Variable(2.0, name="b")
        s = minidl.add(a, a, name="s")
        J = minidl.multiply(s, b, name="J")
    return graph, a, b, s, J


def perceptron(seed=0):
    """The tutorial's perceptron with its cross-entropy loss J."""
    rng = np.random.default_rng(seed)
    graph = minidl.Graph()
    with graph.as_default():
        X = minidl.placeholder(minidl.float64, (None, 2), name="X")
        c = minidl.placeholder(minidl.float64, (None, 2), name="c")
        W = minidl.Variable(rng.normal(size=(2, 2)), name="W")
        b = minidl.Variable(rng.normal(size=2), name="b")
        p = minidl.softmax(minidl.matmul(X, W) + b, name="p")
        J = minidl.negative(minidl.reduce_sum(minidl.reduce_sum(c * minidl.log(p), axis=1)),
                            name="J")
    feed = {X: rng.normal(size=(5, 2)), c: np.eye(2)[rng.integers(0, 2, 5)]}
    return graph, J, W, b, c, feed


def step_of(trace, name):
    return next(step for step in trace.steps if step.node == name)


def test_a_node_used_twice_receives_one_gradient_per_edge_and_adds_them():
    _, a, b, _, J = used_twice()
    trace = minidl.backprop_trace(J, [a, b])
    arrivals = step_of(trace, "a").arrivals
    assert [(x.source, x.input_index) for x in arrivals] == [("s", 0), ("s", 1)]
    assert [float(x.value) for x in arrivals] == [2.0, 2.0]
    assert float(step_of(trace, "a").gradient) == 4.0
    assert float(trace.gradients["b"]) == 6.0


def test_the_walk_starts_at_the_loss_and_visits_consumers_before_their_inputs():
    _, J, W, b, _, feed = perceptron()
    trace = minidl.backprop_trace(J, [W, b], feed)
    assert trace.order[0] == "J"
    assert trace.steps[0].arrivals[0].source is None
    assert float(trace.steps[0].gradient) == 1.0
    position = {name: i for i, name in enumerate(trace.order)}
    for step in trace.steps:
        for sent in step.sent:
            if sent.value is not None:
                assert position[sent.target] > position[step.node]


def test_the_walk_visits_exactly_the_nodes_between_the_targets_and_the_loss():
    _, J, W, b, _, feed = perceptron()
    trace = minidl.backprop_trace(J, [W, b], feed)
    assert sorted(trace.order) == sorted(
        ["J", "reduce_sum_1", "reduce_sum", "multiply", "log", "p", "add", "matmul", "W", "b"])


def test_each_gradient_is_the_sum_of_its_arrivals_which_are_what_was_sent():
    _, J, W, b, _, feed = perceptron()
    trace = minidl.backprop_trace(J, [W, b], feed)
    sent = {(step.node, s.target, s.input_index): s.value
            for step in trace.steps for s in step.sent if s.value is not None}
    for step in trace.steps[1:]:
        assert np.allclose(step.gradient, sum(arrival.value for arrival in step.arrivals))
        for arrival in step.arrivals:
            assert np.array_equal(arrival.value,
                                  sent[(arrival.source, step.node, arrival.input_index)])


def test_gradients_agree_with_finite_differences():
    _, J, W, b, _, feed = perceptron()
    trace = minidl.backprop_trace(J, [W, b], feed)
    for variable in (W, b):
        assert np.allclose(trace.gradients[variable.name],
                           numerical_gradient(J, variable, feed), rtol=1e-5, atol=1e-7)


def test_every_value_shown_is_the_forward_value():
    _, J, W, b, _, feed = perceptron()
    trace = minidl.backprop_trace(J, [W, b], feed)
    nodes = {node.name: node for node in J.graph.nodes}
    for step in trace.steps:
        assert np.allclose(step.value, minidl.Session(J.graph).run(nodes[step.node], feed))


def test_no_gradient_is_sent_to_an_input_that_leads_to_no_target():
    _, J, W, b, _, feed = perceptron()
    trace = minidl.backprop_trace(J, [W, b], feed)
    to_labels = [s for s in step_of(trace, "multiply").sent if s.target == "c"]
    assert len(to_labels) == 1 and to_labels[0].value is None
    assert "c" not in trace.order


def test_the_trace_leaves_the_graph_as_it_was():
    graph, J, W, b, _, feed = perceptron()
    names_before = [node.name for node in graph.nodes]
    consumers_before = [len(node.consumers) for node in graph.nodes]
    minidl.backprop_trace(J, [W, b], feed)
    assert [node.name for node in graph.nodes] == names_before
    assert [len(node.consumers) for node in graph.nodes] == consumers_before
    with graph.as_default():
        assert minidl.ones_like(J).name == "ones_like"


def test_the_table_shows_each_contribution_and_their_sum():
    _, a, b, _, J = used_twice()
    table = minidl.backprop_trace(J, [a, b])._repr_markdown_()
    rows = [line for line in table.splitlines() if line.startswith("| ") and "`" in line]
    assert [row.split("|")[2].strip() for row in rows] == [
        "`J` (Multiply)", "`b` (Variable)", "`s` (Add)", "`a` (Variable)"]
    assert "from `s` (its input 0): 2<br>from `s` (its input 1): 2 | 2 + 2 = 4 |" in rows[3]
    assert "to `a` (input 0): 2<br>to `a` (input 1): 2" in rows[2]


def test_the_text_is_the_same_on_every_run_and_has_no_memory_address():
    _, J, W, b, _, feed = perceptron()
    first = repr(minidl.backprop_trace(J, [W, b], feed))
    assert first == str(minidl.backprop_trace(J, [W, b], feed))
    assert "0x" not in first
    assert "sum       d J / d W = " in first


def test_a_target_the_loss_does_not_depend_on_is_named():
    graph, a, b, _, J = used_twice()
    with graph.as_default():
        unused = minidl.Variable(1.0, name="unused")
    with pytest.raises(ValueError, match=r"does not depend on \['unused'\]"):
        minidl.backprop_trace(J, [a, unused])
    assert [node.name for node in graph.nodes] == ["a", "b", "s", "J", "unused"]


def test_a_missing_feed_is_named():
    _, J, W, _, c, feed = perceptron()
    with pytest.raises(ValueError, match="placeholder 'X' needs a value") as error:
        minidl.backprop_trace(J, W, {c: feed[c]})
    assert "ones_like" not in str(error.value)


def test_a_step_picture_outlines_the_visited_node_and_knows_the_step_numbers():
    _, a, b, _, J = used_twice()
    trace = minidl.backprop_trace(J, [a, b])
    picture = trace.draw(3)
    assert sorted(node.name for node in picture.layout.nodes) == ["J", "a", "b", "s"]
    assert picture.png().startswith(b"\x89PNG")
    with pytest.raises(ValueError, match="steps 1 to 4"):
        trace.draw(5)
