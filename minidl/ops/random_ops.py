"""Random numbers inside a graph: new numbers on every run, in a sequence that
the graph-level and op-level seeds fix (see `minidl.random_seed`)."""
import numpy as np

from ..dtypes import as_dtype, float32
from ..graph import Node, get_default_graph
from ..operation import Operation
from ..random_seed import random_generator
from ..shapes import as_shape


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


class RandomOperation(Operation):
    """New random numbers of a fixed `shape` and `dtype` on every run, from
    this operation's own generator (seeded as `minidl.random_seed` says).
    Subclasses say how to draw them (`draw`). Nothing flows back: the numbers
    have no inputs to depend on."""

    stateful = True  # a new value every run: never computed ahead, never shared

    def __init__(self, shape, dtype, seed=None, name=None):
        if isinstance(shape, Node) or any(isinstance(size, Node) for size in np.ravel(shape)):
            raise TypeError(f"{type(self).__name__} needs its shape as numbers when the "
                            f"graph is built (like [784, 256]), not a node such as tf.shape(x)")
        self.random_shape = as_shape(shape)
        self.random_dtype = as_dtype(dtype)
        self.generator = random_generator(seed, get_default_graph())
        super().__init__([], name)

    def infer_shape_and_dtype(self, input_shapes, input_dtypes):
        return self.random_shape, self.random_dtype

    def compute(self):
        return np.asarray(self.draw(self.random_shape), dtype=self.random_dtype)

    def draw(self, shape):
        """Numbers of this `shape`, from `self.generator`."""
        raise NotImplementedError


class RandomNormal(RandomOperation):
    """Draws from the normal distribution N(mean, stddev**2)."""

    def __init__(self, shape, mean, stddev, dtype, seed=None, name=None):
        self.mean, self.stddev = mean, stddev
        super().__init__(shape, dtype, seed, name)

    def draw(self, shape):
        return self.generator.normal(self.mean, self.stddev, shape)


class TruncatedNormal(RandomNormal):
    """Draws from N(mean, stddev**2), drawing again every number that falls
    more than two standard deviations from the mean (as TensorFlow does)."""

    def draw(self, shape):
        numbers = self.generator.normal(self.mean, self.stddev, shape)
        while np.any(far := np.abs(numbers - self.mean) > 2 * self.stddev):
            numbers[far] = self.generator.normal(self.mean, self.stddev, np.count_nonzero(far))
        return numbers


class RandomUniform(RandomOperation):
    """Draws uniformly from [minval, maxval): floats, or integers when the
    dtype is an integer type."""

    def __init__(self, shape, minval, maxval, dtype, seed=None, name=None):
        self.minval, self.maxval = minval, maxval
        super().__init__(shape, dtype, seed, name)

    def draw(self, shape):
        if np.issubdtype(self.random_dtype, np.integer):
            return self.generator.integers(self.minval, self.maxval, shape)
        return self.generator.uniform(self.minval, self.maxval, shape)


def random_normal(shape, mean=0.0, stddev=1.0, dtype=float32, seed=None, name=None):
    """Normal numbers N(mean, stddev**2) of this shape, new on every run
    (`tf.random_normal`). `tf.Variable(tf.random_normal([784, 256], stddev=0.1))`
    starts a weight matrix with them."""
    return RandomNormal(shape, mean, stddev, dtype, seed, name)


def truncated_normal(shape, mean=0.0, stddev=1.0, dtype=float32, seed=None, name=None):
    """Normal numbers within two standard deviations of the mean, new on every
    run (`tf.truncated_normal`)."""
    return TruncatedNormal(shape, mean, stddev, dtype, seed, name)


def random_uniform(shape, minval=0, maxval=None, dtype=float32, seed=None, name=None):
    """Uniform numbers in [minval, maxval), new on every run (`tf.random_uniform`).
    maxval is 1 by default for floats; integers need it given."""
    if maxval is None:
        if np.issubdtype(as_dtype(dtype), np.integer):
            raise ValueError(f"random_uniform of {as_dtype(dtype).name} numbers needs "
                             f"maxval=..., the first integer it never draws")
        maxval = 1
    return RandomUniform(shape, minval, maxval, dtype, seed, name)
