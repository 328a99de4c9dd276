"""Model answers to the exercises of chapter 7, optimizers and mini-batches."""
import numpy as np

import minidl as tf


def largest_stable_rate(X_data):
    """2 / the largest curvature of the mean squared error.

    With A = X_data plus a column of ones (the bias is a weight too), the
    second derivatives of (1/N) sum (A theta - y)^2 are (2/N) A^T A.
    """
    A = np.column_stack([X_data, np.ones(len(X_data))])
    curvatures = np.linalg.eigvalsh(2 / len(X_data) * A.T @ A)
    return 2 / curvatures.max()


def momentum_top_speed(learning_rate, momentum, g):
    """On a constant slope the accumulation settles at g + mu g + mu^2 g + ... = g / (1 - mu)."""
    return learning_rate * abs(g) / (1 - momentum)


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
