"""Checks for the exercises of chapter 7, optimizers and mini-batches."""
import numpy as np

from ..constant import constant
from ..graph import Graph
from ..ops.reductions import reduce_sum
from ..session import Session
from ..train.adam import AdamOptimizer
from ..train.momentum import MomentumOptimizer
from ..train.optimizer import Optimizer
from ..variable import Variable
from . import feedback as fb
from .guard import refusing


def _path(optimizer, loss_of, w0, num_steps):
    """The values of w, from w0, over `num_steps` steps of `optimizer` on loss_of(w)."""
    with Graph().as_default():
        w = Variable(w0, name="w")
        train_step = optimizer.minimize(loss_of(w))
        with Session() as session:
            path = [session.run(w)]
            for _ in range(num_steps):
                session.run(train_step)
                path.append(session.run(w))
    return np.array(path, dtype=np.float64)


@fb.answer_is("function")
def check_momentum_warmup(steps_to_reach):
    """Exercise 1: `steps_to_reach(momentum, fraction)` is the number of the first
    step of Momentum, on a constant slope, at least `fraction` of its top speed."""
    for momentum, fraction in ((0.9, 0.9), (0.5, 0.99), (0.99, 0.5)):
        with refusing("steps_to_reach", [("tf.train.MomentumOptimizer.update_rule",
                                          MomentumOptimizer.update_rule)],
                      reason="work it out from the formula for the steps; the check "
                             "measures it by running tf.train.MomentumOptimizer."):
            answer = steps_to_reach(momentum, fraction)
        fb.answered(answer, "steps_to_reach")
        value = fb.number(answer, f"steps_to_reach({momentum}, {fraction})", example="12")
        if not np.isfinite(value) or value != int(value):
            fb.fail(f"steps_to_reach({momentum}, {fraction}) should be a whole number of "
                    f"steps; it is {value:g}. Which step is the first to get there?")
        # Momentum's steps on J(w) = w with learning rate 0.1, and the speed they approach
        lengths = np.abs(np.diff(_path(MomentumOptimizer(0.1, momentum), lambda w: w, 0.0, 200)))
        top_speed = 0.1 / (1 - momentum)
        expected = 1 + int(np.argmax(lengths >= fraction * top_speed - 1e-12))
        if int(value) != expected:
            step = min(max(int(value), 1), len(lengths))
            hint = (" Count from 1: the first step is step 1, of length learning_rate |g|."
                    if abs(int(value) - expected) == 1 else "")
            fb.fail(f"with momentum {momentum}, your answer is step {int(value)}, where the "
                    f"step is {lengths[step - 1] / top_speed:.4f} of the top speed; the first "
                    f"step at {fraction} of it or more is step {expected} "
                    f"({lengths[expected - 1] / top_speed:.4f}).{hint}")
    fb.correct("step n is learning_rate |g| (1 + mu + ... + mu**(n-1)) = top speed "
               "(1 - mu**n): the higher the momentum, the longer the warm-up.")


def _adam_reference(gradient, w0, learning_rate, num_steps, beta1, beta2, epsilon,
                    version="right"):
    """Points visited by Adam, and by typical wrong versions of it."""
    w = np.array(w0, dtype=np.float64)
    m, v, path = np.zeros_like(w), np.zeros_like(w), [w]
    for t in range(1, num_steps + 1):
        g = gradient(w)
        m = beta1 * m + (1 - beta1) * g
        v = beta2 * v + (1 - beta2) * g * g
        if version == "no correction":
            step = learning_rate * m / (np.sqrt(v) + epsilon)
        else:
            lr_t = learning_rate * np.sqrt(1 - beta2 ** t) / (1 - beta1 ** t)
            step = lr_t * (g if version == "gradient" else m) / (np.sqrt(v) + epsilon)
        w = w - step
        path.append(w)
    return np.array(path)


_ADAM_HINTS = {
    "no correction": (" m and v start at 0, so after one step m = 0.1 g and "
                      "sqrt(v) = 0.0316 |g|: uncorrected, the first step is 3.16 times too "
                      "long. Multiply the learning rate by sqrt(1 - beta2**t) / "
                      "(1 - beta1**t), with t = 1 at the first step."),
    "gradient": " Step along m, the running mean of the gradients, not along g itself.",
}


