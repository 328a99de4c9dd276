"""Activation functions: the nonlinear squashing between layers, and softmax,
which turns scores into probabilities."""
import numpy as np

from ..operation import UnaryOperation
from .comparison import greater, where
from .elementwise import exp
from .reductions import reduce_sum
from .shape_ops import zeros_like


class Sigmoid(UnaryOperation):
    """sigmoid(x) = 1 / (1 + e**-x), squashing any number into (0, 1).

    d/dx sigmoid(x) = sigmoid(x) (1 - sigmoid(x)).

    Computed as written, it keeps its precision in both tails: nothing
    subtracts nearly equal numbers, so sigmoid(-20), about 2e-9, has all its
    digits and log(sigmoid(-20)) is -20. Far left (below about -88 in
    float32, -710 in float64) e**-x overflows to infinity, and 1 / (1 + inf)
    is exactly 0, the right limit: NumPy's warning about it is silenced.
    """

    def compute(self, x):
        with np.errstate(over="ignore"):  # e**-x = inf gives 1 / inf = 0: correct
            return 1 / (1 + np.exp(-x))

    def gradient(self, grad):
        return [grad * self * (1 - self)]


class Tanh(UnaryOperation):
    """tanh(x), squashing any number into (-1, 1).  d/dx tanh(x) = 1 - tanh(x)**2."""

    def compute(self, x):
        return np.tanh(x)

    def gradient(self, grad):
        return [grad * (1 - self * self)]


class Relu(UnaryOperation):
    """max(x, 0).  d/dx = 1 where x > 0, else 0."""

    def compute(self, x):
        return np.maximum(x, 0)

    def gradient(self, grad):
        x, = self.inputs
        return [where(greater(x, 0), grad, zeros_like(grad))]


class Softmax(UnaryOperation):
    """softmax(x)_i = e**x_i / sum_j e**x_j along `axis`: scores to probabilities.

    Subtracting the largest score first changes nothing mathematically (it
    cancels between top and bottom) but keeps e**x from overflowing: with
    scores of 1000, the naive formula gives inf / inf = NaN.

    d softmax_i / d x_j = softmax_i (delta_ij - softmax_j), so the gradient is
    softmax * (grad - sum(grad * softmax)).
    """

    def __init__(self, x, axis=-1, name=None):
        self.axis = axis
        super().__init__(x, name)

    def compute(self, x):
        e = np.exp(x - x.max(axis=self.axis, keepdims=True))
        return e / e.sum(axis=self.axis, keepdims=True)

    def gradient(self, grad):
        return [self * (grad - reduce_sum(grad * self, self.axis, keepdims=True))]


class LogSoftmax(UnaryOperation):
    """log(softmax(x)) along `axis`, computed without ever taking log(0):
    x - max(x) - log(sum(e**(x - max(x)))).

    d/dx: grad - softmax * sum(grad), with softmax = e**(this value).
    """

    def __init__(self, x, axis=-1, name=None):
        self.axis = axis
        super().__init__(x, name)

    def compute(self, x):
        shifted = x - x.max(axis=self.axis, keepdims=True)
        return shifted - np.log(np.exp(shifted).sum(axis=self.axis, keepdims=True))

    def gradient(self, grad):
        return [grad - exp(self) * reduce_sum(grad, self.axis, keepdims=True)]


def sigmoid(x, name=None):
    """The logistic sigmoid 1 / (1 + e**-x), elementwise (`tf.sigmoid`)."""
    return Sigmoid(x, name)


def tanh(x, name=None):
    """The hyperbolic tangent, elementwise (`tf.tanh`)."""
    return Tanh(x, name)


def relu(x, name=None):
    """max(x, 0), elementwise (`tf.nn.relu`)."""
    return Relu(x, name)


def softmax(x, axis=-1, name=None):
    """Probabilities from scores along `axis` (None: the last axis, as in
    TensorFlow), overflow-safe (`tf.nn.softmax`)."""
    return Softmax(x, -1 if axis is None else axis, name)


def log_softmax(x, axis=-1, name=None):
    """log(softmax(x)) along `axis` (None: the last axis), computed stably
    (`tf.nn.log_softmax`)."""
    return LogSoftmax(x, -1 if axis is None else axis, name)
