"""Backpropagation, one step at a time: `backprop_trace` records the reverse
walk that `minidl.gradients` makes, with the numbers it computes.

The walk visits the nodes in reverse topological order (every consumer
before the nodes it uses), and at each node it

1. collects one gradient from each edge to a consumer (`a + a` has two
   edges to `a`, so `a` collects two),
2. adds them up: the sum is d loss / d node,
3. sends a gradient along each of its input edges, built by its operation's
   `gradient` method.

The trace is made by the library's own machinery: `gradients` reports every
step through its `on_step` callback, and a session run computes the
numbers. The gradient nodes it builds are taken out of the graph again.
"""
from ..gradients import gradients
from ..session import Session
from ..traversal import topological_order
from .layout import graph_layout
from .picture import GraphPicture
from .render import render
from .text import node_label, summarize, summarize_gradient


class Arrival:
    """A gradient arriving at a node from one consumer, along one edge.

    Attributes:
        source: the consumer's name, or None for the start of the walk (the
            loss receives d loss / d loss = 1).
        input_index: which of the consumer's inputs the edge is.
        value: the gradient (an array).
    """

    def __init__(self, source, input_index, value):
        self.source, self.input_index, self.value = source, input_index, value

    def __repr__(self):
        origin = "start" if self.source is None else f"{self.source}[{self.input_index}]"
        return f"Arrival(from {origin}: {summarize(self.value)})"


class Sent:
    """A gradient a node sends along one of its input edges.

    Attributes:
        target: the input's name.
        input_index: which input it is (0 for the first).
        value: the gradient, or None when the walk needs none there (the
            input leads to none of the nodes differentiated for).
    """

    def __init__(self, target, input_index, value):
        self.target, self.input_index, self.value = target, input_index, value

    def __repr__(self):
        value = "not needed" if self.value is None else summarize(self.value)
        return f"Sent(to {self.target}[{self.input_index}]: {value})"


class BackpropStep:
    """One step of the walk: one node visited.

    Attributes:
        number: 1 for the loss, then 2, 3, ... in the order of the walk.
        node, type: the node's name and class.
        value: the node's value in the forward pass.
        arrivals: the gradients that arrived, one Arrival per edge.
        gradient: their sum, d loss / d node.
        sent: one Sent per input of the node (none for a variable or placeholder).
    """

    def __init__(self, number, node, type, value, arrivals, gradient, sent):
        self.number, self.node, self.type, self.value = number, node, type, value
        self.arrivals, self.gradient, self.sent = arrivals, gradient, sent

    def __repr__(self):
        return (f"BackpropStep({self.number}: {self.node}, {len(self.arrivals)} arrival(s), "
                f"gradient {summarize(self.gradient)})")


class BackpropTrace:
    """The walk of backpropagation from a loss to some nodes (see `backprop_trace`).

    Attributes:
        loss: the loss's name.
        targets: the names of the nodes differentiated for.
        steps: the BackpropSteps, in the order of the walk.
        order: the names of the visited nodes, in that order.
        gradients: {target name: d loss / d target}.

    Jupyter shows it as a table; `print` writes it as text; `draw(number)`
    pictures one step.
    """

    def __init__(self, loss, targets, steps, values):
        self.loss = loss.name
        self.targets = [x.name for x in targets]
        self.steps = steps
        self.order = [step.node for step in steps]
        self.gradients = {step.node: step.gradient for step in steps
                          if step.node in self.targets}
        self._loss_node, self._values = loss, values

    def draw(self, number, dpi=100, direction=None):
        """A picture of the graph at step `number` (as numbered in the table):
        the visited node outlined in red, red arrows back to the inputs it
        sends gradients to, and the gradients of the nodes visited so far."""
        if not 1 <= number <= len(self.steps):
            raise ValueError(f"this trace has steps 1 to {len(self.steps)}, not {number}")
        step = self.steps[number - 1]
        visited = {done.node: done.gradient for done in self.steps[:number]}
        layout = graph_layout(self._loss_node)
        labels = {laid_out.name: node_label(laid_out.node, self._values[laid_out.name],
                                            visited.get(laid_out.name))
                  for laid_out in layout.nodes}
        sending = {(sent.target, step.node, sent.input_index)
                   for sent in step.sent if sent.value is not None}
        sends = "".join(f"; sends {summarize_gradient(sent.value)} to {sent.target}"
                        for sent in step.sent if sent.value is not None)
        title = (f"Step {number} of {len(self.steps)}: {step.node} (red) has "
                 f"d {self.loss} / d {step.node} = {summarize_gradient(step.gradient)}{sends}")
        figure = render(layout, labels, highlight_nodes={step.node}, backward_edges=sending,
                        title=title, notes=[(f"grad = d {self.loss} / d node", "grad"),
                               ("red arrows: gradients sent back to the inputs", "grad")],
                        dpi=dpi, direction=direction)
        return GraphPicture(figure, layout, labels)

    def _repr_markdown_(self):
        return trace_markdown(self)

    def __str__(self):
        return trace_text(self)

    __repr__ = __str__


