"""Dropout: while training, each unit is switched off at random, so that no
unit can rely on any other being there (Srivastava et al., 2014)."""
from numbers import Number

from ..constant import constant
from ..graph import Node
from .arithmetic import multiply
from .comparison import greater_equal
from .random_ops import random_uniform_like
from .shape_ops import cast


def dropout(x, keep_prob=None, *, rate=None, seed=None, name=None):
    """Zero each element of x with probability `rate`, and scale the ones kept
    by 1 / (1 - rate), so that every element keeps its expected value
    (`tf.nn.dropout`, TensorFlow 1's semantics):

        dropout(x)_i = x_i * keep_i / (1 - rate),   keep_i = 1 with probability 1 - rate.

    The gradient is the same mask and scale: it flows back through the kept
    units only. A fresh mask is drawn on every run.

    Args:
        x: the values, usually a layer's activations.
        keep_prob: TensorFlow 1's older spelling, 1 - rate (give one of the two).
        rate: the probability of dropping each element, a number in [0, 1) or a
            node, such as a placeholder fed 0.5 while training and 0.0 to evaluate.
        seed: the op-level seed; with `tf.set_random_seed` it fixes the masks.
        name: the name of the result.
    """
    rate = _rate(keep_prob, rate)
    if not isinstance(x, Node):
        x = constant(x)
    keep = cast(greater_equal(random_uniform_like(x, seed), rate), x.dtype)
    scale = 1.0 / (1.0 - rate)
    if isinstance(scale, Node):
        scale = cast(scale, x.dtype)
    return multiply(x * scale, keep, name=name or "dropout")


def _rate(keep_prob, rate):
    """The drop rate from exactly one of `keep_prob` and `rate`, checked when it is a number."""
    if (keep_prob is None) == (rate is None):
        raise ValueError("dropout needs exactly one of rate= (the probability of dropping "
                         "a unit) and keep_prob= (the probability of keeping it), "
                         f"got rate={rate!r} and keep_prob={keep_prob!r}")
    if rate is None:
        rate = 1.0 - keep_prob
    if isinstance(rate, Number) and not 0 <= rate < 1:
        raise ValueError(f"dropout's rate must lie in [0, 1), got {rate}: it is the "
                         f"probability of dropping each unit (1 would drop every one)")
    return rate
