"""`draw_expression`: a picture of an expression graph that some other engine
recorded (chapter 5c's scalar engine), drawn the way `draw_graph` draws minidl's."""
from ..graph import Graph, Node
from ..variable import Variable
from .layout import graph_layout
from .picture import GraphPicture
from .render import render


def draw_expression(output, inputs_of, lines_of, title=None, dpi=100, direction=None):
    """Draw the graph that `output` was computed from, for any engine whose
    results remember their inputs.

    Each item becomes a box: one the expression starts from (it has no inputs)
    is drawn as a variable, any other as an operation, with an arrow from each
    of its inputs (twice for `a * a`).

    Args:
        output: the item computed last, e.g. a loss.
        inputs_of: a function giving the items an item was computed from.
        lines_of: a function giving the lines of text written on an item: its
            name first, then, say, "value 0.731" and "grad -0.2" (a line that
            starts with "grad" is written in the gradient's colour).
        title, dpi, direction: as for `draw_graph`.

    Returns:
        A GraphPicture: Jupyter shows it; `.save("graph.png")` writes it.
    """
    order = _inputs_first(output, inputs_of)
    stand_ins, labels = {}, {}
    graph = Graph()
    with graph.as_default():
        for index, item in enumerate(order):
            inputs = [stand_ins[id(x)] for x in inputs_of(item)]
            name = f"item {index}"
            stand_ins[id(item)] = (Node(graph, name, inputs) if inputs
                                   else Variable(0.0, name=name))
            labels[name] = [(line, _style(number, line))
                            for number, line in enumerate(lines_of(item))]
    layout = graph_layout(stand_ins[id(output)])
    figure = render(layout, labels, title=title, dpi=dpi, direction=direction)
    return GraphPicture(figure, layout, labels)


def _style(number, line):
    if number == 0:
        return "name"
    return "grad" if line.startswith("grad") else "value"


def _inputs_first(output, inputs_of):
    """Every item `output` depends on, once each, inputs before their users
    (a post-order walk with its own stack, as `topological_order` does)."""
    order, visited = [], {id(output)}
    stack = [(output, iter(inputs_of(output)))]
    while stack:
        item, inputs_left = stack[-1]
        unvisited = next((x for x in inputs_left if id(x) not in visited), None)
        if unvisited is None:
            stack.pop()
            order.append(item)
        else:
            visited.add(id(unvisited))
            stack.append((unvisited, iter(inputs_of(unvisited))))
    return order
