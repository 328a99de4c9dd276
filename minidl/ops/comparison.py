"""Comparisons and selection. Comparisons give booleans, which have no gradient."""
import numpy as np

from ..operation import BinaryOperation, Operation
from ..shapes import broadcast_shapes, one_element_dtype
from .broadcast import unbroadcast
from .shape_ops import zeros_like


class Comparison(BinaryOperation):
    """An elementwise comparison of x and y; subclasses name the NumPy function."""

    numpy_function = None

    def compute(self, x, y):
        return type(self).numpy_function(x, y)

    def gradient(self, grad):
        return [None, None]


class Equal(Comparison):
    """x == y, elementwise."""
    numpy_function = np.equal


class Greater(Comparison):
    """x > y, elementwise."""
    numpy_function = np.greater


class GreaterEqual(Comparison):
    """x >= y, elementwise."""
    numpy_function = np.greater_equal


class Less(Comparison):
    """x < y, elementwise."""
    numpy_function = np.less


class LessEqual(Comparison):
    """x <= y, elementwise."""
    numpy_function = np.less_equal


class Where(Operation):
    """x where `condition` holds, y elsewhere. The gradient goes to x where the
    condition holds, to y elsewhere, and not to the condition."""

    def __init__(self, condition, x, y, name=None):
        super().__init__([condition, x, y], name)

    def infer_shape_and_dtype(self, input_shapes, input_dtypes):
        return (broadcast_shapes(self, input_shapes),
                one_element_dtype(self, input_shapes, input_dtypes))

    def compute(self, condition, x, y):
        return np.where(condition, x, y)

    def gradient(self, grad):
        condition, x, y = self.inputs
        nothing = zeros_like(grad)
        return [None,
                unbroadcast(where(condition, grad, nothing), x),
                unbroadcast(where(condition, nothing, grad), y)]


def equal(x, y, name=None):
    """x == y, elementwise, as booleans (`tf.equal`)."""
    return Equal(x, y, name)


def greater(x, y, name=None):
    """x > y, elementwise (`tf.greater`)."""
    return Greater(x, y, name)


def greater_equal(x, y, name=None):
    """x >= y, elementwise (`tf.greater_equal`)."""
    return GreaterEqual(x, y, name)


def less(x, y, name=None):
    """x < y, elementwise (`tf.less`)."""
    return Less(x, y, name)


def less_equal(x, y, name=None):
    """x <= y, elementwise (`tf.less_equal`)."""
    return LessEqual(x, y, name)


def where(condition, x, y, name=None):
    """Elementwise choice: x where `condition` is True, else y (`tf.where`)."""
    return Where(condition, x, y, name)
