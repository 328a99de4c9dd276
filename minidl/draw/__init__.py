"""Pictures of graphs and of backpropagation, drawn with matplotlib alone.

- `graph_layout(node)`: where each node goes, as plain data (layout.py).
- `draw_graph(node, ...)`: the picture, shown inline by Jupyter (picture.py),
  drawn by render.py with the text of text.py.
- `draw_expression(output, inputs_of, lines_of)`: the same kind of picture for an
  expression another engine recorded, such as chapter 5c's scalars (expression.py).
- `backprop_trace(loss, x, feed_dict)`: the reverse walk, step by step, as a
  table and as pictures (trace.py).
"""
from ..optional import require

require("minidl.draw", "matplotlib")

from .expression import draw_expression
from .layout import GraphLayout, graph_layout
from .picture import GraphPicture, draw_graph
from .trace import BackpropTrace, backprop_trace

__all__ = ["BackpropTrace", "GraphLayout", "GraphPicture", "backprop_trace", "draw_expression",
           "draw_graph", "graph_layout"]
