"""Model answers to the exercises of chapter 10, generalization and regularization."""

import minidl as tf


def l2_penalty(weights, weight_decay):
    """weight_decay times half the sum of the squares of every weight."""
    return weight_decay * tf.add_n([tf.reduce_sum(tf.square(W)) / 2 for W in weights])


def dropout_mask(shape, rate, rng):
    """1 / (1 - rate) where a uniform draw is at least `rate`, else 0."""
    return (rng.random(shape) >= rate) / (1 - rate)


def early_stopping(validation_losses, patience):
    """The best step seen when training stops: `patience` steps after the
    lowest loss so far, or at the last step."""
    best_step = 0
    for step, loss in enumerate(validation_losses):
        if loss < validation_losses[best_step]:
            best_step = step
        if step - best_step == patience:
            break
    return best_step
