"""The gradient of a softmax cross-entropy averaged over a batch, as one step.

By hand (chapter 5b), the gradient of J = -mean(sum(c * log(softmax(x)))) with
respect to the scores x is (p - c) / N: three NumPy calls. Backpropagation
through the graph gets there in many small steps. The mean's gradient, 1/N,
is one number; steps spread it over the batch (`Unreduce`), give it an axis
(`ExpandDims`), flip its sign (`Negative`) and multiply it by the labels; then
log_softmax's gradient g - p * sum(g) follows. Once the stable softmax pass
has made that last part one step, this pass sees the whole chain and writes it
as one: with s the loss's gradient for each example (the same for all),

    g = c * s,  and the gradient is  g - p * sum(g),

which is s * (c - p * sum(c)); with s = -1/N (the mean's 1/N, the loss's minus
sign) that is (p * sum(c) - c) / N, and (p - c) / N for one-hot labels. It computes
the very same products and sum as the steps it replaces, in the same order, so
the values do not change; it only leaves out spreading one number over arrays.
"""
import numpy as np

from ..ops.broadcast import sum_to_shape
from .program import Step


def fuse_softmax_cross_entropy_gradient(program):
    """Replace the steps from a loss's per-example gradient (one number) to
    log_softmax's gradient by one step, wherever they form that chain."""
    return program.substitute(
        lambda step: _fused(step) if step.op_type == "SoftmaxLogGradient" else None)


def _fused(step):
    """The fused step for a SoftmaxLogGradient step, or None when its incoming
    gradient is not the labels times one number spread over the loss."""
    grad, softmax = step.inputs
    if grad.op_type == "Unbroadcast":  # undone again by the fused step, if it does anything
        grad = grad.inputs[0]
    if grad.op_type != "Multiply" or softmax.op_type != "Exp":
        return None
    log_softmax = softmax.inputs[0]
    for spread, labels in (grad.inputs, grad.inputs[::-1]):
        number, negated, like = _spread_number(spread)
        # spread over the loss of these labels and log-probabilities: then
        # labels * number has the shape the spread number times labels had
        if number is not None and like.op_type in ("CrossEntropy", "Multiply") and (
                set(like.inputs) == {labels, log_softmax}):
            axis = dict(step.attrs)["axis"]
            return Step("compute", "SoftmaxCrossEntropyGradient", [number, labels, softmax],
                        _softmax_cross_entropy_gradient(axis, negated), origin=step.origin,
                        attrs=(("axis", axis), ("negated", negated)))
    return None


def _spread_number(step):
    """(s, negated, like) when `step` is one number s spread over the shape of
    `like` (negated, if `negated`); (None, False, None) otherwise."""
    negated, like = False, None
    while step.op_type in ("Unreduce", "ExpandDims", "Negative"):
        negated ^= step.op_type == "Negative"
        if step.op_type == "Unreduce" and like is None:
            like = step.inputs[1]
        step = step.inputs[0]
    if step.shape != () or like is None:
        return None, False, None
    return step, negated, like


def _softmax_cross_entropy_gradient(axis, negated):
    def softmax_cross_entropy_gradient(number, labels, softmax):
        grad = labels * (-number if negated else number)
        if grad.shape != softmax.shape:  # labels broadcast against the scores:
            # sum back, as Unbroadcast did to the spread number times the labels
            grad = np.broadcast_to(grad, np.broadcast_shapes(grad.shape, softmax.shape))
            grad = sum_to_shape(grad, softmax.shape)
        return grad - softmax * grad.sum(axis=axis, keepdims=True)
    return softmax_cross_entropy_gradient
