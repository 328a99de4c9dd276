"""Model answers to the exercises of chapter 4, the training criterion."""
import minidl as tf


def cross_entropy(Y, p):
    """J = -sum_i sum_c Y_ic log p_ic: the one-hot Y keeps log p of each true class."""
    return -tf.reduce_sum(Y * tf.log(p))


def stable_log_softmax(logits):
    """z - m - log(sum(e**(z - m))) with m the row's largest score: every
    exponent is <= 0 (no overflow) and the sum is >= 1 (no log(0))."""
    shifted = logits - tf.reduce_max(logits, axis=1, keepdims=True)
    return shifted - tf.log(tf.reduce_sum(tf.exp(shifted), axis=1, keepdims=True))


def error_rate(p, y):
    """The fraction of rows whose most probable class is not the label."""
    right = tf.equal(tf.argmax(p, axis=1), y)
    return 1 - tf.reduce_mean(tf.cast(right, tf.float64))
