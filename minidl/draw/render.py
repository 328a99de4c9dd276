"""Drawing a GraphLayout with matplotlib: boxes, labels, curved arrows, legend.

Everything is measured in points (1/72 inch): the axes span the whole
figure with one data unit per point, so text sizes, box sizes and positions
share one unit. A figure is built with `matplotlib.figure.Figure` directly,
never through pyplot, so no window opens and nothing is shown twice in Jupyter.
"""
from functools import lru_cache

from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch, Polygon
from matplotlib.path import Path

from .layout import NODE_KINDS

FONTS = {"name": FontProperties(size=9, weight="bold"),
         "type": FontProperties(size=8, style="italic"),
         "value": FontProperties(size=8),
         "grad": FontProperties(size=8),
         "legend": FontProperties(size=8),
         "edge": FontProperties(size=7),
         "title": FontProperties(size=11, weight="bold")}
TEXT_COLORS = {"name": "#111111", "type": "#555555", "value": "#1f4e79", "grad": "#a61c1c",
               "legend": "#333333", "title": "#111111", "edge": "#4d5660"}

# How each kind of node looks: (fill, border, what the legend says).
KIND_STYLES = {
    "placeholder": ("#fde3c0", "#c8741a", "placeholder (fed)"),
    "variable": ("#d3eedb", "#2b8a4b", "variable"),
    "constant": ("#e9e9e9", "#7a7a7a", "constant"),
    "operation": ("#d9e7f7", "#3a70b0", "operation"),
}
HIGHLIGHT_COLOR = "#d62728"
EDGE_COLOR = "#7d8792"

LINE_SPACING = 1.25  # a line of text takes this many times its font size
PAD_X, PAD_Y = 7.0, 4.0  # room between the text and the border of a box
SLANT = 0.35  # a placeholder's parallelogram leans by this fraction of its height
COLUMN_GAP = 38.0  # horizontal room for the edges between two layers
ROW_GAP = 12.0  # vertical room between two nodes of a layer
MARGIN = 12.0
PORT_SPACING = 7.0  # distance between the arrival points of an operation's inputs
LONG_EDGE_BENDS = 3  # an edge crossing this many layers is labelled with its source


def render(layout, labels, highlight_nodes=(), backward_edges=(), title=None,
           notes=(), dpi=100):
    """A matplotlib Figure showing `layout`.

    Args:
        layout: a GraphLayout.
        labels: {node name: [(text, style), ...]}, the lines written on each
            node (see labels.node_label).
        highlight_nodes: names of nodes to outline in red.
        backward_edges: (source, target, input_index) of edges a gradient is
            sent back along: drawn in red, the arrow pointing to the source.
        title: a line written above the graph.
        notes: extra (text, style) items for the legend, like what 'grad' means.
        dpi: pixels per inch of the PNG.
    """
    boxes = {name: _box_size(lines) for name, lines in labels.items()}
    columns = _Columns(layout, boxes)
    row_height = max(height for _, height in boxes.values()) + ROW_GAP
    rows = max(node.position[1] for node in layout.nodes) + 1
    header = _header_height(title)
    width = max(columns.total_width, _header_width(layout, notes, title) + 2 * MARGIN)
    height = rows * row_height + header + 2 * MARGIN

    figure = Figure(figsize=(width / 72, height / 72), dpi=dpi)
    FigureCanvasAgg(figure)
    axes = figure.add_axes((0, 0, 1, 1))
    axes.set_xlim(0, width)
    axes.set_ylim(0, height)
    axes.set_axis_off()

    def row_y(row):
        """The figure's y (growing upwards) of a layout row (counted downwards)."""
        return height - MARGIN - header - row_height / 2 - row * row_height

    centers = {node.name: (columns.centers[node.layer], row_y(node.position[1]))
               for node in layout.nodes}
    for edge in layout.edges:
        backward = (edge.source, edge.target, edge.input_index) in backward_edges
        _draw_edge(axes, edge, layout, centers, boxes, columns, row_y, backward)
        if len(edge.route) - 2 >= LONG_EDGE_BENDS:
            _label_long_edge(axes, edge, columns, row_y)
    for node in layout.nodes:
        _draw_node(axes, node.kind, centers[node.name], boxes[node.name], labels[node.name],
                   node.name in highlight_nodes)
    _draw_header(axes, layout, title, notes, height - MARGIN)
    return figure


