"""Checks for the exercises of chapter 7, optimizers and mini-batches."""
import numpy as np

import minidl as tf

from . import feedback as fb


def _path(optimizer, loss_of, w0, num_steps):
    """The values of w, from w0, over `num_steps` steps of `optimizer` on loss_of(w)."""
    with tf.Graph().as_default():
        w = tf.Variable(w0, name="w")
        train_step = optimizer.minimize(loss_of(w))
        with tf.Session() as session:
            path = [session.run(w)]
            for _ in range(num_steps):
                session.run(train_step)
                path.append(session.run(w))
    return np.array(path, dtype=np.float64)


@fb.answer_is("function")
def check_momentum_warmup(steps_to_reach):
    """Exercise 1: `steps_to_reach(momentum, fraction)` is the number of the first
    step of Momentum, on a constant slope, at least `fraction` of its top speed."""
    library = tf.train.MomentumOptimizer
    for momentum, fraction in ((0.9, 0.9), (0.5, 0.99), (0.99, 0.5)):
        answer = fb.call(steps_to_reach, "steps_to_reach", momentum, fraction,
                         refuse=[("tf.train.MomentumOptimizer.update_rule", library.update_rule)],
                         reason="work it out from the formula for the steps; the check "
                                "measures it by running tf.train.MomentumOptimizer.")
        value = fb.number(answer, f"steps_to_reach({momentum}, {fraction})", example="12")
        fb.expect(np.isfinite(value) and value == int(value), f"steps_to_reach({momentum}, "
                  f"{fraction}) should be a whole number of steps; it is {value:g}. Which step "
                  f"is the first to get there?")
        # Momentum's steps on J(w) = w with learning rate 0.1, and the speed they approach
        lengths = np.abs(np.diff(_path(library(0.1, momentum), lambda w: w, 0.0, 200)))
        top_speed = 0.1 / (1 - momentum)
        expected = 1 + int(np.argmax(lengths >= fraction * top_speed - 1e-12))
        step = min(max(int(value), 1), len(lengths))
        fb.expect(int(value) == expected, f"with momentum {momentum}, your answer is step "
                  f"{int(value)}, where the step is {lengths[step - 1] / top_speed:.4f} of the "
                  f"top speed; the first step at {fraction} of it or more is step {expected} "
                  f"({lengths[expected - 1] / top_speed:.4f})."
                  + (" Count from 1: the first step is step 1, of length learning_rate |g|."
                     if abs(int(value) - expected) == 1 else ""))
    fb.correct("step n is learning_rate |g| (1 + mu + ... + mu**(n-1)) = top speed "
               "(1 - mu**n): the higher the momentum, the longer the warm-up.")


_ADAM_MISTAKES = {
    "no correction": (" m and v start at 0, so after one step m = 0.1 g and sqrt(v) = 0.0316 |g|: "
                      "uncorrected, the first step is 3.16 times too long. Multiply the learning "
                      "rate by sqrt(1 - beta2**t) / (1 - beta1**t), with t = 1 at the first step."),
    "gradient": " Step along m, the running mean of the gradients, not along g itself.",
}


def _wrong_adam(mistake, gradient, w0, learning_rate, num_steps):
    """The points Adam visits with a typical `mistake`, a key of _ADAM_MISTAKES: m and v
    left uncorrected for starting at 0, or each step along g instead of m."""
    w, m, v, path = w0, 0.0, 0.0, [w0]
    for t in range(1, num_steps + 1):
        g = gradient(w)
        m, v = 0.9 * m + 0.1 * g, 0.999 * v + 0.001 * g * g
        correction = 1.0 if mistake == "no correction" else np.sqrt(1 - 0.999**t) / (1 - 0.9**t)
        direction = g if mistake == "gradient" else m
        w = w - learning_rate * correction * direction / (np.sqrt(v) + 1e-8)
        path.append(w)
    return np.array(path)


