"""Model answers to the exercises of chapter 11, debugging and initialization."""
import numpy as np

import minidl as tf


def expected_initial_loss(class_counts):
    """The cross-entropy of predicting each class's share q_c: -sum q_c ln q_c."""
    shares = np.asarray(class_counts) / np.sum(class_counts)
    return -np.sum(shares * np.log(shares))


def glorot_uniform(fan_in, fan_out, rng):
    """Uniform weights within +-sqrt(6 / (fan_in + fan_out))."""
    limit = np.sqrt(6 / (fan_in + fan_out))
    return rng.uniform(-limit, limit, (fan_in, fan_out))


def dead_units(activations):
    """The share of units (columns) that are 0 for every example (row)."""
    return np.mean(np.all(activations == 0, axis=0))


def first_nonfinite(loss, feed_dict):
    """The name of the first node, in computing order, whose value is not finite."""
    order = tf.traversal.topological_order([loss])
    with tf.Session() as session, np.errstate(all="ignore"):
        values = session.run(order, feed_dict)
    for node, value in zip(order, values):
        if not np.all(np.isfinite(value)):
            return node.name
    return None
