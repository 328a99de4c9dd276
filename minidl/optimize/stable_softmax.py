"""Rewrites that make the softmax cross-entropy stable as well as faster.

Written the tutorial's way, the loss takes `log(softmax(x))`. When one score
is far below the others its softmax rounds to 0, its log is -inf, and the
gradient of log, `grad / softmax`, divides by 0: the loss and the weights
become NaN. Two rewrites remove both problems without changing the math:

- forward: log(softmax(x)) is log_softmax(x) = x - max(x) - log(sum(e**(x - max(x)))),
  which never takes log(0);
- backward: log's gradient `g / s` feeds softmax's gradient `s * (d - sum(d * s))`,
  which with d = g / s is g - s * sum(g): no division at all. For the
  cross-entropy of one-hot labels c that is the familiar p - c.

The same g - s * sum(g) is log_softmax's own gradient (the fused loss's
`e**log_softmax * reduce_sum(g)` subtracted from g): it becomes the same one step.

That gradient still needs softmax(x) itself. Once log_softmax(x) is computed,
softmax(x) is one more step, e**log_softmax(x), rather than a second pass
over x (its largest score, e**, a sum, a division).
"""
import numpy as np

from .program import Step


def stabilize_softmax(program):
    """Rewrite log(softmax(x)) and its gradient into their stable forms."""
    program.substitute(lambda step: _log_of_softmax(step) or _gradient_through_log_softmax(step)
                       or _log_softmax_gradient(step))
    return _softmax_from_log_softmax(program)


def _softmax_from_log_softmax(program):
    """softmax(x) as e**log_softmax(x), wherever log_softmax(x) is computed too."""
    log_softmax_of = {(step.inputs[0], step.attrs): step for step in program.steps
                      if step.op_type == "LogSoftmax"}
    replacements, steps, placed = {}, [], set()
    for step in program.steps:
        log_softmax = log_softmax_of.get((step.inputs[0], (("axis", step.origin.axis),))
                                         ) if step.op_type == "Softmax" else None
        if log_softmax is None:
            if step not in placed:
                steps.append(step)
                placed.add(step)
            continue
        if log_softmax not in placed:  # moved up: its one input comes before the softmax
            steps.append(log_softmax)
            placed.add(log_softmax)
        exp = Step("compute", "Exp", [log_softmax], np.exp, origin=step.origin)
        steps.append(exp)
        replacements[step] = exp
    program.steps = steps
    program.replace(replacements)
    return program


def _log_of_softmax(step):
    """log(softmax(x)) as one log_softmax step, or None."""
    if step.op_type != "Log" or step.inputs[0].op_type != "Softmax":
        return None
    softmax = step.inputs[0]
    axis = softmax.origin.axis
    return Step("compute", "LogSoftmax", softmax.inputs, _log_softmax(axis),
                origin=step.origin, attrs=(("axis", axis),))


def _gradient_through_log_softmax(step):
    """s * (g/s - sum(g/s * s)), softmax's gradient behind log's, as
    g - s * sum(g); or None when `step` is not that."""
    if step.op_type != "Multiply":
        return None
    for s, difference in (step.inputs, step.inputs[::-1]):
        if s.op_type != "Softmax" or difference.op_type != "Subtract":
            continue
        quotient, reduced = difference.inputs
        if not (quotient.op_type == "Divide" and quotient.inputs[1] is s
                and reduced.op_type == "ReduceSum" and reduced.origin.keepdims
                and _is_product_of(reduced.inputs[0], quotient, s)):
            continue
        axis = s.origin.axis
        if _as_tuple(reduced.origin.axis) != _as_tuple(axis):
            continue
        return Step("compute", "SoftmaxLogGradient", [quotient.inputs[0], s],
                    _softmax_log_gradient(axis), origin=step.origin, attrs=(("axis", axis),))
    return None


def _log_softmax_gradient(step):
    """g - e**log_softmax(x) * sum(g), log_softmax's gradient, as the one step
    g - s * sum(g); or None when `step` is not that."""
    if step.op_type != "Subtract" or step.inputs[1].op_type != "Multiply":
        return None
    grad, product = step.inputs
    for s, reduced in (product.inputs, product.inputs[::-1]):
        if not (s.op_type == "Exp" and s.inputs[0].op_type == "LogSoftmax"
                and reduced.op_type == "ReduceSum" and reduced.inputs[0] is grad
                and reduced.origin.keepdims):
            continue
        axis = s.inputs[0].origin.axis
        if _as_tuple(reduced.origin.axis) != _as_tuple(axis):
            continue
        return Step("compute", "SoftmaxLogGradient", [grad, s], _softmax_log_gradient(axis),
                    origin=step.origin, attrs=(("axis", axis),))
    return None


def _is_product_of(step, a, b):
    return step.op_type == "Multiply" and set(map(id, step.inputs)) == {id(a), id(b)}


def _as_tuple(axis):
    return axis if isinstance(axis, tuple) else (axis,)


def _log_softmax(axis):
    def log_softmax(x):
        shifted = x - x.max(axis=axis, keepdims=True)
        return shifted - np.log(np.exp(shifted).sum(axis=axis, keepdims=True))
    return log_softmax


def _softmax_log_gradient(axis):
    def softmax_log_gradient(grad, softmax):
        return grad - softmax * grad.sum(axis=axis, keepdims=True)
    return softmax_log_gradient
