"""Model answers to the exercises of chapter 7, optimizers and mini-batches."""
import math

import numpy as np

import minidl as tf


def steps_to_reach(momentum, fraction):
    """On a slope g, step n is learning_rate |g| (1 + mu + ... + mu**(n-1)), which is
    the top speed learning_rate |g| / (1 - mu) times 1 - mu**n. It reaches `fraction`
    of it once mu**n <= 1 - fraction: n >= log(1 - fraction) / log(mu)."""
    return math.ceil(math.log(1 - fraction) / math.log(momentum) - 1e-9)


def adam_path(gradient, w0, learning_rate, num_steps, beta1=0.9, beta2=0.999, epsilon=1e-8):
    """Adam from its formulas: running means m of the gradients and v of their
    squares, both starting at 0, and a learning rate corrected for that start."""
    w = np.asarray(w0, dtype=np.float64)
    m, v, path = np.zeros_like(w), np.zeros_like(w), [w]
    for t in range(1, num_steps + 1):
        g = gradient(w)
        m = beta1 * m + (1 - beta1) * g
        v = beta2 * v + (1 - beta2) * g * g
        lr_t = learning_rate * np.sqrt(1 - beta2 ** t) / (1 - beta1 ** t)
        w = w - lr_t * m / (np.sqrt(v) + epsilon)
        path.append(w)
    return np.array(path)


class RMSPropOptimizer(tf.train.Optimizer):
    """s <- decay s + (1 - decay) g**2;  w <- w - learning_rate g / (sqrt(s) + epsilon)."""

    def __init__(self, learning_rate, decay=0.9, epsilon=1e-8, name="RMSProp"):
        super().__init__(learning_rate, name)
        self.decay, self.epsilon = decay, epsilon

    def initial_slots(self, value):
        return {"s": np.zeros_like(value)}

    def update_rule(self, value, grad, slots):
        s = self.decay * slots["s"] + (1 - self.decay) * grad * grad
        return -self.learning_rate * grad / (np.sqrt(s) + self.epsilon), {"s": s}
