"""Arithmetic: + - * / ** and friends, elementwise with NumPy broadcasting.

Each gradient below is the chain rule for one operation: given `grad`, the
gradient of the loss with respect to the result, it returns the gradient with
respect to each input. `unbroadcast` gives every input's gradient that input's
own shape (see broadcast.py).
"""
import numpy as np

from ..operation import BinaryOperation, Operation, UnaryOperation
from ..shapes import broadcast_shapes, one_element_dtype
from .broadcast import unbroadcast
from .comparison import greater, greater_equal, less_equal, where
from .elementwise import log
from .shape_ops import ones_like, zeros_like


class Add(BinaryOperation):
    """x + y.  d/dx = 1, d/dy = 1: the gradient passes through unchanged."""

    def compute(self, x, y):
        return x + y

    def gradient(self, grad):
        x, y = self.inputs
        return [unbroadcast(grad, x), unbroadcast(grad, y)]


class Subtract(BinaryOperation):
    """x - y.  d/dx = 1, d/dy = -1."""

    def compute(self, x, y):
        return x - y

    def gradient(self, grad):
        x, y = self.inputs
        return [unbroadcast(grad, x), unbroadcast(-grad, y)]


class Multiply(BinaryOperation):
    """x * y, elementwise.  d/dx = y, d/dy = x."""

    def compute(self, x, y):
        return x * y

    def gradient(self, grad):
        x, y = self.inputs
        return [unbroadcast(grad * y, x), unbroadcast(grad * x, y)]


class Divide(BinaryOperation):
    """x / y.  d/dx = 1 / y, d/dy = -x / y**2."""

    def compute(self, x, y):
        return x / y

    def gradient(self, grad):
        x, y = self.inputs
        return [unbroadcast(grad / y, x), unbroadcast(-grad * x / (y * y), y)]


class Negative(UnaryOperation):
    """-x.  d/dx = -1."""

    def compute(self, x):
        return -x

    def gradient(self, grad):
        return [-grad]


class Pow(BinaryOperation):
    """x ** y.  d/dx = y x**(y-1), d/dy = x**y log(x) (taken as 0 where x <= 0,
    as TensorFlow does, since log is undefined there)."""

    def compute(self, x, y):
        return x ** y

    def gradient(self, grad):
        x, y = self.inputs
        log_x = log(where(greater(x, 0), x, ones_like(x)))
        return [unbroadcast(grad * y * x ** (y - 1), x),
                unbroadcast(grad * self * log_x, y)]


class Maximum(BinaryOperation):
    """The larger of x and y, elementwise. The gradient goes to whichever was
    larger (to x on a tie)."""

    def compute(self, x, y):
        return np.maximum(x, y)

    def gradient(self, grad):
        x, y = self.inputs
        x_wins, nothing = greater_equal(x, y), zeros_like(grad)
        return [unbroadcast(where(x_wins, grad, nothing), x),
                unbroadcast(where(x_wins, nothing, grad), y)]


class Minimum(BinaryOperation):
    """The smaller of x and y, elementwise. The gradient goes to whichever was
    smaller (to x on a tie)."""

    def compute(self, x, y):
        return np.minimum(x, y)

    def gradient(self, grad):
        x, y = self.inputs
        x_wins, nothing = less_equal(x, y), zeros_like(grad)
        return [unbroadcast(where(x_wins, grad, nothing), x),
                unbroadcast(where(x_wins, nothing, grad), y)]


class AddN(Operation):
    """The sum of any number of inputs.  d/dx_i = 1 for each."""

    def __init__(self, inputs, name=None):
        super().__init__(list(inputs), name)

    def infer_shape_and_dtype(self, input_shapes, input_dtypes):
        return (broadcast_shapes(self, input_shapes),
                one_element_dtype(self, input_shapes, input_dtypes))

    def compute(self, *values):
        total = values[0]
        for value in values[1:]:
            total = total + value
        return total

    def gradient(self, grad):
        return [unbroadcast(grad, x) for x in self.inputs]


def add(x, y, name=None):
    """x + y, elementwise (`tf.add`)."""
    return Add(x, y, name)


def subtract(x, y, name=None):
    """x - y, elementwise (`tf.subtract`)."""
    return Subtract(x, y, name)


def multiply(x, y, name=None):
    """x * y, elementwise (`tf.multiply`); for the matrix product see `matmul`."""
    return Multiply(x, y, name)


def divide(x, y, name=None):
    """x / y, elementwise (`tf.divide`)."""
    return Divide(x, y, name)


def negative(x, name=None):
    """-x (`tf.negative`)."""
    return Negative(x, name)


def pow(x, y, name=None):
    """x ** y, elementwise (`tf.pow`)."""
    return Pow(x, y, name)


def maximum(x, y, name=None):
    """The larger of x and y, elementwise (`tf.maximum`)."""
    return Maximum(x, y, name)


def minimum(x, y, name=None):
    """The smaller of x and y, elementwise (`tf.minimum`)."""
    return Minimum(x, y, name)


def add_n(inputs, name=None):
    """The sum of a list of nodes (`tf.add_n`)."""
    return AddN(inputs, name)


def clip_by_value(t, clip_value_min, clip_value_max, name=None):
    """t with every element below clip_value_min raised to it and every
    element above clip_value_max lowered to it (`tf.clip_by_value`).
    The gradient flows only to the elements left as they were."""
    return minimum(maximum(t, clip_value_min), clip_value_max, name=name)
