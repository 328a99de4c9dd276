"""Pictures of graphs, drawn with matplotlib alone.

- `graph_layout(node)`: where each node goes, as plain data (layout.py).
- `draw_graph(node, ...)`: the picture, shown inline by Jupyter (picture.py).
"""
from .layout import GraphLayout, graph_layout
from .picture import GraphPicture, draw_graph

__all__ = ["GraphLayout", "GraphPicture", "draw_graph", "graph_layout"]
