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
from .feedback import fail


def _pairs(fetches, values):
    """(node, value) for every node in a run's (nested) fetches."""
    if isinstance(fetches, dict):
        return [pair for key in fetches for pair in _pairs(fetches[key], values[key])]
    if isinstance(fetches, (list, tuple)):
        return [pair for f, v in zip(fetches, values) for pair in _pairs(f, v)]
    return [(fetches, values)]


def _gives(value, labels):
    """Whether `labels` is `value` itself, its argmax, or its threshold at 0.5 or 0."""
    value = np.asarray(value)
    if value.dtype.kind not in "biuf" or value.ndim == 0 or len(value) != len(labels):
        return False
    readings = [value, value.reshape(len(labels), -1).argmax(axis=1),
                value.reshape(-1) > 0.5, value.reshape(-1) > 0]
    return any(np.shape(r) == labels.shape and np.array_equal(r, labels) for r in readings)


def trained_network(runs, labels, what):
    """Fail unless `labels` came from a run of a graph whose trained variables
    they depend on (see the module's docstring)."""
    found = [(node, feed) for fetches, feed, values in reversed(runs)
             for node, value in _pairs(fetches, values) if _gives(value, labels)]
    if not found:
        fail(f"the labels {what} returns should come from running your trained network "
             f"in a session, e.g. session.run(tf.argmax(logits, axis=1), feed_dict=...); "
             f"no session.run it made gave them. A rule or a lookup written in NumPy "
             f"is not a network that learned.")
    node, feed = found[0]
    variables = [v for v in topological_order([node])
                 if isinstance(v, Variable) and v.trainable]
    trained = [v for v in variables if not np.array_equal(v.value, v.initial_value)]
    if not trained:
        fail(f"the labels {what} returns come from '{node.name}', which depends on "
             + (f"the variables {', '.join(v.name for v in variables)}, but none of them "
                f"changed: run the optimizer's training step before predicting."
                if variables else "no trainable variable: predict with the network's "
                                  "weights, tf.Variables that training changes."))
    learned = [v.value for v in trained]
    try:
        for v in trained:
            v.value = v.initial_value
        untrained = Session(node.graph).run(node, feed)
    finally:
        for v, value in zip(trained, learned):
            v.value = value
    if _gives(untrained, labels):
        fail(f"the labels {what} returns stay the same when the variables training "
             f"changed ({', '.join(v.name for v in trained)}) are put back to their "
             f"initial values: they do not depend on what the network learned.")
