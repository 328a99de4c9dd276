"""Drawing a GraphLayout with matplotlib: boxes, labels, curved arrows, legend,
the layers from left to right or, when that would not fit a notebook column,
from top to bottom.

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
PAD_X, PAD_Y = 5.0, 3.0  # room between the text and the border of a box
SLANT = 0.35  # a placeholder's parallelogram leans by this fraction of its height
LAYER_GAP = {"LR": 34.0, "TB": 22.0}  # room for the edges between two layers
NODE_GAP = {"LR": 10.0, "TB": 14.0}  # room between two nodes of a layer
MARGIN = 10.0
PORT_SPACING = 7.0  # distance between the arrival points of an operation's inputs
LONG_EDGE_BENDS = 3  # an edge crossing this many layers is labelled with its source
COLUMN_WIDTH = 900  # pixels: a notebook column, which a left-to-right picture should fit


def render(layout, labels, highlight_nodes=(), backward_edges=(), title=None,
           notes=(), dpi=100, direction=None):
    """A matplotlib Figure showing `layout`.

    Args:
        layout: a GraphLayout.
        labels: {node name: [(text, style), ...]}, the lines written on each
            node (see text.node_label).
        highlight_nodes: names of nodes to outline in red.
        backward_edges: (source, target, input_index) of edges a gradient is
            sent back along: drawn in red, the arrow pointing to the source.
        title: a line written above the graph.
        notes: extra (text, style) items for the legend, like what 'grad' means.
        dpi: pixels per inch of the PNG.
        direction: "LR" draws the layers from left to right, "TB" from top to
            bottom; None picks "LR" when it is at most COLUMN_WIDTH pixels wide.
    """
    boxes = {name: _box_size(lines) for name, lines in labels.items()}
    if direction is None:
        wide = _Frame(layout, boxes, "LR", title, notes).width * dpi / 72 > COLUMN_WIDTH
        direction = "TB" if wide else "LR"
    if direction not in LAYER_GAP:
        raise ValueError(f"direction must be 'LR' (left to right) or 'TB' (top to bottom), "
                         f"not {direction!r}")
    frame = _Frame(layout, boxes, direction, title, notes)
    figure = Figure(figsize=(frame.width / 72, frame.height / 72), dpi=dpi)
    FigureCanvasAgg(figure)
    axes = figure.add_axes((0, 0, 1, 1))
    axes.set_xlim(0, frame.width)
    axes.set_ylim(0, frame.height)
    axes.set_axis_off()
    for edge in layout.edges:
        backward = (edge.source, edge.target, edge.input_index) in backward_edges
        _draw_edge(axes, edge, layout, boxes, frame, backward)
        if len(edge.route) - 2 >= LONG_EDGE_BENDS:
            _label_long_edge(axes, edge, frame)
    for node in layout.nodes:
        _draw_node(axes, node.kind, frame.center(node.layer, node.position[1]),
                   boxes[node.name], labels[node.name], node.name in highlight_nodes)
    _draw_header(axes, layout, title, notes, frame.height - MARGIN)
    return figure


class _Frame:
    """Where things go in the figure, in points. Positions are first worked
    out as (along, across): `along` follows the layers from the inputs to the
    outputs, `across` runs along a layer; `xy` turns them into figure
    coordinates for the direction drawn.

    A layer is as thick as its thickest node; the rows of a layer are as far
    apart as the biggest node is across, plus a gap.
    """

    def __init__(self, layout, boxes, direction, title, notes):
        self.direction = direction
        self.thickness = [max(self.along(layout.node(name).kind, boxes[name]) for name in names)
                          for names in layout.layers]
        self.middles, start = [], MARGIN
        for thickness in self.thickness:
            self.middles.append(start + thickness / 2)
            start += thickness + LAYER_GAP[direction]
        length = start - LAYER_GAP[direction] + MARGIN
        self.pitch = max(self.across(node.kind, boxes[node.name]) for node in layout.nodes) \
            + NODE_GAP[direction]
        rows = max(node.position[1] for node in layout.nodes) + 1
        breadth = rows * self.pitch + 2 * MARGIN
        self.header = _header_height(title)
        graph_width, graph_height = (length, breadth) if direction == "LR" else (breadth, length)
        self.width = max(graph_width, _header_width(layout, notes, title) + 2 * MARGIN)
        self.height = graph_height + self.header

    def along(self, kind, box):
        """How much room a node takes along the flow of the layers."""
        return _outline_width(kind, box) if self.direction == "LR" else box[1]

    def across(self, kind, box):
        """How much room a node takes across the flow, within its layer."""
        return box[1] if self.direction == "LR" else _outline_width(kind, box)

    def row(self, row):
        """The `across` coordinate of a layout row."""
        return MARGIN + self.pitch / 2 + row * self.pitch

    def start(self, layer):
        return self.middles[layer] - self.thickness[layer] / 2

    def end(self, layer):
        return self.middles[layer] + self.thickness[layer] / 2

    def xy(self, along, across):
        """Figure coordinates (y grows upwards) of an (along, across) point."""
        top = self.height - self.header
        return (along, top - across) if self.direction == "LR" else (across, top - along)

    def center(self, layer, row):
        return self.xy(self.middles[layer], self.row(row))


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


def _draw_edge(axes, edge, layout, boxes, frame, backward):
    """A curve from the source's far side, through each bend, to the target's
    near side: an S-curve between two layers, straight across a bend's layer."""
    source, target = layout.node(edge.source), layout.node(edge.target)
    source_across, target_across = frame.row(source.position[1]), frame.row(target.position[1])
    port = _port_offset(edge.input_index, len(target.node.inputs),
                        frame.across(target.kind, boxes[edge.target]))
    start = frame.middles[source.layer] + _border_distance(source.kind, boxes[edge.source],
                                                           0.0, frame.direction)
    end = frame.middles[target.layer] - _border_distance(target.kind, boxes[edge.target],
                                                         port, frame.direction)
    bends = [(frame.start(layer), frame.end(layer), frame.row(row))
             for layer, row in edge.route[1:-1]]
    points, codes = [(start, source_across)], [Path.MOVETO]
    for enter, leave, across in bends + [(end, None, target_across + port)]:
        along, previous = points[-1]
        middle = (along + enter) / 2
        points += [(middle, previous), (middle, across), (enter, across)]
        codes += [Path.CURVE4] * 3
        if leave is not None:
            points.append((leave, across))
            codes.append(Path.LINETO)
    vertices = [frame.xy(along, across) for along, across in points]
    color, width, arrow = (HIGHLIGHT_COLOR, 2.2, "<|-") if backward else (EDGE_COLOR, 1.0, "-|>")
    axes.add_artist(FancyArrowPatch(path=Path(vertices, codes), arrowstyle=arrow,
                                   mutation_scale=9, color=color, linewidth=width,
                                   shrinkA=0, shrinkB=0, zorder=3 if backward else 1))


def _label_long_edge(axes, edge, frame):
    """The source's name written on the edge just before it reaches its
    target, so a long edge can be read without following it back."""
    layer, row = edge.route[-2]
    x, y = frame.xy(frame.middles[layer], frame.row(row))
    if frame.direction == "LR":
        _write(axes, x, y + 1.5, edge.source, "edge", va="bottom")
    else:
        _write(axes, x + 3, y, edge.source, "edge", ha="left")


def _border_distance(kind, box, offset, direction):
    """How far a node's border is from its center along the flow, `offset`
    to the side of its middle: less than half its size next to a rounded corner."""
    width, height = box
    radius = _rounding(kind, height)
    along, across = (width, height) if direction == "LR" else (height, width)
    into_corner = min(max(abs(offset) - (across / 2 - radius), 0.0), radius)
    return along / 2 - radius + (radius ** 2 - into_corner ** 2) ** 0.5


def _port_offset(input_index, input_count, box_across):
    """Where input number `input_index` arrives on the target's near side,
    from its middle: the first input highest (or leftmost), all within the box."""
    spacing = min(PORT_SPACING, (box_across - 4) / max(input_count, 1))
    return (input_index - (input_count - 1) / 2) * spacing


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
