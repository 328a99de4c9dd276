"""Plain gradient descent: step downhill, in proportion to the slope."""
from .optimizer import Optimizer


class GradientDescentOptimizer(Optimizer):
    """w <- w - learning_rate * dL/dw  (`tf.train.GradientDescentOptimizer`)."""

    def __init__(self, learning_rate, name="GradientDescent"):
        super().__init__(learning_rate, name)

    def update_rule(self, value, grad, slots):
        return -self.learning_rate * grad, {}
