"""Checks for the exercises of chapter 7, optimizers and mini-batches.

Each check builds its own graphs (inside `with Graph().as_default():`), so it
leaves the notebook's default graph as it was.
"""
import numbers

import numpy as np

from ..constant import constant
from ..graph import Graph
from ..ops.elementwise import square
from ..ops.reductions import reduce_mean, reduce_sum
from ..session import Session
from ..train.gradient_descent import GradientDescentOptimizer
from ..train.momentum import MomentumOptimizer
from ..variable import Variable
from .feedback import correct, fail, not_yet, show


def _final_loss_of_gradient_descent(X_data, y_data, learning_rate, num_steps=300):
    """The loss, before and after `num_steps` full-batch steps of gradient
    descent on the mean squared error of x w + b, from w = 0, b = 0."""
    with Graph().as_default():
        W = Variable(np.zeros(X_data.shape[1]), name="W")
        b = Variable(0.0, name="b")
        J = reduce_mean(square(constant(X_data) @ W + b - constant(y_data)))
        train_step = GradientDescentOptimizer(learning_rate).minimize(J)
        with Session() as session, np.errstate(all="ignore"):
            first = session.run(J)
            for _ in range(num_steps):
                session.run(train_step)
            return first, session.run(J)


def check_largest_stable_rate(largest_stable_rate):
    """Exercise 1: `largest_stable_rate(X_data)` is 2 / (the largest curvature
    of the mean squared error of x w + b). Tried by running gradient descent
    3% below and 3% above it."""
    rng = np.random.default_rng(7)
    X_data = rng.standard_normal((200, 2)) * [0.5, 1.0] + [2.0, 0.0]
    y_data = X_data @ [1.0, -1.0] + 2.0 + 0.1 * rng.standard_normal(200)
    answer = largest_stable_rate(X_data)
    if answer is None:
        return not_yet("largest_stable_rate")
    if not isinstance(answer, numbers.Real) and np.ndim(answer) != 0:
        fail(f"largest_stable_rate should return one number; it returned {show(answer)}")
    answer = float(answer)
    if not answer > 0:
        fail(f"a learning rate must be positive; largest_stable_rate returned {answer:.4g}")
    start, below = _final_loss_of_gradient_descent(X_data, y_data, 0.97 * answer)
    _, above = _final_loss_of_gradient_descent(X_data, y_data, 1.03 * answer)
    hint = _stable_rate_hint(X_data, answer)
    if not below < start:
        fail(f"gradient descent with 0.97 x your answer ({0.97 * answer:.4g}) diverges: the "
             f"loss goes from {start:.4g} to {below:.4g} in 300 steps, so your answer "
             f"({answer:.4g}) is too large.{hint}")
    if np.isfinite(above) and above < start:
        fail(f"gradient descent with 1.03 x your answer ({1.03 * answer:.4g}) still "
             f"converges (the loss goes from {start:.4g} to {above:.4g}), so the limit is "
             f"higher than your answer ({answer:.4g}).{hint}")
    correct(f"{answer:.4f}: just below it the loss falls, just above it the loss explodes.")


def _stable_rate_hint(X_data, answer):
    """A guess at the mistake behind a wrong answer, or an empty string."""
    with_bias = np.column_stack([X_data, np.ones(len(X_data))])
    curvature = np.linalg.eigvalsh(2 / len(X_data) * with_bias.T @ with_bias).max()
    without_bias = np.linalg.eigvalsh(2 / len(X_data) * X_data.T @ X_data).max()
    if np.isclose(answer, 1 / curvature):
        return " That is 1 / (largest curvature): the limit is where eta * lambda = 2."
    if np.isclose(answer, 2 / without_bias):
        return (" The bias is a weight too: add a column of ones to X_data before "
                "computing the curvatures.")
    if np.isclose(answer, 2 / (curvature / 2)):
        return (" The second derivative of (1/N) sum (x w + b - y)^2 carries a factor 2: "
                "the curvatures are those of (2/N) A^T A.")
    return ""


def _measured_top_speed(learning_rate, momentum, g, num_steps=400):
    """The length of Momentum's last step on J(w) = g w, after `num_steps` steps."""
    with Graph().as_default():
        w = Variable(0.0, name="w")
        train_step = MomentumOptimizer(learning_rate, momentum).minimize(constant(g) * w)
        with Session() as session:
            for _ in range(num_steps):
                before = session.run(w)
                session.run(train_step)
            return abs(session.run(w) - before)


