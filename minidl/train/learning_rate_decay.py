"""Learning rates that change as training goes on, counted by the global step."""
import numpy as np

from ..graph import get_default_graph
from ..operation import Operation
from ..variable import Variable


def get_global_step(graph=None):
    """The graph's global step variable (named `global_step`), or None."""
    graph = graph or get_default_graph()
    return next((v for v in graph.variables if v.name == "global_step"), None)


def get_or_create_global_step(graph=None):
    """The graph's global step, a non-trainable int64 variable starting at 0
    that `minimize(loss, global_step=...)` adds 1 to at each step
    (`tf.train.get_or_create_global_step`)."""
    graph = graph or get_default_graph()
    step = get_global_step(graph)
    if step is None:
        with graph.as_default():
            step = Variable(0, dtype=np.int64, name="global_step", trainable=False)
    return step


class ExponentialDecay(Operation):
    """learning_rate * decay_rate ** (global_step / decay_steps), with the
    exponent rounded down when `staircase` (the rate then drops every
    decay_steps steps). Nothing flows back: a step count has no gradient."""

    def __init__(self, learning_rate, global_step, decay_steps, decay_rate, staircase,
                 name=None):
        if decay_steps <= 0:
            raise ValueError(f"exponential_decay needs decay_steps > 0, got {decay_steps}")
        self.learning_rate, self.decay_steps = learning_rate, decay_steps
        self.decay_rate, self.staircase = decay_rate, staircase
        super().__init__([global_step], name)

    def infer_shape_and_dtype(self, input_shapes, input_dtypes):
        return (), np.dtype(np.float64)

    def compute(self, global_step):
        exponent = np.asarray(global_step, dtype=np.float64) / self.decay_steps
        if self.staircase:
            exponent = np.floor(exponent)
        return self.learning_rate * self.decay_rate ** exponent

    def gradient(self, grad):
        return [None]


def exponential_decay(learning_rate, global_step, decay_steps, decay_rate, staircase=False,
                      name=None):
    """A learning rate that decays by `decay_rate` every `decay_steps` steps of
    `global_step` (`tf.train.exponential_decay`); give it to an optimizer and
    pass `global_step=` to `minimize`, so each step counts."""
    return ExponentialDecay(learning_rate, global_step, decay_steps, decay_rate, staircase,
                            name)
