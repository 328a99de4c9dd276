"""Model answers to the exercises of chapter 1, computational graphs."""
import numpy as np

import minidl as tf


def build_difference_of_squares():
    """u = (x + y) * (x - y): x and y each feed two operations."""
    x = tf.placeholder(name="x")
    y = tf.placeholder(name="y")
    u = (x + y) * (x - y)
    return x, y, u


def depends_on(node, other):
    """Whether `other` is `node` or can be reached from it by following inputs.

    Each node is expanded once, so shared inputs do not make the walk repeat itself."""
    to_visit, seen = [node], set()
    while to_visit:
        current = to_visit.pop()
        if current is other:
            return True
        if current not in seen:
            seen.add(current)
            to_visit.extend(current.inputs)
    return False


class Affine(tf.Operation):
    """A @ x + b as one operation."""

    def __init__(self, A, x, b, name=None):
        super().__init__([A, x, b], name)

    def compute(self, A_value, x_value, b_value):
        return np.matmul(A_value, x_value) + b_value