def backprop_trace(loss, x, feed_dict=None, session=None):
    """Record backpropagation from `loss` to `x`, step by step, with its numbers.

    Args:
        loss: the node differentiated (its sum, if it is not a scalar).
        x: a node, or a list of nodes, to differentiate for: the walk visits
            the nodes on the paths from them to the loss.
        feed_dict: the values of the placeholders, as for `Session.run`.
        session: the session to run; a new one on the loss's graph by default.

    Returns:
        A BackpropTrace: shown as a table in Jupyter, printable, its `steps`
        readable as data, and `draw(number)` pictures one step.
    """
    targets = list(x) if isinstance(x, (list, tuple)) else [x]
    session = session or Session(loss.graph)
    forward = topological_order([loss])
    value_of = dict(zip(forward, session.run(forward, feed_dict)))
    walk = []
    with loss.graph.temporary_nodes():
        totals = gradients(loss, targets, on_step=lambda *step: walk.append(step))
        unreached = [target.name for target, total in zip(targets, totals) if total is None]
        if unreached:
            raise ValueError(f"the loss '{loss.name}' does not depend on {unreached}: "
                             f"there is no path for a gradient to take")
        value_of.update(_run(session, [grad for _, grad, _ in walk]
                             + [sent for _, _, sents in walk for sent in sents], feed_dict))
    steps = _steps(loss, walk, value_of)
    return BackpropTrace(loss, targets, steps, {node.name: value_of[node] for node in forward})


def _run(session, nodes, feed_dict):
    """{node: value} for every node in `nodes` (None entries skipped), from one run."""
    unique = list({id(node): node for node in nodes if node is not None}.values())
    return dict(zip(unique, session.run(unique, feed_dict)))


def _steps(loss, walk, value_of):
    """BackpropSteps from what `gradients` reported: the gradient arriving at a
    node along an edge is the one its consumer sent along that edge."""
    arrivals = {loss: [Arrival(None, None, value_of[walk[0][1]])]}
    steps = []
    for number, (node, grad, input_grads) in enumerate(walk, start=1):
        sent = []
        for index, (input_node, input_grad) in enumerate(zip(node.inputs, input_grads)):
            value = None if input_grad is None else value_of[input_grad]
            sent.append(Sent(input_node.name, index, value))
            if value is not None:
                arrivals.setdefault(input_node, []).append(Arrival(node.name, index, value))
        steps.append(BackpropStep(number, node.name, node.type, value_of[node],
                                  arrivals.pop(node), value_of[grad], sent))
    return steps


# --- the trace written out: a Markdown table (what Jupyter shows) and plain
# text (what `print` shows), numbers summarized the same way in both.
def trace_markdown(trace):
    """The trace as an introduction and a Markdown table, one row per step."""
    rows = [_introduction(trace, "`"), "",
            f"| step | node | value | gradients arriving | d {trace.loss} / d node "
            f"(their sum) | gradients sent to the inputs |",
            "|---:|---|---|---|---|---|"]
    for step in trace.steps:
        arriving = "<br>".join(_arrival(arrival, step, "`") for arrival in step.arrivals)
        sent = "<br>".join(_sent(sent, "`") for sent in step.sent) or "(no inputs)"
        rows.append(f"| {step.number} | `{step.node}` ({step.type}) | {summarize(step.value)} "
                    f"| {arriving} | {_sum(step)} | {sent} |")
    return "\n".join(rows)


def trace_text(trace):
    """The trace as plain text, a few indented lines per step."""
    lines = [_introduction(trace, "")]
    for step in trace.steps:
        lines.append(f"step {step.number}: {step.node} ({step.type}), "
                     f"value {summarize(step.value)}")
        for arrival in step.arrivals:
            lines.append(f"    arriving  {_arrival(arrival, step, '')}")
        lines.append(f"    sum       d {trace.loss} / d {step.node} = {_sum(step)}")
        for sent in step.sent:
            lines.append(f"    sending   {_sent(sent, '')}")
    return "\n".join(lines)


def _introduction(trace, quote):
    targets = ", ".join(f"{quote}{name}{quote}" for name in trace.targets)
    return (f"Backpropagation from {quote}{trace.loss}{quote} to {targets}: "
            f"{len(trace.steps)} step{'' if len(trace.steps) == 1 else 's'}, in reverse "
            f"topological order. Each node adds up "
            f"the gradients arriving along its edges to its consumers, then sends a "
            f"gradient along each of its input edges.")


def _arrival(arrival, step, quote):
    if arrival.source is None:
        return f"start: d {step.node} / d {step.node} = {summarize(arrival.value)}"
    return (f"from {quote}{arrival.source}{quote} (its input {arrival.input_index}): "
            f"{summarize(arrival.value)}")


def _sum(step):
    """The node's gradient; when several arrived, written as their sum
    (means add up like the values do)."""
    total = summarize(step.gradient)
    if len(step.arrivals) == 1:
        return total
    parts = " + ".join(summarize(arrival.value, with_shape=False) for arrival in step.arrivals)
    return f"{parts} = {total}"


def _sent(sent, quote):
    value = ("not needed (leads to no target)" if sent.value is None
             else summarize(sent.value))
    return f"to {quote}{sent.target}{quote} (input {sent.input_index}): {value}"
