"""Momentum: gradient descent that remembers which way it was going."""
import numpy as np

from .optimizer import Optimizer


class MomentumOptimizer(Optimizer):
    """TensorFlow 1's momentum update (`tf.train.MomentumOptimizer`):

        accumulation <- momentum * accumulation + dL/dw
        w <- w - learning_rate * accumulation

    With `use_nesterov`, the step looks ahead along the accumulation:
        w <- w - learning_rate * (dL/dw + momentum * accumulation)
    """

    def __init__(self, learning_rate, momentum, use_nesterov=False, name="Momentum"):
        super().__init__(learning_rate, name)
        self.momentum = momentum
        self.use_nesterov = use_nesterov

    def initial_slots(self, value):
        return {"momentum": np.zeros_like(value)}

    def update_rule(self, value, grad, slots):
        accumulation = self.momentum * slots["momentum"] + grad
        direction = grad + self.momentum * accumulation if self.use_nesterov else accumulation
        return -self.learning_rate * direction, {"momentum": accumulation}
