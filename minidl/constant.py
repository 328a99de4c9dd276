"""Constants: nodes whose value is fixed when the graph is built."""
import numpy as np

from .dtypes import as_dtype
from .graph import Node, get_default_graph


class Constant(Node):
    """A node that always has the same value.

    Attributes:
        value: the NumPy array this node stands for.
    """

    def __init__(self, value, dtype=None, name=None, graph=None):
        self.value = np.array(value, dtype=as_dtype(dtype))
        super().__init__(graph or get_default_graph(), name,
                         dtype=self.value.dtype, shape=self.value.shape)

    def compute(self):
        """A constant's value in a run is always the same."""
        return self.value


def constant(value, dtype=None, name=None):
    """A fixed value in the graph (`tf.constant`). Python floats become float64."""
    return Constant(value, dtype, name)
