"""`draw_graph`: a picture of a graph that Jupyter shows inline and that can be
saved as PNG, SVG or PDF. Only matplotlib is needed; no Graphviz."""
import io
import os

import matplotlib

from ..gradients import gradients
from ..placeholder import Placeholder
from ..session import Session
from ..variable import VariableUpdate
from .layout import graph_layout
from .render import render
from .text import node_label

# Without these, the bytes written would carry the matplotlib version, the
# date, or random ids, and change on every run.
_STABLE_METADATA = {"png": {"Software": None}, "svg": {"Date": None},
                    "pdf": {"CreationDate": None, "Producer": None}}
RETINA = 2  # Jupyter gets twice the pixels, shown at the size of one: sharp on any screen


class GraphPicture:
    """A drawn graph: shown inline by Jupyter (as a PNG), saved with `save`.

    Attributes:
        layout: the GraphLayout that was drawn.
        labels: {node name: [(text, style), ...]}, the lines written on each node.
        figure: the matplotlib Figure (never registered with pyplot).
    """

    def __init__(self, figure, layout, labels):
        self.figure, self.layout, self.labels = figure, layout, labels
        self._png = {}

    def png(self, scale=1):
        """The picture as PNG bytes (the same bytes on every call and run),
        with `scale` times the pixels of its dpi."""
        if scale not in self._png:
            self._png[scale] = self._bytes("png", self.figure.dpi * scale)
        return self._png[scale]

    def save(self, path):
        """Write the picture to `path`; the extension (.png, .svg, .pdf) picks the format."""
        extension = os.path.splitext(str(path))[1].lower().lstrip(".")
        if extension not in _STABLE_METADATA:
            raise ValueError(f"cannot save a graph picture as '{path}': use a .png, .svg "
                             f"or .pdf file name")
        with open(path, "wb") as file:
            file.write(self.png() if extension == "png"
                       else self._bytes(extension, self.figure.dpi))

    def size(self):
        """(width, height) in pixels at the figure's dpi: the size Jupyter shows."""
        width, height = self.figure.get_size_inches() * self.figure.dpi
        return round(width), round(height)

    def _bytes(self, file_format, dpi):
        buffer = io.BytesIO()
        with matplotlib.rc_context({"svg.hashsalt": "minidl"}):
            self.figure.savefig(buffer, format=file_format, dpi=dpi,
                                metadata=_STABLE_METADATA[file_format])
        return buffer.getvalue()

    def _repr_png_(self):
        # Twice the pixels, with the size to show them at: sharp on a
        # high-resolution screen, and a front end may still scale it to its column.
        width, height = self.size()
        return self.png(RETINA), {"width": width, "height": height}

    def __repr__(self):
        # What the picture shows, not its size in pixels: the size follows the
        # font's text metrics, which change with matplotlib's version and the
        # machine, and a notebook prints this line under every picture.
        return (f"<GraphPicture: {len(self.layout.nodes)} nodes in "
                f"{len(self.layout.layers)} layers>")


def draw_graph(node, session=None, feed_dict=None, loss=None, highlight=(), title=None,
               dpi=100, direction=None, gradients_for=None):
    """Draw the graph that `node` depends on, from its inputs to `node`.

    Placeholders, variables, constants and operations each have their own
    shape and colour (see the legend). Every node shows its name, and an
    operation its type unless the name says it already.

    Args:
        node: a node, or a list of nodes; everything they depend on is drawn.
        session: when given (or when `feed_dict` or `loss` is), each node also
            shows its value: a number, a short list, or its mean and shape.
        feed_dict: the values of the placeholders, as for `Session.run`.
        loss: when given, nodes the loss depends on also show their gradient
            d loss / d node, computed with `minidl.gradients` in the same run
            (a big one by the mean of its absolute values). The graph itself
            is left unchanged.
        highlight: nodes to outline in red.
        title: a line written above the graph.
        dpi: pixels per inch of the picture (100 by default).
        direction: "LR" (inputs on the left) or "TB" (inputs at the top); by
            default left to right when that fits a notebook column.
        gradients_for: the nodes whose gradient is shown; by default every
            node but the placeholders (the gradient of fed data is seldom the
            question).

    Returns:
        A GraphPicture: Jupyter shows it; `.save("graph.png")` writes it.
    """
    layout = graph_layout(node)
    nodes = [laid_out.node for laid_out in layout.nodes]
    values, grads = {}, {}
    if session is not None or feed_dict is not None or loss is not None:
        session = session or Session(nodes[0].graph)
        if gradients_for is None:
            gradients_for = [x for x in nodes if not isinstance(x, Placeholder)]
        values, grads = values_and_gradients(nodes, session, feed_dict, loss, gradients_for)
    labels = {x.name: node_label(x, values.get(x), grads.get(x)) for x in nodes}
    notes = [(f"grad = d {loss.name} / d node", "grad")] if grads else []
    highlight = highlight if isinstance(highlight, (list, tuple)) else [highlight]
    figure = render(layout, labels, highlight_nodes={x.name for x in highlight},
                    title=title, notes=notes, dpi=dpi, direction=direction)
    return GraphPicture(figure, layout, labels)


def values_and_gradients(nodes, session, feed_dict=None, loss=None, gradients_for=None):
    """The values of `nodes` and, when `loss` is given, d sum(loss) / d node
    for each of `gradients_for` (by default `nodes`) that the loss depends on.

    One run computes the values; one more run, the gradients, from nodes
    built with `minidl.gradients` and taken out of the graph again afterwards
    (so an error about a missing feed names only the graph's own nodes).
    Operations that update variables (training steps) are left out:
    computing them would change the variables.

    Returns:
        ({node: value}, {node: gradient value}).
    """
    shown = [node for node in nodes if not isinstance(node, VariableUpdate)]
    values = dict(zip(shown, session.run(shown, feed_dict)))
    if loss is None:
        return values, {}
    wanted = [node for node in (shown if gradients_for is None else gradients_for)
              if not isinstance(node, VariableUpdate)]
    with session.graph.temporary_nodes():
        pairs = [(node, grad) for node, grad in zip(wanted, gradients(loss, wanted))
                 if grad is not None]
        grad_values = session.run([grad for _, grad in pairs], feed_dict)
    return values, {node: value for (node, _), value in zip(pairs, grad_values)}
