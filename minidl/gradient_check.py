"""Checking gradients against finite differences, the way to trust a backward pass.

The derivative of the loss L with respect to one weight w is, for a small h,
close to the central difference

    (L(w + h) - L(w - h)) / (2 h)

which needs nothing but running the forward pass. `gradient_check` compares
that with what `gradients` computes, for every element of every variable.
"""
import numpy as np

from .gradients import gradients
from .session import Session


class GradientCheckReport:
    """The outcome of `gradient_check`: `ok`, and the worst element found.

    Attributes:
        ok: whether every element agreed within the tolerances.
        worst: (variable name, index, computed gradient, numerical gradient)
            of the element that agreed least.
        worst_error: that element's |computed - numerical| divided by the
            allowed difference (atol + rtol |numerical|); above 1 means a failure.
    """

    def __init__(self, ok, worst, worst_error):
        self.ok, self.worst, self.worst_error = ok, worst, worst_error

    def __str__(self):
        name, index, computed, numerical = self.worst
        verdict = "passed" if self.ok else "FAILED"
        return (f"gradient check {verdict}: worst element {name}{list(index)}: "
                f"computed {computed:.6g}, numerical {numerical:.6g} "
                f"(error {self.worst_error:.2g} of the tolerance)")

    __repr__ = __str__


def gradient_check(loss, variables, feed_dict=None, epsilon=1e-6, rtol=1e-5, atol=1e-7):
    """Compare the gradients of `loss` with respect to `variables` with central
    finite differences, computed in float64.

    Args:
        loss: a node with a scalar value (if not, its sum is checked).
        variables: the Variables to check.
        feed_dict: the values of the placeholders the loss needs.
        epsilon: the step h of the differences.
        rtol, atol: an element passes when |computed - numerical| <=
            atol + rtol * |numerical|, as in np.allclose.

    Returns:
        A GradientCheckReport; print it to read the worst element.
        Every variable keeps its value.
    """
    variables = list(variables)
    session = Session(loss.graph)
    originals = [variable.value for variable in variables]
    worst, worst_error = None, -1.0
    try:
        for variable in variables:
            variable.value = variable.value.astype(np.float64)
        computed = session.run(gradients(loss, variables), feed_dict)
        for variable, grad in zip(variables, computed):
            grad = (np.zeros(variable.shape) if grad is None
                    else np.broadcast_to(grad, variable.shape))
            for index in np.ndindex(*variable.shape):
                numerical = _central_difference(session, loss, variable, index, feed_dict, epsilon)
                error = abs(grad[index] - numerical) / (atol + rtol * abs(numerical))
                if error > worst_error:
                    worst = (variable.name, index, float(grad[index]), numerical)
                    worst_error = error
    finally:
        for variable, original in zip(variables, originals):
            variable.value = original
    return GradientCheckReport(worst_error <= 1, worst, worst_error)


def _central_difference(session, loss, variable, index, feed_dict, epsilon):
    """(L(w + h) - L(w - h)) / 2h for the one element `index` of `variable`."""
    centre = variable.value
    losses = []
    for step in (epsilon, -epsilon):
        moved = centre.copy()
        moved[index] += step
        variable.value = moved
        losses.append(float(np.sum(session.run(loss, feed_dict))))
    variable.value = centre
    return (losses[0] - losses[1]) / (2 * epsilon)
