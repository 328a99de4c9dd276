"""Where each node of a graph goes in a picture: in layers, from the inputs to
the outputs (drawn left to right, or top to bottom when that is too wide).

The layout is plain data, worked out before anything is drawn, so it can be
read and tested on its own. It is the classic way of drawing a layered graph
(Sugiyama's), in four steps:

1. Layers, counted back from the outputs: a node goes in the layer just
   before its earliest consumer (the drawn targets, which have none, go last).
   Every input is then in an earlier layer than its consumer, so every edge
   points forwards, and a variable or a constant sits next to the operation
   that uses it instead of at the far left.
2. Bends. An edge that skips layers gets a bend point in every layer it
   passes, so it can be drawn between the nodes there rather than through them.
3. Order within each layer. Sweeping left to right and back, every node (and
   bend) moves to the mean position of its neighbours in the layer before:
   the barycenter heuristic, which undoes most edge crossings. The order with
   the fewest crossings seen is kept.
4. Heights. Each node is pulled to the mean height of its neighbours while
   keeping its order and its distance from the nodes above and below, so most
   edges run nearly straight.
"""
from bisect import bisect_right, insort

from ..constant import Constant
from ..graph import Node
from ..placeholder import Placeholder
from ..traversal import topological_order
from ..variable import Variable

NODE_KINDS = ("placeholder", "variable", "constant", "operation")

ORDERING_SWEEPS = 4
HEIGHT_PASSES = 6
BEND_HEIGHT = 0.2  # a bend needs this fraction of the room of a node (1 row)


def node_kind(node):
    """'placeholder', 'variable', 'constant' or 'operation'."""
    for kind, node_class in (("placeholder", Placeholder), ("variable", Variable),
                             ("constant", Constant)):
        if isinstance(node, node_class):
            return kind
    return "operation"


class LaidOutNode:
    """One node's place in a layout.

    Attributes:
        name, kind, type: the node's name, its kind (see NODE_KINDS) and class.
        layer: its column, counted from 0 at the left.
        position: (x, y) with x the layer and y the row, counted downwards
            from 0 (rows may be fractional: nodes are pulled to their neighbours).
        node: the graph node itself.
    """

    def __init__(self, node, layer, position):
        self.node = node
        self.name, self.kind, self.type = node.name, node_kind(node), node.type
        self.layer, self.position = layer, position

    def __repr__(self):
        x, y = self.position
        return (f"LaidOutNode({self.name!r}, kind={self.kind!r}, type={self.type!r}, "
                f"layer={self.layer}, position=({x}, {y:.2f}))")


class LaidOutEdge:
    """One edge: the value of `source` flowing into `target`.

    Attributes:
        source, target: node names.
        input_index: which of the target's inputs this is (0 for the first).
            `a + a` gives two edges between the same nodes, with indices 0 and 1.
        route: the points the edge passes, from the source's position through
            one bend per skipped layer to the target's position.
    """

    def __init__(self, source, target, input_index, route):
        self.source, self.target = source, target
        self.input_index, self.route = input_index, route

    def __repr__(self):
        return (f"LaidOutEdge({self.source!r} -> {self.target!r}, "
                f"input_index={self.input_index}, bends={len(self.route) - 2})")


class GraphLayout:
    """The layout of the nodes some targets depend on (see `graph_layout`).

    Attributes:
        nodes: LaidOutNode for every node, in topological order (inputs first).
        edges: LaidOutEdge for every (input, consumer) pair, one per input slot.
        layers: the node names of each layer, top to bottom.
    """

    def __init__(self, nodes, edges, layers):
        self.nodes, self.edges, self.layers = nodes, edges, layers
        self._by_name = {laid_out.name: laid_out for laid_out in nodes}

    def node(self, name):
        """The LaidOutNode called `name`."""
        return self._by_name[name]

    def __repr__(self):
        return (f"<GraphLayout: {len(self.nodes)} nodes in {len(self.layers)} layers, "
                f"{len(self.edges)} edges>")


def graph_layout(nodes):
    """Lay out the graph that `nodes` (a node or a list of nodes) depend on.

    Returns:
        A GraphLayout: plain data saying in which layer and at which height
        each node goes, and by which points each edge travels.
    """
    order = topological_order(_checked_targets(nodes))
    layer_of = _layers_from_the_outputs(order)
    rows = [[] for _ in range(max(layer_of.values()) + 1)]
    for node in order:
        rows[layer_of[node]].append(node)
    chains = _edge_chains(order, layer_of, rows)
    above, below = _neighbours(chains)
    rows = _fewest_crossings_order(rows, above, below)
    height = _heights(rows, above, below)
    laid_out = [LaidOutNode(node, layer_of[node], (layer_of[node], height[node]))
                for node in order]
    edges = [LaidOutEdge(chain[0].name, chain[-1].name, input_index,
                         [(_layer(item, layer_of), height[item]) for item in chain])
             for chain, input_index in chains]
    layers = [[item.name for item in row if not isinstance(item, _Bend)] for row in rows]
    return GraphLayout(laid_out, edges, layers)