def check_momentum_top_speed(momentum_top_speed):
    """Exercise 2: `momentum_top_speed(learning_rate, momentum, g)` is the
    length Momentum's steps settle at on J(w) = g w: learning_rate |g| / (1 - momentum)."""
    for learning_rate, momentum, g in ((0.1, 0.9, 1.0), (0.01, 0.5, -3.0), (0.2, 0.0, 2.0)):
        answer = momentum_top_speed(learning_rate, momentum, g)
        if answer is None:
            return not_yet("momentum_top_speed")
        measured = _measured_top_speed(learning_rate, momentum, g)
        if not np.isclose(abs(float(answer)), measured, rtol=1e-3):
            hint = ""
            if np.isclose(abs(float(answer)), learning_rate * abs(g)):
                hint = (" That is the length of the first step; the accumulation keeps "
                        "growing: a = g + mu g + mu^2 g + ...")
            fail(f"with learning_rate={learning_rate}, momentum={momentum}, g={g}, your "
                 f"answer is {float(answer):.6g}, but the steps settle at "
                 f"{measured:.6g}.{hint}")
    correct("learning_rate |g| / (1 - momentum): with momentum 0.9, steps ten times "
            "longer than gradient descent's on a steady slope.")


def _rmsprop_reference(value, grads_of, learning_rate, decay, epsilon, num_steps):
    """Values visited by RMSProp, and by typical wrong versions of it."""
    versions = {"right": None, "old s": None, "no root": None, "swapped": None,
                "new w": None}
    for version in versions:
        w, s, visited = np.array(value), np.zeros_like(value), []
        for _ in range(num_steps):
            grad = grads_of(w)
            new_s = (decay * s + (1 - decay) * grad ** 2 if version != "swapped"
                     else (1 - decay) * s + decay * grad ** 2)
            used_s = s if version == "old s" else new_s
            scale = used_s if version == "no root" else np.sqrt(used_s)
            new_w = w - learning_rate * grad / (scale + epsilon)
            # "new w": update_rule returned the new w, and the step added it to w.
            w, s = (w + new_w if version == "new w" else new_w), new_s
            visited.append(w)
        versions[version] = np.array(visited)
    return versions


_RMSPROP_HINTS = {
    "old s": " Update s first, then divide by the root of the new s.",
    "no root": " Divide by the square root of s, not by s.",
    "swapped": " The running mean keeps decay * s and adds (1 - decay) * g**2.",
    "new w": (" update_rule returns the update, the change to add to w, "
              "-learning_rate g / (sqrt(s) + epsilon), not the new w."),
}


def check_rmsprop(RMSPropOptimizer):
    """Exercise 3: an RMSProp subclass of `Optimizer`, s starting at 0,
    s <- decay s + (1 - decay) g**2, w <- w - learning_rate g / (sqrt(s) + epsilon),
    with update_rule returning the update -learning_rate g / (sqrt(s) + epsilon)."""
    start = np.array([1.0, -2.0])
    optimizer = RMSPropOptimizer(learning_rate=0.1)
    slots = optimizer.initial_slots(start)
    if slots is None:
        return not_yet("initial_slots")
    if not (isinstance(slots, dict) and set(slots) == {"s"}):
        fail(f"initial_slots should return a dict with the one slot 's', like "
             f"{{'s': ...}}; it returned {slots!r}")
    s = np.asarray(slots["s"])
    if s.shape != start.shape or np.any(s != 0):
        fail(f"for a weight of value {show(start)}, s should start as zeros of the same "
             f"shape; initial_slots gave {show(s)}")
    if optimizer.update_rule(start, np.ones_like(start), {"s": s}) is None:
        return not_yet("update_rule")
    curvature = np.array([1.0, 10.0])
    with Graph().as_default():
        w = Variable(start, name="w")
        train_step = optimizer.minimize(reduce_sum(constant(curvature) * w * w))
        with Session() as session:
            visited = []
            for _ in range(5):
                session.run(train_step)
                visited.append(session.run(w))
    references = _rmsprop_reference(start, lambda w: 2 * curvature * w, 0.1, 0.9, 1e-8, 5)
    for step, (got, expected) in enumerate(zip(visited, references["right"])):
        if not np.allclose(got, expected):
            hint = next((text for version, text in _RMSPROP_HINTS.items()
                         if np.allclose(got, references[version][step])), "")
            fail(f"on J = w1**2 + 10 w2**2 from w = {show(start)} with learning_rate=0.1, "
                 f"step {step + 1} gives w = {show(got)}, but RMSProp gives "
                 f"{show(expected)}.{hint}")
    correct("both weights move by about the learning rate per step, although one "
            "gradient is ten times the other: the division by sqrt(s) evens them out.")
