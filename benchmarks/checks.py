"""Checks that the implementations being timed compute the same thing."""
import numpy as np

import minidl
from minidl.traversal import topological_order
from minidl.variable import VariableUpdate


def largest_difference(trainer, reference, steps):
    """The largest difference between the weights of two fresh trainers after
    `steps` training steps each."""
    for _ in range(steps):
        trainer.step()
        reference.step()
    return max(float(np.max(np.abs(mine - theirs)))
               for mine, theirs in zip(trainer.weights(), reference.weights()))


def dtypes_in_a_step(trainer):
    """The dtypes of the values a minidl training step computes, with the nodes
    that have them: {dtype name: [node names]}, the new values of the
    variables included. A float32 network should compute float32 values only."""
    step_nodes = [node for node in topological_order(trainer.fetches)
                  if not isinstance(node, VariableUpdate)]
    session = minidl.Session(trainer.graph)
    found = {}
    for node, value in zip(step_nodes, session.run(step_nodes, trainer.feed)):
        found.setdefault(np.asarray(value).dtype.name, []).append(node.name)
    trainer.step()
    for value in trainer.weights():
        found.setdefault(value.dtype.name, []).append("(a variable's new value)")
    return found
