"""Checks for the exercises of chapter 5, gradient descent (05_gradient_descent)."""
import numpy as np

from . import feedback as fb


def _descent(gradient, x0, learning_rate, num_steps):
    """The points gradient descent visits from x0, the start included."""
    path = [np.asarray(x0, dtype=np.float64)]
    for _ in range(num_steps):
        path.append(path[-1] - learning_rate * gradient(path[-1]))
    return np.array(path)


@fb.answer_is("function")
def check_gradient_descent(gradient_descent):
    """Exercise 1 of 05: `gradient_descent(gradient, x0, learning_rate, num_steps)`
    returns the array of points visited, the start included."""
    problems = [(lambda x: 2 * (x - 3), np.array(0.0), 0.1, 20, "f(x) = (x - 3)**2 from x0 = 0"),
                (lambda w: np.array([2, 20]) * w, np.array([-2.0, 1.0]), 0.02, 30,
                 "f(w) = w1**2 + 10 w2**2 from w0 = (-2, 1)")]
    for gradient, x0, learning_rate, num_steps, description in problems:
        expected = _descent(gradient, x0, learning_rate, num_steps)
        path = fb.call(gradient_descent, "gradient_descent", gradient, x0, learning_rate, num_steps)
        fb.agrees(path, expected, f"for {description} with learning rate {learning_rate} and "
                  f"{num_steps} steps", "the path gradient_descent returns",
                  (expected[1:], " The path holds the start, then one point per step."),
                  (_descent(gradient, x0, -learning_rate, num_steps),
                   " Your steps go uphill: subtract learning_rate * gradient."))
    fb.correct("each step moves against the gradient, by learning_rate times its size.")


@fb.answer_is("value")
def check_largest_learning_rate(largest_learning_rate):
    """Exercise 2 of 05: the largest learning rate for which gradient descent
    on f(w) = 4 w1**2 + w2**2 converges (from almost any start): 2 / 8."""
    if largest_learning_rate is None:
        fb.not_yet("largest_learning_rate", verb="is")
    value = fb.number(largest_learning_rate, "largest_learning_rate")
    if abs(value - 0.25) <= 1e-3:
        return fb.correct("each step multiplies w1 by 1 - 8 lr, which must stay between "
                          "-1 and 1: lr < 0.25. The steepest direction sets the limit.")
    fb.expect(abs(value - 1.0) > 1e-2, "1.0 is the limit for w2 alone (each step multiplies it "
              "by 1 - 2 lr). Look at w1: its gradient is 8 w1.")
    fb.expect(abs(value - 0.1) > 1e-3, "0.1 is the limit for the chapter's f(w) = w1**2 + 10 "
              "w2**2. This one is f(w) = 4 w1**2 + w2**2: what does one step multiply w1 by?")
    factor = 1 - 8 * value
    fb.fail(f"with learning rate {value:g}, each step multiplies w1 by 1 - 8 * {value:g} = "
            f"{factor:g}" + (", so descent converges, but a larger rate would too: find where "
                             "that factor reaches -1." if abs(factor) < 1 else
                             ", so w1 grows (or never shrinks) from step to step: descent does "
                             "not converge. Find where that factor reaches -1."))
