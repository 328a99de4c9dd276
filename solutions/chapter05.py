"""Model answers to the exercises of chapter 5: gradient descent and backpropagation."""
import numpy as np

import minidl as tf


def gradient_descent(gradient, x0, learning_rate, num_steps):
    """x <- x - learning_rate * gradient(x), num_steps times; every point visited."""
    path = [np.asarray(x0, dtype=np.float64)]
    for _ in range(num_steps):
        path.append(path[-1] - learning_rate * gradient(path[-1]))
    return np.array(path)


# Each step multiplies w2 by 1 - 20 lr (its gradient is 20 w2), which must lie
# strictly between -1 and 1: 0 < lr < 0.1. (w1 alone would allow lr < 1.)
largest_learning_rate = 0.1


class Softplus(tf.Operation):
    """log(1 + e**x).  d/dx = e**x / (1 + e**x) = sigmoid(x)."""

    def __init__(self, x, name=None):
        super().__init__([x], name)

    def compute(self, x_value):
        return np.logaddexp(0, x_value)

    def gradient(self, grad):
        x, = self.inputs
        return [grad * tf.sigmoid(x)]


def cross_entropy_gradient(X_data, Y_data, W_value, b_value):
    """dJ/dlogits = P - Y for the softmax cross-entropy; the logits X W + b send
    it back as X^T (P - Y) to W and as its sum over the examples to b."""
    logits = X_data @ W_value + b_value
    P = np.exp(logits - logits.max(axis=1, keepdims=True))
    P /= P.sum(axis=1, keepdims=True)
    return X_data.T @ (P - Y_data), np.sum(P - Y_data, axis=0)