@fb.answer_is("function")
def check_adam_path(adam_path):
    """Exercise 2: `adam_path(gradient, w0, learning_rate, num_steps)` returns the
    points Adam visits (w0 first), with beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8,
    compared with tf.train.AdamOptimizer."""
    library = tf.train.AdamOptimizer
    c = np.array([0.5, 20.0])
    problems = [(lambda w: 2 * c * w, lambda w: tf.reduce_sum(w * w * c), np.array([2.0, -1.0]),
                 0.1, 30, "J(w) = 0.5 w1**2 + 20 w2**2 from w0 = (2, -1)"),
                (lambda w: 4 * w ** 3, lambda w: tf.reduce_sum(w * w * w * w), np.array([1.5]),
                 0.05, 40, "J(w) = w**4 from w0 = 1.5")]
    for gradient, loss_of, w0, learning_rate, num_steps, description in problems:
        answer = fb.call(adam_path, "adam_path", gradient, w0, learning_rate, num_steps,
                         refuse=[("tf.train.AdamOptimizer.update_rule", library.update_rule)])
        path = fb.numbers(answer, "the path adam_path returns")
        expected = _path(library(learning_rate), loss_of, w0, num_steps)
        if path.shape == expected.shape:  # then the first point that is off, and why
            step = int(np.argmax(~np.isclose(path, expected).all(axis=-1)))
            fb.compare(path, expected, f"for {description}, your path starts at "
                       f"{fb.show(path[0])}; it should start at w0 = {fb.show(w0)}, then hold "
                       f"one point per step" if step == 0 else
                       f"for {description} with learning rate {learning_rate}, point {step} of "
                       f"your path is {fb.show(path[step])}, but tf.train.AdamOptimizer gets to "
                       f"{fb.show(expected[step])} (from {fb.show(expected[step - 1])}).",
                       *[(_wrong_adam(mistake, gradient, w0, learning_rate, num_steps), text)
                         for mistake, text in _ADAM_MISTAKES.items()])
        fb.agrees(path, expected, f"for {description} with {num_steps} steps", "the path",
                  (expected[1:], " The path holds w0, then one point per step."))
    fb.correct("Adam's first steps are about learning_rate long whatever the gradient's "
               "size, thanks to the correction of m and v for starting at 0.")


_RMSPROP_MISTAKES = {
    "old s": " Update s first, then divide by the root of the new s.",
    "no root": " Divide by the square root of s, not by s.",
    "swapped": " The running mean keeps decay * s and adds (1 - decay) * g**2.",
    "new w": (" update_rule returns the update, the change to add to w, "
              "-learning_rate g / (sqrt(s) + epsilon), not the new w."),
}


def _rmsprop(mistake, w, gradient, learning_rate=0.1, decay=0.9, epsilon=1e-8, num_steps=5):
    """The values RMSProp visits after w: right (`mistake` None), or with a typical
    mistake, a key of _RMSPROP_MISTAKES."""
    s, visited = np.zeros_like(w), []
    for _ in range(num_steps):
        g = gradient(w)
        new_s = ((1 - decay) * s + decay * g ** 2 if mistake == "swapped"
                 else decay * s + (1 - decay) * g ** 2)
        used_s = s if mistake == "old s" else new_s
        root = used_s if mistake == "no root" else np.sqrt(used_s)
        update = -learning_rate * g / (root + epsilon)
        # "new w": update_rule returned the new w, and the step added it to w.
        w, s = w + (w + update if mistake == "new w" else update), new_s
        visited.append(w)
    return np.array(visited)


@fb.answer_is("class", tf.train.Optimizer, " with initial_slots and update_rule methods")
def check_rmsprop(RMSPropOptimizer):
    """Exercise 3: an RMSProp subclass of `Optimizer`, s starting at 0,
    s <- decay s + (1 - decay) g**2, w <- w - learning_rate g / (sqrt(s) + epsilon),
    with update_rule returning the update -learning_rate g / (sqrt(s) + epsilon)."""
    start = np.array([1.0, -2.0])
    optimizer = RMSPropOptimizer(learning_rate=0.1)
    slots = fb.call(optimizer.initial_slots, "initial_slots", start)
    fb.expect(isinstance(slots, dict) and set(slots) == {"s"}, f"initial_slots should return "
              f"a dict with the one slot 's', like {{'s': ...}}; it returned {slots!r}")
    s = np.asarray(slots["s"])
    fb.expect(s.shape == start.shape and not np.any(s != 0), f"for a weight of value "
              f"{fb.show(start)}, s should start as zeros of the same shape; initial_slots gave "
              f"{fb.show(s)}")
    result = fb.call(optimizer.update_rule, "update_rule", start, np.ones_like(start), {"s": s})
    fb.expect(isinstance(result, tuple) and len(result) == 2 and isinstance(result[1], dict),
              f"update_rule should return two things, the update of the weight and the dict of "
              f"new slots, (update, {{'s': new_s}}); it returned {fb.describe(result)}")
    fb.numbers(result[0], "the update that update_rule returns")
    curvature = np.array([1.0, 10.0])
    visited = _path(optimizer, lambda w: tf.reduce_sum(w * w * curvature), start, 5)[1:]
    paths = {mistake: _rmsprop(mistake, start, lambda w: 2 * curvature * w)
             for mistake in (None, *_RMSPROP_MISTAKES)}
    fb.agrees(visited, paths[None], f"on J = w1**2 + 10 w2**2 from w = {fb.show(start)} with "
              f"learning_rate=0.1", "w after each of the 5 steps",
              *[(paths[mistake], text) for mistake, text in _RMSPROP_MISTAKES.items()])
    fb.correct("both weights move by about the learning rate per step, although one "
               "gradient is ten times the other: the division by sqrt(s) evens them out.")