@lru_cache(maxsize=4096)
def _text_width(text, style):
    """The width of `text` in points, as matplotlib will draw it."""
    width, _, _ = _MEASURING_RENDERER.get_text_width_height_descent(
        text, FONTS[style], ismath=False)
    return width


_MEASURING_RENDERER = RendererAgg(1, 1, 72)  # at 72 dpi, a pixel is a point


def _line_height(style):
    return FONTS[style].get_size_in_points() * LINE_SPACING


def _box_size(lines):
    text = max(_text_width(text, style) for text, style in lines)
    return text + 2 * PAD_X, sum(_line_height(style) for _, style in lines) + 2 * PAD_Y


class _Columns:
    """The horizontal extent of each layer: as wide as its widest node."""

    def __init__(self, layout, boxes):
        self.widths = [max(_outline_width(layout.node(name).kind, boxes[name])
                           for name in names) for names in layout.layers]
        self.centers, left = [], MARGIN
        for width in self.widths:
            self.centers.append(left + width / 2)
            left += width + COLUMN_GAP
        self.total_width = left - COLUMN_GAP + MARGIN

    def left(self, layer):
        return self.centers[layer] - self.widths[layer] / 2

    def right(self, layer):
        return self.centers[layer] + self.widths[layer] / 2


def _outline_width(kind, box):
    width, height = box
    return width + SLANT * height if kind == "placeholder" else width


def _draw_node(axes, kind, center, box, lines, highlighted):
    fill, border, _ = KIND_STYLES[kind]
    border = HIGHLIGHT_COLOR if highlighted else border
    linewidth = 2.6 if highlighted else 1.2
    axes.add_artist(_outline(kind, center, box, fill, border, linewidth))
    x, y = center
    top = y + box[1] / 2 - PAD_Y
    for text, style in lines:
        line_height = _line_height(style)
        _write(axes, x, top - line_height / 2, text, style)
        top -= line_height


def _outline(kind, center, box, fill, border, linewidth):
    """The shape of a node: a parallelogram for a placeholder (the flowchart
    sign for an input), a rectangle for a variable, a rectangle with rounded
    corners for a constant, a rectangle with rounder corners for an operation."""
    (x, y), (width, height) = center, box
    style = dict(facecolor=fill, edgecolor=border, linewidth=linewidth, zorder=2)
    if kind == "placeholder":
        lean = SLANT * height / 2
        corners = [(x - width / 2 - lean, y - height / 2), (x + width / 2 - lean, y - height / 2),
                   (x + width / 2 + lean, y + height / 2), (x - width / 2 + lean, y + height / 2)]
        return Polygon(corners, closed=True, **style)
    return FancyBboxPatch((x - width / 2, y - height / 2), width, height,
                          boxstyle=f"round,pad=0,rounding_size={_rounding(kind, height)}",
                          **style)


def _rounding(kind, height):
    """The radius of a node's rounded corners (a placeholder has none)."""
    return {"constant": 4.0, "operation": min(height / 2, 11.0)}.get(kind, 0.0)


