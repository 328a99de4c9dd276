"""The element types a node can hold, spelled as in TensorFlow (`minidl.float32`, ...).

They are plain NumPy dtypes, so `np.zeros(3, dtype=minidl.float32)` works too.
A graph built from float32 nodes computes in float32: NumPy keeps the type of its
operands, and plain Python numbers mixed into an operation take the type of the
node they meet (see `minidl.operation`).
"""
import numpy as np

float32 = np.dtype("float32")
float64 = np.dtype("float64")
int32 = np.dtype("int32")
int64 = np.dtype("int64")
bool_ = np.dtype("bool")


def as_dtype(dtype):
    """Return `dtype` as a NumPy dtype, or None when it is None (meaning: not fixed)."""
    return None if dtype is None else np.dtype(dtype)
