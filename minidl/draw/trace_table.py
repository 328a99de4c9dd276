"""A BackpropTrace written out: as a Markdown table (what Jupyter shows) and as
plain text (what `print` shows). Numbers are summarized the same way in both,
so the output is the same on every run."""
from .summary import summarize


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
