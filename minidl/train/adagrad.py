"""Adagrad: each weight's step divided by the size of all its past gradients."""
import numpy as np

from .optimizer import Optimizer


class AdagradOptimizer(Optimizer):
    """TensorFlow 1's Adagrad update (`tf.train.AdagradOptimizer`):

        accumulator <- accumulator + g**2       (starts at initial_accumulator_value)
        w <- w - learning_rate * g / sqrt(accumulator)

    Weights whose gradients have been large take ever smaller steps.
    """

    def __init__(self, learning_rate, initial_accumulator_value=0.1, use_locking=False,
                 name="Adagrad"):
        if initial_accumulator_value <= 0:
            raise ValueError(f"initial_accumulator_value must be positive (it is divided "
                             f"by), got {initial_accumulator_value}")
        super().__init__(learning_rate, name)
        self.initial_accumulator_value = initial_accumulator_value

    def initial_slots(self, value):
        return {"accumulator": np.full_like(value, self.initial_accumulator_value)}

    def update_rule(self, value, grad, slots):
        accumulator = slots["accumulator"] + grad * grad
        return -self.learning_rate * grad / np.sqrt(accumulator), {"accumulator": accumulator}
