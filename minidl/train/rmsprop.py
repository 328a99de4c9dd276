"""RMSProp: each weight's step divided by a running size of its gradients."""
import numpy as np

from .optimizer import Optimizer


class RMSPropOptimizer(Optimizer):
    """TensorFlow 1's RMSProp update (`tf.train.RMSPropOptimizer`):

        rms <- decay * rms + (1 - decay) * g**2           (starts at 1, as in TF1)
        momentum <- momentum * momentum + learning_rate * g / sqrt(rms + epsilon)
        w <- w - momentum

    With `centered`, the running mean of g is taken off the running mean of g**2
    (their difference estimates g's variance):
        mg <- decay * mg + (1 - decay) * g
        momentum <- ... / sqrt(rms - mg**2 + epsilon)
    """

    def __init__(self, learning_rate, decay=0.9, momentum=0.0, epsilon=1e-10,
                 use_locking=False, centered=False, name="RMSProp"):
        super().__init__(learning_rate, name)
        self.decay, self.momentum, self.epsilon = decay, momentum, epsilon
        self.centered = centered

    def initial_slots(self, value):
        slots = {"rms": np.ones_like(value), "momentum": np.zeros_like(value)}
        if self.centered:
            slots["mg"] = np.zeros_like(value)
        return slots

    def update_rule(self, value, grad, slots):
        rms = self.decay * slots["rms"] + (1 - self.decay) * grad * grad
        new_slots = {"rms": rms}
        denominator = rms
        if self.centered:
            new_slots["mg"] = self.decay * slots["mg"] + (1 - self.decay) * grad
            denominator = rms - new_slots["mg"] ** 2
        new_slots["momentum"] = (self.momentum * slots["momentum"]
                                 + self.learning_rate * grad / np.sqrt(denominator + self.epsilon))
        return -new_slots["momentum"], new_slots
