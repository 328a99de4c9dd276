"""`draw_graph`: a picture of a graph that Jupyter shows inline and that can be
saved as PNG, SVG or PDF. Only matplotlib is needed; no Graphviz."""
import io
import os

import matplotlib

from ..session import Session
from .labels import node_label
from .layout import graph_layout
from .render import render
from .values import values_and_gradients

# Without these, the bytes written would carry the matplotlib version, the
# date, or random ids, and change on every run.
_STABLE_METADATA = {"png": {"Software": None}, "svg": {"Date": None},
                    "pdf": {"CreationDate": None, "Producer": None}}


class GraphPicture:
    """A drawn graph: shown inline by Jupyter (as a PNG), saved with `save`.

    Attributes:
        layout: the GraphLayout that was drawn.
        figure: the matplotlib Figure (never registered with pyplot).
    """

    def __init__(self, figure, layout):
        self.figure, self.layout = figure, layout
        self._png = None

    def png(self):
        """The picture as PNG bytes (the same bytes on every call and run)."""
        if self._png is None:
            self._png = self._bytes("png")
        return self._png

    def save(self, path):
        """Write the picture to `path`; the extension (.png, .svg, .pdf) picks the format."""
        extension = os.path.splitext(str(path))[1].lower().lstrip(".")
        if extension not in _STABLE_METADATA:
            raise ValueError(f"cannot save a graph picture as '{path}': use a .png, .svg "
                             f"or .pdf file name")
        with open(path, "wb") as file:
            file.write(self.png() if extension == "png" else self._bytes(extension))

    def _bytes(self, file_format):
        buffer = io.BytesIO()
        with matplotlib.rc_context({"svg.hashsalt": "minidl"}):
            self.figure.savefig(buffer, format=file_format,
                                metadata=_STABLE_METADATA[file_format])
        return buffer.getvalue()

    def _repr_png_(self):
        # "unconfined" lets JupyterLab show a wide graph at full size, scrolling
        # sideways, instead of shrinking its text to fit the page.
        return self.png(), {"unconfined": True}

    def __repr__(self):
        # What the picture shows, not its size in pixels: the size follows the
        # font's text metrics, which change with matplotlib's version and the
        # machine, and a notebook prints this line under every picture.
        return (f"<GraphPicture: {len(self.layout.nodes)} nodes in "
                f"{len(self.layout.layers)} layers>")


def draw_graph(node, session=None, feed_dict=None, loss=None, highlight=(), title=None,
               dpi=100):
    """Draw the graph that `node` depends on, left to right.

    Placeholders, variables, constants and operations each have their own
    shape and colour (see the legend). Every node shows its name, and an
    operation its type unless the name says it already.

    Args:
        node: a node, or a list of nodes; everything they depend on is drawn.
        session: when given (or when `feed_dict` or `loss` is), each node also
            shows its value: a number, a short list, or its mean and shape.
        feed_dict: the values of the placeholders, as for `Session.run`.
        loss: when given, each node the loss depends on also shows its
            gradient d loss / d node, computed with `minidl.gradients` in the
            same run. The graph itself is left unchanged.
        highlight: nodes to outline in red.
        title: a line written above the graph.
        dpi: pixels per inch of the PNG (100 by default).

    Returns:
        A GraphPicture: Jupyter shows it; `.save("graph.png")` writes it.
    """
    layout = graph_layout(node)
    nodes = [laid_out.node for laid_out in layout.nodes]
    values, grads = {}, {}
    if session is not None or feed_dict is not None or loss is not None:
        session = session or Session(nodes[0].graph)
        values, grads = values_and_gradients(nodes, session, feed_dict, loss)
    labels = {x.name: node_label(x, values.get(x), grads.get(x)) for x in nodes}
    notes = [(f"grad = d {loss.name} / d node", "grad")] if grads else []
    highlight = highlight if isinstance(highlight, (list, tuple)) else [highlight]
    figure = render(layout, labels, highlight_nodes={x.name for x in highlight},
                    title=title, notes=notes, dpi=dpi)
    return GraphPicture(figure, layout)