def _draw_edge(axes, edge, layout, centers, boxes, columns, row_y, backward):
    """A curve from the right of the source, through each bend, to the left of
    the target: an S-curve between two layers, straight across a bend's layer."""
    source, target = layout.node(edge.source), layout.node(edge.target)
    (source_x, source_y), (target_x, target_y) = centers[edge.source], centers[edge.target]
    port_y = target_y + _port_offset(edge.input_index, len(target.node.inputs),
                                     boxes[edge.target][1])
    start = source_x + _half_width_at(source.kind, boxes[edge.source], 0)
    end = target_x - _half_width_at(target.kind, boxes[edge.target], port_y - target_y)
    bends = [(columns.left(layer), columns.right(layer), row_y(y))
             for layer, y in edge.route[1:-1]]
    vertices, codes = [(start, source_y)], [Path.MOVETO]
    for left, right, y in bends + [(end, None, port_y)]:
        x0, y0 = vertices[-1]
        middle = (x0 + left) / 2
        vertices += [(middle, y0), (middle, y), (left, y)]
        codes += [Path.CURVE4] * 3
        if right is not None:
            vertices.append((right, y))
            codes.append(Path.LINETO)
    color, width, arrow = (HIGHLIGHT_COLOR, 2.2, "<|-") if backward else (EDGE_COLOR, 1.0, "-|>")
    axes.add_artist(FancyArrowPatch(path=Path(vertices, codes), arrowstyle=arrow,
                                   mutation_scale=9, color=color, linewidth=width,
                                   shrinkA=0, shrinkB=0, zorder=3 if backward else 1))


def _label_long_edge(axes, edge, columns, row_y):
    """The source's name written on the edge just before it reaches its
    target, so a long edge can be read without following it back."""
    layer, y = edge.route[-2]
    _write(axes, columns.centers[layer], row_y(y) + 1.5, edge.source, "edge", va="bottom")


def _half_width_at(kind, box, offset):
    """How far a node's border is from its center, `offset` above (or below)
    its middle height: less than half its width next to a rounded corner."""
    width, height = box
    radius = _rounding(kind, height)
    into_corner = min(max(abs(offset) - (height / 2 - radius), 0.0), radius)
    return width / 2 - radius + (radius ** 2 - into_corner ** 2) ** 0.5


def _port_offset(input_index, input_count, box_height):
    """Where input number `input_index` arrives on the target's left side:
    the first input highest, all of them within the box."""
    spacing = min(PORT_SPACING, (box_height - 4) / max(input_count, 1))
    return ((input_count - 1) / 2 - input_index) * spacing


def _header_height(title):
    return (_line_height("title") if title else 0) + _line_height("legend") + 14


LEGEND_SAMPLE = 24.0  # room for a sample node before the legend text
LEGEND_GAP = 14.0  # room between two legend entries


def _legend_entries(layout, notes):
    """(kind or None, text, style) for each legend entry: one per kind of node
    in the layout, then the notes."""
    kinds = [kind for kind in NODE_KINDS if any(node.kind == kind for node in layout.nodes)]
    return ([(kind, KIND_STYLES[kind][2], "legend") for kind in kinds]
            + [(None, text, style) for text, style in notes])


def _legend_entry_width(kind, text, style):
    return (LEGEND_SAMPLE if kind else 0) + _text_width(text, style) + LEGEND_GAP


def _header_width(layout, notes, title):
    legend = sum(_legend_entry_width(*entry) for entry in _legend_entries(layout, notes))
    return max(legend, _text_width(title, "title") if title else 0)


def _draw_header(axes, layout, title, notes, top):
    """The title, then one row of legend: a sample of each kind of node drawn,
    and the notes."""
    if title:
        _write(axes, MARGIN, top - _line_height("title") / 2, title, "title", ha="left")
        top -= _line_height("title")
    x, y = MARGIN, top - _line_height("legend") / 2 - 4
    for kind, text, style in _legend_entries(layout, notes):
        if kind:
            fill, border, _ = KIND_STYLES[kind]
            axes.add_artist(_outline(kind, (x + 10, y), (16, 10), fill, border, 1.0))
        _write(axes, x + (LEGEND_SAMPLE if kind else 0), y, text, style, ha="left")
        x += _legend_entry_width(kind, text, style)


def _write(axes, x, y, text, style, ha="center", va="center_baseline"):
    """Text in one of the FONTS, taken literally (a `$` is not math)."""
    axes.text(x, y, text, fontproperties=FONTS[style], color=TEXT_COLORS[style],
              ha=ha, va=va, parse_math=False)
