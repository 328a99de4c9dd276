"""Checks for the exercises of chapter 9, from minidl to TensorFlow."""
import numpy as np

import minidl as tf

from ..shapes import shape_matches
from . import feedback as fb
from .chapter05b import gradient_agrees, own_gradient


@fb.answer_is("class", tf.Operation, " with compute and gradient methods")
def check_leaky_relu(LeakyRelu):
    """Exercise 1: `LeakyRelu(x, alpha)` is an operation computing x where
    x > 0 and alpha x elsewhere (`tf.nn.leaky_relu`), with its gradient."""
    x_value = np.array([-2.0, -0.5, 0.5, 3.0])
    for alpha in (0.2, 0.1):
        with tf.Graph().as_default():
            got = fb.run(LeakyRelu(tf.constant(x_value), alpha=alpha))
        expected = np.where(x_value > 0, x_value, alpha * x_value)
        fb.agrees(fb.answered(got, "LeakyRelu.compute"), expected, f"with alpha = {alpha} and x = "
                  f"{fb.show(x_value)}", "the value LeakyRelu.compute returns",
                  (np.maximum(x_value, 0), " Negative inputs are scaled by alpha, not set to 0: "
                                           "that is relu."))
    start = np.array([-1.5, -0.3, 0.4, 1.2, 2.0])
    with tf.Graph().as_default():
        W = tf.Variable(start, name="W")
        node = LeakyRelu(W, alpha=0.2)
        own_gradient(node, "LeakyRelu")
        gradient_agrees(tf.reduce_sum(tf.square(node)), [W], f"of J = sum(LeakyRelu(W)**2) at "
                        f"W = {fb.show(start)}", " The derivative of LeakyRelu is 1 where x > 0 "
                        "and alpha elsewhere; multiply it by grad.")
    fb.correct("forward and gradient side by side, in one class. TensorFlow keeps the two apart "
               "(a compiled kernel, and a Python function registered with tf.RegisterGradient), "
               "but they are the same two pieces.")


@fb.answer_is("function")
def check_sparse_cross_entropy(sparse_softmax_cross_entropy_with_logits):
    """Exercise 2: `sparse_softmax_cross_entropy_with_logits(labels, logits)`
    gives one loss per example, -log softmax(logits)[label], for int labels,
    with a gradient, and finite even for huge scores."""
    rng = np.random.default_rng(9)
    labels_value = np.array([0, 2, 1, 2])
    what = "sparse_softmax_cross_entropy_with_logits"
    for scale in (1.0, 1000.0):
        logits_value = scale * rng.standard_normal((4, 3))
        with tf.Graph().as_default():
            labels = tf.placeholder(np.int64, shape=(None,), name="labels")
            logits = tf.Variable(logits_value, name="logits")
            losses = fb.call(sparse_softmax_cross_entropy_with_logits, what, labels, logits)
            got = fb.value_of(losses, what, {labels: labels_value},
                              "from labels and logits, so that it can be trained through")
            expected = -fb.run(tf.nn.log_softmax(logits))[np.arange(4), labels_value]
            fb.expect(got.shape == expected.shape, f"for 4 examples the result should have shape "
                      f"(4,), one loss per example; it has shape {got.shape}." + (
                          " That is their mean: return one loss per example, as TensorFlow "
                          "does, and let the caller take tf.reduce_mean."
                          if np.allclose(got, expected.mean()) else ""))
            fb.expect(np.all(np.isfinite(got)), f"with scores as large as "
                      f"{np.abs(logits_value).max():.0f}, the losses are {fb.show(got)}: "
                      f"log(softmax) rounds to log(0). Use tf.nn.log_softmax, which is computed "
                      f"without it.")
            fb.agrees(got, expected, f"with labels {fb.show(labels_value)} and logits "
                      f"{fb.show(logits_value)}", "the value of your losses", (-expected,
                      " Cross-entropy is minus the log probability of the true class."))
            if scale == 1.0:
                gradient_agrees(tf.reduce_sum(losses), [logits], "with respect to the logits",
                                feed_dict={labels: labels_value})
    fb.expect(shape_matches((4,), losses.shape), f"the static shape of the result is "
              f"{losses.shape}; it should be one loss per example, (None,)")
    fb.correct("integer labels in, one loss per example out, stable for any scores: "
               "tf.nn.sparse_softmax_cross_entropy_with_logits, and, averaged over the batch, "
               "PyTorch's cross_entropy.")
