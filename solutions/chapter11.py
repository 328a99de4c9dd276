"""Model answers to the exercises of chapter 11, debugging and initialization."""
import numpy as np


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
