"""Model answers to the exercises of chapter 4, the training criterion."""
import numpy as np

import minidl as tf


def binary_cross_entropy(y, p):
    """J = -sum_i (y_i log p_i + (1 - y_i) log(1 - p_i)): each example adds -log of
    the probability given to its true class, p for class 1 and 1 - p for class 0."""
    return -tf.reduce_sum(y * tf.log(p) + (1 - y) * tf.log(1 - p))


def stable_log_softmax(logits):
    """z - m - log(sum(e**(z - m))) with m the row's largest score: every
    exponent is <= 0 (no overflow) and the sum is >= 1 (no log(0))."""
    shifted = logits - tf.reduce_max(logits, axis=1, keepdims=True)
    return shifted - tf.log(tf.reduce_sum(tf.exp(shifted), axis=1, keepdims=True))


def error_rate(p, y):
    """The fraction of rows whose most probable class is not the label."""
    right = tf.equal(tf.argmax(p, axis=1), y)
    return 1 - tf.reduce_mean(tf.cast(right, tf.float64))


class SigmoidCrossEntropy(tf.Operation):
    """-y log sigmoid(z) - (1 - y) log(1 - sigmoid(z)), elementwise.

    With log sigmoid(z) = -log(1 + e**-z) and log(1 - sigmoid(z)) = -z - log(1 + e**-z),
    the loss is z - z y + log(1 + e**-z); for z < 0, writing log(1 + e**-z) as
    -z + log(1 + e**z) gives the one form max(z, 0) - z y + log(1 + e**-|z|),
    whose exponent is never positive."""

    def __init__(self, labels, logits, name=None):
        super().__init__([labels, logits], name)

    def compute(self, labels, logits):
        return np.maximum(logits, 0) - logits * labels + np.log1p(np.exp(-np.abs(logits)))
