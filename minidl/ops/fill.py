"""Arrays of one repeated value, fixed when the graph is built: `tf.zeros`,
`tf.ones`, `tf.fill`. Each is a constant, so `tf.Variable(tf.zeros([10]))`
starts a bias at zero."""
import numpy as np

from ..constant import Constant
from ..dtypes import as_dtype, float32
from ..shapes import as_shape


def fill(dims, value, name=None):
    """An array of shape `dims` with every element `value` (`tf.fill`); its
    dtype is the value's (a Python float gives float64 here, float32 in TensorFlow)."""
    return Constant(np.full(_fixed_shape(dims, "fill"), value), name=name or "fill")


def zeros(shape, dtype=float32, name=None):
    """Zeros of this shape, float32 unless `dtype` says otherwise (`tf.zeros`)."""
    return Constant(np.zeros(_fixed_shape(shape, "zeros"), as_dtype(dtype)), name=name or "zeros")


def ones(shape, dtype=float32, name=None):
    """Ones of this shape, float32 unless `dtype` says otherwise (`tf.ones`)."""
    return Constant(np.ones(_fixed_shape(shape, "ones"), as_dtype(dtype)), name=name or "ones")


def _fixed_shape(shape, what):
    """`shape` as a tuple of sizes; an error for a size not known when building."""
    shape = as_shape(shape)
    if None in shape:
        raise ValueError(f"{what} needs every size of its shape when the graph is "
                         f"built, got {shape}")
    return shape
