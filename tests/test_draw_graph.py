"""graph_layout and draw_graph: checked on the layout data and on the numbers
shown, not on pixels. Drawing speed is measured by benchmarks/draw_graph_speed.py."""
import matplotlib.pyplot as plt
import numpy as np
import pytest

import minidl
from minidl.draw import layout as layout_module
from minidl.draw import render as render_module
from minidl.draw.picture import values_and_gradients
from minidl.draw.render import COLUMN_WIDTH
from minidl.draw.text import node_label, summarize, wrap_name

# A warning would be printed under a notebook cell: make it a failure.
pytestmark = pytest.mark.filterwarnings("error")


def affine():
    """z = A x + b, the tutorial's first graph."""
    graph = minidl.Graph()
    with graph.as_default():
        A = minidl.Variable([[1.0, 0.0], [-1.0, -1.0]], name="A")
        b = minidl.Variable([1.0, 1.0], name="b")
        x = minidl.placeholder(minidl.float64, name="x")
        y = minidl.matmul(A, x, name="y")
        z = minidl.add(y, b, name="z")
    return graph, A, b, x, y, z


def mlp_with_gradients(seed=0):
    """The chapter-6 network: 2-4-2, sigmoid hidden layer, softmax
    cross-entropy, plus the gradient nodes minidl.gradients adds."""
    rng = np.random.default_rng(seed)
    graph = minidl.Graph()
    with graph.as_default():
        X = minidl.placeholder(minidl.float64, (None, 2), name="X")
        c = minidl.placeholder(minidl.float64, (None, 2), name="c")
        W_hidden = minidl.Variable(rng.normal(size=(2, 4)), name="W_hidden")
        b_hidden = minidl.Variable(rng.normal(size=4), name="b_hidden")
        p_hidden = minidl.sigmoid(minidl.matmul(X, W_hidden) + b_hidden, name="p_hidden")
        W_output = minidl.Variable(rng.normal(size=(4, 2)), name="W_output")
        b_output = minidl.Variable(rng.normal(size=2), name="b_output")
        p_output = minidl.softmax(minidl.matmul(p_hidden, W_output) + b_output, name="p_output")
        J = minidl.negative(minidl.reduce_sum(minidl.reduce_sum(
            c * minidl.log(p_output), axis=1)), name="J")
        variables = [W_hidden, b_hidden, W_output, b_output]
        grads = minidl.gradients(J, variables)
    feed = {X: rng.normal(size=(6, 2)), c: np.eye(2)[rng.integers(0, 2, 6)]}
    return graph, J, variables, grads, feed


def ancestors(targets):
    """Every node the targets depend on, collected independently of the library."""
    found, stack = {}, list(targets)
    while stack:
        node = stack.pop()
        if id(node) not in found:
            found[id(node)] = node
            stack.extend(node.inputs)
    return list(found.values())


def crossings(layout):
    """Pairs of edge segments that cross between two adjacent layers."""
    segments = [(a, b) for edge in layout.edges for a, b in zip(edge.route, edge.route[1:])]
    count = 0
    for i, ((x1, y1), (_, y2)) in enumerate(segments):
        for (x3, y3), (_, y4) in segments[i + 1:]:
            if x1 == x3 and (y1 - y3) * (y2 - y4) < 0:
                count += 1
    return count


# --- the layout ---------------------------------------------------------------

def test_layout_of_affine_graph_has_its_nodes_kinds_layers_and_edges():
    _, A, b, x, y, z = affine()
    layout = minidl.graph_layout(z)
    assert {node.name: (node.kind, node.layer) for node in layout.nodes} == {
        "A": ("variable", 0), "x": ("placeholder", 0), "b": ("variable", 1),
        "y": ("operation", 1), "z": ("operation", 2)}
    assert layout.node("y").type == "MatMul"
    assert sorted((e.source, e.target, e.input_index) for e in layout.edges) == [
        ("A", "y", 0), ("b", "z", 1), ("x", "y", 1), ("y", "z", 0)]
    assert [sorted(names) for names in layout.layers] == [["A", "x"], ["b", "y"], ["z"]]


def test_constants_are_their_own_kind():
    graph = minidl.Graph()
    with graph.as_default():
        total = minidl.constant(2.0, name="two") * minidl.placeholder(name="p")
    kinds = {node.name: node.kind for node in minidl.graph_layout(total).nodes}
    assert kinds == {"two": "constant", "p": "placeholder", total.name: "operation"}


