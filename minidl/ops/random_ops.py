"""Random numbers inside a graph: new numbers on every run, in a sequence that
the graph-level and op-level seeds fix (see `minidl.random_seed`)."""
import numpy as np

from ..graph import Node, get_default_graph
from ..operation import Operation
from ..random_seed import random_generator


class RandomUniformLike(Operation):
    """Numbers drawn uniformly from [0, 1), in the shape of x (its values are
    not used) and in its dtype when x holds floats.

    Every run draws the next numbers from this operation's own generator, so
    two nodes that read it in one run see the same numbers, and the next run
    sees new ones. The generator is made when the operation is built: unlike
    TensorFlow 1, which starts the sequence again in each new Session, minidl
    carries on where the last run stopped.

    Nothing flows back to x: the numbers do not depend on its values.
    """

    stateful = True  # a new value every run: never computed ahead, never shared

    def __init__(self, x, seed=None, name=None):
        graph = x.graph if isinstance(x, Node) else get_default_graph()
        self.generator = random_generator(seed, graph)
        super().__init__([x], name)

    def infer_shape_and_dtype(self, input_shapes, input_dtypes):
        dtype, = input_dtypes
        if dtype is not None and not np.issubdtype(dtype, np.floating):
            dtype = np.dtype(np.float64)
        return input_shapes[0], dtype

    def compute(self, x):
        numbers = self.generator.random(np.shape(x))
        return numbers.astype(x.dtype) if np.issubdtype(x.dtype, np.floating) else numbers

    def gradient(self, grad):
        return [None]


def random_uniform_like(x, seed=None, name=None):
    """Uniform numbers in [0, 1) shaped like x, new on every run."""
    return RandomUniformLike(x, seed, name)