def _adam_problems():
    """(gradient function, J as a minidl function of w, w0, learning rate, steps, words)."""
    c = np.array([0.5, 20.0])
    return [
        (lambda w: 2 * c * w, lambda w: reduce_sum(constant(c) * w * w),
         np.array([2.0, -1.0]), 0.1, 30, "J(w) = 0.5 w1**2 + 20 w2**2 from w0 = (2, -1)"),
        (lambda w: 4 * w ** 3, lambda w: reduce_sum(w * w * w * w),
         np.array([1.5]), 0.05, 40, "J(w) = w**4 from w0 = 1.5"),
    ]


@fb.answer_is("function")
def check_adam_path(adam_path):
    """Exercise 2: `adam_path(gradient, w0, learning_rate, num_steps)` returns the
    points Adam visits (w0 first), with beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8,
    compared with tf.train.AdamOptimizer."""
    for gradient, loss_of, w0, learning_rate, num_steps, description in _adam_problems():
        with refusing("adam_path", [("tf.train.AdamOptimizer.update_rule",
                                     AdamOptimizer.update_rule)]):
            answer = adam_path(gradient, w0.copy(), learning_rate, num_steps)
        fb.answered(answer, "adam_path")
        path = fb.numbers(answer, "the path adam_path returns")
        expected = _path(AdamOptimizer(learning_rate), loss_of, w0, num_steps)
        fb.path_like(path, expected, description, start="w0")
        if not np.allclose(path, expected):
            hint = fb.hint(path, *[(_adam_reference(gradient, w0, learning_rate, num_steps,
                                                    0.9, 0.999, 1e-8, version), text)
                                   for version, text in _ADAM_HINTS.items()])
            step = int(np.argmax(~np.isclose(path, expected).all(axis=-1)))
            if step == 0:
                fb.fail(f"for {description}, your path starts at {fb.show(path[0])}; it should "
                        f"start at w0 = {fb.show(w0)}, then hold one point per step")
            fb.fail(f"for {description} with learning rate {learning_rate}, point {step} of "
                    f"your path is {fb.show(path[step])}, but tf.train.AdamOptimizer gets to "
                    f"{fb.show(expected[step])} (from {fb.show(expected[step - 1])}).{hint}")
    fb.correct("Adam's first steps are about learning_rate long whatever the gradient's "
               "size, thanks to the correction of m and v for starting at 0.")


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


@fb.answer_is("class", Optimizer, " with initial_slots and update_rule methods")
def check_rmsprop(RMSPropOptimizer):
    """Exercise 3: an RMSProp subclass of `Optimizer`, s starting at 0,
    s <- decay s + (1 - decay) g**2, w <- w - learning_rate g / (sqrt(s) + epsilon),
    with update_rule returning the update -learning_rate g / (sqrt(s) + epsilon)."""
    start = np.array([1.0, -2.0])
    optimizer = RMSPropOptimizer(learning_rate=0.1)
    slots = fb.answered(optimizer.initial_slots(start), "initial_slots")
    if not (isinstance(slots, dict) and set(slots) == {"s"}):
        fb.fail(f"initial_slots should return a dict with the one slot 's', like "
                f"{{'s': ...}}; it returned {slots!r}")
    s = np.asarray(slots["s"])
    if s.shape != start.shape or np.any(s != 0):
        fb.fail(f"for a weight of value {fb.show(start)}, s should start as zeros of the same "
                f"shape; initial_slots gave {fb.show(s)}")
    result = fb.answered(optimizer.update_rule(start, np.ones_like(start), {"s": s}), "update_rule")
    if not (isinstance(result, tuple) and len(result) == 2 and isinstance(result[1], dict)):
        fb.fail(f"update_rule should return two things, the update of the weight and the "
                f"dict of new slots, (update, {{'s': new_s}}); it returned {fb.describe(result)}")
    fb.numbers(result[0], "the update that update_rule returns")
    curvature = np.array([1.0, 10.0])
    visited = _path(optimizer, lambda w: reduce_sum(constant(curvature) * w * w), start, 5)[1:]
    references = _rmsprop_reference(start, lambda w: 2 * curvature * w, 0.1, 0.9, 1e-8, 5)
    for step, (got, expected) in enumerate(zip(visited, references["right"])):
        mistakes = [(references[version][step], text) for version, text in _RMSPROP_HINTS.items()]
        fb.compare(got, expected, f"on J = w1**2 + 10 w2**2 from w = {fb.show(start)} with "
                   f"learning_rate=0.1, step {step + 1} gives w = {fb.show(got)}, but RMSProp "
                   f"gives {fb.show(expected)}.", *mistakes)
    fb.correct("both weights move by about the learning rate per step, although one "
               "gradient is ten times the other: the division by sqrt(s) evens them out.")