def test_a_node_sits_just_before_its_first_consumer_and_long_edges_bend_once_per_layer():
    graph = minidl.Graph()
    with graph.as_default():
        a = minidl.Variable(1.0, name="a")
        b = minidl.exp(a, name="b")
        c = minidl.exp(b, name="c")
        d = minidl.add(c, a, name="d")
        late = minidl.Variable(2.0, name="late")
        e = minidl.multiply(d, late, name="e")
    layout = minidl.graph_layout(e)
    assert [layout.node(name).layer for name in "abcde"] == [0, 1, 2, 3, 4]
    assert layout.node("late").layer == 3
    skipping = next(e for e in layout.edges if (e.source, e.target) == ("a", "d"))
    assert [x for x, _ in skipping.route] == [0, 1, 2, 3]


def test_variables_of_a_later_layer_sit_next_to_their_operation():
    _, J, variables, _, _ = mlp_with_gradients()
    layout = minidl.graph_layout(J)
    for variable in variables:
        consumer = variable.consumers[0]  # the model's; the others compute gradients
        assert layout.node(variable.name).layer == layout.node(consumer.name).layer - 1


def test_mlp_with_gradients_every_edge_goes_left_to_right_one_layer_per_step():
    _, J, _, grads, _ = mlp_with_gradients()
    layout = minidl.graph_layout([J] + grads)
    for edge in layout.edges:
        source, target = layout.node(edge.source), layout.node(edge.target)
        assert source.layer < target.layer
        assert [x for x, _ in edge.route] == list(range(source.layer, target.layer + 1))
        assert edge.route[0] == source.position and edge.route[-1] == target.position


def test_mlp_with_gradients_layout_holds_every_ancestor_once_and_every_input_slot():
    _, J, _, grads, _ = mlp_with_gradients()
    expected = ancestors([J] + grads)
    layout = minidl.graph_layout([J] + grads)
    assert sorted(node.name for node in layout.nodes) == sorted(n.name for n in expected)
    assert len(layout.edges) == sum(len(node.inputs) for node in expected)
    assert sorted(name for names in layout.layers for name in names) == sorted(
        node.name for node in layout.nodes)
    for node in layout.nodes:
        assert node.name in layout.layers[node.layer]


def test_nodes_of_a_layer_are_listed_top_to_bottom_at_least_a_row_apart():
    _, J, _, grads, _ = mlp_with_gradients()
    layout = minidl.graph_layout([J] + grads)
    for names in layout.layers:
        heights = [layout.node(name).position[1] for name in names]
        assert all(lower - upper >= 1 - 1e-9 for upper, lower in zip(heights, heights[1:]))


def test_ordering_undoes_crossings_that_the_build_order_makes(monkeypatch):
    # In the order the nodes are found, p and q come first in layer 0 but
    # exp(q) before exp(p) in layer 1, so their edges cross.
    graph = minidl.Graph()
    with graph.as_default():
        p, q = minidl.Variable(1.0, name="p"), minidl.Variable(2.0, name="q")
        total = minidl.add_n([p, minidl.exp(q), minidl.exp(p)])
    monkeypatch.setattr(layout_module, "ORDERING_SWEEPS", 0)
    assert crossings(minidl.graph_layout(total)) > 0
    monkeypatch.undo()
    assert crossings(minidl.graph_layout(total)) == 0


def test_a_node_used_twice_by_one_operation_has_two_edges():
    graph = minidl.Graph()
    with graph.as_default():
        a = minidl.Variable(3.0, name="a")
        twice = minidl.add(a, a, name="twice")
    edges = minidl.graph_layout(twice).edges
    assert sorted((e.source, e.target, e.input_index) for e in edges) == [
        ("a", "twice", 0), ("a", "twice", 1)]


def test_bad_targets_get_clear_errors():
    _, _, _, _, _, z = affine()
    other = minidl.Graph()
    with other.as_default():
        stranger = minidl.constant(1.0, name="stranger")
    with pytest.raises(ValueError, match="'z' and 'stranger' belong to different graphs"):
        minidl.graph_layout([z, stranger])
    with pytest.raises(TypeError, match="only minidl nodes"):
        minidl.draw_graph([z, 3.0])
    with pytest.raises(ValueError, match="nothing to lay out"):
        minidl.graph_layout([])


# --- the numbers shown -----------------------------------------------------------

def test_long_names_wrap_after_an_underscore_or_a_slash():
    assert wrap_name("cross_entropy_1") == ["cross_", "entropy_1"]
    assert wrap_name("gradients/add_grad") == ["gradients/", "add_grad"]
    assert wrap_name("logits") == ["logits"]
    assert wrap_name("averyveryverylongname") == ["averyveryverylongname"]


def test_summaries_give_numbers_to_three_digits_and_big_arrays_by_mean_and_shape():
    assert summarize(np.float64(2 / 3)) == "0.667"
    assert summarize(np.array([1.0, -0.5])) == "[1, -0.5]"
    assert summarize(np.full((100, 2), 0.125)) == "mean 0.125, shape (100, 2)"
    assert summarize(-0.0) == "0"


