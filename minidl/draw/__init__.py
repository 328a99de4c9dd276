"""Pictures of graphs and of backpropagation, drawn with matplotlib alone.

- `graph_layout(node)`: where each node goes, as plain data (layout.py).
- `draw_graph(node, ...)`: the picture, shown inline by Jupyter (picture.py),
  drawn by render.py with the text of text.py.
- `backprop_trace(loss, x, feed_dict)`: the reverse walk, step by step, as a
  table and as pictures (trace.py).
"""
from ..optional import require

require("minidl.draw", "matplotlib")

from .layout import GraphLayout, graph_layout
from .picture import GraphPicture, draw_graph
from .trace import BackpropTrace, backprop_trace

__all__ = ["BackpropTrace", "GraphLayout", "GraphPicture", "backprop_trace", "draw_graph",
           "graph_layout"]
