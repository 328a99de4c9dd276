"""Seeing that a network was trained: what a training exercise's check asks
beyond accuracy.

A rule written by hand (the sign of x1 x2 for XOR) or a nearest-neighbour
lookup can label points well without any network. So the check notes every
`Session.run` the answer makes (`refusing(..., runs=...)`) and asks three
things of the labels it returns: that a run of a minidl graph gave them, that
the trainable variables they depend on changed during training, and that
putting those variables back to their initial values changes the labels.
"""
import numpy as np

from ..session import Session
from ..traversal import topological_order
from ..variable import Variable
from .feedback import expect


def _pairs(fetches, values):
    """(node, value) for every node in a run's (nested) fetches."""
    if isinstance(fetches, dict):
        return [pair for key in fetches for pair in _pairs(fetches[key], values[key])]
    if isinstance(fetches, (list, tuple)):
        return [pair for f, v in zip(fetches, values) for pair in _pairs(f, v)]
    return [(fetches, values)]


def _gives(values, labels):
    """Whether `labels` is the values (one array per run, in order) joined,
    their argmax, or their threshold at 0.5 or 0."""
    values = [np.asarray(v) for v in values]
    if any(v.dtype.kind not in "biuf" or v.ndim == 0 for v in values):
        return False
    value = np.concatenate([v.reshape(len(v), -1) for v in values])
    if len(value) != len(labels):
        return False
    readings = [value, value.argmax(axis=1), value > 0.5, value > 0]
    return any(r.size == labels.size and np.array_equal(r.reshape(labels.shape), labels)
               for r in readings)


def _source(runs, labels):
    """(node, feeds) of the last runs of one node whose values, joined, give
    `labels` (one run, or one per batch), or None."""
    by_node = {}
    for fetches, feed, values in runs:
        for node, value in _pairs(fetches, values):
            by_node.setdefault(node, []).append((feed, value))
    for node, results in by_node.items():
        for start in range(len(results) - 1, -1, -1):
            if _gives([value for _, value in results[start:]], labels):
                return node, [feed for feed, _ in results[start:]]
    return None


def trained_network(runs, labels, what):
    """Fail unless `labels` came from runs of a graph whose trained variables
    they depend on (see the module's docstring)."""
    source = _source(runs, labels)
    expect(source is not None, f"the labels {what} returns should come from running your "
           f"trained network in a session, e.g. session.run(tf.argmax(logits, axis=1), "
           f"feed_dict=...); no session.run it made gave them. A rule or a lookup written in "
           f"NumPy is not a network that learned.")
    node, feeds = source
    variables = [v for v in topological_order([node]) if isinstance(v, Variable) and v.trainable]
    trained = [v for v in variables if not np.array_equal(v.value, v.initial_value)]
    expect(trained, f"the labels {what} returns come from '{node.name}', which depends on "
           + (f"the variables {', '.join(v.name for v in variables)}, but none of them "
              f"changed: run the optimizer's training step before predicting." if variables
              else "no trainable variable: predict with the network's weights, tf.Variables "
                   "that training changes."))
    learned = [v.value for v in trained]
    try:
        for v in trained:
            v.value = v.initial_value
        with Session(node.graph) as session, np.errstate(all="ignore"):
            untrained = [session.run(node, feed) for feed in feeds]
    finally:
        for v, value in zip(trained, learned):
            v.value = value
    expect(not _gives(untrained, labels), f"the labels {what} returns stay the same when the "
           f"variables training changed ({', '.join(v.name for v in trained)}) are put back to "
           f"their initial values: they do not depend on what the network learned.")