def test_labels_show_name_type_value_and_gradient():
    _, A, _, x, y, z = affine()
    assert node_label(A) == [("A", "name")]
    assert node_label(y) == [("y", "name"), ("MatMul", "type")]
    assert node_label(z, np.array([2.0, 1.0]), np.array([1.0, 1.0])) == [
        ("z", "name"), ("Add", "type"), ("value [2, 1]", "value"), ("grad [1, 1]", "grad")]
    label = node_label(x, np.ones((100, 2)), np.zeros((100, 2)))
    assert label[1:] == [("shape (100, 2)", "value"), ("value mean 1", "value"),
                         ("|grad| mean 0", "grad")]


def test_a_big_gradient_is_shown_by_its_mean_size_which_cancelling_signs_cannot_hide():
    _, _, _, x, _, _ = affine()
    grad = np.tile([0.5, -0.5], (50, 1))
    assert grad.mean() == 0
    assert node_label(x, np.ones((50, 2)), grad)[-1] == ("|grad| mean 0.5", "grad")


def test_long_listed_values_wrap_between_their_numbers():
    _, A, _, _, _, _ = affine()
    lines = node_label(A, grad=np.array([-0.0322, 0.0395, 0.0907, 0.0261]))
    assert lines[1:] == [("grad [-0.0322, 0.0395,", "grad"), ("0.0907, 0.0261]", "grad")]


def test_the_operation_type_is_left_out_when_the_name_says_it():
    graph = minidl.Graph()
    with graph.as_default():
        first = minidl.exp(minidl.constant(1.0))
        second = minidl.exp(first)
    assert [node_label(node)[1:] for node in (first, second)] == [[], []]


def test_values_and_gradients_shown_match_the_forward_pass_and_finite_differences():
    graph, J, variables, _, feed = mlp_with_gradients()
    nodes = [node.node for node in minidl.graph_layout(J).nodes]
    session = minidl.Session(graph)
    values, grads = values_and_gradients(nodes, session, feed, loss=J)
    assert np.allclose(values[J], session.run(J, feed))
    assert np.isclose(grads[J], 1.0)
    for variable in variables:
        index = (0,) * variable.ndim
        original = variable.value.copy()
        estimates = []
        for step in (1e-6, -1e-6):
            variable.value = original.copy()
            variable.value[index] += step
            estimates.append(session.run(J, feed))
        variable.value = original
        assert np.isclose(grads[variable][index], (estimates[0] - estimates[1]) / 2e-6,
                          rtol=1e-5, atol=1e-8)


def test_fed_placeholders_show_a_gradient_only_when_asked():
    graph, J, variables, _, feed = mlp_with_gradients()
    X = next(node for node in graph.nodes if node.name == "X")
    picture = minidl.draw_graph(J, feed_dict=feed, loss=J)
    grad_lines = {name: [text for text, style in lines if style == "grad"]
                  for name, lines in picture.labels.items()}
    assert grad_lines["X"] == [] and grad_lines["c"] == []
    assert all(grad_lines[variable.name] for variable in variables)
    asked = minidl.draw_graph(J, feed_dict=feed, loss=J, gradients_for=[X])
    assert [text for text, style in asked.labels["X"] if style == "grad"] == [
        "|grad| mean " + summarize(np.abs(values_and_gradients(
            [X], minidl.Session(graph), feed, J)[1][X]).mean())]
    assert not any(style == "grad" for lines in [asked.labels["W_hidden"]]
                   for _, style in lines)


def test_drawing_with_a_loss_leaves_the_graph_as_it_was():
    graph, J, _, _, feed = mlp_with_gradients()
    names_before = [node.name for node in graph.nodes]
    consumers_before = {node.name: len(node.consumers) for node in graph.nodes}
    minidl.draw_graph(J, feed_dict=feed, loss=J)
    assert [node.name for node in graph.nodes] == names_before
    assert {node.name: len(node.consumers) for node in graph.nodes} == consumers_before
    with graph.as_default():
        assert minidl.exp(J).name == "exp"


def test_drawing_a_training_step_does_not_train():
    graph, J, variables, _, feed = mlp_with_gradients()
    with graph.as_default():
        train = minidl.train.GradientDescentOptimizer(0.5).minimize(J)
    before = [variable.value.copy() for variable in variables]
    minidl.draw_graph(train, feed_dict=feed, loss=J)
    assert all(np.array_equal(v.value, b) for v, b in zip(variables, before))


def test_a_missing_feed_is_named():
    _, _, _, x, _, z = affine()
    with pytest.raises(ValueError, match="placeholder 'x' needs a value") as error:
        minidl.draw_graph(z, session=minidl.Session(z.graph), loss=z)
    assert "ones_like" not in str(error.value)


# --- the picture -------------------------------------------------------------------