def _checked_targets(nodes):
    """`nodes` as a non-empty list of nodes of one graph, or a clear error."""
    targets = list(nodes) if isinstance(nodes, (list, tuple)) else [nodes]
    if not targets:
        raise ValueError("nothing to lay out: give a node or a list of nodes")
    for target in targets:
        if not isinstance(target, Node):
            raise TypeError(f"only minidl nodes can be laid out and drawn, not {target!r}")
    other = next((x for x in targets if x.graph is not targets[0].graph), None)
    if other is not None:
        raise ValueError(f"'{targets[0].name}' and '{other.name}' belong to different "
                         f"graphs: draw one graph at a time")
    return targets


def _layers_from_the_outputs(order):
    """Steps to the end = 1 + the most steps any consumer has (0 without
    consumers in the drawing); layer = the deepest node's steps - the node's."""
    steps, drawn = {}, set(order)
    for node in reversed(order):
        steps[node] = 1 + max((steps[c] for c in node.consumers if c in drawn), default=-1)
    deepest = max(steps.values())
    return {node: deepest - steps[node] for node in order}


class _Bend:
    """Where an edge that skips layers crosses one of them."""

    def __init__(self, layer):
        self.layer = layer


def _layer(item, layer_of):
    return item.layer if isinstance(item, _Bend) else layer_of[item]


def _edge_chains(order, layer_of, rows):
    """Every edge as a chain [source, bend, ..., target] with one item per
    layer, paired with its input index; the bends join their layer's row."""
    chains = []
    for node in order:
        for input_index, source in enumerate(node.inputs):
            bends = [_Bend(layer) for layer in range(layer_of[source] + 1, layer_of[node])]
            for bend in bends:
                rows[bend.layer].append(bend)
            chains.append(([source, *bends, node], input_index))
    return chains


def _neighbours(chains):
    """For every item, its neighbours in the layer before (above) and after (below)."""
    above, below = {}, {}
    for chain, _ in chains:
        for left, right in zip(chain, chain[1:]):
            below.setdefault(left, []).append(right)
            above.setdefault(right, []).append(left)
    return above, below


def _fewest_crossings_order(rows, above, below):
    """Barycenter sweeps, alternately left to right and right to left."""
    best, best_crossings = [list(row) for row in rows], _crossings(rows, below)
    for _ in range(ORDERING_SWEEPS):
        for layer in range(1, len(rows)):
            rows[layer] = _by_barycenter(rows[layer], rows[layer - 1], above)
        for layer in range(len(rows) - 2, -1, -1):
            rows[layer] = _by_barycenter(rows[layer], rows[layer + 1], below)
        crossings = _crossings(rows, below)
        if crossings < best_crossings:
            best, best_crossings = [list(row) for row in rows], crossings
    return best


def _by_barycenter(row, fixed_row, neighbours):
    """`row` sorted by the mean position of each item's neighbours in
    `fixed_row`; an item without neighbours there keeps its position."""
    position = {item: index for index, item in enumerate(fixed_row)}

    def barycenter(index_and_item):
        index, item = index_and_item
        linked = [position[other] for other in neighbours.get(item, ()) if other in position]
        return (sum(linked) / len(linked) if linked else index, index)

    return [item for _, item in sorted(enumerate(row), key=barycenter)]


def _crossings(rows, below):
    """How many pairs of edge segments cross, over all pairs of adjacent layers."""
    total = 0
    for row, next_row in zip(rows, rows[1:]):
        next_position = {item: index for index, item in enumerate(next_row)}
        segments = sorted((index, next_position[other])
                          for index, item in enumerate(row) for other in below.get(item, ()))
        seen = []
        for _, end in segments:
            total += len(seen) - bisect_right(seen, end)
            insort(seen, end)
    return total


def _heights(rows, above, below):
    """A row coordinate for every item: neighbours pulled level, order kept,
    nodes at least 1 apart and bends at least BEND_HEIGHT from anything."""
    height = {}
    for row in rows:
        stacked = _stack(row, [0.0] * len(row))
        middle = (stacked[0] + stacked[-1]) / 2
        height.update((item, y - middle) for item, y in zip(row, stacked))
    for sweep in range(HEIGHT_PASSES):
        forward = sweep % 2 == 0
        layers = range(1, len(rows)) if forward else range(len(rows) - 2, -1, -1)
        for layer in layers:
            row = rows[layer]
            wanted = [_mean_height(item, above if forward else below, height) for item in row]
            height.update(zip(row, _stack(row, wanted)))
    lowest = min(height.values())
    return {item: y - lowest for item, y in height.items()}


def _mean_height(item, neighbours, height):
    linked = [height[other] for other in neighbours.get(item, ())]
    return sum(linked) / len(linked) if linked else height[item]


def _room(item):
    return BEND_HEIGHT if isinstance(item, _Bend) else 1.0


def _stack(row, wanted):
    """Heights as close to `wanted` as the spacing allows, in the row's order:
    the mean of pushing everything down from the top and up from the bottom
    (both keep the spacing, so their mean does too)."""
    gaps = [(_room(upper) + _room(lower)) / 2 for upper, lower in zip(row, row[1:])]
    down = list(wanted)
    for i, gap in enumerate(gaps):
        down[i + 1] = max(wanted[i + 1], down[i] + gap)
    up = list(wanted)
    for i in range(len(gaps) - 1, -1, -1):
        up[i] = min(wanted[i], up[i + 1] - gaps[i])
    return [(d + u) / 2 for d, u in zip(down, up)]
