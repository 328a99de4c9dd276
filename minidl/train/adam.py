"""Adam: a step size for every weight, from running averages of its gradient."""
import math

import numpy as np

from .optimizer import Optimizer


class AdamOptimizer(Optimizer):
    """TensorFlow 1's Adam update (`tf.train.AdamOptimizer`), at step t = 1, 2, ...:

        m <- beta1 * m + (1 - beta1) * g            (running mean of gradients)
        v <- beta2 * v + (1 - beta2) * g**2         (running mean of their squares)
        lr_t = learning_rate * sqrt(1 - beta2**t) / (1 - beta1**t)
        w <- w - lr_t * m / (sqrt(v) + epsilon)

    lr_t corrects m and v for starting at zero. Each weight moves by about
    learning_rate, whatever the scale of its gradient.
    """

    def __init__(self, learning_rate=0.001, beta1=0.9, beta2=0.999, epsilon=1e-08,
                 name="Adam"):
        super().__init__(learning_rate, name)
        self.beta1, self.beta2, self.epsilon = beta1, beta2, epsilon

    def initial_slots(self, value):
        return {"m": np.zeros_like(value), "v": np.zeros_like(value), "t": np.array(0)}

    def update_rule(self, value, grad, slots):
        t = int(slots["t"]) + 1
        m = self.beta1 * slots["m"] + (1 - self.beta1) * grad
        v = self.beta2 * slots["v"] + (1 - self.beta2) * grad * grad
        lr_t = self.learning_rate * math.sqrt(1 - self.beta2 ** t) / (1 - self.beta1 ** t)
        return -lr_t * m / (np.sqrt(v) + self.epsilon), {"m": m, "v": v, "t": np.array(t)}