def test_picture_is_a_png_without_version_metadata_and_the_same_every_time():
    _, J, _, _, feed = mlp_with_gradients()
    png, _ = minidl.draw_graph(J, feed_dict=feed, loss=J)._repr_png_()
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert b"Software" not in png and b"matplotlib" not in png
    assert minidl.draw_graph(J, feed_dict=feed, loss=J)._repr_png_()[0] == png


def png_size(png):
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")


def test_jupyter_gets_twice_the_pixels_and_the_size_to_show_them_at():
    _, J, _, _, feed = mlp_with_gradients()
    picture = minidl.draw_graph(J, feed_dict=feed, loss=J)
    png, metadata = picture._repr_png_()
    assert "unconfined" not in metadata
    assert (metadata["width"], metadata["height"]) == picture.size()
    assert png_size(png) == pytest.approx((2 * picture.size()[0], 2 * picture.size()[1]), abs=1)
    assert png_size(picture.png()) == pytest.approx(picture.size(), abs=1)


def test_a_small_graph_is_drawn_left_to_right_and_a_deep_one_top_to_bottom():
    _, _, _, _, _, z = affine()
    small = minidl.draw_graph(z)
    width, height = small.size()
    assert width > height
    _, J, _, _, feed = mlp_with_gradients()
    for picture in (minidl.draw_graph(J), minidl.draw_graph(J, feed_dict=feed, loss=J)):
        width, height = picture.size()
        assert width <= COLUMN_WIDTH and height > width
    wide = minidl.draw_graph(J, direction="LR")
    assert wide.size()[0] > COLUMN_WIDTH
    with pytest.raises(ValueError, match="'LR' .* or 'TB'"):
        minidl.draw_graph(z, direction="up")


def test_drawing_leaves_no_pyplot_figure_open():
    figures_before = plt.get_fignums()
    _, _, _, _, _, z = affine()
    minidl.draw_graph(z).png()
    assert plt.get_fignums() == figures_before


@pytest.mark.parametrize("extension, magic", [("png", b"\x89PNG"), ("svg", b"<?xml"),
                                              ("pdf", b"%PDF")])
def test_save_picks_the_format_from_the_extension(tmp_path, extension, magic):
    _, _, _, _, _, z = affine()
    path = tmp_path / f"graph.{extension}"
    minidl.draw_graph(z, title="z = A x + b").save(path)
    assert path.read_bytes().startswith(magic)


def test_save_refuses_an_unknown_extension(tmp_path):
    _, _, _, _, _, z = affine()
    with pytest.raises(ValueError, match=r"\.png, \.svg or \.pdf"):
        minidl.draw_graph(z).save(tmp_path / "graph.jpg")


def test_repr_says_what_is_drawn_and_nothing_that_depends_on_the_fonts(monkeypatch):
    _, _, _, _, _, z = affine()
    picture = minidl.draw_graph(z)
    # Another machine's font, or another matplotlib, measures text wider.
    monkeypatch.setattr(render_module, "_text_width", lambda text, style: 10.0 * len(text))
    wider_text = minidl.draw_graph(z)
    assert (wider_text.figure.get_size_inches() != picture.figure.get_size_inches()).any()
    assert repr(picture) == repr(wider_text) == "<GraphPicture: 5 nodes in 3 layers>"


class Recorded:
    """The least an engine records: a name and the items an item was computed from."""

    def __init__(self, name, *inputs):
        self.name, self.inputs = name, inputs


def test_an_expression_of_another_engine_is_drawn_with_its_edges_and_lines():
    a, b = Recorded("a"), Recorded("b")
    square = Recorded("a * a", a, a)
    out = Recorded("out", square, b)
    picture = minidl.draw_expression(out, inputs_of=lambda item: item.inputs,
                                     lines_of=lambda item: [item.name, "value 1.5", "grad -2"])
    layout = picture.layout
    assert [node.kind for node in layout.nodes] == ["variable", "operation", "variable",
                                                    "operation"]
    names = {node.name: lines[0][0] for node in layout.nodes
             for lines in [picture.labels[node.name]]}
    edges = sorted((names[e.source], names[e.target], e.input_index) for e in layout.edges)
    assert edges == [("a", "a * a", 0), ("a", "a * a", 1), ("a * a", "out", 0), ("b", "out", 1)]
    labels = list(picture.labels.values())
    assert sorted(tuple(text for text, _ in label) for label in labels) == sorted(
        (name, "value 1.5", "grad -2") for name in ("a", "b", "a * a", "out"))
    assert all([style for _, style in label] == ["name", "value", "grad"] for label in labels)
    assert picture.png().startswith(b"\x89PNG")


def test_a_deep_expression_is_drawn_without_recursion():
    item = Recorded("x")
    for index in range(1100):  # deeper than Python's recursion limit
        item = Recorded(f"step {index}", item)
    picture = minidl.draw_expression(item, lambda x: x.inputs, lambda x: [x.name])
    assert len(picture.layout.nodes) == 1101
