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
    originals = [variable.value for variable in variables]
    worst, worst_error = None, -1.0
    try:
        for variable in variables:
            variable.value = variable.value.astype(np.float64)
        session = Session(loss.graph)
        computed = session.run(gradients(loss, variables), feed_dict)
        for variable, grad in zip(variables, computed):
            grad = (np.zeros(variable.shape) if grad is None
                    else np.broadcast_to(grad, variable.shape))
            numerical = numerical_gradient(loss, variable, feed_dict, epsilon)
            errors = np.abs(grad - numerical) / (atol + rtol * np.abs(numerical))
            for index in np.ndindex(*variable.shape):
                if errors[index] > worst_error:
                    worst = (variable.name, index, float(grad[index]), float(numerical[index]))
                    worst_error = errors[index]
    finally:
        for variable, original in zip(variables, originals):
            variable.value = original
    return GradientCheckReport(worst_error <= 1, worst, worst_error)


def numerical_gradient(loss, variable, feed_dict=None, epsilon=1e-6):
    """dL/dw for every element w of `variable`, by central differences
    (L(w + h) - L(w - h)) / 2h, as an array of the variable's shape. The loss
    is summed if it is not a scalar; the variable keeps its value."""
    session = Session(loss.graph)
    centre = variable.value
    numerical = np.zeros(variable.shape)
    try:
        for index in np.ndindex(*variable.shape):
            losses = []
            for step in (epsilon, -epsilon):
                moved = centre.copy()
                moved[index] += step
                variable.value = moved
                losses.append(float(np.sum(session.run(loss, feed_dict))))
            numerical[index] = (losses[0] - losses[1]) / (2 * epsilon)
    finally:
        variable.value = centre
    return numerical
