"""Initializers: how a new variable's first value is chosen (`tf.zeros_initializer`, ...).

An initializer is a recipe, not a value: `tf.layers.dense` calls it with the
shape of the weights it creates. Called with a shape (and optionally a dtype),
each returns a NumPy array of that shape, the variable's initial value.

The random ones draw reproducible numbers once a seed is set: their own
`seed=` argument, the graph's `tf.set_random_seed(...)`, or both, with
TensorFlow 1's rules (random_seed.py). With no seed at all they draw different
numbers in every run, as TensorFlow does. The numbers are NumPy's, not
TensorFlow's: the same distributions from a different generator.

Why not all zeros? If every weight of a layer starts equal, every unit of the
layer computes the same thing and gets the same gradient, and they stay equal
forever. Random weights break that symmetry; their scale matters too (see
`GlorotUniform`).
"""
import numpy as np

from .dtypes import as_dtype, float32
from .random_seed import random_generator
from .shapes import as_shape


class Initializer:
    """The base class: `initializer(shape, dtype)` gives an array of that shape
    (a bare int is a shape of one axis).

    Args:
        dtype: the dtype used when the call gives none (float32, as in TensorFlow).
    """

    def __init__(self, dtype=float32):
        self.dtype = as_dtype(dtype)

    def __call__(self, shape, dtype=None):
        return np.asarray(self.values(as_shape(shape)), dtype=as_dtype(dtype) or self.dtype)

    def values(self, shape):
        """The numbers for a variable of this `shape` (a tuple)."""
        raise NotImplementedError


class Zeros(Initializer):
    """Every element 0: the usual start for a bias (`tf.zeros_initializer`)."""

    def values(self, shape):
        return np.zeros(shape)


class Constant(Initializer):
    """Every element `value`, or the elements of `value` in order when it holds
    exactly as many numbers as the shape needs (`tf.constant_initializer`)."""

    def __init__(self, value=0, dtype=float32):
        super().__init__(dtype)
        self.value = np.array(value)

    def values(self, shape):
        if self.value.size == 1:
            return np.full(shape, self.value.item())
        if self.value.size != np.prod(shape, dtype=int):
            raise ValueError(f"constant_initializer holds {self.value.size} numbers, but a "
                             f"variable of shape {shape} needs {np.prod(shape, dtype=int)} "
                             f"(TensorFlow 1 would repeat the last number to fill it; "
                             f"minidl asks for all of them, e.g. np.full or np.resize)")
        return self.value.reshape(shape)


class RandomNormal(Initializer):
    """Independent draws from a normal distribution with this `mean` and
    `stddev` (`tf.random_normal_initializer`)."""

    def __init__(self, mean=0.0, stddev=1.0, seed=None, dtype=float32):
        super().__init__(dtype)
        self.mean, self.stddev, self.seed = mean, stddev, seed

    def values(self, shape):
        return random_generator(self.seed).normal(self.mean, self.stddev, shape)


class GlorotUniform(Initializer):
    """Uniform draws in [-limit, limit] with limit = sqrt(6 / (fan_in + fan_out))
    (`tf.glorot_uniform_initializer`, the default for `tf.layers.dense`).

    For a weight matrix of shape (fan_in, fan_out) this makes the variance of
    each weight 2 / (fan_in + fan_out), so that a layer roughly keeps the scale
    of the signal going forward and of the gradient going back (Glorot and
    Bengio, 2010).
    """

    def __init__(self, seed=None, dtype=float32):
        super().__init__(dtype)
        self.seed = seed

    def values(self, shape):
        fan_in, fan_out = fans(shape)
        limit = np.sqrt(6 / (fan_in + fan_out))
        return random_generator(self.seed).uniform(-limit, limit, shape)


def fans(shape):
    """(fan_in, fan_out) of a weight shape: the inputs and outputs of one unit.

    For a matrix (inputs, outputs) they are its two sizes; a vector counts as
    both; a scalar as 1 and 1; for more axes (a convolution kernel) the leading
    axes multiply both, as in TensorFlow.
    """
    if len(shape) == 0:
        return 1, 1
    if len(shape) == 1:
        return shape[0], shape[0]
    receptive_field = int(np.prod(shape[:-2], dtype=int))
    return shape[-2] * receptive_field, shape[-1] * receptive_field


# TensorFlow 1's names for them.
zeros_initializer = Zeros
constant_initializer = Constant
random_normal_initializer = RandomNormal
glorot_uniform_initializer = GlorotUniform
