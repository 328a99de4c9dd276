"""Elementwise functions of one value. Each gradient is the derivative of the
function, multiplied (chain rule) by `grad`."""
import numpy as np

from ..operation import UnaryOperation


class Square(UnaryOperation):
    """x**2.  d/dx = 2x."""

    def compute(self, x):
        return x * x

    def gradient(self, grad):
        x, = self.inputs
        return [grad * 2 * x]


class Sqrt(UnaryOperation):
    """The square root.  d/dx sqrt(x) = 1 / (2 sqrt(x))."""

    def compute(self, x):
        return np.sqrt(x)

    def gradient(self, grad):
        return [grad / (2 * self)]


class Exp(UnaryOperation):
    """e**x.  d/dx e**x = e**x, the operation's own value."""

    def compute(self, x):
        return np.exp(x)

    def gradient(self, grad):
        return [grad * self]


class Log(UnaryOperation):
    """The natural logarithm.  d/dx log(x) = 1 / x."""

    def compute(self, x):
        return np.log(x)

    def gradient(self, grad):
        x, = self.inputs
        return [grad / x]


class Abs(UnaryOperation):
    """|x|.  d/dx |x| = sign(x) (taken as 0 at x = 0)."""

    def compute(self, x):
        return np.abs(x)

    def gradient(self, grad):
        x, = self.inputs
        return [grad * sign(x)]


class Sign(UnaryOperation):
    """-1, 0 or 1 by the sign of x. Flat almost everywhere: no gradient."""

    def compute(self, x):
        return np.sign(x)

    def gradient(self, grad):
        return [None]


def square(x, name=None):
    """x**2, elementwise (`tf.square`)."""
    return Square(x, name)


def sqrt(x, name=None):
    """The square root, elementwise (`tf.sqrt`)."""
    return Sqrt(x, name)


def exp(x, name=None):
    """e**x, elementwise (`tf.exp`)."""
    return Exp(x, name)


def log(x, name=None):
    """The natural logarithm, elementwise (`tf.log`)."""
    return Log(x, name)


def abs(x, name=None):
    """|x|, elementwise (`tf.abs`)."""
    return Abs(x, name)


def sign(x, name=None):
    """-1, 0 or 1 by the sign of x (`tf.sign`)."""
    return Sign(x, name)
